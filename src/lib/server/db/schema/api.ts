import { pgTable, text, timestamp, integer, uuid, jsonb, numeric, index, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { user } from './auth.ts';
import { shops } from './shops.ts';

/**
 * A shop's API token. The token itself is shown once at creation; only its SHA-256 is kept, with
 * its first characters (`prefix`) so the merchant can tell tokens apart. It acts as the owner who
 * created it and dies with that account.
 */
export const apiTokens = pgTable(
	'api_tokens',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		shopId: uuid('shop_id')
			.notNull()
			.references(() => shops.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		prefix: text('prefix').notNull(),
		tokenHash: text('token_hash').notNull().unique(),
		scopes: text('scopes').array().notNull(),
		createdBy: text('created_by')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
		revokedAt: timestamp('revoked_at', { withTimezone: true })
	},
	(t) => [index('api_tokens_shop').on(t.shopId, t.createdAt)]
);

/** Where a shop wants to hear about its orders and stock (`order.created`, `order.updated`, `stock.low`). */
export const webhookEndpoints = pgTable(
	'webhook_endpoints',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		shopId: uuid('shop_id')
			.notNull()
			.references(() => shops.id, { onDelete: 'cascade' }),
		url: text('url').notNull(),
		events: text('events').array().notNull(),
		/** Signs every delivery (HMAC-SHA256); kept readable because signing needs it. */
		secret: text('secret').notNull(),
		/** `stock.low` fires when a tracked variant's stock goes from above this to this or below. */
		lowStockThreshold: numeric('low_stock_threshold', { precision: 12, scale: 3, mode: 'number' }).notNull().default(3),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('webhook_endpoints_shop').on(t.shopId)]
);

/**
 * One event to deliver to one endpoint. Rows are written by database triggers in the transaction
 * that changes the order or the stock (drizzle/0009_api_webhooks.sql), then sent by the dispatcher.
 */
export const webhookDeliveries = pgTable(
	'webhook_deliveries',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		endpointId: uuid('endpoint_id')
			.notNull()
			.references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
		shopId: uuid('shop_id')
			.notNull()
			.references(() => shops.id, { onDelete: 'cascade' }),
		event: text('event').notNull(),
		payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
		/** pending → sending (claimed) → delivered, or back to pending with a later next_attempt_at, or failed after the last try. */
		status: text('status').notNull().default('pending'),
		attempts: integer('attempts').notNull().default(0),
		nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
		lastStatusCode: integer('last_status_code'),
		lastError: text('last_error'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		deliveredAt: timestamp('delivered_at', { withTimezone: true })
	},
	(t) => [
		index('webhook_deliveries_due')
			.on(t.nextAttemptAt)
			.where(sql`${t.status} in ('pending', 'sending')`),
		index('webhook_deliveries_shop').on(t.shopId, t.createdAt),
		check('webhook_deliveries_status', sql`${t.status} in ('pending', 'sending', 'delivered', 'failed')`)
	]
);
