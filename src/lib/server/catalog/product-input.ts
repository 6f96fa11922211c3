import { z } from 'zod';

/**
 * A product as a merchant enters it (form, onboarding wizard, CSV import, API): the one schema
 * every way in goes through. Custom messages name `error_catalog_…` i18n keys, which
 * `parseInput` translates per request.
 */

export const SELLING_UNITS = ['piece', 'kg', 'g', 'l', 'cl', 'bunch', 'dozen', 'box'] as const;
export type SellingUnit = (typeof SELLING_UNITS)[number];

/** French VAT rates in basis points: 5.5 % (food), 10 %, 20 %, 2.1 % (press, some medicines). */
export const VAT_RATES_BPS = [550, 1000, 2000, 210] as const;
export type VatRateBps = (typeof VAT_RATES_BPS)[number];

/** The 14 allergens of EU regulation 1169/2011 annex II, keys as in src/lib/labels.ts. */
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
export type Allergen = (typeof ALLERGENS)[number];

/**
 * Stored alone in `products.allergens` when the merchant declared that the product contains none
 * of the 14: an empty list means "not declared yet", which INCO does not allow for food.
 */
export const NO_ALLERGENS = 'none';

export const LABELS = ['ab', 'label_rouge', 'aop', 'aoc', 'igp', 'nature_progres', 'hve', 'fait_maison'] as const;
export type Label = (typeof LABELS)[number];

export const STOCK_MODES = ['tracked', 'unlimited', 'on_order'] as const;
export type StockMode = (typeof STOCK_MODES)[number];

/** 100,000 € — above that a price is a typo (cents typed as euros), not a product. */
export const MAX_PRICE_CENTS = 10_000_000;
export const MAX_STOCK = 1_000_000;
export const MAX_VARIANTS = 20;
export const MAX_LEAD_DAYS = 60;

/** GS1 check digit: weights 3,1,3,1… from the right (excluding the check digit itself). */
export function isValidEan(code: string): boolean {
	if (!/^(\d{8}|\d{13})$/.test(code)) return false;
	const digits = [...code].map(Number);
	const check = digits.pop()!;
	let sum = 0;
	for (let i = digits.length - 1, weight = 3; i >= 0; i--, weight = 4 - weight) sum += digits[i] * weight;
	return (10 - (sum % 10)) % 10 === check;
}

/**
 * A decimal number as French people type it: "3,50", "3.50", "1 234,5", "3,50 €". Returns null
 * when the text is not a plain non-negative decimal (two separators, letters, a minus sign…).
 */
export function parseFrenchDecimal(text: string): number | null {
	const cleaned = text
		.trim()
		.replace(/\s*€$/, '')
		.replace(/[\s\u00a0\u202f]/g, '')
		.replace(',', '.');
	if (!/^\d+(\.\d+)?$/.test(cleaned) && !/^\.\d+$/.test(cleaned)) return null;
	const value = Number(cleaned);
	return Number.isFinite(value) ? value : null;
}

/**
 * Euros typed by a merchant ("3,50", "3.5", "12") → integer cents (350, 350, 1200). Null when
 * the text is not a price or has more than two decimals (a price is never 3,505 €).
 */
export function parseEuroCents(text: string): number | null {
	const value = parseFrenchDecimal(text);
	if (value === null) return null;
	const cents = Math.round(value * 100);
	// Refuse sub-cent precision instead of silently rounding what the merchant typed.
	if (Math.abs(value * 100 - cents) > 1e-6) return null;
	return Number.isSafeInteger(cents) ? cents : null;
}

/** Cents → the text a French form shows back ("3,50"). */
export function centsToEuroText(cents: number): string {
	return (cents / 100).toFixed(2).replace('.', ',');
}

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const toArray = (v: unknown) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]);
const numberish = (v: unknown) => {
	if (typeof v !== 'string') return v;
	if (v.trim() === '') return undefined;
	return parseFrenchDecimal(v) ?? Number.NaN;
};

const optionalText = (max: number) =>
	z.preprocess(blankToNull, z.string().trim().max(max, { message: 'error_catalog_text_too_long' }).nullable().default(null));

const threeDecimals = (n: number) => Math.abs(n * 1000 - Math.round(n * 1000)) < 1e-6;

