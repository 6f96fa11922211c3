import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp, uuid, jsonb, index } from 'drizzle-orm/pg-core';
import { user } from './auth.ts';
import { shops } from './shops.ts';
import { orders } from './orders.ts';

/**
 * The merchant's in-app feed. Written by triggers on `order_events` (drizzle/0010) and
 * `order_adjustments` (drizzle/0012), in the transaction of the event itself, so no code path can
 * forget it. `read_at` is per shop (the team shares one feed). `pushed_at` makes the table the
 * web-push outbox too: the push loop claims rows not yet pushed (`push_claimed_until`, skip
 * locked) and stamps them (notifications/push.ts).
 */
export const notifications = pgTable(
	'notifications',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		shopId: uuid('shop_id')
			.notNull()
			.references(() => shops.id, { onDelete: 'cascade' }),
		kind: text('kind').notNull(),
		orderId: uuid('order_id').references(() => orders.id, { onDelete: 'cascade' }),
		data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		readAt: timestamp('read_at', { withTimezone: true }),
		pushClaimedUntil: timestamp('push_claimed_until', { withTimezone: true }),
		pushedAt: timestamp('pushed_at', { withTimezone: true })
	},
	(t) => [
		index('notifications_shop').on(t.shopId, t.createdAt),
		index('notifications_to_push')
			.on(t.createdAt)
			.where(sql`${t.pushedAt} is null and ${t.kind} = 'order_new'`)
	]
);

/** A merchant's phone (browser) that asked for the shop's pushes; one row per push endpoint. */
export const pushSubscriptions = pgTable(
	'push_subscriptions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		shopId: uuid('shop_id')
			.notNull()
			.references(() => shops.id, { onDelete: 'cascade' }),
		endpoint: text('endpoint').notNull().unique('push_subscriptions_endpoint'),
		p256dh: text('p256dh').notNull(),
		auth: text('auth').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		lastError: text('last_error'),
		lastErrorAt: timestamp('last_error_at', { withTimezone: true })
	},
	(t) => [index('push_subscriptions_shop').on(t.shopId)]
);
