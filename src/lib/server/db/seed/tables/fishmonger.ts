import type { ProductRow } from './types.ts';

const FISH = 'Sur glace ou entre 0 et 2 °C ; à consommer dans les 24 heures.';
const LOIRE = 'Pêché en Loire par la Pêcherie Martin (eau douce, pêche professionnelle)';
const ATLANTIC = 'Pêché en Atlantique Nord-Est (zone FAO 27), chalut ou ligne — débarqué aux Sables-d’Olonne';

/** Poissonnerie La Marée de Loire: fish of the river and of the Atlantic coast, three days a week. */
export const fishmongerProducts: ProductRow[] = [
	{
		name: 'Filet de sandre de Loire',
		kind: 'fish',
		unit: 'kg',
		vat: 550,
		ingredients: 'Sandre (Sander lucioperca), filet avec peau.',
		description: 'Chair blanche et fine, sans arêtes ; à cuire côté peau, au beurre blanc.',
		allergens: ['fish'],
		producer: 'pecherie-martin',
		origin: LOIRE,
		months: [1, 2, 3, 7, 8, 9, 10, 11, 12],
		storage: FISH,
		variants: [['Au kilo', 3990, 1, 'kg']]
	},
	{
		name: 'Brochet entier',
		kind: 'fish',
		unit: 'kg',
		vat: 550,
		ingredients: 'Brochet (Esox lucius), entier et vidé.',
		description: 'Pour les quenelles ou au four ; vidé et écaillé à la demande.',
		allergens: ['fish'],
		producer: 'pecherie-martin',
		origin: LOIRE,
		months: [1, 5, 6, 7, 8, 9, 10, 11, 12],
		storage: FISH,
		variants: [['Au kilo', 1890, 1, 'kg']]
	},
	{
		name: 'Alose de Loire',
		kind: 'fish',
		unit: 'kg',
		vat: 550,
		ingredients: 'Alose (Alosa alosa), entière et vidée.',
		description: 'Le poisson du printemps qui remonte le fleuve, traditionnellement grillé à l’oseille.',
		allergens: ['fish'],
		producer: 'pecherie-martin',
		origin: LOIRE,
		months: [4, 5],
		storage: FISH,
		variants: [['Au kilo', 1690, 1, 'kg']]
	},
	{
		name: 'Friture de Loire',
		kind: 'fish',
		unit: 'box',
		vat: 550,
		ingredients: 'Petits poissons de Loire (ablettes, gardons, goujons), vidés.',
		description: 'Petits poissons du fleuve à frire entiers, comme dans les guinguettes de bord de Loire.',
		allergens: ['fish'],
		producer: 'pecherie-martin',
		origin: LOIRE,
		months: [6, 7, 8, 9],
		storage: FISH,
		variants: [['Barquette de 500 g', 990, 0.5, 'kg']]
	},
	{
		name: 'Filet de silure',
		kind: 'fish',
		unit: 'kg',
		vat: 550,
		ingredients: 'Silure glane (Silurus glanis), filet sans peau.',
		description: 'Chair ferme et sans arêtes, pour les brochettes ou un curry.',
		allergens: ['fish'],
		producer: 'pecherie-martin',
		origin: LOIRE,
		storage: FISH,
		variants: [['Au kilo', 2290, 1, 'kg']]
	},
	{
		name: 'Dos de cabillaud',
		kind: 'fish',
		unit: 'piece',
		vat: 550,
		ingredients: 'Cabillaud (Gadus morhua), dos sans arêtes.',
		description: 'Pavés épais taillés dans le dos, nacrés et fondants.',
		allergens: ['fish'],
		origin: 'Pêché en Atlantique Nord-Est (zone FAO 27), ligne — Islande',
		storage: FISH,
		variants: [
			['1 pavé (environ 180 g)', 540, 0.18, 'kg'],
			['2 pavés (environ 360 g)', 1060, 0.36, 'kg']
		]
	},
	{
		name: 'Bar de ligne',
		kind: 'fish',
		unit: 'kg',
		vat: 550,
		ingredients: 'Bar (Dicentrarchus labrax), entier.',
		description: 'Pêché à l’hameçon par les ligneurs de la pointe de Bretagne, à griller entier.',
		allergens: ['fish'],
		origin: 'Pêché à la ligne en Atlantique Nord-Est (zone FAO 27.8)',
		storage: FISH,
		variants: [['Au kilo', 3990, 1, 'kg']]
	},
	{
		name: 'Sardines de Saint-Gilles',
		kind: 'fish',
		unit: 'kg',
		vat: 550,
		ingredients: 'Sardines (Sardina pilchardus), entières.',
		description: 'Sardines de bolinche, brillantes, à griller au barbecue.',
		allergens: ['fish'],
		origin: ATLANTIC,
		months: [5, 6, 7, 8, 9],
		storage: FISH,
		variants: [['Au kilo', 990, 1, 'kg']]
	},
	{
		name: 'Maquereaux de ligne',
		kind: 'fish',
		unit: 'kg',
		vat: 550,
		ingredients: 'Maquereau (Scomber scombrus), entier.',
		description: 'Maquereaux entiers bien fermes, à cuire au vin blanc ou en escabèche.',
		allergens: ['fish'],
		origin: ATLANTIC,
		months: [3, 4, 5, 6, 7, 8, 9],
		storage: FISH,
		variants: [['Au kilo', 1190, 1, 'kg']]
	},
	{
		name: 'Filet de lieu jaune',
		kind: 'fish',
		unit: 'kg',
		vat: 550,
		ingredients: 'Lieu jaune (Pollachius pollachius), filet avec peau.',
		description: 'Un poisson blanc savoureux et abordable, pêché au large de la Bretagne.',
		allergens: ['fish'],
		origin: ATLANTIC,
		storage: FISH,
		variants: [['Au kilo', 2690, 1, 'kg']]
	},
	{
		name: 'Saumon d’Écosse en pavé',
		kind: 'fish',
		unit: 'piece',
		vat: 550,
		ingredients: 'Saumon atlantique (Salmo salar), pavé avec peau.',
		description: 'Saumon d’élevage Label Rouge, nourri sans OGM, en pavés sans arêtes.',
		allergens: ['fish'],
		labels: ['label_rouge'],
		origin: 'Élevé en Écosse (Royaume-Uni)',
		storage: FISH,
		variants: [['1 pavé (environ 150 g)', 520, 0.15, 'kg']]
	},
	{
		name: 'Moules de bouchot',
		kind: 'shellfish',
		unit: 'kg',
		vat: 550,
		ingredients: 'Moules de bouchot (Mytilus edulis), vivantes.',
		description: 'Moules de la baie du Mont-Saint-Michel, petites et charnues, déjà grattées.',
		allergens: ['molluscs'],
		labels: ['aop'],
		origin: 'Baie du Mont-Saint-Michel (élevage)',
		months: [7, 8, 9, 10, 11, 12, 1],
		storage: 'Au frais, à cuisiner dans les 48 heures.',
		variants: [['Au kilo', 590, 1, 'kg']]
	},
	{
		name: 'Huîtres de Marennes-Oléron fines de claire n° 3',
		kind: 'shellfish',
		unit: 'dozen',
		vat: 550,
		ingredients: 'Huîtres creuses (Magallana gigas), vivantes.',
		description: 'Affinées en claires, iodées et légèrement sucrées ; ouvertes sur demande.',
		allergens: ['molluscs'],
		labels: ['igp'],
		origin: 'Marennes-Oléron (Charente-Maritime)',
		months: [9, 10, 11, 12, 1, 2, 3, 4],
		storage: 'Entre 5 et 15 °C, bombées vers le haut, 5 jours.',
		variants: [
			['La douzaine', 1290],
			['Bourriche de 3 douzaines', 3600]
		]
	},
	{
		name: 'Crevettes roses cuites',
		kind: 'shellfish',
		unit: 'kg',
		vat: 550,
		ingredients: 'Crevettes bouquet (Palaemon serratus), cuites à l’eau de mer et au sel.',
		description: 'Cuites le matin même au court-bouillon, à décortiquer pour l’apéritif.',
		allergens: ['crustaceans'],
		origin: 'Pêchées en Atlantique Nord-Est (zone FAO 27)',
		storage: FISH,
		variants: [
			['Barquette de 250 g', 690, 0.25, 'kg'],
			['Au kilo', 2690, 1, 'kg']
		]
	},
	{
		name: 'Langoustines vivantes',
		kind: 'shellfish',
		unit: 'kg',
		vat: 550,
		ingredients: 'Langoustines (Nephrops norvegicus), vivantes.',
		description: 'Langoustines du Guilvinec, arrivées vivantes, à cuire deux minutes.',
		allergens: ['crustaceans'],
		origin: 'Pêchées au chalut, Guilvinec (Finistère)',
		months: [4, 5, 6, 7, 8, 9],
		stock: { onOrderDays: 2 },
		storage: 'Au frais, à cuire le jour même.',
		variants: [['Au kilo', 3490, 1, 'kg']]
	},
	{
		name: 'Noix de Saint-Jacques',
		kind: 'shellfish',
		unit: 'kg',
		vat: 550,
		ingredients: 'Noix de coquilles Saint-Jacques (Pecten maximus), décortiquées à la main.',
		description: 'Décortiquées à la main, avec ou sans corail selon l’arrivage.',
		allergens: ['molluscs'],
		labels: ['label_rouge'],
		origin: 'Pêchées en Manche, Port-en-Bessin (Calvados)',
		months: [10, 11, 12, 1, 2, 3, 4, 5],
		storage: FISH,
		variants: [['Au kilo', 6490, 1, 'kg']]
	},
	{
		name: 'Soupe de poissons maison',
		kind: 'jar',
		unit: 'piece',
		vat: 550,
		category: 'traiteur',
		description: 'Mijotée avec les poissons de roche et les parures du jour, servie avec rouille et croûtons.',
		ingredients: 'Poissons (45 %), tomates, oignons, huile d’olive, ail, fenouil, safran, sel, poivre.',
		allergens: ['fish', 'celery'],
		storage: 'Au réfrigérateur, 4 jours.',
		variants: [['Bocal de 1 l', 890, 1, 'l']]
	},
	{
		name: 'Rillettes de sardines',
		kind: 'jar',
		unit: 'piece',
		vat: 550,
		category: 'traiteur',
		description: 'Sardines, fromage frais, citron et ciboulette, pour les tartines de l’apéritif.',
		ingredients: 'Sardines (50 %), fromage frais, citron, ciboulette, sel, poivre.',
		allergens: ['fish', 'milk'],
		storage: 'Au réfrigérateur, 5 jours.',
		variants: [['Pot de 150 g', 520, 0.15, 'kg']]
	},
	{
		name: 'Saumon fumé au bois de hêtre',
		kind: 'fish',
		unit: 'box',
		vat: 550,
		description: 'Salé au sel sec et fumé lentement par un artisan de l’île d’Yeu.',
		ingredients: 'Saumon (Salmo salar), sel.',
		allergens: ['fish'],
		origin: 'Élevé en Irlande, fumé en Vendée',
		storage: 'Entre 0 et 4 °C.',
		variants: [
			['4 tranches (200 g)', 1290, 0.2, 'kg'],
			['8 tranches (400 g)', 2490, 0.4, 'kg']
		]
	},
	{
		name: 'Plateau de fruits de mer',
		kind: 'shellfish',
		unit: 'box',
		vat: 550,
		ingredients:
			'Huîtres creuses de Marennes-Oléron, langoustines et crevettes bouquet cuites (eau de mer, sel), bulots cuits, bigorneaux ; pain de seigle (farine de seigle, farine de blé, eau, levain, sel) et beurre demi-sel (crème de lait, sel).',
		origin: 'Huîtres : Marennes-Oléron ; crustacés et coquillages : Atlantique Nord-Est et Manche (zone FAO 27)',
		description: 'Huîtres, crevettes, bulots, bigorneaux et langoustines, avec pain de seigle et beurre.',
		allergens: ['molluscs', 'crustaceans', 'gluten', 'milk'],
		months: [9, 10, 11, 12, 1, 2, 3, 4],
		stock: { onOrderDays: 2 },
		storage: 'Au frais, à déguster le jour du retrait.',
		variants: [
			['Pour 2 personnes (environ 1,6 kg)', 5900, 1.6, 'kg'],
			['Pour 4 personnes (environ 3,2 kg)', 11000, 3.2, 'kg']
		]
	}
];
