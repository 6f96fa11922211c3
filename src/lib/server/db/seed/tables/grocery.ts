import type { ProductRow } from './types.ts';

const DRY = 'Au sec et à l’abri de la lumière.';

/** Épicerie Le Comptoir d'Aubin: a fine grocery, loose goods and local pantry staples. */
export const groceryProducts: ProductRow[] = [
	{
		name: 'Café d’Éthiopie Sidamo',
		kind: 'coffee',
		unit: 'piece',
		vat: 550,
		description: 'Arabica lavé aux notes de jasmin et d’agrumes, torréfié chaque semaine à Tours.',
		ingredients: 'Café arabica torréfié.',
		labels: ['ab'],
		origin: 'Sidamo (Éthiopie), torréfié en Touraine',
		storage: 'Dans une boîte hermétique, 1 mois après ouverture.',
		variants: [
			['Grains, 250 g', 790, 0.25, 'kg'],
			['Moulu, 250 g', 790, 0.25, 'kg'],
			['Grains, 1 kg', 2890, 1, 'kg']
		]
	},
	{
		name: 'Café du Brésil Cerrado',
		kind: 'coffee',
		unit: 'piece',
		vat: 550,
		description: 'Un café rond et chocolaté, peu acide, parfait pour l’expresso.',
		ingredients: 'Café arabica torréfié.',
		origin: 'Cerrado Mineiro (Brésil), torréfié en Touraine',
		storage: 'Dans une boîte hermétique, 1 mois après ouverture.',
		variants: [
			['Grains, 250 g', 690, 0.25, 'kg'],
			['Moulu, 250 g', 690, 0.25, 'kg']
		]
	},
	{
		name: 'Thé vert Sencha',
		kind: 'tea',
		unit: 'piece',
		vat: 550,
		description: 'Thé vert japonais aux notes végétales et iodées, à infuser à 75 °C.',
		ingredients: 'Thé vert.',
		labels: ['ab'],
		origin: 'Shizuoka (Japon)',
		storage: DRY,
		variants: [['Sachet de 100 g', 890, 0.1, 'kg']]
	},
	{
		name: 'Thé noir Earl Grey',
		kind: 'tea',
		unit: 'piece',
		vat: 550,
		description: 'Thé noir de Ceylan à l’huile essentielle de bergamote de Calabre.',
		ingredients: 'Thé noir, huile essentielle de bergamote.',
		origin: 'Sri Lanka, aromatisé en France',
		storage: DRY,
		variants: [['Sachet de 100 g', 690, 0.1, 'kg']]
	},
	{
		name: 'Infusion des bords de Loire',
		kind: 'tea',
		unit: 'piece',
		vat: 550,
		description: 'Verveine, tilleul et menthe cultivés et séchés par une herboriste de Touraine.',
		ingredients: 'Verveine odorante, tilleul, menthe poivrée.',
		labels: ['ab'],
		origin: 'Indre-et-Loire',
		storage: DRY,
		variants: [['Sachet de 40 g', 590, 0.04, 'kg']]
	},
	{
		name: 'Huile d’olive vierge extra',
		kind: 'bottle',
		unit: 'piece',
		vat: 550,
		description: 'Première pression à froid d’un moulin coopératif de Nyons, fruité vert.',
		ingredients: 'Huile d’olive vierge extra.',
		labels: ['aop'],
		origin: 'Nyons (Drôme)',
		storage: DRY,
		variants: [
			['Bouteille de 50 cl', 1490, 0.5, 'l'],
			['Bidon de 1 l', 2690, 1, 'l']
		]
	},
	{
		name: 'Huile de noix',
		kind: 'bottle',
		unit: 'piece',
		vat: 550,
		description: 'Pressée au Moulin de la Roche avec des noix de la vallée de l’Indre, pour les salades.',
		ingredients: 'Huile vierge de noix.',
		allergens: ['nuts'],
		producer: 'moulin-de-la-roche',
		origin: 'Moulin de la Roche (Indre-et-Loire)',
		storage: 'Au frais après ouverture.',
		variants: [['Bouteille de 25 cl', 890, 0.25, 'l']]
	},
	{
		name: 'Vinaigre de cidre',
		kind: 'bottle',
		unit: 'piece',
		vat: 550,
		description: 'Vinaigre non pasteurisé, issu des pommes des Vergers des Coteaux.',
		ingredients: 'Vinaigre de cidre. Acidité 5 %.',
		allergens: ['sulphites'],
		producer: 'vergers-des-coteaux',
		origin: 'Les Vergers des Coteaux (Indre-et-Loire)',
		storage: DRY,
		variants: [['Bouteille de 50 cl', 450, 0.5, 'l']]
	},
	{
		name: 'Moutarde à l’ancienne',
		kind: 'jar',
		unit: 'piece',
		vat: 550,
		description: 'Graines de moutarde de Bourgogne broyées à la meule, piquante et croquante.',
		ingredients: 'Eau, graines de moutarde, vinaigre, sel.',
		allergens: ['mustard', 'sulphites'],
		labels: ['igp'],
		origin: 'Bourgogne',
		storage: 'Au frais après ouverture.',
		variants: [['Pot de 200 g', 390, 0.2, 'kg']]
	},
	{
		name: 'Fleur de sel de Guérande',
		kind: 'spice',
		unit: 'piece',
		vat: 550,
		description: 'Récoltée à la main par un paludier de la presqu’île, à parsemer en fin de cuisson.',
		ingredients: 'Fleur de sel.',
		labels: ['igp'],
		origin: 'Guérande (Loire-Atlantique)',
		storage: DRY,
		variants: [['Pot de 125 g', 590, 0.125, 'kg']]
	},
	{
		name: 'Poivre de Kampot',
		kind: 'spice',
		unit: 'piece',
		vat: 550,
		description: 'Poivre noir cambodgien, puissant et floral, à moudre au dernier moment.',
		ingredients: 'Poivre noir en grains.',
		labels: ['igp'],
		origin: 'Kampot (Cambodge)',
		storage: DRY,
		variants: [['Sachet de 50 g', 790, 0.05, 'kg']]
	},
	{
		name: 'Curry doux maison',
		kind: 'spice',
		unit: 'piece',
		vat: 550,
		description: 'Notre mélange de curcuma, coriandre, cumin, fenugrec et gingembre, moulu en boutique.',
		ingredients: 'Curcuma, coriandre, cumin, fenugrec, gingembre, cannelle, moutarde, piment doux.',
		allergens: ['mustard'],
		storage: DRY,
		variants: [['Sachet de 50 g', 420, 0.05, 'kg']]
	},
	{
		name: 'Safran de Touraine',
		kind: 'spice',
		unit: 'piece',
		vat: 550,
		description: 'Pistils de crocus cultivés et émondés à la main près de Chinon.',
		ingredients: 'Safran en filaments.',
		origin: 'Chinonais (Indre-et-Loire)',
		storage: DRY,
		variants: [['Tube de 1 g', 2300, 0.001, 'kg']]
	},
	{
		name: 'Lentilles vertes',
		kind: 'sack',
		unit: 'kg',
		vat: 550,
		description: 'Petites lentilles vertes cultivées dans le Val de Cher, cuisson en 20 minutes.',
		ingredients: 'Lentilles vertes.',
		labels: ['ab'],
		producer: 'earl-du-val-de-cher',
		origin: 'EARL du Val de Cher (Indre-et-Loire)',
		storage: DRY,
		variants: [
			['500 g (vrac)', 340, 0.5, 'kg'],
			['1 kg (vrac)', 640, 1, 'kg']
		]
	},
	{
		name: 'Riz de Camargue complet',
		kind: 'sack',
		unit: 'kg',
		vat: 550,
		description: 'Riz rond complet, au goût de noisette.',
		ingredients: 'Riz complet.',
		labels: ['igp', 'ab'],
		origin: 'Camargue (Bouches-du-Rhône)',
		storage: DRY,
		variants: [['1 kg (vrac)', 450, 1, 'kg']]
	},
	{
		name: 'Pâtes au blé ancien',
		kind: 'sack',
		unit: 'piece',
		vat: 550,
		description: 'Coquillettes et fusilli tréfilés au bronze avec la semoule du Moulin de la Roche.',
		ingredients: 'Semoule de blé dur ancien, eau.',
		allergens: ['gluten'],
		labels: ['ab'],
		producer: 'moulin-de-la-roche',
		origin: 'Moulin de la Roche (Indre-et-Loire)',
		storage: DRY,
		variants: [['Sachet de 500 g', 390, 0.5, 'kg']]
	},
	{
		name: 'Farine de sarrasin',
		kind: 'sack',
		unit: 'piece',
		vat: 550,
		description: 'Pour les galettes et les pains sans gluten, moulue sur meule de pierre.',
		ingredients: 'Farine de sarrasin.',
		labels: ['ab'],
		producer: 'moulin-de-la-roche',
		origin: 'Moulin de la Roche (Indre-et-Loire)',
		storage: DRY,
		variants: [['Sac de 1 kg', 450, 1, 'kg']]
	},
	{
		name: 'Sardines à l’huile d’olive millésimées',
		kind: 'fish',
		unit: 'piece',
		vat: 550,
		description: 'Sardines de saison mises en boîte à Quiberon, qui s’affinent avec les années.',
		ingredients: 'Sardines, huile d’olive vierge extra, sel.',
		allergens: ['fish'],
		origin: 'Quiberon (Morbihan)',
		storage: DRY,
		variants: [['Boîte de 115 g', 590, 0.115, 'kg']]
	},
	{
		name: 'Tablette de chocolat noir 72 %',
		kind: 'chocolate',
		unit: 'piece',
		vat: 550,
		category: 'chocolats-confiseries',
		description: 'Cacao du Pérou travaillé de la fève à la tablette par un chocolatier d’Angers.',
		ingredients: 'Fèves de cacao, sucre de canne, beurre de cacao.',
		labels: ['ab'],
		origin: 'Cacao du Pérou, fabriqué à Angers',
		storage: 'Entre 15 et 18 °C, au sec.',
		variants: [['Tablette de 100 g', 490, 0.1, 'kg']]
	},
	{
		name: 'Biscuits sablés au sarrasin',
		kind: 'biscuits',
		unit: 'piece',
		vat: 550,
		description: 'Sablés croustillants au beurre et à la farine de sarrasin du Moulin de la Roche.',
		ingredients: 'Farine de sarrasin, farine de blé, beurre, sucre, œufs, sel.',
		allergens: ['gluten', 'milk', 'eggs'],
		storage: DRY,
		variants: [['Boîte de 150 g', 450, 0.15, 'kg']]
	},
	{
		name: 'Pruneaux d’Agen',
		kind: 'fruit',
		unit: 'piece',
		vat: 550,
		description: 'Gros pruneaux mi-cuits, moelleux, à croquer ou pour le lapin aux pruneaux.',
		ingredients: 'Pruneaux d’Agen, conservateur : sorbate de potassium.',
		labels: ['igp'],
		origin: 'Lot-et-Garonne',
		storage: DRY,
		variants: [['Sachet de 500 g', 890, 0.5, 'kg']]
	},
	{
		name: 'Noix de Grenoble',
		kind: 'fruit',
		unit: 'kg',
		vat: 550,
		ingredients: 'Noix en coque (Juglans regia), variété Franquette.',
		description: 'Noix en coque de la nouvelle récolte, à casser au coin du feu.',
		allergens: ['nuts'],
		labels: ['aop'],
		origin: 'Vallée de l’Isère',
		months: [10, 11, 12, 1, 2],
		storage: DRY,
		variants: [['Au kilo', 690, 1, 'kg']]
	},
	{
		name: 'Tapenade noire',
		kind: 'jar',
		unit: 'piece',
		vat: 550,
		description: 'Olives noires, câpres et anchois, pour l’apéritif.',
		ingredients: 'Olives noires (75 %), huile d’olive, câpres, anchois, ail, thym.',
		allergens: ['fish'],
		origin: 'Provence',
		storage: 'Au frais après ouverture, 10 jours.',
		variants: [['Pot de 90 g', 450, 0.09, 'kg']]
	},
	{
		name: 'Cidre brut fermier',
		kind: 'bottle',
		unit: 'piece',
		vat: 2000,
		category: 'cave-boissons',
		description: 'Cidre de pommes à cidre des coteaux, fermentation naturelle, 4,5 % vol.',
		ingredients: 'Pommes à cidre.',
		allergens: ['sulphites'],
		producer: 'vergers-des-coteaux',
		origin: 'Les Vergers des Coteaux (Indre-et-Loire)',
		storage: 'Debout, au frais.',
		variants: [['Bouteille de 75 cl', 550, 0.75, 'l']]
	},
	{
		name: 'Savon au lait de chèvre',
		kind: 'basket',
		unit: 'piece',
		vat: 2000,
		description: 'Saponifié à froid avec le lait de la Ferme de la Bergerie, doux pour les peaux sensibles.',
		ingredients: 'Huiles d’olive, de coco et de colza saponifiées, lait de chèvre, beurre de karité.',
		origin: 'Savonnerie artisanale de Touraine',
		storage: 'Au sec, sur un porte-savon égoutté.',
		variants: [['Pain de 100 g', 650, 0.1, 'kg']]
	},
	{
		name: 'Panier garni « Saveurs de Touraine »',
		kind: 'basket',
		unit: 'box',
		vat: 550,
		ingredients:
			'Rillettes de Tours (viande de porc, sel, poivre), pommes tapées (pommes), confiture de coings (coings, sucre de canne), miel de fleurs, sablés (farine de blé, beurre, sucre, œufs, sel), infusion (tilleul, verveine, menthe) ; le grand panier ajoute un Vouvray demi-sec (contient des sulfites).',
		description: 'Rillettes, pommes tapées, confiture, miel, sablés et infusion, dans un panier en osier.',
		allergens: ['gluten', 'milk', 'eggs', 'sulphites'],
		stock: { onOrderDays: 2 },
		storage: DRY,
		variants: [
			['Petit panier (environ 1,2 kg)', 3500, 1.2, 'kg'],
			['Grand panier (environ 2,6 kg, avec un Vouvray)', 5900, 2.6, 'kg']
		]
	}
];
