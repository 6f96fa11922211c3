// Trade templates for the onboarding wizard: what a new shop of each trade usually sells, so the
// merchant ticks and prices a starter list instead of facing an empty catalogue (SPEC §3.2, §3.3).
// Prices are suggestions incl. VAT in cents; VAT rates follow French rules (5.5 % food and books,
// 10 % flowers, plants and ready meals, 20 % alcohol and non-food goods).

import { SELLING_UNITS, VAT_RATES_BPS, ALLERGENS, type SellingUnit, type VatRateBps, type Allergen } from '../catalog/product-input.ts';

export const TRADE_KEYS = [
	'bakery',
	'pastry',
	'butcher',
	'delicatessen',
	'greengrocer',
	'cheesemonger',
	'fishmonger',
	'grocery',
	'wine_shop',
	'florist',
	'bookshop',
	'market_gardener',
	'livestock_farmer',
	'dairy_producer',
	'beekeeper'
] as const;
export type TradeKey = (typeof TRADE_KEYS)[number];

export { SELLING_UNITS, VAT_RATES_BPS, ALLERGENS };
export type { SellingUnit, VatRateBps, Allergen };

export type StarterProduct = {
	name: string;
	unit: SellingUnit;
	/** Suggested price incl. VAT for one selling unit, in cents. */
	priceCents: number;
	vatRateBps: VatRateBps;
	allergens: Allergen[];
	/** Net content of one unit for the unit price (€/kg, €/L), when it is not sold by the kilo or litre. */
	net?: { quantity: number; unit: 'kg' | 'l' };
};

export type TradeTemplate = {
	key: TradeKey;
	/** The territory category (categories.slug) the shop's products go into, created if missing. */
	category: { slug: string; name: string };
	defaultUnit: SellingUnit;
	/** The VAT rates this trade uses, most common first. */
	vatRates: VatRateBps[];
	products: StarterProduct[];
};

type Net = [quantity: number, unit: 'kg' | 'l'];
/** One starter product: name, unit, price in euros, VAT (bps), allergens, net content. */
const p = (
	name: string,
	unit: SellingUnit,
	euros: number,
	vatRateBps: VatRateBps,
	allergens: Allergen[] = [],
	net?: Net
): StarterProduct => ({
	name,
	unit,
	priceCents: Math.round(euros * 100),
	vatRateBps,
	allergens,
	...(net ? { net: { quantity: net[0], unit: net[1] } } : {})
});

const G: Allergen[] = ['gluten'];
const GEM: Allergen[] = ['gluten', 'eggs', 'milk'];
const GM: Allergen[] = ['gluten', 'milk'];
const M: Allergen[] = ['milk'];

