import { z } from 'zod';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import { t, type Locale } from '../i18n.ts';
import { LAYOUT_IDS, LAYOUTS, MAX_LABELS, perSheet, type LayoutId } from './layouts.ts';
import type { LabelRequest } from './data.ts';

/**
 * The label sheet form (`/pro/etiquettes`, POST or GET): `product` (ticked ids, repeated),
 * `qty-<id>` (labels for that product, 1 when absent), `lot-<id>` (optional lot code), `layout`,
 * `start` (first free position on the sheet, 1-based).
 */
const sheetSchema = z
	.object({
		layout: z.enum(LAYOUT_IDS, { message: 'labels_error_layout' }),
		start: z.coerce
			.number({ message: 'labels_error_start' })
			.int({ message: 'labels_error_start' })
			.min(1, { message: 'labels_error_start' })
			.default(1)
	})
	.superRefine((v, ctx) => {
		if (v.start > perSheet(LAYOUTS[v.layout])) ctx.addIssue({ code: 'custom', path: ['start'], message: 'labels_error_start' });
	});

const quantitySchema = z.coerce
	.number({ message: 'labels_error_quantity' })
	.int({ message: 'labels_error_quantity' })
	.min(0, { message: 'labels_error_quantity' })
	.max(MAX_LABELS, { message: 'labels_error_quantity' });
const lotSchema = z.string().trim().max(60, { message: 'labels_error_lot' });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Bad sheet input; `code` says which, so the PDF endpoint can send the merchant back to the form with its message. */
export type SheetErrorCode = 'empty' | 'too_many' | 'quantity' | 'lot' | 'start' | 'layout';
export class SheetInputError extends InvalidInputError {
	readonly code: SheetErrorCode;
	constructor(code: SheetErrorCode, fields: Record<string, string[]>) {
		super(fields);
		this.code = code;
	}
}

export type SheetRequest = { layout: LayoutId; start: number; requests: LabelRequest[] };

export function parseSheetForm(values: Record<string, string | string[]>, locale: Locale): SheetRequest {
	const one = (key: string) => {
		const v = values[key];
		return Array.isArray(v) ? v[0] : v;
	};
	const settings = sheetSchema.safeParse({ layout: one('layout') ?? 'l7160', start: one('start') || undefined });
	if (!settings.success) {
		const field = settings.error.issues[0].path[0] === 'start' ? 'start' : 'layout';
		throw new SheetInputError(field, { [field]: [t(`labels_error_${field}`, locale)] });
	}
	const { layout, start } = settings.data;
	const ids = [...new Set([values.product ?? []].flat().map((id) => id.trim().toLowerCase()))].filter(Boolean);
	if (ids.length > MAX_LABELS) throw new SheetInputError('too_many', { product: [t('labels_error_too_many', locale)] });
	// An id that cannot be a product is the same answer as another shop's product: not found.
	if (ids.some((id) => !UUID.test(id))) throw new NotFoundError('product');
	const requests: LabelRequest[] = [];
	const errors: Record<string, string[]> = {};
	for (const productId of ids) {
		const quantity = quantitySchema.safeParse(one(`qty-${productId}`) || '1');
		const lot = lotSchema.safeParse(one(`lot-${productId}`) ?? '');
		if (!quantity.success) errors[`qty-${productId}`] = [t('labels_error_quantity', locale)];
		if (!lot.success) errors[`lot-${productId}`] = [t('labels_error_lot', locale)];
		if (quantity.success && lot.success && quantity.data > 0)
			requests.push({ productId, quantity: quantity.data, lotCode: lot.data || null });
	}
	if (Object.keys(errors).length) throw new SheetInputError(Object.keys(errors)[0].startsWith('qty-') ? 'quantity' : 'lot', errors);
	if (!requests.length) throw new SheetInputError('empty', { product: [t('labels_error_empty', locale)] });
	if (requests.reduce((sum, r) => sum + r.quantity, 0) > MAX_LABELS)
		throw new SheetInputError('too_many', { product: [t('labels_error_too_many', locale)] });
	return { layout, start, requests };
}