export const variantInputSchema = z
	.object({
		/** Set when editing an existing variant; absent for a new one. */
		id: z.preprocess(blankToUndefined, z.uuid().optional()),
		name: z
			.string({ message: 'error_catalog_variant_name' })
			.trim()
			.min(1, { message: 'error_catalog_variant_name' })
			.max(80, { message: 'error_catalog_text_too_long' }),
		sku: z.preprocess(
			blankToNull,
			z
				.string()
				.trim()
				.max(64, { message: 'error_catalog_text_too_long' })
				.regex(/^[A-Za-z0-9._\-/]+$/, { message: 'error_catalog_sku' })
				.nullable()
				.default(null)
		),
		priceCents: z.preprocess(
			numberish,
			z
				.number({ message: 'error_catalog_price_invalid' })
				.int({ message: 'error_catalog_price_invalid' })
				.min(0, { message: 'error_catalog_price_negative' })
				.max(MAX_PRICE_CENTS, { message: 'error_catalog_price_absurd' })
		),
		netQuantity: z.preprocess(
			(v) => blankToNull(numberish(v) ?? null),
			z
				.number({ message: 'error_catalog_net_quantity' })
				.positive({ message: 'error_catalog_net_quantity' })
				.max(100_000, { message: 'error_catalog_net_quantity' })
				.refine(threeDecimals, { message: 'error_catalog_net_quantity' })
				.nullable()
				.default(null)
		),
		netUnit: z.preprocess(blankToNull, z.enum(['kg', 'l'], { message: 'error_catalog_net_unit' }).nullable().default(null)),
		stockMode: z.enum(STOCK_MODES, { message: 'error_catalog_stock_mode' }).default('tracked'),
		stock: z.preprocess(
			(v) => numberish(v) ?? 0,
			z
				.number({ message: 'error_catalog_stock_invalid' })
				.min(0, { message: 'error_catalog_stock_invalid' })
				.max(MAX_STOCK, { message: 'error_catalog_stock_invalid' })
				.refine(threeDecimals, { message: 'error_catalog_stock_invalid' })
		),
		leadDays: z.preprocess(
			(v) => blankToNull(numberish(v) ?? null),
			z
				.number({ message: 'error_catalog_lead_days' })
				.int({ message: 'error_catalog_lead_days' })
				.min(1, { message: 'error_catalog_lead_days' })
				.max(MAX_LEAD_DAYS, { message: 'error_catalog_lead_days' })
				.nullable()
				.default(null)
		)
	})
	.superRefine((v, ctx) => {
		if ((v.netQuantity === null) !== (v.netUnit === null)) {
			ctx.addIssue({ code: 'custom', path: [v.netQuantity === null ? 'netQuantity' : 'netUnit'], message: 'error_catalog_net_pair' });
		}
		if (v.stockMode === 'on_order' && v.leadDays === null) {
			ctx.addIssue({ code: 'custom', path: ['leadDays'], message: 'error_catalog_lead_days' });
		}
	})
	// Only tracked variants count stock; only made-to-order ones have a lead time.
	.transform((v) => ({
		...v,
		stock: v.stockMode === 'tracked' ? v.stock : 0,
		leadDays: v.stockMode === 'on_order' ? v.leadDays : null
	}));

export type VariantInput = z.output<typeof variantInputSchema>;

export const productInputSchema = z
	.object({
		name: z
			.string({ message: 'error_catalog_name' })
			.trim()
			.min(1, { message: 'error_catalog_name' })
			.max(120, { message: 'error_catalog_text_too_long' }),
		description: z.preprocess((v) => v ?? '', z.string().trim().max(4000, { message: 'error_catalog_text_too_long' })),
		categoryId: z.preprocess(blankToNull, z.uuid({ message: 'error_catalog_category' }).nullable().default(null)),
		unit: z.enum(SELLING_UNITS, { message: 'error_catalog_unit' }).default('piece'),
		vatRateBps: z.preprocess(
			numberish,
			z
				.number({ message: 'error_catalog_vat_rate' })
				.refine((n): n is VatRateBps => (VAT_RATES_BPS as readonly number[]).includes(n), { message: 'error_catalog_vat_rate' })
		),
		allergens: z.preprocess(
			toArray,
			z
				.array(z.enum([...ALLERGENS, NO_ALLERGENS], { message: 'error_catalog_allergen' }))
				.refine((list) => !list.includes(NO_ALLERGENS) || list.length === 1, { message: 'error_catalog_allergens_none_conflict' })
				.transform((list) => [...new Set(list)])
		),
		labels: z.preprocess(
			toArray,
			z.array(z.enum(LABELS, { message: 'error_catalog_label' })).transform((list) => [...new Set(list)])
		),
		ingredients: optionalText(4000),
		storage: optionalText(1000),
		origin: optionalText(200),
		ean: z.preprocess(
			(v) => (typeof v === 'string' ? blankToNull(v.replace(/[\s-]/g, '')) : v),
			z.string().refine(isValidEan, { message: 'error_catalog_ean' }).nullable().default(null)
		),
		/** Months the product is offered (1–12); empty means all year round. */
		seasonalMonths: z.preprocess(
			(v) => toArray(v).map((x) => (typeof x === 'string' ? Number(x) : x)),
			z
				.array(z.number().int().min(1, { message: 'error_catalog_month' }).max(12, { message: 'error_catalog_month' }))
				.transform((list) => [...new Set(list)].sort((a, b) => a - b))
		),
		variants: z
			.array(variantInputSchema)
			.min(1, { message: 'error_catalog_variants_min' })
			.max(MAX_VARIANTS, { message: 'error_catalog_variants_max' })
	})
	.superRefine((p, ctx) => {
		const seen = new Map<string, number>();
		p.variants.forEach((v, i) => {
			if (!v.sku) return;
			if (seen.has(v.sku)) ctx.addIssue({ code: 'custom', path: ['variants', i, 'sku'], message: 'error_catalog_sku_duplicate' });
			else seen.set(v.sku, i);
		});
	})
	// Sold by the kilo or the litre, the price typed is the price of one kilo or litre: a size
	// without a net quantity is that one kilo (litre), so buyers see the price per kg (L) the law
	// asks for without the merchant having to type "1 kg" again. A quantity typed is kept.
	.transform((p) =>
		p.unit === 'kg' || p.unit === 'l'
			? {
					...p,
					variants: p.variants.map((v) => (v.netQuantity === null ? { ...v, netQuantity: 1, netUnit: p.unit as 'kg' | 'l' } : v))
				}
			: p
	);

