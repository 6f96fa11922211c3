import type { ProductRow } from './types.ts';

const BREAD_STORAGE = 'Se conserve 2 à 3 jours dans un sac en tissu, à l’abri de l’humidité.';
const VIENNOISERIE_STORAGE = 'À déguster le jour même ; se réchauffe 3 minutes au four.';

/** Boulangerie Au Pain d'Antan: bread on natural leaven from the Moulin de la Roche flour. */
export const bakeryProducts: ProductRow[] = [
	{
		name: 'Baguette de tradition',
		kind: 'baguette',
		unit: 'piece',
		vat: 550,
		description: 'Notre baguette tradition, pétrie lentement et façonnée à la main, croûte craquante et mie alvéolée.',
		ingredients: 'Farine de blé T65, eau, levain, sel de Guérande, levure.',
		allergens: ['gluten'],
		stock: 'unlimited',
		storage: BREAD_STORAGE,
		variants: [['La baguette (250 g)', 130, 0.25, 'kg']]
	},
	{
		name: 'Pain complet au levain',
		kind: 'bread',
		unit: 'piece',
		vat: 550,
		description: 'Un pain de caractère à la farine complète moulue sur meule de pierre, fermenté 18 heures.',
		ingredients: 'Farine de blé complète T150 bio, eau, levain naturel, sel.',
		allergens: ['gluten'],
		labels: ['ab'],
		producer: 'moulin-de-la-roche',
		origin: 'Farine du Moulin de la Roche (Indre-et-Loire)',
		storage: BREAD_STORAGE,
		variants: [
			['500 g', 380, 0.5, 'kg'],
			['1 kg', 690, 1, 'kg']
		]
	},
	{
		name: "Pain de campagne d'Antan",
		kind: 'bread',
		unit: 'piece',
		vat: 550,
		description: 'La grosse miche de la maison, au levain et à la farine de seigle, qui se garde toute la semaine.',
		ingredients: 'Farine de blé T80 bio, farine de seigle T130 bio, eau, levain naturel, sel.',
		allergens: ['gluten'],
		labels: ['ab'],
		producer: 'moulin-de-la-roche',
		origin: 'Farine du Moulin de la Roche (Indre-et-Loire)',
		storage: BREAD_STORAGE,
		variants: [
			['Demi-miche (600 g)', 420, 0.6, 'kg'],
			['Miche entière (1,2 kg)', 790, 1.2, 'kg']
		]
	},
	{
		name: 'Pain de seigle',
		kind: 'bread',
		unit: 'piece',
		vat: 550,
		description: 'Pain dense au seigle, parfait avec les huîtres et les fromages de chèvre.',
		ingredients: 'Farine de seigle T130, farine de blé, eau, levain, sel.',
		allergens: ['gluten'],
		storage: BREAD_STORAGE,
		variants: [['400 g', 350, 0.4, 'kg']]
	},
	{
		name: 'Pain aux noix',
		kind: 'bread',
		unit: 'piece',
		vat: 550,
		description: 'Généreusement garni de cerneaux de noix du Périgord, idéal avec un plateau de fromages.',
		ingredients: 'Farine de blé T80, cerneaux de noix (20 %), eau, levain, sel.',
		allergens: ['gluten', 'nuts'],
		storage: BREAD_STORAGE,
		variants: [['350 g', 420, 0.35, 'kg']]
	},
	{
		name: 'Pain aux céréales',
		kind: 'bread',
		unit: 'piece',
		vat: 550,
		description: 'Un mélange de graines de lin, de tournesol, de sésame et de millet dans une mie moelleuse.',
		ingredients: 'Farine de blé, graines de tournesol, lin, sésame, millet, eau, levain, sel.',
		allergens: ['gluten', 'sesame'],
		storage: BREAD_STORAGE,
		variants: [['450 g', 390, 0.45, 'kg']]
	},
	{
		name: 'Pain de mie artisanal',
		kind: 'bread',
		unit: 'piece',
		vat: 550,
		description: 'Moelleux et sans conservateur, pour les tartines du matin et les croque-monsieur.',
		ingredients: 'Farine de blé, lait entier, beurre, eau, sucre, levure, sel.',
		allergens: ['gluten', 'milk'],
		storage: 'Se conserve 4 jours dans son sachet.',
		variants: [['500 g', 360, 0.5, 'kg']]
	},
	{
		name: 'Fougasse aux olives',
		kind: 'bread',
		unit: 'piece',
		vat: 550,
		description: "Pâte à l'huile d'olive garnie d'olives noires et d'herbes de Provence.",
		ingredients: "Farine de blé, olives noires (15 %), huile d'olive, eau, herbes de Provence, levure, sel.",
		allergens: ['gluten'],
		storage: VIENNOISERIE_STORAGE,
		variants: [['La fougasse (300 g)', 390, 0.3, 'kg']]
	},
	{
		name: 'Croissant pur beurre',
		kind: 'croissant',
		unit: 'piece',
		vat: 550,
		description: 'Feuilleté à la main avec un beurre AOP Charentes-Poitou, doré et croustillant.',
		ingredients: 'Farine de blé, beurre AOP (28 %), lait, sucre, œufs, levure, sel.',
		allergens: ['gluten', 'milk', 'eggs'],
		stock: 'unlimited',
		storage: VIENNOISERIE_STORAGE,
		variants: [
			['À la pièce', 125],
			['Les 6', 700]
		]
	},
	{
		name: 'Pain au chocolat',
		kind: 'croissant',
		unit: 'piece',
		vat: 550,
		description: 'Deux barres de chocolat noir dans une pâte feuilletée pur beurre.',
		ingredients: 'Farine de blé, beurre, chocolat noir 55 % (12 %), lait, sucre, œufs, levure, sel.',
		allergens: ['gluten', 'milk', 'eggs', 'soybeans'],
		stock: 'unlimited',
		storage: VIENNOISERIE_STORAGE,
		variants: [
			['À la pièce', 135],
			['Les 6', 760]
		]
	},
	{
		name: 'Pain aux raisins',
		kind: 'croissant',
		unit: 'piece',
		vat: 550,
		description: 'Escargot feuilleté à la crème pâtissière vanillée et aux raisins macérés.',
		ingredients: 'Farine de blé, beurre, raisins secs, lait, sucre, œufs, vanille, levure, sel.',
		allergens: ['gluten', 'milk', 'eggs'],
		storage: VIENNOISERIE_STORAGE,
		variants: [['À la pièce', 150]]
	},
	{
		name: 'Chausson aux pommes',
		kind: 'croissant',
		unit: 'piece',
		vat: 550,
		description: 'Compote de pommes des Vergers des Coteaux dans un feuilletage caramélisé.',
		ingredients: 'Farine de blé, beurre, pommes (30 %), sucre, œufs, sel.',
		allergens: ['gluten', 'milk', 'eggs'],
		producer: 'vergers-des-coteaux',
		origin: 'Pommes des Vergers des Coteaux',
		storage: VIENNOISERIE_STORAGE,
		variants: [['À la pièce', 180]]
	},
	{
		name: 'Brioche tressée',
		kind: 'bread',
		unit: 'piece',
		vat: 550,
		description: 'Brioche filante au beurre et aux œufs frais, tressée à la main et dorée au four.',
		ingredients: 'Farine de blé, œufs (20 %), beurre (18 %), sucre, lait, levure, sel, fleur d’oranger.',
		allergens: ['gluten', 'eggs', 'milk'],
		storage: 'Se conserve 3 jours dans un sac fermé.',
		variants: [
			['400 g', 690, 0.4, 'kg'],
			['800 g', 1290, 0.8, 'kg']
		]
	},
	{
		name: 'Chouquettes',
		kind: 'biscuits',
		unit: 'box',
		vat: 550,
		description: 'Petits choux légers parsemés de sucre perlé, à partager au goûter.',
		ingredients: 'Eau, beurre, farine de blé, œufs, sucre perlé, sel.',
		allergens: ['gluten', 'eggs', 'milk'],
		storage: VIENNOISERIE_STORAGE,
		variants: [
			['Sachet de 10', 300],
			['Sachet de 20', 560]
		]
	},
	{
		name: 'Sablés nantais',
		kind: 'biscuits',
		unit: 'box',
		vat: 550,
		description: 'Sablés au beurre salé, friables et dorés, cuits chaque matin.',
		ingredients: 'Farine de blé, beurre demi-sel (30 %), sucre, jaunes d’œufs, vanille.',
		allergens: ['gluten', 'milk', 'eggs'],
		storage: 'Se conserve 2 semaines dans une boîte en fer.',
		variants: [['Sachet de 200 g', 490, 0.2, 'kg']]
	},
	{
		name: 'Galette des rois frangipane',
		kind: 'tart',
		unit: 'piece',
		vat: 550,
		description: 'Pâte feuilletée pur beurre et frangipane aux amandes, avec sa fève et sa couronne.',
		ingredients: 'Farine de blé, beurre, poudre d’amande, sucre, œufs, lait, rhum.',
		allergens: ['gluten', 'milk', 'eggs', 'nuts'],
		months: [1],
		stock: { onOrderDays: 1 },
		storage: 'À consommer dans les 2 jours ; se réchauffe 10 minutes à 150 °C.',
		variants: [
			['4 parts', 1600],
			['6 parts', 2200],
			['8 parts', 2800]
		]
	},
	{
		name: 'Flan pâtissier',
		kind: 'tart',
		unit: 'piece',
		vat: 550,
		description: 'Le flan vanille de notre enfance, crémeux à cœur, sur une pâte brisée croustillante.',
		ingredients: 'Lait entier, œufs, sucre, farine de blé, beurre, vanille de Madagascar.',
		allergens: ['gluten', 'milk', 'eggs'],
		storage: 'À conserver au réfrigérateur, 2 jours.',
		variants: [
			['La part', 290],
			['Entier, 6 parts', 1590]
		]
	},
	{
		name: 'Quiche lorraine',
		kind: 'tart',
		unit: 'piece',
		vat: 1000,
		category: 'traiteur',
		description: 'Lardons fumés, crème et œufs sur une pâte brisée maison, prête à réchauffer.',
		ingredients: 'Crème, œufs, lardons fumés (20 %), farine de blé, beurre, lait, muscade, sel, poivre.',
		allergens: ['gluten', 'milk', 'eggs'],
		storage: 'Au réfrigérateur, 2 jours. Réchauffer 10 minutes à 180 °C.',
		variants: [
			['La part', 390],
			['Entière, 6 parts', 1890]
		]
	},
	{
		name: 'Sandwich jambon-beurre',
		kind: 'baguette',
		unit: 'piece',
		vat: 1000,
		category: 'traiteur',
		description: 'Le classique : demi-baguette tradition, beurre demi-sel et jambon blanc à l’os de la Boucherie Marchand.',
		ingredients: 'Baguette de tradition (farine de blé, eau, levain, sel), jambon cuit, beurre demi-sel.',
		allergens: ['gluten', 'milk'],
		storage: 'À consommer le jour même, au frais.',
		variants: [['Le sandwich', 490]]
	},
	{
		name: 'Sandwich chèvre, miel et noix',
		kind: 'baguette',
		unit: 'piece',
		vat: 1000,
		category: 'traiteur',
		description: 'Sainte-Maure de la Fromagerie, miel du Rucher des Coteaux et cerneaux de noix.',
		ingredients: 'Pain aux céréales, fromage de chèvre, miel, noix, salade.',
		allergens: ['gluten', 'milk', 'nuts', 'sesame'],
		storage: 'À consommer le jour même, au frais.',
		variants: [['Le sandwich', 620]]
	},
	{
		name: 'Pain d’épices au miel',
		kind: 'bread',
		unit: 'piece',
		vat: 550,
		description: 'Au miel de châtaignier et aux épices douces, longuement reposé avant cuisson.',
		ingredients: 'Farine de seigle, miel de châtaignier (40 %), sucre, épices (cannelle, anis, gingembre), bicarbonate.',
		allergens: ['gluten'],
		producer: 'rucher-des-coteaux',
		origin: 'Miel du Rucher des Coteaux',
		storage: 'Se conserve 3 semaines enveloppé dans un torchon.',
		variants: [['Le pavé (350 g)', 680, 0.35, 'kg']]
	},
	{
		name: 'Pain sans gluten au sarrasin',
		kind: 'bread',
		unit: 'piece',
		vat: 550,
		description: 'Pain au sarrasin et au riz complet, cuit dans un moule dédié, sur commande la veille.',
		ingredients: 'Farine de sarrasin, farine de riz complet, graines de lin, eau, levure, sel.',
		stock: { onOrderDays: 1 },
		storage: 'Se conserve 3 jours ; se congèle très bien en tranches.',
		variants: [['400 g', 550, 0.4, 'kg']]
	},
	{
		name: 'Farine de blé T65 du Moulin de la Roche',
		kind: 'sack',
		unit: 'piece',
		vat: 550,
		category: 'epicerie',
		description: 'La farine que nous utilisons pour nos baguettes, moulue sur meule de pierre.',
		ingredients: 'Farine de blé T65 issue de l’agriculture biologique.',
		allergens: ['gluten'],
		labels: ['ab'],
		producer: 'moulin-de-la-roche',
		origin: 'Moulin de la Roche (Indre-et-Loire)',
		storage: 'Au sec et à l’abri de la lumière.',
		variants: [
			['Sac de 1 kg', 290, 1, 'kg'],
			['Sac de 5 kg', 1250, 5, 'kg']
		]
	},
	{
		name: 'Pain surprise',
		kind: 'bread',
		unit: 'piece',
		vat: 1000,
		category: 'traiteur',
		description: 'Pain de seigle garni de 50 petits sandwichs (saumon, jambon, fromage frais), pour vos apéritifs.',
		ingredients: 'Pain de seigle, saumon fumé, jambon cuit, fromage frais, beurre, ciboulette.',
		allergens: ['gluten', 'milk', 'fish'],
		stock: { onOrderDays: 2 },
		storage: 'Au réfrigérateur, à consommer dans les 24 heures.',
		variants: [
			['50 pièces', 4200],
			['80 pièces', 6400]
		]
	}
];
