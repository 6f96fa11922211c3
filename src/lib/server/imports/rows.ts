import { slugify } from '../../slug.ts';
import { t, type Locale } from '../i18n.ts';
import { COLUMNS, columnOf, headerOf, type ColumnKey } from './columns.ts';
import { FileProblem, type Table } from './read-file.ts';

export const UNITS = ['piece', 'kg', 'g', 'l', 'cl', 'bunch', 'dozen', 'box'] as const;
export const STOCK_MODES = ['tracked', 'unlimited', 'on_order'] as const;
export const VAT_RATES = [210, 550, 1000, 2000] as const;
export const ALLERGENS = [
	'gluten',
	'crustaceans',
	'eggs',
	'fish',
	'peanuts',
	'soybeans',
	'milk',
	'nuts',
	'celery',
	'mustard',
	'sesame',
	'sulphites',
	'lupin',
	'molluscs'
] as const;
export const LABELS = ['ab', 'label_rouge', 'aop', 'aoc', 'igp', 'nature_progres', 'hve', 'fait_maison'] as const;
export const MAX_PRICE_CENTS = 1_000_000;

/**
 * One checked row: a variant identified by its SKU. A field is `undefined` when its column is
 * absent from the file (an update then keeps the current value), `null` when the cell is empty.
 */
export type ImportRow = {
	line: number;
	sku: string;
	product: string;
	variant: string;
	categoryId?: string | null;
	unit?: (typeof UNITS)[number];
	priceCents: number;
	vatRateBps: number;
	stock?: number | null;
	stockMode?: (typeof STOCK_MODES)[number];
	leadDays?: number | null;
	netQuantity?: number | null;
	netUnit?: 'kg' | 'l' | null;
	allergens?: string[];
	labels?: string[];
	ingredients?: string | null;
	storage?: string | null;
	origin?: string | null;
	ean?: string | null;
	description?: string;
};

export type Problem = { line: number; column: string; message: string };

/** Words merchants write for our values, in French and English (compared after slugify). */
const WORDS: Record<string, Record<string, string>> = {
	unit: {
		piece: 'piece',
		pieces: 'piece',
		'la-piece': 'piece',
		unite: 'piece',
		pc: 'piece',
		kg: 'kg',
		kilo: 'kg',
		kilogramme: 'kg',
		g: 'g',
		gramme: 'g',
		l: 'l',
		litre: 'l',
		liter: 'l',
		cl: 'cl',
		centilitre: 'cl',
		botte: 'bunch',
		bunch: 'bunch',
		douzaine: 'dozen',
		dozen: 'dozen',
		boite: 'box',
		box: 'box',
		barquette: 'box'
	},
	stockMode: {
		tracked: 'tracked',
		suivi: 'tracked',
		'stock-suivi': 'tracked',
		oui: 'tracked',
		unlimited: 'unlimited',
		illimite: 'unlimited',
		non: 'unlimited',
		on_order: 'on_order',
		'on-order': 'on_order',
		'sur-commande': 'on_order',
		commande: 'on_order'
	},
	netUnit: { kg: 'kg', kilo: 'kg', l: 'l', litre: 'l' }
};

/** Allergen and label names as the export writes them (French), plus their keys and English names. */
export type NameMaps = { allergens: Map<string, string>; labels: Map<string, string> };

export function nameMaps(): NameMaps {
	const allergens = new Map<string, string>();
	for (const key of ALLERGENS) {
		allergens.set(slugify(key), key);
		for (const locale of ['fr', 'en'] as const) allergens.set(slugify(t(`allergen_${key}`, locale)), key);
	}
	allergens.set('lait', 'milk');
	allergens.set('oeuf', 'eggs');
	allergens.set('fruits-a-coques', 'nuts');
	allergens.set('soja', 'soybeans');
	allergens.set('anhydride-sulfureux-et-sulfites', 'sulphites');
	const labels = new Map<string, string>();
	for (const key of LABELS) {
		labels.set(slugify(key), key);
		for (const locale of ['fr', 'en'] as const) labels.set(slugify(t(`label_${key}`, locale)), key);
	}
	labels.set('bio', 'ab');
	labels.set('label-ab', 'ab');
	return { allergens, labels };
}

/**
 * A number as French spreadsheets write it: "3,50", "3.50", "1 234,5", "3,50 €", "5,5 %".
 * Null when the text is not a number.
 */
export function parseDecimal(text: string): number | null {
	let s = text.replace(/[\s\u00a0\u202f€%]/g, '');
	if (!s) return null;
	if (s.includes(',') && s.includes('.')) {
		// "1.234,50" (French) or "1,234.50" (English): the last one is the decimal mark.
		s = s.lastIndexOf(',') > s.lastIndexOf('.') ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
	} else s = s.replace(',', '.');
	if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
	return Number(s);
}

