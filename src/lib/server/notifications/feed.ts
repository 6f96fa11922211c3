import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { notifications } from '../db/schema/index.ts';
import type { ShopScope } from '../tenancy/guard.ts';

export type FeedItem = {
	id: string;
	kind: 'order_new' | 'order_cancelled' | 'substitution_answered' | (string & {});
	orderId: string | null;
	data: { number?: number; customerName?: string; totalCents?: number; accepted?: boolean };
	createdAt: Date;
	read: boolean;
};

/**
 * The shop's feed, newest first (the last `limit` items). Rows are written by triggers: on `order_events`
 * (new order, customer's cancellation) and on `order_adjustments` (the customer's answer to a substitution).
 */
export async function listFeed(db: Db, scope: ShopScope, limit = 50): Promise<FeedItem[]> {
	const rows = await db
		.select()
		.from(notifications)
		.where(eq(notifications.shopId, scope.shopId))
		.orderBy(desc(notifications.createdAt), desc(notifications.id))
		.limit(Math.min(Math.max(1, limit), 200));
	return rows.map((r) => ({
		id: r.id,
		kind: r.kind,
		orderId: r.orderId,
		data: r.data as FeedItem['data'],
		createdAt: r.createdAt,
		read: r.readAt !== null
	}));
}

/** How many of the shop's notifications nobody has marked read: for the back-office nav's badge. */
export async function unreadCount(db: Db, scope: ShopScope): Promise<number> {
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(notifications)
		.where(and(eq(notifications.shopId, scope.shopId), isNull(notifications.readAt)));
	return Number(row?.n ?? 0);
}

/** Marks every notification of the shop read (the team shares one feed); returns how many changed. */
export async function markAllRead(db: Db, scope: ShopScope): Promise<number> {
	const changed = await db
		.update(notifications)
		.set({ readAt: new Date() })
		.where(and(eq(notifications.shopId, scope.shopId), isNull(notifications.readAt)))
		.returning({ id: notifications.id });
	return changed.length;
}
