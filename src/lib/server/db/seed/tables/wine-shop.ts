import type { ProductRow } from './types.ts';

const CELLAR = 'Couchée, à l’abri de la lumière, entre 12 et 14 °C.';
const PERRIERES = 'Domaine des Perrières, Vernou-les-Caves (AOP Vouvray)';
const BUTTE_ROUGE = 'Domaine de la Butte Rouge (Indre-et-Loire)';
const WINE = 'Raisins, sulfites.';

/** Cave Le Cep et la Grappe: Loire wines first, and a few bottles from elsewhere. */
export const wineShopProducts: ProductRow[] = [
	{
		name: 'Vouvray sec « Les Perrières »',
		kind: 'wine',
		unit: 'piece',
		vat: 2000,
		description: 'Chenin tendu et minéral, arômes de coing et de tilleul ; sur un sandre au beurre blanc.',
		ingredients: WINE,
		allergens: ['sulphites'],
		labels: ['aop', 'ab'],
		producer: 'domaine-des-perrieres',
		origin: PERRIERES,
		storage: CELLAR,
		variants: [
			['Bouteille 75 cl', 1450, 0.75, 'l'],
			['Carton de 6', 8200, 4.5, 'l']
		]
	},
	{
		name: 'Vouvray demi-sec',
		kind: 'wine',
		unit: 'piece',
		vat: 2000,
		description: 'Une pointe de douceur équilibrée par l’acidité du chenin ; avec une tarte aux pommes ou un curry.',
		ingredients: WINE,
		allergens: ['sulphites'],
		labels: ['aop', 'ab'],
		producer: 'domaine-des-perrieres',
		origin: PERRIERES,
		storage: CELLAR,
		variants: [['Bouteille 75 cl', 1550, 0.75, 'l']]
	},
	{
		name: 'Vouvray méthode traditionnelle brut',
		kind: 'wine',
		unit: 'piece',
		vat: 2000,
		description: 'Bulles fines, notes de pomme verte et de brioche, élevé 24 mois sur lattes en cave de tuffeau.',
		ingredients: WINE,
		allergens: ['sulphites'],
		labels: ['aop', 'ab'],
		producer: 'domaine-des-perrieres',
		origin: PERRIERES,
		storage: CELLAR,
		variants: [['Bouteille 75 cl', 1390, 0.75, 'l']]
	},
	{
		name: 'Vouvray moelleux 2018',
		kind: 'wine',
		unit: 'piece',
		vat: 2000,
		description: 'Un grand millésime de garde, miel et fruits confits ; avec un foie gras ou un roquefort.',
		ingredients: WINE,
		allergens: ['sulphites'],
		labels: ['aop', 'ab'],
		producer: 'domaine-des-perrieres',
		origin: PERRIERES,
		stock: { onOrderDays: 3 },
		storage: CELLAR,
		variants: [['Bouteille 75 cl', 2900, 0.75, 'l']]
	},
	{
		name: 'Bourgueil « La Butte »',
		kind: 'wine',
		unit: 'piece',
		vat: 2000,
		description: 'Cabernet franc sur graviers, croquant de fruits rouges, à boire légèrement frais.',
		ingredients: WINE,
		allergens: ['sulphites'],
		labels: ['aop', 'hve'],
		producer: 'domaine-de-la-butte-rouge',
		origin: BUTTE_ROUGE,
		storage: CELLAR,
		variants: [
			['Bouteille 75 cl', 1190, 0.75, 'l'],
			['Carton de 6', 6700, 4.5, 'l']
		]
	},
	{
		name: 'Chinon « Vieilles Vignes »',
		kind: 'wine',
		unit: 'piece',
		vat: 2000,
		description: 'Des vignes de 60 ans sur argilo-calcaire, tanins soyeux et notes de violette.',
		ingredients: WINE,
		allergens: ['sulphites'],
		labels: ['aop', 'hve'],
		producer: 'domaine-de-la-butte-rouge',
		origin: BUTTE_ROUGE,
		storage: CELLAR,
		variants: [['Bouteille 75 cl', 1690, 0.75, 'l']]
	},
	{
		name: 'Chinon rosé',
		kind: 'wine',
		unit: 'piece',
		vat: 2000,
		description: 'Rosé de saignée de cabernet franc, fraise des bois et agrumes, pour l’été.',
		ingredients: WINE,
		allergens: ['sulphites'],
		labels: ['aop', 'hve'],
		producer: 'domaine-de-la-butte-rouge',
		origin: BUTTE_ROUGE,
		months: [4, 5, 6, 7, 8, 9],
		storage: CELLAR,
		variants: [['Bouteille 75 cl', 1050, 0.75, 'l']]
	},
	{
		name: 'Saint-Nicolas-de-Bourgueil',
		kind: 'wine',
		unit: 'piece',
		vat: 2000,
		description: 'Souple et gourmand, sur les sables de la Loire ; avec une charcuterie.',
		ingredients: WINE,
		allergens: ['sulphites'],
		labels: ['aop', 'hve'],
		producer: 'domaine-de-la-butte-rouge',
		origin: BUTTE_ROUGE,
		storage: CELLAR,
		variants: [['Bouteille 75 cl', 1090, 0.75, 'l']]
	},
	{
		name: 'Montlouis-sur-Loire sec',
		kind: 'wine',
		unit: 'piece',
		vat: 2000,
		description: 'Le voisin du Vouvray, de l’autre côté du fleuve : chenin fin et salin.',
		ingredients: WINE,
		allergens: ['sulphites'],
		labels: ['aop', 'ab'],
		origin: 'Montlouis-sur-Loire (Indre-et-Loire)',
		storage: CELLAR,
		variants: [['Bouteille 75 cl', 1590, 0.75, 'l']]
	},
	{
		name: 'Touraine Sauvignon',
		kind: 'wine',
		unit: 'piece',
		vat: 2000,
		description: 'Vif et aromatique, pamplemousse et bourgeon de cassis, avec un chèvre frais.',
		ingredients: WINE,
		allergens: ['sulphites'],
		labels: ['aop'],
		origin: 'Vallée du Cher (Loir-et-Cher)',
		storage: CELLAR,
		variants: [['Bouteille 75 cl', 850, 0.75, 'l']]
	},
	{
		name: 'Sancerre blanc',
		kind: 'wine',
		unit: 'piece',
		vat: 2000,
		description: 'Sauvignon de silex, minéral et élégant, l’accord parfait du crottin de Chavignol.',
		ingredients: WINE,
		allergens: ['sulphites'],
		labels: ['aop'],
		origin: 'Sancerre (Cher)',
		storage: CELLAR,
		variants: [['Bouteille 75 cl', 2190, 0.75, 'l']]
	},
	{
		name: 'Saumur-Champigny',
		kind: 'wine',
		unit: 'piece',
		vat: 2000,
		description: 'Cabernet franc du tuffeau, fruité et frais.',
		ingredients: WINE,
		allergens: ['sulphites'],
		labels: ['aop'],
		origin: 'Saumur (Maine-et-Loire)',
		storage: CELLAR,
		variants: [['Bouteille 75 cl', 1290, 0.75, 'l']]
	},
	{
		name: 'Muscadet Sèvre-et-Maine sur lie',
		kind: 'wine',
		unit: 'piece',
		vat: 2000,
		description: 'Le vin des huîtres : sec, iodé, avec un léger perlant.',
		ingredients: WINE,
		allergens: ['sulphites'],
		labels: ['aop'],
		origin: 'Pays nantais (Loire-Atlantique)',
		storage: CELLAR,
		variants: [['Bouteille 75 cl', 890, 0.75, 'l']]
	},
	{
		name: 'Crémant de Loire rosé',
		kind: 'wine',
		unit: 'piece',
		vat: 2000,
		description: 'Méthode traditionnelle, bulles gourmandes de framboise, pour les fêtes.',
		ingredients: WINE,
		allergens: ['sulphites'],
		labels: ['aop'],
		origin: 'Saumurois (Maine-et-Loire)',
		storage: CELLAR,
		variants: [['Bouteille 75 cl', 1250, 0.75, 'l']]
	},
	{
		name: 'Coteaux du Layon',
		kind: 'wine',
		unit: 'piece',
		vat: 2000,
		description: 'Liquoreux d’Anjou, abricot sec et miel, pour le dessert.',
		ingredients: WINE,
		allergens: ['sulphites'],
		labels: ['aop'],
		origin: 'Anjou (Maine-et-Loire)',
		storage: CELLAR,
		variants: [['Bouteille 50 cl', 1450, 0.5, 'l']]
	},
	{
		name: 'Champagne brut réserve',
		kind: 'wine',
		unit: 'piece',
		vat: 2000,
		description: 'Un champagne de vigneron de la Montagne de Reims, majorité de pinot noir.',
		ingredients: WINE,
		allergens: ['sulphites'],
		labels: ['aop'],
		origin: 'Montagne de Reims (Marne)',
		storage: CELLAR,
		variants: [
			['Bouteille 75 cl', 3290, 0.75, 'l'],
			['Magnum 1,5 l', 6900, 1.5, 'l']
		]
	},
	{
		name: 'Côtes-du-Rhône « Les Galets »',
		kind: 'wine',
		unit: 'piece',
		vat: 2000,
		description: 'Grenache et syrah, épicé et chaleureux, pour les plats d’hiver.',
		ingredients: WINE,
		allergens: ['sulphites'],
		labels: ['aop', 'ab'],
		origin: 'Vallée du Rhône',
		storage: CELLAR,
		variants: [['Bouteille 75 cl', 990, 0.75, 'l']]
	},
	{
		name: 'Bordeaux supérieur',
		kind: 'wine',
		unit: 'piece',
		vat: 2000,
		description: 'Merlot et cabernet d’un petit château familial de l’Entre-deux-Mers.',
		ingredients: WINE,
		allergens: ['sulphites'],
		labels: ['aop', 'hve'],
		origin: 'Entre-deux-Mers (Gironde)',
		storage: CELLAR,
		variants: [['Bouteille 75 cl', 1150, 0.75, 'l']]
	},
	{
		name: 'Bière blonde de Touraine',
		kind: 'bottle',
		unit: 'piece',
		vat: 2000,
		description: 'Brassée à Amboise avec de l’orge de Beauce, légère et florale, 5 % vol.',
		ingredients: 'Eau, malt d’orge, houblon, levure.',
		allergens: ['gluten'],
		labels: ['ab'],
		origin: 'Brasserie artisanale d’Amboise',
		storage: 'Debout, au frais.',
		variants: [
			['Bouteille 33 cl', 290, 0.33, 'l'],
			['Pack de 6 × 33 cl', 1590, 1.98, 'l']
		]
	},
	{
		name: 'Bière ambrée au miel',
		kind: 'bottle',
		unit: 'piece',
		vat: 2000,
		description: 'Brassée avec le miel de châtaignier du Rucher des Coteaux, ronde et caramélisée, 6,5 % vol.',
		ingredients: 'Eau, malt d’orge, miel (5 %), houblon, levure.',
		allergens: ['gluten'],
		producer: 'rucher-des-coteaux',
		origin: 'Brassée à Amboise avec le miel du Rucher des Coteaux',
		storage: 'Debout, au frais.',
		variants: [['Bouteille 33 cl', 340, 0.33, 'l']]
	},
	{
		name: 'Jus de raisin de chenin',
		kind: 'bottle',
		unit: 'piece',
		vat: 550,
		description: 'Le jus des raisins du Domaine des Perrières, non fermenté, pour les enfants et les conducteurs.',
		ingredients: 'Jus de raisin.',
		labels: ['ab'],
		producer: 'domaine-des-perrieres',
		origin: PERRIERES,
		storage: 'Au frais après ouverture, 5 jours.',
		variants: [['Bouteille 75 cl', 590, 0.75, 'l']]
	},
	{
		name: 'Eau-de-vie de poire Williams',
		kind: 'bottle',
		unit: 'piece',
		vat: 2000,
		description: 'Distillée par un bouilleur de cru d’Indre-et-Loire, 40 % vol.',
		ingredients: 'Eau-de-vie de poire.',
		origin: 'Indre-et-Loire',
		storage: 'Debout, à l’abri de la lumière.',
		variants: [['Bouteille 50 cl', 3200, 0.5, 'l']]
	},
	{
		name: 'Coffret découverte « Vins de Loire »',
		kind: 'wine',
		unit: 'box',
		vat: 2000,
		description: 'Trois bouteilles pour voyager le long du fleuve : Vouvray, Chinon et Sancerre.',
		ingredients: WINE,
		allergens: ['sulphites'],
		labels: ['aop'],
		stock: { onOrderDays: 1 },
		storage: CELLAR,
		variants: [['Coffret de 3 bouteilles', 4900, 2.25, 'l']]
	}
];
