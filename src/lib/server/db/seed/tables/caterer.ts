import type { ProductRow } from './types.ts';

const DISH = 'Au réfrigérateur, à consommer dans les 3 jours ; réchauffer à couvert.';
const COLD = 'Au réfrigérateur, à consommer dans les 2 jours.';

/** Traiteur Saveurs de Touraine: dishes of the day and catering, cooked with the town's producers. */
export const catererProducts: ProductRow[] = [
	{
		name: 'Coq au vin de Chinon',
		kind: 'dish',
		unit: 'piece',
		vat: 1000,
		description: 'Poulet de la Ferme du Bois Joli mijoté dans le Chinon du Domaine de la Butte Rouge, lardons et champignons.',
		ingredients: 'Poulet (45 %), vin rouge, lardons, champignons de Paris, oignons, carottes, farine de blé, beurre, thym, laurier.',
		allergens: ['gluten', 'milk', 'sulphites'],
		producer: 'ferme-du-bois-joli',
		origin: 'Poulet de la Ferme du Bois Joli (Saint-Aubin-sur-Loire)',
		storage: DISH,
		variants: [
			['1 part (400 g)', 1190, 0.4, 'kg'],
			['4 parts (1,6 kg)', 4400, 1.6, 'kg']
		]
	},
	{
		name: 'Sandre au beurre blanc',
		kind: 'fish',
		unit: 'piece',
		vat: 1000,
		description: 'Filet de sandre de Loire rôti, beurre blanc au Vouvray et riz pilaf.',
		ingredients: 'Sandre (40 %), riz, beurre, échalotes, vin blanc, crème, sel, poivre.',
		allergens: ['fish', 'milk', 'sulphites'],
		producer: 'pecherie-martin',
		origin: 'Sandre de la Pêcherie Martin (Loire)',
		storage: COLD,
		variants: [['1 part (350 g)', 1490, 0.35, 'kg']]
	},
	{
		name: 'Blanquette de veau à l’ancienne',
		kind: 'dish',
		unit: 'piece',
		vat: 1000,
		description: 'Veau de la Boucherie Marchand, sauce crémée aux champignons, riz basmati.',
		ingredients: 'Veau (40 %), crème, champignons, carottes, oignons, riz, beurre, farine de blé, citron.',
		allergens: ['gluten', 'milk', 'celery'],
		storage: DISH,
		variants: [
			['1 part (400 g)', 1250, 0.4, 'kg'],
			['4 parts (1,6 kg)', 4600, 1.6, 'kg']
		]
	},
	{
		name: 'Hachis parmentier',
		kind: 'dish',
		unit: 'piece',
		vat: 1000,
		description: 'Bœuf du GAEC des Trois Chênes confit sept heures sous une purée au beurre.',
		ingredients: 'Pommes de terre, bœuf (35 %), lait, beurre, oignons, carottes, vin rouge, fromage râpé.',
		allergens: ['milk', 'sulphites'],
		producer: 'gaec-des-trois-chenes',
		origin: 'Bœuf du GAEC des Trois Chênes',
		storage: DISH,
		variants: [
			['1 part (400 g)', 990, 0.4, 'kg'],
			['Plat familial (1,5 kg)', 3400, 1.5, 'kg']
		]
	},
	{
		name: 'Lasagnes végétariennes',
		kind: 'dish',
		unit: 'piece',
		vat: 1000,
		description: 'Légumes des Jardins de la Varenne, ricotta et béchamel, gratinées au comté.',
		ingredients: 'Pâtes aux œufs (blé), courgettes, aubergines, tomates, ricotta, lait, beurre, comté, basilic.',
		allergens: ['gluten', 'eggs', 'milk'],
		producer: 'jardins-de-la-varenne',
		origin: 'Légumes des Jardins de la Varenne',
		months: [6, 7, 8, 9, 10],
		storage: DISH,
		variants: [['1 part (400 g)', 950, 0.4, 'kg']]
	},
	{
		name: 'Velouté de potimarron',
		kind: 'jar',
		unit: 'piece',
		vat: 1000,
		description: 'Potimarron, châtaigne et crème fraîche de la ferme, en bocal consigné.',
		ingredients: 'Potimarron (60 %), eau, crème, châtaignes, oignons, beurre, sel, muscade.',
		allergens: ['milk'],
		producer: 'jardins-de-la-varenne',
		origin: 'Potimarrons des Jardins de la Varenne',
		months: [10, 11, 12, 1, 2],
		storage: COLD,
		variants: [['Bocal de 50 cl', 650, 0.5, 'l']]
	},
	{
		name: 'Gaspacho andalou',
		kind: 'jar',
		unit: 'piece',
		vat: 1000,
		description: 'Tomates anciennes, concombre, poivron et huile d’olive, servi bien frais.',
		ingredients: 'Tomates (70 %), concombre, poivron, huile d’olive, vinaigre de Xérès, ail, sel.',
		allergens: ['sulphites'],
		producer: 'jardins-de-la-varenne',
		origin: 'Légumes des Jardins de la Varenne',
		months: [7, 8, 9],
		storage: COLD,
		variants: [['Bouteille de 50 cl', 590, 0.5, 'l']]
	},
	{
		name: 'Salade de lentilles au saumon fumé',
		kind: 'salad',
		unit: 'piece',
		vat: 1000,
		description: 'Lentilles vertes du Val de Cher, saumon fumé, échalote et vinaigrette moutardée.',
		ingredients: 'Lentilles (55 %), saumon fumé (15 %), échalotes, huile de colza, moutarde, vinaigre, persil.',
		allergens: ['fish', 'mustard', 'sulphites'],
		producer: 'earl-du-val-de-cher',
		origin: 'Lentilles de l’EARL du Val de Cher',
		storage: COLD,
		variants: [['Barquette de 300 g', 690, 0.3, 'kg']]
	},
	{
		name: 'Taboulé aux herbes fraîches',
		kind: 'salad',
		unit: 'piece',
		vat: 1000,
		description: 'Beaucoup de persil et de menthe, un peu de boulgour, citron et tomates.',
		ingredients: 'Persil (40 %), boulgour (blé), tomates, menthe, oignons nouveaux, citron, huile d’olive, sel.',
		allergens: ['gluten'],
		storage: COLD,
		variants: [['Barquette de 300 g', 590, 0.3, 'kg']]
	},
	{
		name: 'Terrine de campagne maison',
		kind: 'terrine',
		unit: 'piece',
		vat: 1000,
		description: 'Porc gascon de la Ferme du Bois Joli, foie et armagnac, avec ses cornichons.',
		ingredients: 'Viande et foie de porc, œufs, oignons, armagnac, sel, poivre, épices.',
		allergens: ['eggs'],
		producer: 'ferme-du-bois-joli',
		origin: 'Porc de la Ferme du Bois Joli',
		storage: COLD,
		variants: [['Tranche de 150 g', 450, 0.15, 'kg']]
	},
	{
		name: 'Quiche aux poireaux et chèvre',
		kind: 'tart',
		unit: 'piece',
		vat: 1000,
		description: 'Fondue de poireaux et Sainte-Maure de la Ferme de la Bergerie sur une pâte brisée.',
		ingredients: 'Poireaux, crème, œufs, fromage de chèvre (15 %), farine de blé, beurre, sel, poivre.',
		allergens: ['gluten', 'eggs', 'milk'],
		producer: 'ferme-de-la-bergerie',
		origin: 'Fromage de la Ferme de la Bergerie',
		storage: DISH,
		variants: [
			['La part', 450],
			['Entière (6 parts)', 2200]
		]
	},
	{
		name: 'Feuilleté de rillons',
		kind: 'tart',
		unit: 'piece',
		vat: 1000,
		description: 'Rillons de la Boucherie Marchand et fondue d’oignons dans une pâte feuilletée.',
		ingredients: 'Pâte feuilletée (farine de blé, beurre), rillons de porc (30 %), oignons, crème, œufs.',
		allergens: ['gluten', 'milk', 'eggs'],
		storage: DISH,
		variants: [['La pièce', 520]]
	},
	{
		name: 'Plateau de verrines apéritives',
		kind: 'dish',
		unit: 'box',
		vat: 1000,
		description: 'Vingt-quatre verrines salées : chèvre et betterave, saumon et aneth, gaspacho, rillettes.',
		ingredients: 'Selon la composition du moment ; liste détaillée remise avec le plateau.',
		allergens: ['milk', 'fish', 'gluten', 'eggs', 'mustard'],
		stock: { onOrderDays: 3 },
		storage: COLD,
		variants: [['24 verrines', 5400]]
	},
	{
		name: 'Buffet froid de Touraine',
		kind: 'dish',
		unit: 'box',
		vat: 1000,
		ingredients:
			'Rillettes et rillons de Touraine (porc, sel, poivre), jambon blanc (jambon de porc, sel, bouillon de légumes), salade de lentilles vertes à la moutarde à l’ancienne, taboulé (semoule de blé, tomates, concombre, menthe, huile d’olive, citron), Sainte-Maure-de-Touraine (lait cru de chèvre), tarte aux pommes (farine de blé, beurre, œufs, sucre, pommes), pain de campagne, vinaigrette (huile de colza, vinaigre de vin, moutarde).',
		description: 'Pour les fêtes de famille : charcuteries, salades de saison, fromages et tarte, par personne.',
		allergens: ['gluten', 'milk', 'eggs', 'mustard', 'sulphites'],
		stock: { onOrderDays: 5 },
		storage: COLD,
		variants: [
			['Par personne (10 minimum)', 2200],
			['Par personne, formule gourmande', 2900]
		]
	},
	{
		name: 'Bœuf bourguignon mijoté',
		kind: 'dish',
		unit: 'piece',
		vat: 1000,
		description: 'Le bourguignon du dimanche, cuit doucement toute une nuit, avec ses pommes vapeur.',
		ingredients: 'Bœuf (45 %), vin rouge, carottes, oignons, lardons, champignons, pommes de terre, farine de blé, beurre.',
		allergens: ['gluten', 'milk', 'sulphites'],
		producer: 'gaec-des-trois-chenes',
		origin: 'Bœuf du GAEC des Trois Chênes',
		months: [10, 11, 12, 1, 2, 3, 4],
		storage: DISH,
		variants: [
			['1 part (400 g)', 1290, 0.4, 'kg'],
			['4 parts (1,6 kg)', 4800, 1.6, 'kg']
		]
	},
	{
		name: 'Curry de légumes au lait de coco',
		kind: 'dish',
		unit: 'piece',
		vat: 1000,
		description: 'Patates douces, pois chiches et épinards, doux et parfumé, riz basmati.',
		ingredients: 'Légumes (45 %), lait de coco, pois chiches, riz, oignons, curry, gingembre, coriandre.',
		allergens: ['mustard'],
		storage: DISH,
		variants: [['1 part (400 g)', 950, 0.4, 'kg']]
	},
	{
		name: 'Mousse au chocolat',
		kind: 'yogurt',
		unit: 'piece',
		vat: 1000,
		description: 'Légère et intense, au chocolat noir 70 % et aux œufs de la Ferme du Bois Joli.',
		ingredients: 'Chocolat noir 70 %, œufs, sucre, crème.',
		allergens: ['eggs', 'milk', 'soybeans'],
		producer: 'ferme-du-bois-joli',
		origin: 'Œufs de la Ferme du Bois Joli',
		storage: COLD,
		variants: [
			['Ramequin', 350],
			['Saladier (6 parts)', 1800]
		]
	},
	{
		name: 'Riz au lait caramel',
		kind: 'yogurt',
		unit: 'piece',
		vat: 1000,
		description: 'Riz rond cuit dans le lait de la Laiterie des Prés Fleuris, nappé de caramel au beurre salé.',
		ingredients: 'Lait entier (70 %), riz rond, sucre, crème, beurre demi-sel, vanille.',
		allergens: ['milk'],
		producer: 'laiterie-des-pres-fleuris',
		origin: 'Lait de la Laiterie des Prés Fleuris',
		storage: COLD,
		variants: [['Ramequin', 320]]
	},
	{
		name: 'Menu de la semaine',
		kind: 'dish',
		unit: 'piece',
		vat: 1000,
		ingredients:
			'Velouté de potimarron (potimarron, oignons, crème, beurre, sel), blanquette de veau à l’ancienne (veau 40 %, champignons, carottes, crème, farine de blé, beurre, jaune d’œuf, sel, poivre) et riz, riz au lait caramel (lait entier, riz, sucre, caramel, vanille).',
		description:
			'Entrée, plat et dessert qui changent chaque lundi selon le marché ; cette semaine : velouté de potimarron, blanquette de veau à l’ancienne et son riz, riz au lait caramel.',
		allergens: ['gluten', 'milk', 'eggs'],
		stock: 'unlimited',
		storage: DISH,
		variants: [['Le menu', 1650]]
	},
	{
		name: 'Fouées garnies',
		kind: 'bread',
		unit: 'box',
		vat: 1000,
		description: 'Six fouées chaudes garnies de rillettes, de mogettes ou de fromage de chèvre, comme en Touraine.',
		ingredients: 'Pâte à pain (farine de blé, eau, levain, sel), rillettes, mogettes, fromage de chèvre, beurre.',
		allergens: ['gluten', 'milk'],
		storage: 'À déguster chaud, le jour même.',
		variants: [['Les 6', 1200]]
	}
];
