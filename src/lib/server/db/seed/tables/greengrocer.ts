import type { ProductRow } from './types.ts';

const VEG = 'Dans le bac à légumes du réfrigérateur, 4 à 5 jours.';
const FRUIT = 'À température ambiante, à l’abri du soleil.';
const VAL_DE_CHER = 'EARL du Val de Cher (Indre-et-Loire)';
const VERGERS = 'Les Vergers des Coteaux (Indre-et-Loire)';

/** Primeur Le Panier de Saison: local first, and a few fruits from farther away, said so. */
export const greengrocerProducts: ProductRow[] = [
	{
		name: 'Pommes Reinette du Mans',
		kind: 'apple',
		unit: 'kg',
		vat: 550,
		description: 'Une vieille variété acidulée et parfumée, parfaite pour la tarte Tatin.',
		producer: 'vergers-des-coteaux',
		labels: ['hve'],
		origin: VERGERS,
		months: [9, 10, 11, 12, 1, 2, 3],
		storage: FRUIT,
		variants: [
			['Au kilo', 320, 1, 'kg'],
			['Cagette de 5 kg', 1400, 5, 'kg']
		]
	},
	{
		name: 'Pommes Gala',
		kind: 'apple',
		unit: 'kg',
		vat: 550,
		description: 'Croquante et sucrée, la pomme préférée des enfants pour le goûter.',
		producer: 'vergers-des-coteaux',
		labels: ['hve'],
		origin: VERGERS,
		months: [9, 10, 11, 12, 1, 2, 3, 4],
		storage: FRUIT,
		variants: [['Au kilo', 290, 1, 'kg']]
	},
	{
		name: 'Poires Conférence',
		kind: 'pear',
		unit: 'kg',
		vat: 550,
		description: 'Chair fondante et juteuse, à croquer ou à pocher au vin rouge.',
		producer: 'vergers-des-coteaux',
		labels: ['hve'],
		origin: VERGERS,
		months: [9, 10, 11, 12, 1],
		storage: FRUIT,
		variants: [['Au kilo', 390, 1, 'kg']]
	},
	{
		name: 'Poires Curé',
		kind: 'pear',
		unit: 'kg',
		vat: 550,
		description: 'Grosse poire ancienne, née en Indre au XVIIIe siècle, à cuire en compote ou en gratin.',
		producer: 'vergers-des-coteaux',
		origin: VERGERS,
		months: [10, 11, 12],
		storage: FRUIT,
		variants: [['Au kilo', 350, 1, 'kg']]
	},
	{
		name: 'Jus de pomme pétillant',
		kind: 'bottle',
		unit: 'piece',
		vat: 550,
		category: 'cave-boissons',
		description: 'Pur jus de pommes du verger, légèrement pétillant, sans sucre ajouté.',
		ingredients: 'Jus de pomme.',
		producer: 'vergers-des-coteaux',
		origin: VERGERS,
		storage: 'À conserver au frais après ouverture.',
		variants: [['Bouteille de 75 cl', 390, 0.75, 'l']]
	},
	{
		name: 'Fraises gariguette',
		kind: 'strawberry',
		unit: 'box',
		vat: 550,
		description: 'Fraises allongées et parfumées, cueillies à maturité la veille.',
		producer: 'earl-du-val-de-cher',
		labels: ['ab'],
		origin: VAL_DE_CHER,
		months: [4, 5, 6],
		storage: 'Au frais, à consommer dans les 2 jours.',
		variants: [
			['Barquette de 250 g', 450, 0.25, 'kg'],
			['Barquette de 500 g', 850, 0.5, 'kg']
		]
	},
	{
		name: 'Cerises Burlat',
		kind: 'cherry',
		unit: 'kg',
		vat: 550,
		description: 'Les premières cerises de la saison, charnues et sucrées.',
		origin: 'Vallée du Rhône (France)',
		months: [5, 6],
		storage: 'Au frais, 3 jours.',
		variants: [['Au kilo', 990, 1, 'kg']]
	},
	{
		name: 'Melon charentais',
		kind: 'squash',
		unit: 'piece',
		vat: 550,
		description: 'Melon du Haut-Poitou, choisi à point pour être mangé dans les deux jours.',
		labels: ['igp'],
		origin: 'Haut-Poitou (France)',
		months: [6, 7, 8, 9],
		storage: FRUIT,
		variants: [['La pièce (environ 900 g)', 350, 0.9, 'kg']]
	},
	{
		name: 'Abricots Bergeron',
		kind: 'fruit',
		unit: 'kg',
		vat: 550,
		description: 'Abricots orangés et acidulés, à croquer ou pour les confitures.',
		origin: 'Vallée du Rhône (France)',
		months: [6, 7, 8],
		storage: FRUIT,
		variants: [['Au kilo', 590, 1, 'kg']]
	},
	{
		name: 'Raisin chasselas',
		kind: 'fruit',
		unit: 'kg',
		vat: 550,
		description: 'Chasselas de Moissac aux grains dorés et sucrés.',
		labels: ['aop'],
		origin: 'Moissac (Tarn-et-Garonne)',
		months: [9, 10],
		storage: FRUIT,
		variants: [['Au kilo', 560, 1, 'kg']]
	},
	{
		name: 'Bananes équitables',
		kind: 'fruit',
		unit: 'kg',
		vat: 550,
		description: 'Bananes issues du commerce équitable, cultivées par une coopérative de petits producteurs.',
		labels: ['ab'],
		origin: 'République dominicaine',
		storage: FRUIT,
		variants: [['Au kilo', 290, 1, 'kg']]
	},
	{
		name: 'Clémentines de Corse',
		kind: 'fruit',
		unit: 'kg',
		vat: 550,
		description: 'Avec leurs feuilles, gage de fraîcheur ; sans traitement après récolte.',
		labels: ['igp'],
		origin: 'Corse',
		months: [11, 12, 1, 2],
		storage: FRUIT,
		variants: [['Au kilo', 450, 1, 'kg']]
	},
	{
		name: 'Citrons jaunes',
		kind: 'fruit',
		unit: 'piece',
		vat: 550,
		description: 'Citrons non traités après récolte, dont on peut utiliser le zeste.',
		labels: ['ab'],
		origin: 'Espagne',
		storage: FRUIT,
		variants: [
			['À la pièce', 60],
			['Filet de 6', 320]
		]
	},
	{
		name: 'Tomates anciennes',
		kind: 'tomato',
		unit: 'kg',
		vat: 550,
		description: 'Cœur de bœuf, Noire de Crimée, Green Zebra, Ananas : un mélange de couleurs et de goûts.',
		producer: 'earl-du-val-de-cher',
		labels: ['ab'],
		origin: VAL_DE_CHER,
		months: [7, 8, 9, 10],
		storage: 'À température ambiante, jamais au réfrigérateur.',
		variants: [['Au kilo', 590, 1, 'kg']]
	},
	{
		name: 'Tomates cerises',
		kind: 'tomato',
		unit: 'box',
		vat: 550,
		description: 'Grappes de petites tomates rouges et jaunes, sucrées comme des bonbons.',
		producer: 'earl-du-val-de-cher',
		labels: ['ab'],
		origin: VAL_DE_CHER,
		months: [6, 7, 8, 9, 10],
		storage: 'À température ambiante.',
		variants: [['Barquette de 250 g', 290, 0.25, 'kg']]
	},
	{
		name: 'Carottes des sables',
		kind: 'carrot',
		unit: 'kg',
		vat: 550,
		description: 'Cultivées dans les sables du Cher, fondantes et très sucrées.',
		producer: 'earl-du-val-de-cher',
		labels: ['ab'],
		origin: VAL_DE_CHER,
		storage: VEG,
		variants: [['Au kilo', 230, 1, 'kg']]
	},
	{
		name: 'Poireaux',
		kind: 'leek',
		unit: 'bunch',
		vat: 550,
		description: 'Poireaux d’hiver au long fût blanc, pour la fondue ou le potage.',
		producer: 'earl-du-val-de-cher',
		labels: ['ab'],
		origin: VAL_DE_CHER,
		months: [9, 10, 11, 12, 1, 2, 3],
		storage: VEG,
		variants: [['La botte de 3 (environ 1 kg)', 320, 1, 'kg']]
	},
	{
		name: 'Pommes de terre Chérie',
		kind: 'potato',
		unit: 'kg',
		vat: 550,
		description: 'Peau rose et chair ferme, idéales à la vapeur, rissolées ou en salade.',
		producer: 'earl-du-val-de-cher',
		labels: ['ab'],
		origin: VAL_DE_CHER,
		storage: 'Au frais et dans le noir.',
		variants: [
			['Au kilo', 220, 1, 'kg'],
			['Sac de 5 kg', 950, 5, 'kg']
		]
	},
	{
		name: 'Salade batavia',
		kind: 'salad',
		unit: 'piece',
		vat: 550,
		description: 'Feuilles croquantes et ondulées, coupée le matin même.',
		producer: 'earl-du-val-de-cher',
		labels: ['ab'],
		origin: VAL_DE_CHER,
		months: [4, 5, 6, 7, 8, 9, 10],
		storage: VEG,
		variants: [['La pièce', 150]]
	},
	{
		name: 'Mâche nantaise',
		kind: 'salad',
		unit: 'box',
		vat: 550,
		description: 'Petites rosettes tendres au goût de noisette, déjà lavées.',
		labels: ['igp'],
		origin: 'Pays nantais (France)',
		months: [10, 11, 12, 1, 2, 3],
		storage: VEG,
		variants: [['Sachet de 150 g', 250, 0.15, 'kg']]
	},
	{
		name: 'Courge butternut',
		kind: 'squash',
		unit: 'kg',
		vat: 550,
		description: 'Chair orange, douce et beurrée, pour les veloutés et les gratins d’automne.',
		producer: 'earl-du-val-de-cher',
		labels: ['ab'],
		origin: VAL_DE_CHER,
		months: [9, 10, 11, 12, 1, 2],
		storage: 'Plusieurs mois dans un endroit sec et tempéré.',
		variants: [['Au kilo', 280, 1, 'kg']]
	},
	{
		name: 'Potimarron',
		kind: 'squash',
		unit: 'kg',
		vat: 550,
		description: 'Se cuisine avec sa peau ; un léger goût de châtaigne.',
		producer: 'earl-du-val-de-cher',
		labels: ['ab'],
		origin: VAL_DE_CHER,
		months: [9, 10, 11, 12, 1],
		storage: 'Plusieurs mois dans un endroit sec et tempéré.',
		variants: [['Au kilo', 290, 1, 'kg']]
	},
	{
		name: 'Asperges blanches',
		kind: 'asparagus',
		unit: 'bunch',
		vat: 550,
		description: 'Asperges des sables de Sologne, tendres et sans amertume.',
		origin: 'Sologne (Loir-et-Cher)',
		months: [4, 5, 6],
		storage: 'Enveloppées dans un linge humide, au réfrigérateur, 3 jours.',
		variants: [['La botte de 500 g', 790, 0.5, 'kg']]
	},
	{
		name: 'Champignons de Paris des caves',
		kind: 'mushroom',
		unit: 'kg',
		vat: 550,
		description: 'Cultivés dans les caves de tuffeau de la vallée de la Loire, blancs et fermes.',
		origin: 'Caves champignonnières de Saumur (Maine-et-Loire)',
		storage: 'Dans un sac en papier au réfrigérateur, 3 jours.',
		variants: [
			['Barquette de 250 g', 220, 0.25, 'kg'],
			['Au kilo', 790, 1, 'kg']
		]
	},
	{
		name: 'Courgettes',
		kind: 'vegetable',
		unit: 'kg',
		vat: 550,
		description: 'Courgettes vertes et jaunes, petites et fermes, à poêler ou à farcir.',
		producer: 'earl-du-val-de-cher',
		labels: ['ab'],
		origin: VAL_DE_CHER,
		months: [6, 7, 8, 9],
		storage: VEG,
		variants: [['Au kilo', 320, 1, 'kg']]
	},
	{
		name: 'Oignons rosés',
		kind: 'vegetable',
		unit: 'kg',
		vat: 550,
		description: 'Doux et parfumés, ils se conservent tout l’hiver.',
		origin: 'Anjou (France)',
		storage: 'Au sec, dans un endroit aéré.',
		variants: [['Au kilo', 290, 1, 'kg']]
	},
	{
		name: 'Avocats Hass',
		kind: 'fruit',
		unit: 'piece',
		vat: 550,
		description: 'Avocats prêts à manger, venus d’une coopérative andalouse.',
		labels: ['ab'],
		origin: 'Andalousie (Espagne)',
		months: [11, 12, 1, 2, 3, 4],
		storage: FRUIT,
		variants: [
			['À la pièce', 150],
			['Filet de 3', 420]
		]
	},
	{
		name: 'Panier de saison',
		kind: 'vegetable',
		unit: 'box',
		vat: 550,
		description: 'Notre sélection de la semaine : 5 à 7 légumes et fruits du moment, avec une idée de recette.',
		producer: 'earl-du-val-de-cher',
		origin: 'Producteurs du Val de Cher et des Coteaux',
		stock: { onOrderDays: 1 },
		storage: VEG,
		variants: [
			['Petit panier (2 personnes)', 1500],
			['Grand panier (4 personnes)', 2500]
		]
	}
];
