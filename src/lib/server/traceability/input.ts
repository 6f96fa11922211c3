import { z } from 'zod';
import { SUPPLY_CHAIN_ROLES } from './rules.ts';

/**
 * The inputs of the traceability back office, validated once here (forms and domain share them).
 * Messages name `trace_error_…` keys, translated by `parseInput`.
 */

const text = (max: number, key = 'trace_error_too_long') => z.string().trim().max(max, { error: key });
const optionalText = (max: number) =>
	z.preprocess((v) => (v === undefined || v === null ? '' : v), text(max)).transform((s) => (s === '' ? null : s));

/** A decimal typed with a comma or a point ("47,39"); empty → undefined; text → NaN (refused). */
const decimal = z.preprocess(
	(v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.trim().replace(',', '.'))) : v),
	z.unknown()
);
const latitude = decimal.pipe(
	z
		.number({ error: 'trace_error_latitude' })
		.min(-90, { error: 'trace_error_latitude' })
		.max(90, { error: 'trace_error_latitude' })
		.optional()
);
const longitude = decimal.pipe(
	z
		.number({ error: 'trace_error_longitude' })
		.min(-180, { error: 'trace_error_longitude' })
		.max(180, { error: 'trace_error_longitude' })
		.optional()
);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (s: string) => ISO_DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
/** An ISO date (YYYY-MM-DD, as `<input type="date">` sends), empty → null. */
const optionalDate = z.preprocess(
	(v) => (typeof v === 'string' && v.trim() === '' ? null : v === undefined ? null : typeof v === 'string' ? v.trim() : v),
	z.string({ error: 'trace_error_date' }).refine(isRealDate, { error: 'trace_error_date' }).nullable()
);

export const LABEL_MAX = 40;
export const LABELS_MAX = 10;

/** Labels typed comma-separated ("AB, Nature & Progrès") or sent as a list. */
const labelList = z
	.preprocess(
		(v) => {
			const list = typeof v === 'string' ? v.split(',') : v;
			return Array.isArray(list) ? list.map((s) => (typeof s === 'string' ? s.trim() : s)).filter((s) => s !== '') : list;
		},
		z.array(z.string().max(LABEL_MAX, { error: 'trace_error_label_too_long' })).max(LABELS_MAX, { error: 'trace_error_labels_count' })
	)
	.transform((labels) => [...new Set(labels)]);

export const producerInputSchema = z
	.object({
		name: text(120).min(1, { error: 'trace_error_name_required' }),
		address: text(200).default(''),
		city: text(100).default(''),
		latitude,
		longitude,
		description: text(1000).default(''),
		methods: text(2000).default(''),
		story: text(5000).default(''),
		labels: labelList.default([])
	})
	.superRefine((v, ctx) => {
		if (v.latitude === undefined) ctx.addIssue({ code: 'custom', path: ['latitude'], message: 'trace_error_position_required' });
		if (v.longitude === undefined) ctx.addIssue({ code: 'custom', path: ['longitude'], message: 'trace_error_position_required' });
	});
export type ProducerInput = z.output<typeof producerInputSchema> & { latitude: number; longitude: number };

export const certificationInputSchema = z.object({
	label: text(LABEL_MAX).min(1, { error: 'trace_error_label_required' }),
	certificateNumber: optionalText(80),
	certifier: optionalText(120),
	expiresOn: optionalDate
});
export type CertificationInput = z.output<typeof certificationInputSchema>;

export const MAX_LOT_QUANTITY = 1_000_000;

export const lotInputSchema = z
	.object({
		code: text(40).min(1, { error: 'trace_error_lot_code_required' }),
		producedOn: optionalDate,
		bestBefore: optionalDate,
		quantity: decimal.pipe(
			z
				.number({ error: 'trace_error_lot_quantity' })
				.min(0, { error: 'trace_error_lot_quantity' })
				.max(MAX_LOT_QUANTITY, { error: 'trace_error_lot_quantity' })
				.optional()
		),
		note: optionalText(500)
	})
	.superRefine((v, ctx) => {
		if (v.producedOn && v.bestBefore && v.bestBefore < v.producedOn)
			ctx.addIssue({ code: 'custom', path: ['bestBefore'], message: 'trace_error_lot_dates' });
	});
export type LotInput = z.output<typeof lotInputSchema>;

export const CHAIN_MAX = 12;

export const chainStepSchema = z.object({
	role: z.enum(SUPPLY_CHAIN_ROLES, { error: 'trace_error_step_role' }),
	name: text(120).min(1, { error: 'trace_error_step_name_required' }),
	place: text(200).default(''),
	latitude,
	longitude
});
export type ChainStepInput = z.output<typeof chainStepSchema>;

/** Two steps are the same hand when they name the same actor, or stand on the same spot. */
const actorKey = (name: string) =>
	name
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
const spotKey = (s: { latitude?: number; longitude?: number }) =>
	s.latitude === undefined || s.longitude === undefined ? null : `${s.latitude.toFixed(4)},${s.longitude.toFixed(4)}`;

export const chainInputSchema = z
	.array(chainStepSchema)
	.max(CHAIN_MAX, { error: 'trace_error_chain_too_long' })
	.superRefine((steps, ctx) => {
		const actors = new Map<string, number>();
		const spots = new Map<string, number>();
		steps.forEach((step, i) => {
			if ((step.latitude === undefined) !== (step.longitude === undefined))
				ctx.addIssue({
					code: 'custom',
					path: [i, step.latitude === undefined ? 'latitude' : 'longitude'],
					message: 'trace_error_position_pair'
				});
			const actor = actorKey(step.name);
			const spot = spotKey(step);
			if (actors.has(actor) || (spot && spots.has(spot)))
				ctx.addIssue({ code: 'custom', path: [i, 'name'], message: 'trace_error_chain_loop' });
			actors.set(actor, i);
			if (spot) spots.set(spot, i);
		});
	});

export const producerIdsSchema = z
	.array(z.uuid({ error: 'trace_error_producer_unknown' }))
	.max(10, { error: 'trace_error_producers_count' })
	.refine((ids) => new Set(ids).size === ids.length, { error: 'trace_error_producer_twice' });
