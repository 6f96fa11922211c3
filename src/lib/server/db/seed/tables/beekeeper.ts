import type { ProductRow } from './types.ts';

const HONEY = 'À température ambiante, à l’abri de l’humidité ; il cristallise naturellement.';
const HIVES = 'Le Rucher des Coteaux, Saint-Aubin-sur-Loire';

/** Le Rucher des Coteaux: honeys of the hillsides, the river banks and the forests. */
const fromTheHives: ProductRow[] = [
	{
		name: 'Miel de printemps',
		kind: 'honey',
		unit: 'piece',
		vat: 550,
		description: 'Colza, aubépine et fruitiers : un miel clair et crémeux, doux pour les enfants.',
		ingredients: 'Miel.',
		labels: ['ab'],
		variants: [
			['Pot de 250 g', 600, 0.25, 'kg'],
			['Pot de 500 g', 1050, 0.5, 'kg'],
			['Pot de 1 kg', 1900, 1, 'kg']
		]
	},
	{
		name: 'Miel d’acacia',
		kind: 'honey',
		unit: 'piece',
		vat: 550,
		description: 'Récolté en mai dans les robiniers des bords de Loire, liquide et très doux.',
		ingredients: 'Miel d’acacia.',
		labels: ['ab'],
		months: [6, 7, 8, 9, 10, 11, 12],
		variants: [
			['Pot de 250 g', 750, 0.25, 'kg'],
			['Pot de 500 g', 1350, 0.5, 'kg']
		]
	},
	{
		name: 'Miel de tilleul',
		kind: 'honey',
		unit: 'piece',
		vat: 550,
		description: 'Mentholé et frais, des grands tilleuls des allées du château.',
		ingredients: 'Miel de tilleul.',
		labels: ['ab'],
		variants: [['Pot de 250 g', 700, 0.25, 'kg']]
	},
	{
		name: 'Miel de châtaignier',
		kind: 'honey',
		unit: 'piece',
		vat: 550,
		description: 'Ambré foncé, puissant et légèrement amer, des forêts de châtaigniers du Chinonais.',
		ingredients: 'Miel de châtaignier.',
		labels: ['ab'],
		variants: [
			['Pot de 250 g', 650, 0.25, 'kg'],
			['Pot de 500 g', 1150, 0.5, 'kg']
		]
	},
	{
		name: 'Miel de tournesol',
		kind: 'honey',
		unit: 'piece',
		vat: 550,
		description: 'Jaune d’or, fruité, qui cristallise vite en une texture fine.',
		ingredients: 'Miel de tournesol.',
		labels: ['ab'],
		variants: [['Pot de 500 g', 950, 0.5, 'kg']]
	},
	{
		name: 'Miel de bruyère',
		kind: 'honey',
		unit: 'piece',
		vat: 550,
		description: 'Rare et boisé, récolté en fin d’été sur les landes de la Brenne.',
		ingredients: 'Miel de bruyère.',
		labels: ['ab'],
		stock: { onOrderDays: 3 },
		variants: [['Pot de 250 g', 900, 0.25, 'kg']]
	},
	{
		name: 'Miel en rayon',
		kind: 'honey',
		unit: 'piece',
		vat: 550,
		description: 'Un morceau de cadre tel qu’il sort de la ruche, à croquer avec la cire.',
		ingredients: 'Miel et cire d’abeille.',
		labels: ['ab'],
		months: [6, 7, 8, 9],
		variants: [['Barquette de 300 g', 1400, 0.3, 'kg']]
	},
	{
		name: 'Pollen frais',
		kind: 'honey',
		unit: 'piece',
		vat: 550,
		description: 'Pelotes de pollen récoltées au printemps, conservées au congélateur.',
		ingredients: 'Pollen.',
		labels: ['ab'],
		months: [4, 5, 6],
		storage: 'Au congélateur.',
		variants: [['Pot de 250 g', 1500, 0.25, 'kg']]
	},
	{
		name: 'Pain d’épices du rucher',
		kind: 'bread',
		unit: 'piece',
		vat: 550,
		category: 'boulangerie-patisserie',
		description: 'Cuit par la Boulangerie Au Pain d’Antan avec 50 % de notre miel de châtaignier.',
		ingredients: 'Miel de châtaignier (50 %), farine de seigle, épices, bicarbonate.',
		allergens: ['gluten'],
		storage: 'Dans un torchon, 3 semaines.',
		variants: [['Le pavé de 400 g', 850, 0.4, 'kg']]
	},
	{
		name: 'Bonbons au miel',
		kind: 'jar',
		unit: 'piece',
		vat: 2000,
		category: 'chocolats-confiseries',
		description: 'Bonbons durs au miel et à la propolis, pour les gorges d’hiver.',
		ingredients: 'Sucre, sirop de glucose, miel (10 %), propolis.',
		months: [10, 11, 12, 1, 2, 3],
		storage: 'Au sec.',
		variants: [['Sachet de 150 g', 450, 0.15, 'kg']]
	},
	{
		name: 'Confiture de fraises',
		kind: 'jam',
		unit: 'piece',
		vat: 550,
		description: 'Fraises des Jardins de la Varenne cuites au chaudron avec du miel de printemps.',
		ingredients: 'Fraises (65 %), sucre de canne, miel, jus de citron.',
		labels: ['ab'],
		variants: [['Pot de 320 g', 590, 0.32, 'kg']]
	},
	{
		name: 'Confiture de coings',
		kind: 'jam',
		unit: 'piece',
		vat: 550,
		description: 'Coings des vieux arbres du rucher, en gelée ambrée et parfumée.',
		ingredients: 'Coings (60 %), sucre de canne, jus de citron.',
		variants: [['Pot de 320 g', 550, 0.32, 'kg']]
	},
	{
		name: 'Pâte à tartiner miel et noisettes',
		kind: 'jar',
		unit: 'piece',
		vat: 550,
		description: 'Miel crémeux, noisettes torréfiées et cacao, sans huile de palme.',
		ingredients: 'Miel (45 %), noisettes (35 %), cacao maigre, beurre de cacao.',
		allergens: ['nuts'],
		variants: [['Pot de 250 g', 850, 0.25, 'kg']]
	},
	{
		name: 'Bougie en cire d’abeille',
		kind: 'honey',
		unit: 'piece',
		vat: 2000,
		category: 'epicerie',
		description: 'Coulée à la main avec la cire du rucher, brûle sans fumée en sentant le miel.',
		ingredients: 'Cire d’abeille, mèche en coton.',
		storage: 'Loin d’une source de chaleur.',
		variants: [
			['Petite, 8 h (60 g)', 650, 0.06, 'kg'],
			['Grande, 30 h (250 g)', 1800, 0.25, 'kg']
		]
	}
];

export const beekeeperProducts: ProductRow[] = fromTheHives.map((product) => ({ origin: HIVES, storage: HONEY, ...product }));
