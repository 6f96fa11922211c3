import type { ProductRow } from './types.ts';

const FRESH = 'À conserver au réfrigérateur et à consommer dans les 24 heures.';

/** Pâtisserie Les Délices de Léonie. */
export const pastryProducts: ProductRow[] = [
	{
		name: 'Éclair au chocolat',
		kind: 'cake',
		unit: 'piece',
		vat: 550,
		description: 'Pâte à choux croustillante, crème pâtissière au chocolat noir 70 % et glaçage brillant.',
		ingredients: 'Lait, œufs, chocolat noir 70 %, beurre, sucre, farine de blé, crème, sel.',
		allergens: ['gluten', 'eggs', 'milk', 'soybeans'],
		storage: FRESH,
		variants: [['À la pièce', 390]]
	},
	{
		name: 'Éclair au café',
		kind: 'cake',
		unit: 'piece',
		vat: 550,
		description: 'Crème pâtissière infusée au café d’Éthiopie moulu minute, fondant au café.',
		ingredients: 'Lait, œufs, sucre, beurre, farine de blé, crème, café.',
		allergens: ['gluten', 'eggs', 'milk'],
		storage: FRESH,
		variants: [['À la pièce', 390]]
	},
	{
		name: 'Paris-Brest',
		kind: 'cake',
		unit: 'piece',
		vat: 550,
		description: 'Couronne de pâte à choux aux amandes effilées, crème mousseline praliné noisette.',
		ingredients: 'Beurre, praliné noisette (20 %), lait, œufs, sucre, farine de blé, amandes, noisettes.',
		allergens: ['gluten', 'eggs', 'milk', 'nuts'],
		storage: FRESH,
		variants: [
			['Individuel', 480],
			['6 parts', 2700]
		]
	},
	{
		name: 'Tarte au citron meringuée',
		kind: 'tart',
		unit: 'piece',
		vat: 550,
		description: 'Pâte sablée, crémeux citron acidulé et meringue italienne légèrement flambée.',
		ingredients: 'Sucre, œufs, beurre, citrons, farine de blé, poudre d’amande.',
		allergens: ['gluten', 'eggs', 'milk', 'nuts'],
		storage: FRESH,
		variants: [
			['Tartelette', 450],
			['6 parts', 2400]
		]
	},
	{
		name: 'Tarte aux fraises',
		kind: 'tart',
		unit: 'piece',
		vat: 550,
		description: 'Fraises gariguettes de la Varenne sur une crème pâtissière vanillée et un sablé breton.',
		ingredients: 'Fraises (40 %), lait, sucre, beurre, œufs, farine de blé, vanille.',
		allergens: ['gluten', 'eggs', 'milk'],
		producer: 'jardins-de-la-varenne',
		origin: 'Fraises des Jardins de la Varenne',
		months: [5, 6, 7],
		storage: FRESH,
		variants: [
			['Tartelette', 490],
			['6 parts', 2800]
		]
	},
	{
		name: 'Tarte Tatin',
		kind: 'tart',
		unit: 'piece',
		vat: 550,
		description: 'La tarte renversée née en Sologne voisine : pommes confites au caramel sur pâte feuilletée.',
		ingredients: 'Pommes (60 %), sucre, beurre, farine de blé, sel.',
		allergens: ['gluten', 'milk'],
		producer: 'vergers-des-coteaux',
		origin: 'Pommes des Vergers des Coteaux',
		months: [9, 10, 11, 12, 1, 2, 3],
		storage: 'Au frais, 2 jours ; à servir tiède avec une crème fraîche.',
		variants: [
			['4 parts', 1800],
			['8 parts', 3200]
		]
	},
	{
		name: 'Fraisier',
		kind: 'cake',
		unit: 'piece',
		vat: 550,
		description: 'Génoise imbibée au sirop vanille, crème mousseline et fraises fraîches, habillé de pâte d’amande.',
		ingredients: 'Fraises, beurre, sucre, œufs, lait, farine de blé, pâte d’amande, vanille.',
		allergens: ['gluten', 'eggs', 'milk', 'nuts'],
		months: [5, 6, 7],
		stock: { onOrderDays: 2 },
		storage: FRESH,
		variants: [
			['6 parts', 3000],
			['8 parts', 3900]
		]
	},
	{
		name: 'Millefeuille vanille',
		kind: 'cake',
		unit: 'piece',
		vat: 550,
		description: 'Trois feuilletages caramélisés et une crème diplomate à la vanille Bourbon.',
		ingredients: 'Farine de blé, beurre, lait, crème, sucre, œufs, vanille.',
		allergens: ['gluten', 'eggs', 'milk'],
		storage: FRESH,
		variants: [['Individuel', 460]]
	},
	{
		name: 'Opéra',
		kind: 'cake',
		unit: 'piece',
		vat: 550,
		description: 'Biscuit joconde imbibé au café, crème au beurre café et ganache chocolat.',
		ingredients: 'Beurre, sucre, chocolat noir, œufs, poudre d’amande, crème, café, farine de blé.',
		allergens: ['gluten', 'eggs', 'milk', 'nuts', 'soybeans'],
		storage: FRESH,
		variants: [
			['Individuel', 480],
			['6 parts', 2600]
		]
	},
	{
		name: 'Macarons assortis',
		kind: 'biscuits',
		unit: 'box',
		vat: 550,
		description: 'Framboise, pistache, chocolat, caramel au beurre salé, citron et vanille.',
		ingredients: 'Poudre d’amande, sucre, blancs d’œufs, crème, beurre, chocolat, pistache, fruits, colorants naturels.',
		allergens: ['eggs', 'nuts', 'milk', 'soybeans'],
		storage: 'Au réfrigérateur, 5 jours. Sortir 20 minutes avant de déguster.',
		variants: [
			['Boîte de 6', 990],
			['Boîte de 12', 1850],
			['Boîte de 24', 3500]
		]
	},
	{
		name: 'Canelés bordelais',
		kind: 'biscuits',
		unit: 'box',
		vat: 550,
		description: 'Croûte caramélisée, cœur moelleux parfumé au rhum et à la vanille.',
		ingredients: 'Lait, sucre, œufs, farine de blé, beurre, rhum, vanille.',
		allergens: ['gluten', 'eggs', 'milk'],
		storage: 'Se conservent 2 jours à température ambiante.',
		variants: [
			['Les 4', 600],
			['Les 10', 1400]
		]
	},
	{
		name: 'Financiers aux amandes',
		kind: 'biscuits',
		unit: 'box',
		vat: 550,
		description: 'Moelleux au beurre noisette et aux amandes, cuits dans leurs petits moules.',
		ingredients: 'Poudre d’amande, sucre, blancs d’œufs, beurre, farine de blé.',
		allergens: ['gluten', 'eggs', 'milk', 'nuts'],
		storage: 'Se conservent 5 jours dans une boîte hermétique.',
		variants: [['Sachet de 6', 690]]
	},
	{
		name: 'Madeleines au miel',
		kind: 'biscuits',
		unit: 'box',
		vat: 550,
		description: 'Madeleines à bosse, au miel toutes fleurs du Rucher des Coteaux.',
		ingredients: 'Œufs, farine de blé, beurre, sucre, miel (10 %), levure.',
		allergens: ['gluten', 'eggs', 'milk'],
		producer: 'rucher-des-coteaux',
		origin: 'Miel du Rucher des Coteaux',
		storage: 'Se conservent une semaine dans leur sachet.',
		variants: [['Sachet de 8', 590]]
	},
	{
		name: 'Nougat glacé au miel',
		kind: 'cake',
		unit: 'piece',
		vat: 550,
		description: 'Parfait glacé au miel, aux fruits confits et aux amandes caramélisées, coulis de framboise.',
		ingredients: 'Crème, miel, blancs d’œufs, sucre, amandes, fruits confits, framboises.',
		allergens: ['eggs', 'milk', 'nuts'],
		storage: 'Au congélateur, à –18 °C.',
		months: [6, 7, 8],
		variants: [['6 parts', 2400]]
	},
	{
		name: 'Fouée au beurre',
		kind: 'bread',
		unit: 'box',
		vat: 550,
		description: 'La petite galette de pain soufflée de Touraine, à garnir de rillettes ou de mogettes.',
		ingredients: 'Farine de blé, eau, levain, sel, beurre.',
		allergens: ['gluten', 'milk'],
		storage: 'À déguster tiède, le jour même.',
		variants: [['Les 6', 450]]
	},
	{
		name: 'Nougatine de Nevers',
		kind: 'chocolate',
		unit: 'box',
		vat: 2000,
		category: 'chocolats-confiseries',
		description: 'Petits bonbons de nougatine enrobés de sucre glacé, la spécialité de l’ancienne route royale.',
		ingredients: 'Sucre, amandes, glucose, sucre glace, colorants naturels.',
		allergens: ['nuts'],
		storage: 'Au sec, 2 mois.',
		variants: [['Boîte de 200 g', 1290, 0.2, 'kg']]
	},
	{
		name: 'Pommes tapées de Touraine',
		kind: 'apple',
		unit: 'box',
		vat: 550,
		description: 'Pommes séchées au four à pain puis aplaties, à réhydrater dans un vin de Chinon épicé.',
		ingredients: 'Pommes.',
		producer: 'vergers-des-coteaux',
		origin: 'Pommes des Vergers des Coteaux, séchées à Saint-Aubin',
		storage: 'Au sec, 6 mois.',
		variants: [['Sachet de 150 g', 750, 0.15, 'kg']]
	},
	{
		name: 'Gâteau d’anniversaire au chocolat',
		kind: 'cake',
		unit: 'piece',
		vat: 550,
		description: 'Biscuit chocolat, mousse chocolat noir et croustillant praliné ; prénom écrit sur demande.',
		ingredients: 'Chocolat noir, crème, œufs, sucre, beurre, praliné, farine de blé, cacao.',
		allergens: ['gluten', 'eggs', 'milk', 'nuts', 'soybeans'],
		stock: { onOrderDays: 3 },
		storage: FRESH,
		variants: [
			['6 parts', 2700],
			['10 parts', 4200],
			['16 parts', 6400]
		]
	},
	{
		name: 'Pièce montée en choux',
		kind: 'cake',
		unit: 'piece',
		vat: 550,
		description: 'Croquembouche de choux à la crème vanille, caramel et nougatine, pour mariages et baptêmes.',
		ingredients: 'Lait, œufs, sucre, beurre, farine de blé, crème, amandes, vanille.',
		allergens: ['gluten', 'eggs', 'milk', 'nuts'],
		stock: { onOrderDays: 7 },
		storage: FRESH,
		variants: [
			['Pour 20 (60 choux)', 9500],
			['Pour 40 (120 choux)', 18000]
		]
	},
	{
		name: 'Cookies chocolat et noisettes',
		kind: 'biscuits',
		unit: 'piece',
		vat: 550,
		description: 'Gros cookies croustillants au bord, fondants à cœur, pépites de chocolat et noisettes torréfiées.',
		ingredients: 'Farine de blé, beurre, sucre roux, chocolat noir, noisettes, œufs, levure, sel.',
		allergens: ['gluten', 'eggs', 'milk', 'nuts', 'soybeans'],
		storage: 'Une semaine dans une boîte.',
		variants: [
			['À la pièce', 250],
			['Les 4', 900]
		]
	},
	{
		name: 'Kouign-amann',
		kind: 'croissant',
		unit: 'piece',
		vat: 550,
		description: 'Pâte levée feuilletée au beurre salé et au sucre, caramélisée à la cuisson.',
		ingredients: 'Farine de blé, beurre demi-sel (30 %), sucre, eau, levure, sel.',
		allergens: ['gluten', 'milk'],
		storage: 'À déguster tiède, le jour même.',
		variants: [
			['Individuel', 290],
			['À partager (6 parts)', 1500]
		]
	},
	{
		name: 'Tarte bourdaloue',
		kind: 'tart',
		unit: 'piece',
		vat: 550,
		description: 'Poires pochées à la vanille sur une crème d’amande, pâte sucrée croustillante.',
		ingredients: 'Poires (35 %), poudre d’amande, beurre, sucre, œufs, farine de blé, vanille.',
		allergens: ['gluten', 'eggs', 'milk', 'nuts'],
		producer: 'vergers-des-coteaux',
		origin: 'Poires des Vergers des Coteaux',
		months: [9, 10, 11, 12, 1],
		storage: 'Au frais, 2 jours.',
		variants: [
			['Tartelette', 440],
			['6 parts', 2300]
		]
	}
];
