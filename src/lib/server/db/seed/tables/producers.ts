import type { ProducerRow } from './types.ts';

/**
 * Producers of the territory. The first eight are external farms and workshops that supply the
 * town's shops, 5 to 40 km away; the last four sell on the platform themselves (see shops.ts).
 */
export const producers: ProducerRow[] = [
	{
		key: 'gaec-des-trois-chenes',
		name: 'GAEC des Trois Chênes',
		description: 'Trois associés élèvent une centaine de vaches Rouge des Prés et des porcs en plein air sur 140 hectares de prairies.',
		methods:
			"Pâturage d'avril à novembre, foin et céréales produits sur la ferme, aucun OGM. Abattage à l'abattoir de proximité, maturation de la viande en chambre froide chez le boucher.",
		address: 'Lieu-dit Les Trois Chênes',
		city: 'Courçay-les-Bois',
		latitude: 47.49,
		longitude: 1.11,
		labels: ['hve'],
		kind: 'meat'
	},
	{
		key: 'earl-du-val-de-cher',
		name: 'EARL du Val de Cher',
		description: 'Maraîchers en agriculture biologique depuis 2009 sur les terres sableuses du Cher, spécialistes des légumes anciens.',
		methods:
			'Rotation des cultures sur huit ans, engrais verts, désherbage mécanique, irrigation au goutte-à-goutte. Semences paysannes pour une partie des variétés.',
		address: '12 route des Varennes',
		city: 'Saint-Martin-sur-Cher',
		latitude: 47.3,
		longitude: 1.03,
		labels: ['ab'],
		kind: 'vegetable'
	},
	{
		key: 'vergers-des-coteaux',
		name: 'Les Vergers des Coteaux',
		description:
			'Une famille d’arboriculteurs qui cultive 25 variétés de pommes et de poires sur les coteaux, dont la Reinette du Mans et la Poire Curé.',
		methods:
			"Protection intégrée des vergers (nichoirs à mésanges, confusion sexuelle), cueillette à la main, conservation en chambre froide naturelle jusqu'au printemps.",
		address: 'La Croix des Vergers',
		city: 'Vallères-le-Haut',
		latitude: 47.44,
		longitude: 0.9,
		labels: ['hve'],
		kind: 'apple'
	},
	{
		key: 'ferme-de-la-bergerie',
		name: 'Ferme de la Bergerie',
		description:
			'Soixante chèvres alpines nourries au foin de la ferme, dont le lait devient du Sainte-Maure-de-Touraine fermier au lait cru.',
		methods: 'Traite deux fois par jour, caillage lent en moulage à la louche, affinage de 10 jours à 5 semaines en cave naturelle.',
		address: 'La Bergerie',
		city: 'Noyant-les-Landes',
		latitude: 47.17,
		longitude: 0.86,
		labels: ['aop'],
		kind: 'cheese'
	},
	{
		key: 'domaine-des-perrieres',
		name: 'Domaine des Perrières',
		description: 'Huit hectares de chenin sur les argiles à silex de l’appellation Vouvray, cultivés en bio par la quatrième génération.',
		methods: 'Vendanges manuelles par tries successives, levures indigènes, élevage en fût et en cave de tuffeau creusée dans le coteau.',
		address: '4 rue des Caves',
		city: 'Vernou-les-Caves',
		latitude: 47.42,
		longitude: 0.73,
		labels: ['ab'],
		kind: 'wine'
	},
	{
		key: 'domaine-de-la-butte-rouge',
		name: 'Domaine de la Butte Rouge',
		description:
			'Vignerons de Bourgueil et de Chinon : du cabernet franc sur sables et graviers pour des rouges fruités, et un rosé de saignée.',
		methods: 'Enherbement des rangs, taille douce, vinifications parcellaires en cuve béton, peu de soufre ajouté.',
		address: 'La Butte',
		city: 'Restigné-en-Val',
		latitude: 47.45,
		longitude: 0.5,
		labels: ['hve'],
		kind: 'wine'
	},
	{
		key: 'pecherie-martin',
		name: 'Pêcherie Martin, pêcheur de Loire',
		description: 'Un des derniers pêcheurs professionnels du fleuve : sandre, brochet, alose au printemps et silure, pêchés à la toue.',
		methods: 'Pêche aux filets et aux nasses dans le respect des quotas et des périodes de fraie, poissons vidés et glacés le jour même.',
		address: 'Cale du Port',
		city: 'Montlouis-les-Grèves',
		latitude: 47.41,
		longitude: 1.07,
		labels: [],
		kind: 'fish'
	},
	{
		key: 'moulin-de-la-roche',
		name: 'Moulin de la Roche',
		description: 'Moulin à eau sur l’Indre, remis en route en 2015, qui écrase les blés de cinq paysans du coin sur meule de pierre.',
		methods: 'Blés population et variétés anciennes bio, mouture lente sur meule de pierre qui garde le germe, farines T65 à T150.',
		address: 'Chemin du Moulin',
		city: 'Pont-de-Ruan-la-Roche',
		latitude: 47.33,
		longitude: 0.83,
		labels: ['ab'],
		kind: 'sack'
	},
	{
		key: 'jardins-de-la-varenne',
		name: 'Les Jardins de la Varenne',
		description: 'Maraîchage biologique sur sol vivant : 60 légumes différents dans l’année, cultivés à trois kilomètres du bourg.',
		methods: 'Culture sur planches permanentes, paillage, pas de labour ni de produits de synthèse, récolte le matin même de la vente.',
		address: 'Chemin de la Varenne',
		city: 'Saint-Aubin-sur-Loire',
		latitude: 47.4115,
		longitude: 0.9635,
		labels: ['ab', 'nature_progres'],
		kind: 'vegetable'
	},
	{
		key: 'ferme-du-bois-joli',
		name: 'Ferme du Bois Joli',
		description: 'Volailles fermières élevées en plein air et porcs de race gasconne en sous-bois, transformés à la ferme.',
		methods:
			'Poulets élevés 110 jours minimum, nourris aux céréales de la ferme ; porcs en parcours boisés. Laboratoire de découpe et de transformation agréé sur place.',
		address: 'Lieu-dit Le Bois Joli',
		city: 'Saint-Aubin-sur-Loire',
		latitude: 47.3685,
		longitude: 1.0085,
		labels: ['label_rouge'],
		kind: 'poultry'
	},
	{
		key: 'laiterie-des-pres-fleuris',
		name: 'La Laiterie des Prés Fleuris',
		description:
			'Quarante vaches normandes au pâturage, dont le lait est transformé à la ferme en yaourts, crème, beurre et fromages frais.',
		methods: "Pâturage tournant, foin séché en grange, pas d'ensilage. Lait cru ou pasteurisé à basse température à la ferme.",
		address: 'La Grange aux Prés, route de Chinon',
		city: 'Saint-Aubin-sur-Loire',
		latitude: 47.3795,
		longitude: 0.9455,
		labels: ['ab'],
		kind: 'milk'
	},
	{
		key: 'rucher-des-coteaux',
		name: 'Le Rucher des Coteaux',
		description: 'Deux cents ruches installées sur les coteaux, en bord de Loire et dans les forêts voisines, pour des miels de cru.',
		methods: 'Apiculture douce, pas de nourrissement au sirop en saison, extraction à froid, miels non chauffés et non filtrés.',
		address: 'Les Coteaux, chemin des Abeilles',
		city: 'Saint-Aubin-sur-Loire',
		latitude: 47.4055,
		longitude: 1.0045,
		labels: ['ab'],
		kind: 'honey'
	}
];