export type ProductInput = z.output<typeof productInputSchema>;
/** What callers may pass (strings from forms and files are accepted where a number is expected). */
export type ProductInputRaw = z.input<typeof productInputSchema>;

/**
 * A submitted product form (flat names: `variants.0.price` in euros, `allergens` repeated…) →
 * the raw object productInputSchema parses. Prices are typed in euros with a decimal comma; a
 * text that is not a price becomes NaN so the schema answers "invalid price" on that field.
 * Variant rows left entirely blank (the form's spare rows) or ticked `remove` are dropped.
 */
export function productFormToRaw(form: Record<string, string | string[]>): Record<string, unknown> {
	const one = (key: string) => {
		const v = form[key];
		return Array.isArray(v) ? v[0] : v;
	};
	const indexes = new Set<number>();
	for (const key of Object.keys(form)) {
		const match = /^variants\.(\d+)\./.exec(key);
		if (match && Number(match[1]) < MAX_VARIANTS * 2) indexes.add(Number(match[1]));
	}
	const variants = [...indexes]
		.sort((a, b) => a - b)
		.map((i) => {
			const field = (name: string) => one(`variants.${i}.${name}`) ?? '';
			const price = field('price');
			return {
				index: i,
				// A blank spare row, or a row the merchant ticked "remove" (updateProduct archives it).
				blank: (!field('id') && !field('name').trim() && !price.trim() && !field('sku').trim()) || field('remove') !== '',
				value: {
					id: field('id'),
					name: field('name'),
					sku: field('sku'),
					priceCents: price.trim() === '' ? undefined : (parseEuroCents(price) ?? priceSign(price)),
					netQuantity: field('netQuantity'),
					netUnit: field('netUnit'),
					stockMode: field('stockMode') || 'tracked',
					stock: field('stock'),
					leadDays: field('leadDays')
				}
			};
		})
		.filter((row) => !row.blank);
	return {
		name: one('name') ?? '',
		description: one('description') ?? '',
		categoryId: one('categoryId') ?? '',
		unit: one('unit') || 'piece',
		vatRateBps: one('vatRateBps') ?? '',
		allergens: one('allergensNone') ? [NO_ALLERGENS, ...toArray(form.allergens)] : toArray(form.allergens),
		labels: toArray(form.labels),
		ingredients: one('ingredients') ?? '',
		storage: one('storage') ?? '',
		origin: one('origin') ?? '',
		ean: one('ean') ?? '',
		seasonalMonths: toArray(form.seasonalMonths),
		variants: variants.map((row) => row.value),
		/** Form row index of each parsed variant, so errors land on the row the merchant sees. */
		variantRows: variants.map((row) => row.index)
	};
}

/** A negative price typed as "-3" must say "negative", not "invalid". */
function priceSign(text: string): number {
	const value = parseFrenchDecimal(text.trim().replace(/^-/, ''));
	return text.trim().startsWith('-') && value !== null ? -Math.round(value * 100) : Number.NaN;
}

/**
 * Field errors of a parsed product form renamed to the form's own names: the schema's
 * `variants.1.priceCents` becomes `variants.<row shown>.price`.
 */
export function toFormErrors(fields: Record<string, string[]>, variantRows: number[]): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const [key, messages] of Object.entries(fields)) {
		const match = /^variants\.(\d+)\.(\w+)/.exec(key);
		const name = match
			? `variants.${variantRows[Number(match[1])] ?? match[1]}.${match[2] === 'priceCents' ? 'price' : match[2]}`
			: key.replace(/\.\d+$/, '');
		(out[name] ??= []).push(...messages.filter((m) => !out[name]?.includes(m)));
	}
	return out;
}

/** The product row's columns from a validated input (the form, the API and the import write them alike). */
export function productColumns(p: Omit<ProductInput, 'variants'>) {
	return {
		name: p.name,
		description: p.description,
		categoryId: p.categoryId,
		unit: p.unit,
		vatRateBps: p.vatRateBps,
		allergens: p.allergens,
		labels: p.labels,
		ingredients: p.ingredients,
		storage: p.storage,
		origin: p.origin,
		ean: p.ean,
		seasonalMonths: p.seasonalMonths.length ? p.seasonalMonths : null
	};
}
