import type { ProductRow } from './types.ts';

const MEAT = 'Entre 0 et 4 °C ; à consommer dans les 4 jours.';
const POULTRY_ORIGIN = 'Né, élevé et abattu en France — Ferme du Bois Joli, Saint-Aubin-sur-Loire';
const PORK_ORIGIN = 'Porc gascon né et élevé en sous-bois — Ferme du Bois Joli, Saint-Aubin-sur-Loire';

/** Ferme du Bois Joli: free-range poultry and Gascon pigs, cut and processed at the farm. */
export const livestockFarmerProducts: ProductRow[] = [
	{
		name: 'Poulet fermier entier',
		kind: 'poultry',
		unit: 'kg',
		vat: 550,
		ingredients: 'Poulet fermier élevé en plein air, prêt à cuire.',
		description: 'Poulet à cou nu élevé 110 jours en plein air, prêt à cuire, avec ses abats.',
		labels: ['label_rouge'],
		origin: POULTRY_ORIGIN,
		storage: MEAT,
		variants: [['Au kilo (pièce de 1,8 à 2,2 kg)', 1390, 1, 'kg']]
	},
	{
		name: 'Suprêmes de poulet',
		kind: 'poultry',
		unit: 'box',
		vat: 550,
		ingredients: 'Suprêmes de poulet fermier, avec peau et manchon.',
		description: 'Deux filets avec la peau et le manchon, pour une cuisson moelleuse.',
		labels: ['label_rouge'],
		origin: POULTRY_ORIGIN,
		storage: MEAT,
		variants: [['Les 2 (environ 450 g)', 1190, 0.45, 'kg']]
	},
	{
		name: 'Cuisses de poulet',
		kind: 'poultry',
		unit: 'box',
		vat: 550,
		ingredients: 'Cuisses de poulet fermier avec peau.',
		description: 'Cuisses entières, à rôtir au four avec des pommes de terre.',
		labels: ['label_rouge'],
		origin: POULTRY_ORIGIN,
		storage: MEAT,
		variants: [['Les 4 (environ 1 kg)', 1090, 1, 'kg']]
	},
	{
		name: 'Pintade fermière',
		kind: 'poultry',
		unit: 'kg',
		vat: 550,
		ingredients: 'Pintade fermière prête à cuire.',
		description: 'Chair fine au goût légèrement giboyeux, délicieuse aux choux.',
		labels: ['label_rouge'],
		origin: POULTRY_ORIGIN,
		storage: MEAT,
		variants: [['Au kilo (pièce d’environ 1,4 kg)', 1590, 1, 'kg']]
	},
	{
		name: 'Canette de Barbarie',
		kind: 'poultry',
		unit: 'kg',
		vat: 550,
		ingredients: 'Canette de Barbarie prête à cuire.',
		description: 'Jeune cane élevée sur parcours herbeux, à rôtir aux pêches ou aux navets.',
		origin: POULTRY_ORIGIN,
		storage: MEAT,
		variants: [['Au kilo (pièce d’environ 2 kg)', 1490, 1, 'kg']]
	},
	{
		name: 'Chapon fermier',
		kind: 'poultry',
		unit: 'kg',
		vat: 550,
		ingredients: 'Chapon fermier prêt à cuire, livré avec ses abats.',
		description: 'Élevé 150 jours et fini au lait et aux céréales, pour le repas de Noël.',
		labels: ['label_rouge'],
		origin: POULTRY_ORIGIN,
		months: [12],
		stock: { onOrderDays: 10 },
		storage: MEAT,
		variants: [['Au kilo (pièce de 3 à 4 kg)', 2290, 1, 'kg']]
	},
	{
		name: 'Œufs de poules plein air',
		kind: 'eggs',
		unit: 'dozen',
		vat: 550,
		ingredients: 'Œufs frais de poules élevées en plein air (code 1), catégorie A.',
		category: 'oeufs-produits-laitiers',
		description: 'Pondus par nos poules qui courent sous les noyers, ramassés chaque matin.',
		allergens: ['eggs'],
		origin: POULTRY_ORIGIN,
		storage: 'À température ambiante stable, 28 jours après la ponte.',
		variants: [
			['La demi-douzaine (boîte de 6)', 270],
			['La douzaine (boîte de 12)', 510],
			['Plateau de 30 œufs', 1200]
		]
	},
	{
		name: 'Côtes de porc gascon',
		kind: 'meat',
		unit: 'kg',
		vat: 550,
		ingredients: 'Viande de porc gascon (côtes premières).',
		description: 'Viande rouge et persillée d’un porc de race ancienne élevé 14 mois.',
		origin: PORK_ORIGIN,
		storage: MEAT,
		variants: [['Au kilo', 2190, 1, 'kg']]
	},
	{
		name: 'Rôti de porc gascon',
		kind: 'meat',
		unit: 'kg',
		vat: 550,
		ingredients: 'Viande de porc gascon (longe désossée), ficelée.',
		description: 'Rôti dans la longe, ficelé, pour 4 à 6 personnes.',
		origin: PORK_ORIGIN,
		storage: MEAT,
		variants: [['Au kilo', 2390, 1, 'kg']]
	},
	{
		name: 'Poitrine fraîche',
		kind: 'meat',
		unit: 'kg',
		vat: 550,
		ingredients: 'Poitrine de porc gascon fraîche, avec couenne.',
		description: 'À confire, à griller en tranches ou pour le petit salé aux lentilles.',
		origin: PORK_ORIGIN,
		storage: MEAT,
		variants: [['Au kilo', 1690, 1, 'kg']]
	},
	{
		name: 'Saucisses de la ferme',
		kind: 'sausage',
		unit: 'box',
		vat: 550,
		description: 'Pur porc gascon, hachées gros, embossées à la ferme.',
		ingredients: 'Viande de porc, sel, poivre, boyau naturel.',
		origin: PORK_ORIGIN,
		storage: MEAT,
		variants: [['Les 4 (environ 500 g)', 1050, 0.5, 'kg']]
	},
	{
		name: 'Pâté de la ferme au poivre',
		kind: 'jar',
		unit: 'piece',
		vat: 550,
		description: 'Terrine en bocal, stérilisée : se garde un an dans le placard.',
		ingredients: 'Viande et foie de porc, oignons, œufs, sel, poivre, épices.',
		allergens: ['eggs'],
		origin: PORK_ORIGIN,
		storage: 'Au sec avant ouverture ; au frais ensuite, 3 jours.',
		variants: [['Bocal de 350 g', 790, 0.35, 'kg']]
	},
	{
		name: 'Rillettes de canard',
		kind: 'jar',
		unit: 'piece',
		vat: 550,
		description: 'Effilochées à la main, confites dans leur graisse.',
		ingredients: 'Viande de canard, graisse de canard, sel, poivre.',
		origin: POULTRY_ORIGIN,
		storage: 'Au sec avant ouverture ; au frais ensuite, 5 jours.',
		variants: [['Bocal de 200 g', 690, 0.2, 'kg']]
	},
	{
		name: 'Jambon sec de porc gascon',
		kind: 'meat',
		unit: 'kg',
		vat: 550,
		description: 'Affiné 18 mois au séchoir de la ferme, tranché finement à la commande.',
		ingredients: 'Jambon de porc, sel.',
		origin: PORK_ORIGIN,
		stock: { onOrderDays: 2 },
		storage: 'Entre 0 et 4 °C, 2 semaines sous vide.',
		variants: [['Sachet de 100 g', 690, 0.1, 'kg']]
	},
	{
		name: 'Colis de porc gascon',
		kind: 'meat',
		unit: 'box',
		vat: 550,
		ingredients:
			'Viande de porc gascon (côtes, rôti, poitrine) ; saucisses (viande de porc, sel, poivre, boyau naturel de porc) ; pâté au poivre (gorge et foie de porc, œufs, oignons, sel, poivre).',
		allergens: ['eggs'],
		description: 'Côtes, rôti, saucisses, poitrine et pâté, sous vide, lors des découpes mensuelles.',
		origin: PORK_ORIGIN,
		stock: { onOrderDays: 14 },
		storage: 'Sous vide, entre 0 et 4 °C : 12 jours ; se congèle.',
		variants: [
			['Colis de 5 kg', 8900, 5, 'kg'],
			['Colis de 10 kg', 16900, 10, 'kg']
		]
	},
	{
		name: 'Bouillon de volaille',
		kind: 'jar',
		unit: 'piece',
		vat: 550,
		description: 'Carcasses rôties et légumes de la Varenne mijotés six heures.',
		ingredients: 'Eau, carcasses de poulet, carottes, poireaux, oignons, céleri, thym, laurier, sel.',
		allergens: ['celery'],
		origin: POULTRY_ORIGIN,
		storage: 'Au frais, 5 jours ; se congèle.',
		variants: [['Bocal de 1 l', 590, 1, 'l']]
	},
	{
		name: 'Foies de volaille',
		kind: 'meat',
		unit: 'box',
		vat: 550,
		ingredients: 'Foies de poulet fermier.',
		description: 'Pour une terrine maison ou une salade tiède aux lardons.',
		origin: POULTRY_ORIGIN,
		storage: 'Entre 0 et 4 °C ; à consommer dans les 48 heures.',
		variants: [['Barquette de 250 g', 390, 0.25, 'kg']]
	},
	{
		name: 'Graisse de canard',
		kind: 'jar',
		unit: 'piece',
		vat: 550,
		description: 'Pour des pommes de terre sarladaises dorées et croustillantes.',
		ingredients: 'Graisse de canard.',
		origin: POULTRY_ORIGIN,
		storage: 'Au frais, 3 mois.',
		variants: [['Pot de 320 g', 450, 0.32, 'kg']]
	}
];
