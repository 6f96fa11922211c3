import type { ProductRow } from './types.ts';

const FRESH = 'Entre 0 et 4 °C.';
const FARM = 'Lait de nos vaches normandes — La Laiterie des Prés Fleuris, Saint-Aubin-sur-Loire';

/** La Laiterie des Prés Fleuris: milk of the farm's Normande cows, processed on site. */
const fromTheFarm: ProductRow[] = [
	{
		name: 'Lait cru entier',
		kind: 'milk',
		unit: 'piece',
		vat: 550,
		description: 'Trait le matin même, non écrémé et non chauffé : à faire bouillir avant de le donner aux jeunes enfants.',
		ingredients: 'Lait cru entier de vache.',
		allergens: ['milk'],
		storage: `${FRESH} 3 jours.`,
		variants: [
			['Bouteille en verre consignée 1 l', 160, 1, 'l'],
			['Bidon de 2 l', 290, 2, 'l']
		]
	},
	{
		name: 'Lait pasteurisé demi-écrémé',
		kind: 'milk',
		unit: 'piece',
		vat: 550,
		description: 'Pasteurisé à basse température à la ferme pour garder le goût du lait.',
		ingredients: 'Lait de vache demi-écrémé pasteurisé.',
		allergens: ['milk'],
		storage: `${FRESH} 7 jours.`,
		variants: [['Bouteille en verre consignée 1 l', 150, 1, 'l']]
	},
	{
		name: 'Yaourts nature',
		kind: 'yogurt',
		unit: 'box',
		vat: 550,
		description: 'Au lait entier, fermes et doux, en pots de verre consignés.',
		ingredients: 'Lait entier de vache, ferments lactiques.',
		allergens: ['milk'],
		storage: `${FRESH} 3 semaines.`,
		variants: [
			['Les 4 × 125 g', 260, 0.5, 'kg'],
			['Pot familial de 1 kg', 450, 1, 'kg']
		]
	},
	{
		name: 'Yaourts aux fruits',
		kind: 'yogurt',
		unit: 'box',
		vat: 550,
		description: 'Sur un lit de confiture de fraise, de myrtille ou d’abricot du Rucher des Coteaux.',
		ingredients: 'Lait entier de vache, confiture de fruits (15 %), sucre, ferments lactiques.',
		allergens: ['milk'],
		storage: `${FRESH} 3 semaines.`,
		variants: [['Les 4 × 125 g', 340, 0.5, 'kg']]
	},
	{
		name: 'Yaourt à boire vanille',
		kind: 'milk',
		unit: 'piece',
		vat: 550,
		description: 'Onctueux, à la vraie vanille de Madagascar, pour le goûter.',
		ingredients: 'Lait de vache, sucre, vanille, ferments lactiques.',
		allergens: ['milk'],
		storage: `${FRESH} 2 semaines.`,
		variants: [['Bouteille de 50 cl', 290, 0.5, 'l']]
	},
	{
		name: 'Crème fraîche épaisse',
		kind: 'yogurt',
		unit: 'piece',
		vat: 550,
		description: 'Crème crue maturée 24 heures, épaisse et légèrement acidulée.',
		ingredients: 'Crème de lait de vache, ferments lactiques.',
		allergens: ['milk'],
		storage: `${FRESH} 10 jours.`,
		variants: [
			['Pot de 25 cl', 290, 0.25, 'l'],
			['Pot de 50 cl', 520, 0.5, 'l']
		]
	},
	{
		name: 'Beurre fermier doux',
		kind: 'butter',
		unit: 'piece',
		vat: 550,
		description: 'Baratté à la ferme chaque semaine, jaune au printemps quand les vaches mangent l’herbe.',
		ingredients: 'Crème de lait de vache.',
		allergens: ['milk'],
		storage: `${FRESH} 3 semaines.`,
		variants: [['Motte de 250 g', 450, 0.25, 'kg']]
	},
	{
		name: 'Beurre fermier demi-sel',
		kind: 'butter',
		unit: 'piece',
		vat: 550,
		description: 'Notre beurre de baratte avec des cristaux de sel de Guérande.',
		ingredients: 'Crème de lait de vache, sel de Guérande (2,5 %).',
		allergens: ['milk'],
		storage: `${FRESH} 4 semaines.`,
		variants: [['Motte de 250 g', 470, 0.25, 'kg']]
	},
	{
		name: 'Fromage blanc battu',
		kind: 'yogurt',
		unit: 'piece',
		vat: 550,
		description: 'Lisse et crémeux, à 20 % de matière grasse.',
		ingredients: 'Lait de vache, crème, ferments lactiques, présure.',
		allergens: ['milk'],
		storage: `${FRESH} 2 semaines.`,
		variants: [['Pot de 500 g', 350, 0.5, 'kg']]
	},
	{
		name: 'Tomme fermière des Prés',
		kind: 'cheese',
		unit: 'kg',
		vat: 550,
		category: 'cremerie-fromages',
		description: 'Tomme au lait cru affinée deux mois dans notre cave voûtée.',
		ingredients: 'Lait cru de vache, sel, ferments, présure.',
		allergens: ['milk'],
		storage: 'Dans un papier fromager, au bas du réfrigérateur.',
		variants: [['Au kilo', 2090, 1, 'kg']]
	},
	{
		name: 'Petit frais à l’ail et aux fines herbes',
		kind: 'cheese',
		unit: 'piece',
		vat: 550,
		category: 'cremerie-fromages',
		description: 'Fromage frais de vache à tartiner, ail des ours au printemps.',
		ingredients: 'Lait de vache, crème, ail, fines herbes, sel, ferments.',
		allergens: ['milk'],
		storage: `${FRESH} 10 jours.`,
		variants: [['Pot de 150 g', 320, 0.15, 'kg']]
	},
	{
		name: 'Riz au lait à la vanille',
		kind: 'yogurt',
		unit: 'piece',
		vat: 550,
		description: 'Cuit lentement au lait entier, comme chez la grand-mère.',
		ingredients: 'Lait entier de vache, riz rond, sucre, vanille.',
		allergens: ['milk'],
		storage: `${FRESH} 8 jours.`,
		variants: [['Pot de 150 g', 220, 0.15, 'kg']]
	},
	{
		name: 'Crème dessert au chocolat',
		kind: 'yogurt',
		unit: 'box',
		vat: 550,
		description: 'Onctueuse, au chocolat noir, sans épaississant.',
		ingredients: 'Lait entier de vache, chocolat noir (8 %), sucre, crème, amidon de maïs.',
		allergens: ['milk', 'soybeans'],
		storage: `${FRESH} 2 semaines.`,
		variants: [['Les 4 × 100 g', 380, 0.4, 'kg']]
	},
	{
		name: 'Glace artisanale au lait de la ferme',
		kind: 'yogurt',
		unit: 'piece',
		vat: 550,
		description: 'Vanille, caramel au beurre salé, fraise de la Varenne ou chocolat.',
		ingredients: 'Lait entier, crème, sucre, jaunes d’œufs, parfums naturels.',
		allergens: ['milk', 'eggs'],
		months: [5, 6, 7, 8, 9],
		storage: 'Au congélateur, à −18 °C.',
		variants: [
			['Pot de 500 ml', 690, 0.5, 'l'],
			['Bac de 1 l', 1190, 1, 'l']
		]
	},
	{
		name: 'Œufs frais de la ferme',
		kind: 'eggs',
		unit: 'dozen',
		vat: 550,
		ingredients: 'Œufs frais de nos poules, ramassés chaque matin (catégorie A).',
		description: 'Les poules de la ferme picorent derrière la stabulation : œufs du jour.',
		allergens: ['eggs'],
		storage: 'À température ambiante stable, 28 jours après la ponte.',
		variants: [
			['La demi-douzaine (boîte de 6)', 260],
			['La douzaine (boîte de 12)', 490]
		]
	},
	{
		name: 'Caillé de la ferme',
		kind: 'yogurt',
		unit: 'piece',
		vat: 550,
		description: 'Le lait caillé à la présure, à déguster nature ou avec du sucre, comme autrefois.',
		ingredients: 'Lait cru entier de vache, présure.',
		allergens: ['milk'],
		stock: { onOrderDays: 1 },
		storage: `${FRESH} 4 jours.`,
		variants: [['Faisselle de 500 g', 290, 0.5, 'kg']]
	}
];

export const dairyProducts: ProductRow[] = fromTheFarm.map((product) => ({ origin: FARM, ...product }));