/** The GTIN check digit (EAN-8, UPC-A, EAN-13, GTIN-14). */
export function validEan(code: string): boolean {
	if (!/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(code)) return false;
	const digits = [...code].map(Number);
	const check = digits.pop()!;
	const sum = digits.reverse().reduce((acc, d, i) => acc + d * (i % 2 === 0 ? 3 : 1), 0);
	return (10 - (sum % 10)) % 10 === check;
}

export type Categories = { id: string; slug: string; name: string }[];

/** Maps each header to its column; refuses the file when a required column is missing or one is repeated. */
export function mapHeaders(headers: string[]): { index: Partial<Record<ColumnKey, number>>; ignored: string[] } {
	const index: Partial<Record<ColumnKey, number>> = {};
	const ignored: string[] = [];
	headers.forEach((h, i) => {
		const key = columnOf(h);
		if (!key) {
			if (h.trim()) ignored.push(h.trim());
			return;
		}
		if (index[key] !== undefined) throw new FileProblem('media_import_error_duplicate_column', { column: h.trim() });
		index[key] = i;
	});
	const missing = COLUMNS.filter((c) => c.required && index[c.key] === undefined).map((c) => c.header);
	if (missing.length) throw new FileProblem('media_import_error_missing_columns', { columns: missing.join(', ') });
	return { index, ignored };
}

/**
 * Checks every row and reports every problem with its line, column and reason (in the
 * merchant's language), so one dry run shows all there is to fix.
 */
