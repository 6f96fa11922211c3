import { z } from 'zod';
import { MAX_PRICE_CENTS, parseEuroCents, parseFrenchDecimal } from './product-input.ts';
import type { BulkAction } from './manage.ts';

/** The catalogue list's quick forms: restock one variant, and the bulk edit of selected products. */

const decimal = (v: unknown) => (typeof v === 'string' ? (v.trim() === '' ? undefined : (parseFrenchDecimal(v) ?? Number.NaN)) : v);

/** A signed French decimal ("-10", "+2,50", "5"). */
function signed(text: string, parse: (s: string) => number | null): number {
	const trimmed = text.trim();
	const negative = trimmed.startsWith('-');
	const value = parse(trimmed.replace(/^[-+]\s*/, ''));
	return value === null ? Number.NaN : negative ? -value : value;
}

export const stockFormSchema = z.object({
	variantId: z.string().min(1),
	stock: z.preprocess(decimal, z.number({ message: 'error_catalog_stock_invalid' }).min(0, { message: 'error_catalog_stock_invalid' }))
});

export const bulkFormSchema = z
	.object({
		productIds: z.preprocess(
			(v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
			z.array(z.string()).min(1, { message: 'error_catalog_bulk_empty' }).max(500, { message: 'error_catalog_bulk_empty' })
		),
		action: z.enum(['price_percent', 'price_amount', 'stock', 'archive', 'unarchive'], { message: 'error_catalog_bulk_action' }),
		value: z.string().optional().default('')
	})
	.transform((input, ctx): { productIds: string[]; action: BulkAction } => {
		const fail = (message: string) => {
			ctx.addIssue({ code: 'custom', path: ['value'], message });
			return z.NEVER;
		};
		switch (input.action) {
			case 'price_percent': {
				const percent = signed(input.value, parseFrenchDecimal);
				if (!Number.isFinite(percent) || percent < -90 || percent > 1000) return fail('error_catalog_percent');
				return { productIds: input.productIds, action: { kind: 'price_percent', percent } };
			}
			case 'price_amount': {
				const cents = signed(input.value, parseEuroCents);
				if (!Number.isFinite(cents)) return fail('error_catalog_price_invalid');
				if (Math.abs(cents) > MAX_PRICE_CENTS) return fail('error_catalog_price_absurd');
				return { productIds: input.productIds, action: { kind: 'price_amount', cents } };
			}
			case 'stock': {
				const stock = decimal(input.value);
				if (typeof stock !== 'number' || !Number.isFinite(stock)) return fail('error_catalog_stock_invalid');
				return { productIds: input.productIds, action: { kind: 'stock', stock } };
			}
			default:
				return { productIds: input.productIds, action: { kind: input.action } };
		}
	});