export const TRADE_TEMPLATES: Record<TradeKey, TradeTemplate> = {
	bakery: {
		key: 'bakery',
		category: { slug: 'boulangerie-patisserie', name: 'Boulangerie & pâtisserie' },
		defaultUnit: 'piece',
		vatRates: [550],
		products: [
			p('Baguette', 'piece', 1.1, 550, G, [0.25, 'kg']),
			p('Baguette de tradition', 'piece', 1.3, 550, G, [0.25, 'kg']),
			p('Pain de campagne', 'piece', 3.9, 550, G, [0.5, 'kg']),
			p('Pain complet', 'piece', 3.6, 550, G, [0.4, 'kg']),
			p('Pain aux céréales', 'piece', 4.2, 550, ['gluten', 'sesame'], [0.4, 'kg']),
			p('Pain de seigle', 'piece', 4.0, 550, G, [0.4, 'kg']),
			p('Pain de mie', 'piece', 3.2, 550, GM, [0.5, 'kg']),
			p('Ficelle', 'piece', 0.9, 550, G, [0.125, 'kg']),
			p('Croissant au beurre', 'piece', 1.2, 550, GEM),
			p('Pain au chocolat', 'piece', 1.35, 550, ['gluten', 'eggs', 'milk', 'soybeans']),
			p('Pain aux raisins', 'piece', 1.6, 550, GEM),
			p('Chausson aux pommes', 'piece', 1.8, 550, GEM),
			p('Brioche tressée', 'piece', 5.5, 550, GEM, [0.4, 'kg']),
			p('Fougasse aux olives', 'piece', 3.5, 550, G, [0.3, 'kg']),
			p('Pain aux noix', 'piece', 4.8, 550, ['gluten', 'nuts'], [0.4, 'kg']),
			p('Sablés bretons (sachet)', 'box', 4.5, 550, GEM, [0.2, 'kg'])
		]
	},
	pastry: {
		key: 'pastry',
		category: { slug: 'boulangerie-patisserie', name: 'Boulangerie & pâtisserie' },
		defaultUnit: 'piece',
		vatRates: [550],
		products: [
			p('Éclair au chocolat', 'piece', 3.2, 550, GEM),
			p('Éclair au café', 'piece', 3.2, 550, GEM),
			p('Paris-Brest', 'piece', 4.2, 550, ['gluten', 'eggs', 'milk', 'nuts']),
			p('Religieuse au chocolat', 'piece', 3.8, 550, GEM),
			p('Tarte au citron meringuée', 'piece', 3.9, 550, GEM),
			p('Tartelette aux fraises', 'piece', 4.2, 550, GEM),
			p('Millefeuille', 'piece', 3.8, 550, GEM),
			p('Flan pâtissier (part)', 'piece', 2.8, 550, GEM),
			p('Opéra', 'piece', 4.5, 550, ['gluten', 'eggs', 'milk', 'nuts']),
			p('Macarons (boîte de 6)', 'box', 9.0, 550, ['eggs', 'milk', 'nuts']),
			p('Fraisier (6 parts)', 'piece', 28.0, 550, GEM),
			p('Forêt-noire (6 parts)', 'piece', 27.0, 550, GEM),
			p('Tarte Tatin (6 parts)', 'piece', 22.0, 550, GEM),
			p('Canelés (boîte de 4)', 'box', 7.5, 550, GEM),
			p('Chouquettes (sachet de 10)', 'box', 3.5, 550, GEM),
			p('Galette des rois frangipane (6 parts)', 'piece', 24.0, 550, ['gluten', 'eggs', 'milk', 'nuts'])
		]
	},
	butcher: {
		key: 'butcher',
		category: { slug: 'boucherie-charcuterie', name: 'Boucherie & charcuterie' },
		defaultUnit: 'kg',
		vatRates: [550],
		products: [
			p('Entrecôte de bœuf', 'kg', 36.0, 550),
			p('Faux-filet de bœuf', 'kg', 32.0, 550),
			p('Bavette d’aloyau', 'kg', 26.0, 550),
			p('Bœuf haché 15 % MG', 'kg', 16.9, 550),
			p('Bourguignon (paleron)', 'kg', 17.5, 550),
			p('Pot-au-feu (plat de côtes, gîte)', 'kg', 13.9, 550),
			p('Rôti de bœuf', 'kg', 29.0, 550),
			p('Escalope de veau', 'kg', 34.0, 550),
			p('Blanquette de veau', 'kg', 19.9, 550),
			p('Gigot d’agneau', 'kg', 27.0, 550),
			p('Côtelettes d’agneau', 'kg', 32.0, 550),
			p('Rôti de porc dans l’échine', 'kg', 13.5, 550),
			p('Côtes de porc', 'kg', 11.9, 550),
			p('Poulet fermier entier', 'kg', 11.5, 550),
			p('Cuisses de poulet', 'kg', 9.9, 550),
			p('Saucisses de Toulouse', 'kg', 13.9, 550),
			p('Merguez', 'kg', 14.5, 550)
		]
	},
	delicatessen: {
		key: 'delicatessen',
		category: { slug: 'traiteur', name: 'Traiteur' },
		defaultUnit: 'kg',
		vatRates: [550, 1000],
		products: [
			p('Jambon blanc à l’os', 'kg', 26.0, 550),
			p('Jambon sec', 'kg', 32.0, 550),
			p('Saucisson sec', 'piece', 6.5, 550, [], [0.25, 'kg']),
			p('Pâté de campagne', 'kg', 18.0, 550, ['eggs']),
			p('Terrine de canard', 'kg', 28.0, 550, ['eggs']),
			p('Rillettes du Mans', 'kg', 22.0, 550),
			p('Rillons', 'kg', 24.0, 550),
			p('Boudin noir', 'kg', 14.0, 550, M),
			p('Andouillette', 'kg', 19.0, 550, ['mustard']),
			p('Chorizo', 'kg', 24.0, 550),
			p('Fromage de tête', 'kg', 16.0, 550),
			p('Quiche lorraine (part)', 'piece', 3.8, 1000, GEM),
			p('Pâté en croûte', 'kg', 32.0, 550, GEM),
			p('Salade piémontaise', 'kg', 15.0, 1000, ['eggs', 'mustard']),
			p('Lasagnes à la bolognaise (part)', 'piece', 7.5, 1000, ['gluten', 'eggs', 'milk', 'celery']),
			p('Hachis parmentier (part)', 'piece', 7.0, 1000, M)
		]
	},
	greengrocer: {
		key: 'greengrocer',
		category: { slug: 'fruits-legumes', name: 'Fruits & légumes' },
		defaultUnit: 'kg',
		vatRates: [550],
		products: [
			p('Pommes de terre', 'kg', 1.9, 550),
			p('Carottes', 'kg', 1.8, 550),
			p('Oignons jaunes', 'kg', 2.2, 550),
			p('Poireaux', 'kg', 3.2, 550),
			p('Tomates grappe', 'kg', 3.9, 550),
			p('Courgettes', 'kg', 2.9, 550),
			p('Salade batavia', 'piece', 1.3, 550),
			p('Concombre', 'piece', 1.2, 550),
			p('Ail', 'kg', 9.5, 550),
			p('Échalotes', 'kg', 5.9, 550),
			p('Champignons de Paris', 'kg', 6.9, 550),
			p('Pommes Golden', 'kg', 2.9, 550),
			p('Poires Conférence', 'kg', 3.5, 550),
			p('Bananes', 'kg', 2.4, 550),
			p('Citrons', 'kg', 4.5, 550),
			p('Oranges à jus', 'kg', 2.9, 550),
			p('Fraises (barquette de 500 g)', 'box', 4.9, 550, [], [0.5, 'kg']),
			p('Persil plat', 'bunch', 1.2, 550)
		]
	},
	cheesemonger: {
		key: 'cheesemonger',
		category: { slug: 'cremerie-fromages', name: 'Crèmerie & fromages' },
		defaultUnit: 'kg',
		vatRates: [550],
		products: [
			p('Comté 18 mois', 'kg', 29.0, 550, M),
			p('Beaufort', 'kg', 34.0, 550, M),
			p('Emmental de Savoie', 'kg', 17.0, 550, M),
			p('Tomme de Savoie', 'kg', 22.0, 550, M),
			p('Roquefort', 'kg', 32.0, 550, M),
			p('Bleu d’Auvergne', 'kg', 19.0, 550, M),
			p('Morbier', 'kg', 21.0, 550, M),
			p('Reblochon', 'piece', 8.5, 550, M, [0.45, 'kg']),
			p('Camembert de Normandie', 'piece', 4.9, 550, M, [0.25, 'kg']),
			p('Brie de Meaux', 'kg', 26.0, 550, M),
			p('Sainte-Maure-de-Touraine', 'piece', 7.5, 550, M, [0.25, 'kg']),
			p('Crottin de Chavignol', 'piece', 2.9, 550, M, [0.06, 'kg']),
			p('Valençay', 'piece', 7.9, 550, M, [0.22, 'kg']),
			p('Mimolette vieille', 'kg', 24.0, 550, M),
			p('Beurre de baratte demi-sel', 'piece', 3.9, 550, M, [0.25, 'kg']),
			p('Crème fraîche épaisse', 'piece', 3.2, 550, M, [0.25, 'l'])
		]
	},
	fishmonger: {
		key: 'fishmonger',
		category: { slug: 'poissonnerie', name: 'Poissonnerie' },
		defaultUnit: 'kg',
		vatRates: [550],
		products: [
			p('Filet de cabillaud', 'kg', 29.0, 550, ['fish']),
			p('Filet de merlu', 'kg', 22.0, 550, ['fish']),
			p('Pavé de saumon', 'kg', 28.0, 550, ['fish']),
			p('Dos de lieu noir', 'kg', 19.0, 550, ['fish']),
			p('Sardines', 'kg', 9.9, 550, ['fish']),
			p('Maquereaux', 'kg', 11.0, 550, ['fish']),
			p('Dorade royale', 'kg', 21.0, 550, ['fish']),
			p('Bar de ligne', 'kg', 38.0, 550, ['fish']),
			p('Sole', 'kg', 42.0, 550, ['fish']),
			p('Moules de bouchot', 'kg', 6.5, 550, ['molluscs']),
			p('Huîtres creuses n° 3 (douzaine)', 'dozen', 14.0, 550, ['molluscs']),
			p('Crevettes roses cuites', 'kg', 24.0, 550, ['crustaceans']),
			p('Langoustines', 'kg', 45.0, 550, ['crustaceans']),
			p('Noix de Saint-Jacques', 'kg', 65.0, 550, ['molluscs']),
			p('Encornets', 'kg', 18.0, 550, ['molluscs']),
			p('Saumon fumé (4 tranches)', 'box', 9.5, 550, ['fish'], [0.16, 'kg'])
		]
	},
	grocery: {
		key: 'grocery',
		category: { slug: 'epicerie', name: 'Épicerie' },
		defaultUnit: 'piece',
		vatRates: [550, 2000],
		products: [
			p('Pâtes artisanales', 'piece', 3.5, 550, ['gluten', 'eggs'], [0.5, 'kg']),
			p('Riz de Camargue', 'piece', 3.9, 550, [], [1, 'kg']),
			p('Lentilles vertes', 'piece', 4.2, 550, [], [0.5, 'kg']),
			p('Pois chiches', 'piece', 3.6, 550, [], [0.5, 'kg']),
			p('Farine de blé T65', 'piece', 2.4, 550, G, [1, 'kg']),
			p('Huile d’olive vierge extra', 'piece', 12.5, 550, [], [0.75, 'l']),
			p('Huile de colza', 'piece', 4.9, 550, [], [1, 'l']),
			p('Vinaigre de vin rouge', 'piece', 3.9, 550, ['sulphites'], [0.5, 'l']),
			p('Moutarde de Dijon', 'piece', 2.9, 550, ['mustard'], [0.2, 'kg']),
			p('Sel de Guérande', 'piece', 3.2, 550, [], [0.5, 'kg']),
			p('Sucre de canne', 'piece', 3.5, 550, [], [1, 'kg']),
			p('Café moulu', 'piece', 6.9, 550, [], [0.25, 'kg']),
			p('Thé noir', 'piece', 6.5, 550, [], [0.1, 'kg']),
			p('Confiture de fraises', 'piece', 4.9, 550, [], [0.37, 'kg']),
			p('Chocolat noir 70 %', 'piece', 3.5, 550, ['milk', 'soybeans'], [0.1, 'kg']),
			p('Biscuits sablés', 'piece', 3.9, 550, GEM, [0.2, 'kg']),
			p('Savon de Marseille', 'piece', 4.5, 2000)
		]
	},
	wine_shop: {
		key: 'wine_shop',
		category: { slug: 'cave-boissons', name: 'Cave & boissons' },
		defaultUnit: 'piece',
		vatRates: [2000, 550],
		products: [
			p('Vouvray sec', 'piece', 12.5, 2000, ['sulphites'], [0.75, 'l']),
			p('Chinon rouge', 'piece', 11.9, 2000, ['sulphites'], [0.75, 'l']),
			p('Bourgueil rouge', 'piece', 11.5, 2000, ['sulphites'], [0.75, 'l']),
			p('Sancerre blanc', 'piece', 19.0, 2000, ['sulphites'], [0.75, 'l']),
			p('Touraine sauvignon', 'piece', 8.9, 2000, ['sulphites'], [0.75, 'l']),
			p('Côtes-du-Rhône rouge', 'piece', 9.5, 2000, ['sulphites'], [0.75, 'l']),
			p('Bordeaux supérieur', 'piece', 12.0, 2000, ['sulphites'], [0.75, 'l']),
			p('Rosé de Provence', 'piece', 11.0, 2000, ['sulphites'], [0.75, 'l']),
			p('Crémant de Loire brut', 'piece', 13.5, 2000, ['sulphites'], [0.75, 'l']),
			p('Champagne brut', 'piece', 32.0, 2000, ['sulphites'], [0.75, 'l']),
			p('Muscadet sur lie', 'piece', 8.5, 2000, ['sulphites'], [0.75, 'l']),
			p('Bière blonde artisanale', 'piece', 3.2, 2000, G, [0.33, 'l']),
			p('Bière ambrée artisanale', 'piece', 3.4, 2000, G, [0.33, 'l']),
			p('Cidre brut', 'piece', 4.9, 2000, ['sulphites'], [0.75, 'l']),
			p('Jus de pomme', 'piece', 3.9, 550, [], [1, 'l']),
			p('Pétillant de raisin', 'piece', 5.5, 550, [], [0.75, 'l'])
		]
	},
	florist: {
		key: 'florist',
		category: { slug: 'fleurs-plantes', name: 'Fleurs & plantes' },
		defaultUnit: 'piece',
		vatRates: [1000, 2000],
		products: [
			p('Bouquet de saison', 'bunch', 25.0, 1000),
			p('Bouquet rond champêtre', 'bunch', 35.0, 1000),
			p('Rose rouge (à la tige)', 'piece', 3.5, 1000),
			p('Botte de tulipes', 'bunch', 12.0, 1000),
			p('Botte de pivoines', 'bunch', 18.0, 1000),
			p('Botte de renoncules', 'bunch', 14.0, 1000),
			p('Lys (à la tige)', 'piece', 5.0, 1000),
			p('Orchidée en pot', 'piece', 29.0, 1000),
			p('Plante verte (pothos)', 'piece', 19.0, 1000),
			p('Cactus en pot', 'piece', 9.0, 1000),
			p('Cyclamen', 'piece', 8.5, 1000),
			p('Chrysanthème en pot', 'piece', 14.0, 1000),
			p('Plant d’aromatiques (basilic)', 'piece', 3.5, 1000),
			p('Composition de table', 'piece', 45.0, 1000),
			p('Couronne de deuil', 'piece', 90.0, 1000),
			p('Vase en verre', 'piece', 15.0, 2000)
		]
	},
	bookshop: {
		key: 'bookshop',
		category: { slug: 'librairie', name: 'Librairie' },
		defaultUnit: 'piece',
		vatRates: [550, 2000],
		products: [
			p('Roman – nouveauté grand format', 'piece', 22.0, 550),
			p('Roman poche', 'piece', 8.5, 550),
			p('Polar poche', 'piece', 9.2, 550),
			p('Bande dessinée', 'piece', 15.5, 550),
			p('Manga', 'piece', 7.2, 550),
			p('Album jeunesse', 'piece', 14.0, 550),
			p('Premières lectures', 'piece', 6.5, 550),
			p('Roman ado', 'piece', 17.0, 550),
			p('Livre de cuisine', 'piece', 29.0, 550),
			p('Guide de randonnée régional', 'piece', 14.9, 550),
			p('Beau livre', 'piece', 39.0, 550),
			p('Essai', 'piece', 21.0, 550),
			p('Cahier d’activités', 'piece', 7.9, 550),
			p('Carte de vœux', 'piece', 3.5, 2000),
			p('Carnet de notes', 'piece', 12.0, 2000),
			p('Marque-pages', 'piece', 2.5, 2000),
			p('Chèque-lire (bon cadeau)', 'piece', 20.0, 550)
		]
	},
	market_gardener: {
		key: 'market_gardener',
		category: { slug: 'fruits-legumes', name: 'Fruits & légumes' },
		defaultUnit: 'kg',
		vatRates: [550, 1000],
		products: [
			p('Panier de légumes de saison', 'box', 15.0, 550),
			p('Tomates anciennes', 'kg', 5.5, 550),
			p('Tomates cerises (barquette)', 'box', 3.5, 550, [], [0.25, 'kg']),
			p('Courgettes', 'kg', 2.8, 550),
			p('Aubergines', 'kg', 3.9, 550),
			p('Poivrons', 'kg', 4.9, 550),
			p('Haricots verts', 'kg', 7.5, 550),
			p('Pommes de terre nouvelles', 'kg', 2.5, 550),
			p('Carottes nouvelles', 'bunch', 2.2, 550),
			p('Radis', 'bunch', 1.5, 550),
			p('Betteraves cuites', 'kg', 4.2, 550),
			p('Salade feuille de chêne', 'piece', 1.4, 550),
			p('Épinards', 'kg', 6.0, 550),
			p('Courge butternut', 'kg', 2.6, 550),
			p('Potimarron', 'kg', 2.8, 550),
			p('Botte de ciboulette', 'bunch', 1.2, 550),
			p('Plants de tomates', 'piece', 2.5, 1000)
		]
	},
	livestock_farmer: {
		key: 'livestock_farmer',
		category: { slug: 'boucherie-charcuterie', name: 'Boucherie & charcuterie' },
		defaultUnit: 'kg',
		vatRates: [550],
		products: [
			p('Colis de bœuf (5 kg)', 'box', 85.0, 550, [], [5, 'kg']),
			p('Colis de veau (5 kg)', 'box', 95.0, 550, [], [5, 'kg']),
			p('Colis d’agneau (demi-agneau)', 'box', 120.0, 550, [], [8, 'kg']),
			p('Colis de porc (5 kg)', 'box', 60.0, 550, [], [5, 'kg']),
			p('Steaks hachés (4 × 125 g)', 'box', 8.9, 550, [], [0.5, 'kg']),
			p('Côte de bœuf', 'kg', 34.0, 550),
			p('Rôti de veau', 'kg', 32.0, 550),
			p('Gigot d’agneau', 'kg', 26.0, 550),
			p('Poulet fermier prêt à cuire', 'kg', 11.0, 550),
			p('Pintade fermière', 'kg', 13.5, 550),
			p('Canard fermier', 'kg', 12.5, 550),
			p('Lapin fermier', 'kg', 15.5, 550),
			p('Saucisses fermières', 'kg', 14.0, 550),
			p('Terrine de campagne (bocal)', 'piece', 6.9, 550, ['eggs'], [0.18, 'kg']),
			p('Rillettes de porc (bocal)', 'piece', 5.9, 550, [], [0.18, 'kg']),
			p('Œufs fermiers (douzaine)', 'dozen', 4.8, 550, ['eggs'])
		]
	},
	dairy_producer: {
		key: 'dairy_producer',
		category: { slug: 'oeufs-produits-laitiers', name: 'Œufs & produits laitiers' },
		defaultUnit: 'piece',
		vatRates: [550],
		products: [
			p('Lait cru entier', 'l', 1.4, 550, M),
			p('Lait demi-écrémé', 'l', 1.3, 550, M),
			p('Yaourt nature (pot)', 'piece', 0.6, 550, M, [0.125, 'kg']),
			p('Yaourts aux fruits (4 pots)', 'box', 3.2, 550, M, [0.5, 'kg']),
			p('Fromage blanc en faisselle', 'piece', 2.9, 550, M, [0.5, 'kg']),
			p('Crème fraîche crue', 'piece', 3.5, 550, M, [0.25, 'l']),
			p('Beurre fermier doux', 'piece', 3.8, 550, M, [0.25, 'kg']),
			p('Beurre fermier demi-sel', 'piece', 3.9, 550, M, [0.25, 'kg']),
			p('Tomme fermière', 'kg', 19.0, 550, M),
			p('Fromage frais de chèvre', 'piece', 2.6, 550, M, [0.15, 'kg']),
			p('Crottin de chèvre affiné', 'piece', 2.8, 550, M, [0.06, 'kg']),
			p('Riz au lait (pot)', 'piece', 2.2, 550, M, [0.15, 'kg']),
			p('Crème dessert vanille (pot)', 'piece', 1.5, 550, M, [0.125, 'kg']),
			p('Lait ribot', 'l', 2.2, 550, M),
			p('Œufs de plein air (6)', 'box', 2.6, 550, ['eggs']),
			p('Œufs de plein air (douzaine)', 'dozen', 4.9, 550, ['eggs'])
		]
	},
	beekeeper: {
		key: 'beekeeper',
		category: { slug: 'miel-confitures', name: 'Miel & confitures' },
		defaultUnit: 'piece',
		vatRates: [550, 2000],
		products: [
			p('Miel de fleurs (pot de 500 g)', 'piece', 9.0, 550, [], [0.5, 'kg']),
			p('Miel de fleurs (pot de 250 g)', 'piece', 5.5, 550, [], [0.25, 'kg']),
			p('Miel d’acacia', 'piece', 11.0, 550, [], [0.5, 'kg']),
			p('Miel de châtaignier', 'piece', 10.0, 550, [], [0.5, 'kg']),
			p('Miel de tilleul', 'piece', 10.5, 550, [], [0.5, 'kg']),
			p('Miel de colza crémeux', 'piece', 8.0, 550, [], [0.5, 'kg']),
			p('Miel de lavande', 'piece', 12.0, 550, [], [0.5, 'kg']),
			p('Miel de forêt', 'piece', 10.5, 550, [], [0.5, 'kg']),
			p('Miel en rayon', 'piece', 14.0, 550, [], [0.3, 'kg']),
			p('Pollen frais', 'piece', 12.0, 550, [], [0.25, 'kg']),
			p('Propolis (flacon)', 'piece', 11.0, 550, [], [0.015, 'l']),
			p('Gelée royale', 'piece', 22.0, 550, [], [0.01, 'kg']),
			p('Pain d’épices au miel', 'piece', 7.5, 550, ['gluten', 'eggs', 'milk'], [0.35, 'kg']),
			p('Nougat au miel', 'piece', 6.5, 550, ['nuts', 'eggs'], [0.15, 'kg']),
			p('Bonbons au miel (sachet)', 'piece', 4.0, 550, [], [0.1, 'kg']),
			p('Bougie en cire d’abeille', 'piece', 8.0, 2000)
		]
	}
};

export const isTradeKey = (key: string): key is TradeKey => (TRADE_KEYS as readonly string[]).includes(key);

export const tradeTemplate = (key: string): TradeTemplate | null => (isTradeKey(key) ? TRADE_TEMPLATES[key] : null);
