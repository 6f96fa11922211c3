import { pgTable, text, timestamp, integer, uuid, numeric, pgEnum, uniqueIndex, index, check, jsonb } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { orders, orderLines } from './orders.ts';
import { variants, products } from './catalog.ts';

// Preparation (SPEC §3.8): what the merchant changes on an accepted order while preparing it.

export const adjustmentKindEnum = pgEnum('order_adjustment_kind', [
	'weighed',
	'removed',
	'substitution_proposed',
	'substitution_accepted',
	'substitution_refused'
]);

/**
 * The ledger of preparation changes: one row per change, with the order's total before and after,
 * who made it and when. Shown in the order's history.
 */
export const orderAdjustments = pgTable(
	'order_adjustments',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		orderId: uuid('order_id')
			.notNull()
			.references(() => orders.id, { onDelete: 'cascade' }),
		lineId: uuid('line_id').references(() => orderLines.id, { onDelete: 'set null' }),
		kind: adjustmentKindEnum('kind').notNull(),
		totalBeforeCents: integer('total_before_cents').notNull(),
		totalAfterCents: integer('total_after_cents').notNull(),
		/** What changed, for the history: e.g. { quantity, weighed } or { substitute, quantity }. */
		detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
		actorKind: text('actor_kind').notNull(),
		actorUserId: text('actor_user_id'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('order_adjustments_order').on(t.orderId, t.createdAt),
		check('order_adjustments_actor', sql`${t.actorKind} in ('shop', 'customer')`)
	]
);

export const substitutionStatusEnum = pgEnum('substitution_status', ['pending', 'accepted', 'refused']);

/**
 * A substitute the merchant proposes for a line: another variant of the same shop, with its
 * quantity and the price snapshotted when proposed (what the customer accepts). One pending
 * proposal per line (partial unique index); accept/refuse is a conditional update on `pending`.
 */
export const orderSubstitutions = pgTable(
	'order_substitutions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		orderId: uuid('order_id')
			.notNull()
			.references(() => orders.id, { onDelete: 'cascade' }),
		lineId: uuid('line_id')
			.notNull()
			.references(() => orderLines.id, { onDelete: 'cascade' }),
		variantId: uuid('variant_id')
			.notNull()
			.references(() => variants.id, { onDelete: 'cascade' }),
		productId: uuid('product_id').references(() => products.id, { onDelete: 'set null' }),
		productName: text('product_name').notNull(),
		variantName: text('variant_name').notNull(),
		unit: text('unit').notNull(),
		quantity: numeric('quantity', { precision: 10, scale: 3, mode: 'number' }).notNull(),
		unitPriceCents: integer('unit_price_cents').notNull(),
		vatRateBps: integer('vat_rate_bps').notNull(),
		totalCents: integer('total_cents').notNull(),
		status: substitutionStatusEnum('status').notNull().default('pending'),
		/** The line added when accepted. */
		newLineId: uuid('new_line_id').references(() => orderLines.id, { onDelete: 'set null' }),
		proposedBy: text('proposed_by'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		decidedAt: timestamp('decided_at', { withTimezone: true })
	},
	(t) => [
		index('order_substitutions_order').on(t.orderId),
		uniqueIndex('order_substitutions_pending')
			.on(t.lineId)
			.where(sql`${t.status} = 'pending'`),
		check('order_substitutions_quantity', sql`${t.quantity} > 0 and ${t.totalCents} >= 0`)
	]
);