export function checkRows(
	table: Table,
	categories: Categories,
	locale: Locale
): { rows: ImportRow[]; problems: Problem[]; ignored: string[] } {
	const { index, ignored } = mapHeaders(table.headers);
	const maps = nameMaps();
	const catBySlug = new Map<string, string>();
	for (const c of categories) {
		catBySlug.set(c.slug, c.id);
		catBySlug.set(slugify(c.name), c.id);
	}
	const problems: Problem[] = [];
	const rows: ImportRow[] = [];
	const skuLines = new Map<string, number>();
	const productFirst = new Map<string, ImportRow>();

	for (const { line, cells } of table.rows) {
		const has = (key: ColumnKey) => index[key] !== undefined;
		const cell = (key: ColumnKey) => (index[key] === undefined ? '' : (cells[index[key]!] ?? '').trim());
		const problem = (key: ColumnKey, message: string, params: Record<string, unknown> = {}) =>
			problems.push({ line, column: headerOf(key), message: t(message, locale, params) });
		const text = (key: ColumnKey, max: number): string | null | undefined => {
			if (!has(key)) return undefined;
			const v = cell(key);
			if (v.length > max) {
				problem(key, 'media_import_error_too_long', { max });
				return null;
			}
			return v || null;
		};
		const word = (key: 'unit' | 'stockMode' | 'netUnit', error: string) => {
			if (!has(key) || !cell(key)) return undefined;
			const v = WORDS[key][slugify(cell(key))] ?? WORDS[key][cell(key).toLowerCase()];
			if (!v) problem(key, error, { value: cell(key) });
			return v;
		};
		const list = (key: 'allergens' | 'labels', map: Map<string, string>, error: string) => {
			if (!has(key)) return undefined;
			const out: string[] = [];
			for (const part of cell(key)
				.split(/[,;|/]/)
				.map((p) => p.trim())
				.filter(Boolean)) {
				const v = map.get(slugify(part));
				if (!v) problem(key, error, { value: part });
				else if (!out.includes(v)) out.push(v);
			}
			return out;
		};

		const sku = cell('sku');
		if (!sku) problem('sku', 'media_import_error_required');
		else if (sku.length > 64) problem('sku', 'media_import_error_too_long', { max: 64 });
		else if (skuLines.has(sku.toLowerCase()))
			problem('sku', 'media_import_error_duplicate_sku', { sku, line: skuLines.get(sku.toLowerCase()) });
		else skuLines.set(sku.toLowerCase(), line);

		const product = cell('product');
		if (!product) problem('product', 'media_import_error_required');
		else if (product.length > 120) problem('product', 'media_import_error_too_long', { max: 120 });
		const variantName = cell('variant');
		if (variantName.length > 80) problem('variant', 'media_import_error_too_long', { max: 80 });

		const price = parseDecimal(cell('price'));
		let priceCents = 0;
		if (!cell('price')) problem('price', 'media_import_error_required');
		else if (price === null) problem('price', 'media_import_error_number', { value: cell('price') });
		else if (price < 0) problem('price', 'media_import_error_negative');
		else if (Math.abs(price * 100 - Math.round(price * 100)) > 1e-6) problem('price', 'media_import_error_cents', { value: cell('price') });
		else if (price * 100 > MAX_PRICE_CENTS) problem('price', 'media_import_error_price_absurd', { max: MAX_PRICE_CENTS / 100 });
		else priceCents = Math.round(price * 100);

		const vat = parseDecimal(cell('vat'));
		let vatRateBps = 0;
		// "5,5", "5.5 %" or "0,055" (a percentage cell exported as its value).
		const bps = vat === null ? null : Math.round((vat < 1 && vat > 0 ? vat * 100 : vat) * 100);
		if (!cell('vat')) problem('vat', 'media_import_error_required');
		else if (bps === null || !(VAT_RATES as readonly number[]).includes(bps))
			problem('vat', 'media_import_error_vat', { value: cell('vat') });
		else vatRateBps = bps;

		const unit = word('unit', 'media_import_error_unit') as ImportRow['unit'];
		const stockMode = word('stockMode', 'media_import_error_stock_mode') as ImportRow['stockMode'];
		const netUnit = word('netUnit', 'media_import_error_net_unit') as 'kg' | 'l' | undefined;

		let stock: number | null | undefined = has('stock') ? null : undefined;
		if (cell('stock')) {
			const n = parseDecimal(cell('stock'));
			if (n === null) problem('stock', 'media_import_error_number', { value: cell('stock') });
			else if (n < 0) problem('stock', 'media_import_error_negative');
			else if (n > 1_000_000) problem('stock', 'media_import_error_stock_absurd');
			else if (unit !== 'kg' && unit !== 'g' && unit !== 'l' && !Number.isInteger(n)) problem('stock', 'media_import_error_whole');
			else stock = Math.round(n * 1000) / 1000;
		}
		let leadDays: number | null | undefined = has('leadDays') ? null : undefined;
		if (cell('leadDays')) {
			const n = parseDecimal(cell('leadDays'));
			if (n === null || !Number.isInteger(n) || n < 0 || n > 365)
				problem('leadDays', 'media_import_error_lead_days', { value: cell('leadDays') });
			else leadDays = n;
		}
		let netQuantity: number | null | undefined = has('netQuantity') ? null : undefined;
		if (cell('netQuantity')) {
			const n = parseDecimal(cell('netQuantity'));
			if (n === null || n <= 0 || n > 1_000_000) problem('netQuantity', 'media_import_error_number', { value: cell('netQuantity') });
			else netQuantity = Math.round(n * 1000) / 1000;
		}
		if (netQuantity && !netUnit) problem('netUnit', 'media_import_error_net_unit', { value: cell('netUnit') });

		let categoryId: string | null | undefined = has('category') ? null : undefined;
		if (cell('category')) {
			categoryId = catBySlug.get(slugify(cell('category'))) ?? null;
			if (!categoryId) problem('category', 'media_import_error_category', { value: cell('category') });
		}
		let ean: string | null | undefined = has('ean') ? null : undefined;
		if (cell('ean')) {
			const code = cell('ean').replace(/\s/g, '');
			if (!validEan(code)) problem('ean', 'media_import_error_ean', { value: cell('ean') });
			else ean = code;
		}

		const row: ImportRow = {
			line,
			sku,
			product,
			variant: variantName || t('media_import_default_variant', locale),
			categoryId,
			unit,
			priceCents,
			vatRateBps,
			stock,
			stockMode,
			leadDays,
			netQuantity,
			netUnit: has('netUnit') ? (netUnit ?? null) : undefined,
			allergens: list('allergens', maps.allergens, 'media_import_error_allergen'),
			labels: list('labels', maps.labels, 'media_import_error_label'),
			ingredients: text('ingredients', 2000),
			storage: text('storage', 500),
			origin: text('origin', 200),
			ean,
			description: has('description') ? (text('description', 5000) ?? '') : undefined
		};

		// Rows of one product (same name) share its product-level fields: say which line disagrees.
		const first = product ? productFirst.get(product.toLowerCase()) : undefined;
		if (first) {
			if (vatRateBps && first.vatRateBps && first.vatRateBps !== vatRateBps)
				problem('vat', 'media_import_error_product_mismatch', { line: first.line });
			if (unit && first.unit && first.unit !== unit) problem('unit', 'media_import_error_product_mismatch', { line: first.line });
		} else if (product) productFirst.set(product.toLowerCase(), row);
		rows.push(row);
	}
	return { rows, problems, ignored };
}
