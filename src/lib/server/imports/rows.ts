import { z } from 'zod';
import { slugify } from '../../slug.ts';
import { t, type Locale } from '../i18n.ts';
import { ALLERGENS, LABELS, NO_ALLERGENS, parseEuroCents, parseFrenchDecimal, productInputSchema } from '../catalog/product-input.ts';
import { COLUMNS, columnOf, headerOf, type ColumnKey } from './columns.ts';
import { FileProblem, type Table } from './read-file.ts';

/**
 * Reading the rows of a catalogue file. This module only translates the file's vocabulary
 * (headers, French words, names of allergens, categories, euros and percentages) into a product
 * input; the rules of a product (ranges, EAN, lengths, units…) are productInputSchema's, applied
 * per product by `validateProducts`, so the form, the wizard and the import agree.
 */

export type Problem = { line: number; column: string; message: string };

/** What a row says about its product; a key is absent when its column is not in the file. */
export type ProductPart = Partial<{
	description: string;
	categoryId: string | null;
	unit: string;
	vatRateBps: number;
	allergens: string[];
	labels: string[];
	ingredients: string;
	storage: string;
	origin: string;
	ean: string;
}>;
export type VariantPart = Partial<{
	name: string;
	priceCents: number;
	netQuantity: string;
	netUnit: string;
	stockMode: string;
	stock: string;
	leadDays: string;
}>;
export type ParsedRow = { line: number; sku: string; product: string; productPart: ProductPart; variantPart: VariantPart };

/** Words merchants write for our values, in French and English (compared after slugify). */
const WORDS: Record<'unit' | 'stockMode' | 'netUnit', Record<string, string>> = {
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
		unlimited: 'unlimited',
		illimite: 'unlimited',
		'on-order': 'on_order',
		'sur-commande': 'on_order',
		commande: 'on_order'
	},
	netUnit: { kg: 'kg', kilo: 'kg', l: 'l', litre: 'l' }
};

/** Allergen and label names (French and English, as the export writes them) and keys → keys. */
function nameMaps() {
	const allergens = new Map<string, string>();
	for (const key of ALLERGENS) {
		allergens.set(slugify(key), key);
		for (const locale of ['fr', 'en'] as const) allergens.set(slugify(t(`allergen_${key}`, locale)), key);
	}
	for (const [word, key] of Object.entries({
		oeuf: 'eggs',
		'fruits-a-coque': 'nuts',
		soja: 'soybeans',
		'anhydride-sulfureux': 'sulphites'
	}))
		allergens.set(word, key);
	for (const word of ['aucun', 'aucun-allergene', 'sans-allergene', 'none', 'no-allergen']) allergens.set(word, NO_ALLERGENS);
	const labels = new Map<string, string>();
	for (const key of LABELS) {
		labels.set(slugify(key), key);
		for (const locale of ['fr', 'en'] as const) labels.set(slugify(t(`label_${key}`, locale)), key);
	}
	labels.set('bio', 'ab');
	return { allergens, labels };
}

/** A number as French spreadsheets write it, sign allowed: "3,50", "1 234,5", "5,5 %", "-2". */
export function parseDecimal(text: string): number | null {
	const s = text.trim().replace(/\s*%$/, '');
	const negative = s.startsWith('-');
	const value = parseFrenchDecimal(negative ? s.slice(1) : s);
	return value === null ? null : negative ? -value : value;
}

/** Euros → cents; NaN (the schema's "invalid price") when it is not a price; negative kept for "negative". */
function priceCents(text: string): number {
	const negative = text.trim().startsWith('-');
	const cents = parseEuroCents(negative ? text.trim().slice(1) : text);
	return cents === null ? Number.NaN : negative ? -cents : cents;
}

