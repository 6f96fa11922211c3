import { NO_ALLERGENS } from './product-input.ts';

/**
 * The food information a buyer must see before buying at a distance (EU regulation 1169/2011
 * "INCO", art. 14 with art. 9): the one place that decides which product is food and what it
 * still lacks. Rule, by the product's category (the territory's category slugs), else by the
 * shop's trade when the product has no category:
 * - not food: flowers and plants, books (categories `fleurs-plantes`, `librairie`; trades florist, bookshop);
 * - every food: name, allergens (declared, "none" counts), storage conditions;
 * - ingredients, except fresh fruit and vegetables (art. 19(1)(a): unprocessed, no list required);
 * - net quantity, unless sold by weight or volume (the quantity is what is ordered) or by number
 *   (see `soldByNumber`);
 * - origin where EU rules require it: fruit and vegetables, meat, fish, honey, eggs.
 */

export type FoodInfoItem = 'name' | 'ingredients' | 'allergens' | 'net_quantity' | 'storage' | 'origin';

const NON_FOOD_CATEGORIES = new Set(['fleurs-plantes', 'librairie']);
const NON_FOOD_TRADES = new Set(['florist', 'bookshop']);
const FRESH_PRODUCE_CATEGORIES = new Set(['fruits-legumes']);
const FRESH_PRODUCE_TRADES = new Set(['greengrocer', 'market_gardener']);
const ORIGIN_CATEGORIES = new Set([
	'fruits-legumes',
	'boucherie-charcuterie',
	'poissonnerie',
	'miel-confitures',
	'oeufs-produits-laitiers'
]);
const ORIGIN_TRADES = new Set(['greengrocer', 'market_gardener', 'butcher', 'fishmonger', 'beekeeper', 'livestock_farmer']);
const MEASURED_UNITS = new Set(['kg', 'g', 'l', 'cl']);
const COUNTED_UNITS = new Set(['dozen', 'bunch']);
/** Where goods are counted out at the counter, or packed there at the buyer's request, rather than prepacked. */
const COUNTER_CATEGORIES = new Set(['boulangerie-patisserie', 'traiteur', 'fruits-legumes']);
const COUNTER_TRADES = new Set(['bakery', 'pastry', 'caterer', 'greengrocer', 'market_gardener']);

export type FoodInfoSubject = {
	name: string;
	ingredients: string | null;
	allergens: string[];
	storage: string | null;
	origin: string | null;
	unit: string;
	categorySlug: string | null;
	/** The shop's trade, used when the product has no category. */
	trade: string;
	/** Live variants only. */
	variants: { netQuantity: number | null }[];
};

export function isFood(p: Pick<FoodInfoSubject, 'categorySlug' | 'trade'>): boolean {
	return p.categorySlug ? !NON_FOOD_CATEGORIES.has(p.categorySlug) : !NON_FOOD_TRADES.has(p.trade);
}

const filled = (s: string | null) => s !== null && s.trim() !== '';

/**
 * Net quantity is not mandatory for foods normally sold by number when the number is visible or
 * stated (INCO art. 23(3) and annex IX point 1(d)). Criterion: a unit that is a count by nature
 * (dozen, bunch), or the piece or box at the baker's, pastry cook's, caterer's and greengrocer's,
 * whose croissants, cakes, portions and lettuces are counted out at the counter or packed there
 * at the buyer's request (not prepacked, art. 2(2)(e)). A jar, bottle or pack sold by the piece
 * anywhere else (rillettes, honey, wine, preserves) is prepacked and keeps its net quantity.
 */
function soldByNumber(p: Pick<FoodInfoSubject, 'unit' | 'categorySlug' | 'trade'>): boolean {
	if (COUNTED_UNITS.has(p.unit)) return true;
	const counter = p.categorySlug ? COUNTER_CATEGORIES.has(p.categorySlug) : COUNTER_TRADES.has(p.trade);
	return counter && (p.unit === 'piece' || p.unit === 'box');
}

/** What this product still lacks for a buyer to see before purchase (empty when complete or not food). */
export function missingFoodInfo(p: FoodInfoSubject): FoodInfoItem[] {
	if (!isFood(p)) return [];
	const freshProduce = p.categorySlug ? FRESH_PRODUCE_CATEGORIES.has(p.categorySlug) : FRESH_PRODUCE_TRADES.has(p.trade);
	const originRequired = p.categorySlug ? ORIGIN_CATEGORIES.has(p.categorySlug) : ORIGIN_TRADES.has(p.trade);
	const missing: FoodInfoItem[] = [];
	if (!filled(p.name)) missing.push('name');
	// Fresh fruit and vegetables need no list (art. 19(1)(a)). A single-ingredient food named after
	// it (a steak, a whole fish, eggs, honey: art. 19(1)(e)) needs none either, but nothing in the
	// data tells a faux-filet from a pâté of the same counter: its one ingredient is asked for.
	if (!freshProduce && !filled(p.ingredients)) missing.push('ingredients');
	if (!p.allergens.length) missing.push('allergens');
	if (!MEASURED_UNITS.has(p.unit) && !soldByNumber(p) && p.variants.some((v) => v.netQuantity === null)) missing.push('net_quantity');
	if (!filled(p.storage)) missing.push('storage');
	if (originRequired && !filled(p.origin)) missing.push('origin');
	return missing;
}

/** The allergens to show buyers: the declared list without the "none" marker. */
export function allergensToShow(allergens: string[]): { declared: boolean; list: string[] } {
	return { declared: allergens.length > 0, list: allergens.filter((a) => a !== NO_ALLERGENS) };
}

// Built once: creating an Intl formatter costs more than a product page's rendering (profiled).
const quantityFormatters = {
	fr: new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 3 }),
	en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 })
};

/** "500 g", "1,5 kg", "75 cl": a net quantity the way it is printed on a label. */
export function formatNetQuantity(quantity: number, unit: 'kg' | 'l', locale: 'fr' | 'en'): string {
	const format = quantityFormatters[locale];
	if (quantity >= 1) return `${format.format(quantity)} ${unit === 'kg' ? 'kg' : 'L'}`;
	if (unit === 'kg') return `${format.format(Math.round(quantity * 1000 * 1000) / 1000)} g`;
	const cl = Math.round(quantity * 100 * 1000) / 1000;
	return Number.isInteger(cl) ? `${format.format(cl)} cl` : `${format.format(Math.round(quantity * 1000 * 1000) / 1000)} ml`;
}

/** The net quantity of each variant on sale, for the storefront's food information (from the variant rows the product page read). */
export function netQuantitiesFrom(
	rows: { name: string; netQuantity: number | null; netUnit: string | null }[],
	locale: 'fr' | 'en'
): { variant: string; quantity: string }[] {
	return rows
		.filter((r) => r.netQuantity !== null && (r.netUnit === 'kg' || r.netUnit === 'l'))
		.map((r) => ({ variant: r.name, quantity: formatNetQuantity(r.netQuantity!, r.netUnit as 'kg' | 'l', locale) }));
}
