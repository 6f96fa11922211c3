import { pgTable, text, timestamp, integer, uuid, numeric, pgEnum, uniqueIndex, index, check, jsonb } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { territories } from './territories.ts';
import { shops, slots, pickupPoints } from './shops.ts';
import { variants, products } from './catalog.ts';
import { user } from './auth.ts';

/** A cart: anonymous (its id is the cookie's secret) or a signed-in user's; spans several shops. */
export const carts = pgTable(
	'carts',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		territoryId: uuid('territory_id')
			.notNull()
			.references(() => territories.id, { onDelete: 'cascade' }),
		userId: text('user_id').references(() => user.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('carts_user').on(t.userId)]
);

export const cartItems = pgTable(
	'cart_items',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		cartId: uuid('cart_id')
			.notNull()
			.references(() => carts.id, { onDelete: 'cascade' }),
		variantId: uuid('variant_id')
			.notNull()
			.references(() => variants.id, { onDelete: 'cascade' }),
		quantity: numeric('quantity', { precision: 10, scale: 3, mode: 'number' }).notNull(),
		addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('cart_items_variant').on(t.cartId, t.variantId), check('cart_items_quantity', sql`${t.quantity} > 0`)]
);

/**
 * One checkout = one customer action, one payment, one order per shop. The idempotency key is
 * unique per territory: a retried request finds the checkout and returns the same orders.
 */
export const checkouts = pgTable(
	'checkouts',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		territoryId: uuid('territory_id')
			.notNull()
			.references(() => territories.id, { onDelete: 'cascade' }),
		idempotencyKey: text('idempotency_key').notNull(),
		requestHash: text('request_hash').notNull(),
		userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
		customerName: text('customer_name').notNull(),
		customerEmail: text('customer_email').notNull(),
		customerPhone: text('customer_phone').notNull(),
		paymentMethod: text('payment_method').notNull(),
		totalCents: integer('total_cents').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('checkouts_idempotency').on(t.territoryId, t.idempotencyKey)]
);

export const orderStatusEnum = pgEnum('order_status', ['new', 'accepted', 'preparing', 'ready', 'completed', 'cancelled', 'refused']);
export const fulfilmentEnum = pgEnum('fulfilment', ['pickup', 'pickup_point', 'delivery']);

export type DeliveryAddress = { line1: string; line2?: string; postcode: string; city: string; latitude?: number; longitude?: number };

/** Per-shop order counter: numbers are taken inside the checkout transaction, so no gap, no duplicate. */
export const shopOrderCounters = pgTable('shop_order_counters', {
	shopId: uuid('shop_id')
		.primaryKey()
		.references(() => shops.id, { onDelete: 'cascade' }),
	lastNumber: integer('last_number').notNull().default(0)
});

export const orders = pgTable(
	'orders',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		checkoutId: uuid('checkout_id')
			.notNull()
			.references(() => checkouts.id, { onDelete: 'cascade' }),
		territoryId: uuid('territory_id')
			.notNull()
			.references(() => territories.id, { onDelete: 'cascade' }),
		shopId: uuid('shop_id')
			.notNull()
			.references(() => shops.id, { onDelete: 'cascade' }),
		/** Human-readable number, per shop, without gaps. */
		number: integer('number').notNull(),
		status: orderStatusEnum('status').notNull().default('new'),
		fulfilment: fulfilmentEnum('fulfilment').notNull(),
		slotId: uuid('slot_id').references(() => slots.id, { onDelete: 'set null' }),
		pickupPointId: uuid('pickup_point_id').references(() => pickupPoints.id, { onDelete: 'set null' }),
		deliveryAddress: jsonb('delivery_address').$type<DeliveryAddress>(),
		deliveryFeeCents: integer('delivery_fee_cents').notNull().default(0),
		subtotalCents: integer('subtotal_cents').notNull(),
		totalCents: integer('total_cents').notNull(),
		customerName: text('customer_name').notNull(),
		customerEmail: text('customer_email').notNull(),
		customerPhone: text('customer_phone').notNull(),
		userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
		paymentMethod: text('payment_method').notNull(),
		/** SHA-256 of the secret in the customer's order link (the link works without an account). */
		accessTokenHash: text('access_token_hash').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('orders_shop_number').on(t.shopId, t.number),
		index('orders_checkout').on(t.checkoutId),
		index('orders_shop_status').on(t.shopId, t.status, t.createdAt),
		check('orders_totals', sql`${t.subtotalCents} >= 0 and ${t.totalCents} = ${t.subtotalCents} + ${t.deliveryFeeCents}`)
	]
);

export const orderLines = pgTable(
	'order_lines',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		orderId: uuid('order_id')
			.notNull()
			.references(() => orders.id, { onDelete: 'cascade' }),
		variantId: uuid('variant_id').references(() => variants.id, { onDelete: 'set null' }),
		productId: uuid('product_id').references(() => products.id, { onDelete: 'set null' }),
		// A snapshot: the line keeps what was sold even if the catalog changes.
		productName: text('product_name').notNull(),
		variantName: text('variant_name').notNull(),
		unit: text('unit').notNull(),
		quantity: numeric('quantity', { precision: 10, scale: 3, mode: 'number' }).notNull(),
		unitPriceCents: integer('unit_price_cents').notNull(),
		vatRateBps: integer('vat_rate_bps').notNull(),
		totalCents: integer('total_cents').notNull(),
		/** Weighed goods: the quantity the merchant weighed (the line's total follows it), within the tolerance announced at order. */
		weighedQuantity: numeric('weighed_quantity', { precision: 10, scale: 3, mode: 'number' }),
		/** The weighing tolerance announced to the buyer at order time, in basis points (1000 = ±10 %); null = not weighed. */
		toleranceBps: integer('tolerance_bps'),
		/** Set when the item was removed (unavailable, substitution refused): the line stays for the history, out of every total. */
		removedAt: timestamp('removed_at', { withTimezone: true })
	},
	(t) => [index('order_lines_order').on(t.orderId), check('order_lines_quantity', sql`${t.quantity} > 0`)]
);

/** The order's history: every state change, who made it and why. */
export const orderEvents = pgTable(
	'order_events',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		orderId: uuid('order_id')
			.notNull()
			.references(() => orders.id, { onDelete: 'cascade' }),
		fromStatus: orderStatusEnum('from_status'),
		toStatus: orderStatusEnum('to_status').notNull(),
		actorKind: text('actor_kind').notNull(),
		actorUserId: text('actor_user_id'),
		reason: text('reason'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('order_events_order').on(t.orderId, t.createdAt)]
);