/** "5,5", "5,5 %" or 0,055 (a percentage cell read as its value) → basis points; NaN otherwise. */
function vatBps(text: string): number {
	const value = parseDecimal(text);
	if (value === null) return Number.NaN;
	return Math.round((value > 0 && value < 1 ? value * 100 : value) * 100);
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

/** Reads every row into product and variant parts, with the problems of the file's own vocabulary. */
export function readRows(
	table: Table,
	categories: Categories,
	locale: Locale
): { rows: ParsedRow[]; problems: Problem[]; ignored: string[] } {
	const { index, ignored } = mapHeaders(table.headers);
	const maps = nameMaps();
	const catBySlug = new Map<string, string>();
	for (const c of categories) {
		catBySlug.set(c.slug, c.id);
		catBySlug.set(slugify(c.name), c.id);
	}
	const problems: Problem[] = [];
	const rows: ParsedRow[] = [];
	const skuLines = new Map<string, number>();

	for (const { line, cells } of table.rows) {
		const has = (key: ColumnKey) => index[key] !== undefined;
		const cell = (key: ColumnKey) => (index[key] === undefined ? '' : (cells[index[key]!] ?? '').trim());
		const problem = (key: ColumnKey, message: string, params: Record<string, unknown> = {}) =>
			problems.push({ line, column: headerOf(key), message: t(message, locale, params) });
		const word = (key: 'unit' | 'stockMode' | 'netUnit', error: string) => {
			const v = WORDS[key][slugify(cell(key))];
			if (!v) problem(key, error, { value: cell(key) });
			return v;
		};
		const list = (key: 'allergens' | 'labels', map: Map<string, string>, error: string) => {
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
		const product = cell('product');
		if (!sku) problem('sku', 'media_import_error_required');
		else if (skuLines.has(sku.toLowerCase()))
			problem('sku', 'media_import_error_duplicate_sku', { sku, line: skuLines.get(sku.toLowerCase()) });
		else skuLines.set(sku.toLowerCase(), line);
		if (!product) problem('product', 'media_import_error_required');
		if (!cell('price')) problem('price', 'media_import_error_required');
		if (!cell('vat')) problem('vat', 'media_import_error_required');

		const p: ProductPart = {};
		const v: VariantPart = {};
		if (cell('price')) v.priceCents = priceCents(cell('price'));
		if (cell('vat')) p.vatRateBps = vatBps(cell('vat'));
		if (has('variant')) v.name = cell('variant') || t('media_import_default_variant', locale);
		if (has('unit') && cell('unit')) p.unit = word('unit', 'media_import_error_unit');
		if (has('stockMode') && cell('stockMode')) v.stockMode = word('stockMode', 'media_import_error_stock_mode');
		if (has('netUnit')) v.netUnit = cell('netUnit') ? word('netUnit', 'media_import_error_net_unit') : '';
		if (has('stock')) v.stock = cell('stock');
		if (has('leadDays')) v.leadDays = cell('leadDays');
		if (has('netQuantity')) v.netQuantity = cell('netQuantity');
		if (has('allergens')) p.allergens = list('allergens', maps.allergens, 'media_import_error_allergen');
		if (has('labels')) p.labels = list('labels', maps.labels, 'media_import_error_label');
		if (has('category')) {
			p.categoryId = cell('category') ? (catBySlug.get(slugify(cell('category'))) ?? null) : null;
			if (cell('category') && !p.categoryId) problem('category', 'media_import_error_category', { value: cell('category') });
		}
		for (const key of ['ingredients', 'storage', 'origin', 'ean', 'description'] as const) if (has(key)) p[key] = cell(key);
		rows.push({ line, sku, product, productPart: p, variantPart: v });
	}
	return { rows, problems, ignored };
}

/** Which column a path of productInputSchema comes from. */
const PRODUCT_COLUMN: Record<string, ColumnKey> = {
	name: 'product',
	description: 'description',
	categoryId: 'category',
	unit: 'unit',
	vatRateBps: 'vat',
	allergens: 'allergens',
	labels: 'labels',
	ingredients: 'ingredients',
	storage: 'storage',
	origin: 'origin',
	ean: 'ean',
	variants: 'variant'
};
const VARIANT_COLUMN: Record<string, ColumnKey> = {
	name: 'variant',
	sku: 'sku',
	priceCents: 'price',
	netQuantity: 'netQuantity',
	netUnit: 'netUnit',
	stockMode: 'stockMode',
	stock: 'stock',
	leadDays: 'leadDays'
};

const zodLocales = { fr: z.locales.fr().localeError, en: z.locales.en().localeError };

/**
 * Checks one product (the rows sharing its name) with productInputSchema and reports each issue
 * on the line and column it comes from: a variant's issue on its own row, a product's on its
 * first row.
 */
export function validateProduct(raw: Record<string, unknown>, lines: number[], locale: Locale): Problem[] {
	const result = productInputSchema.safeParse(raw, { error: zodLocales[locale] });
	if (result.success) return [];
	const problems: Problem[] = [];
	for (const issue of result.error.issues) {
		const [head, index, field] = issue.path.map(String);
		const variantIssue = head === 'variants' && index !== undefined && field !== undefined;
		const column = variantIssue ? VARIANT_COLUMN[field] : PRODUCT_COLUMN[head];
		const line = variantIssue ? (lines[Number(index)] ?? lines[0]) : lines[0];
		const message = issue.message.startsWith('error_') ? t(issue.message, locale) : issue.message;
		const p = { line, column: column ? headerOf(column) : head, message };
		if (!problems.some((q) => q.line === p.line && q.column === p.column && q.message === p.message)) problems.push(p);
	}
	return problems;
}
