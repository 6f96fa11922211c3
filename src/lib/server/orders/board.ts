import { z } from 'zod';
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { orders, orderLines, slots, pickupPoints } from '../db/schema/index.ts';
import type { Db } from '../db/client.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import { NotFoundError } from '../errors.ts';
import { loadOrder } from '../checkout/orders.ts';
import { ORDER_STATUSES, FINAL, type OrderStatus } from './transitions.ts';

// What the merchant's order board reads: one shop's orders, per state, filtered by day (of the
// slot, or of the order when it has none, in the territory's time zone) and by slot.

/** Query-string filters; anything malformed is ignored rather than refused (it is a page, not an API). */
export const BoardFilters = z.object({
	status: z.enum(ORDER_STATUSES as [OrderStatus, ...OrderStatus[]]).catch('new'),
	day: z.iso
		.date()
		.optional()
		.catch(undefined)
		.transform((d) => d || undefined),
	slot: z.uuid().optional().catch(undefined)
});
export type BoardFilters = z.output<typeof BoardFilters>;

/** Enough for a phone screen; a shop with more open orders in one state filters by day. */
export const BOARD_LIMIT = 100;

export type BoardOrder = Awaited<ReturnType<typeof boardOrders>>[number];

function filtersSql(scope: ShopScope, f: Pick<BoardFilters, 'day' | 'slot'>, timezone: string): SQL[] {
	const where: SQL[] = [eq(orders.shopId, scope.shopId)];
	if (f.day) where.push(sql`(coalesce(${slots.startsAt}, ${orders.createdAt}) at time zone ${timezone})::date = ${f.day}::date`);
	if (f.slot) where.push(eq(orders.slotId, f.slot));
	return where;
}

export async function orderBoard(db: Db, scope: ShopScope, filters: BoardFilters, timezone: string) {
	const where = filtersSql(scope, filters, timezone);
	const [countRows, list, slotChoices] = await Promise.all([
		db
			.select({ status: orders.status, n: sql<number>`count(*)::int` })
			.from(orders)
			.leftJoin(slots, eq(slots.id, orders.slotId))
			.where(and(...where))
			.groupBy(orders.status),
		boardOrders(db, and(...where, eq(orders.status, filters.status))!, FINAL.includes(filters.status)),
		slotsWithOrders(db, scope, filters.day, timezone)
	]);
	const counts = Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0])) as Record<OrderStatus, number>;
	for (const row of countRows) counts[row.status] = Number(row.n);
	return { counts, orders: list, slots: slotChoices };
}

async function boardOrders(db: Db, where: SQL, final: boolean) {
	const rows = await db
		.select({
			id: orders.id,
			number: orders.number,
			status: orders.status,
			fulfilment: orders.fulfilment,
			customerName: orders.customerName,
			customerPhone: orders.customerPhone,
			totalCents: orders.totalCents,
			deliveryAddress: orders.deliveryAddress,
			createdAt: orders.createdAt,
			updatedAt: orders.updatedAt,
			slotStartsAt: slots.startsAt,
			slotEndsAt: slots.endsAt,
			pickupPointName: pickupPoints.name,
			reason: sql<string | null>`(select e.reason from order_events e where e.order_id = ${orders.id}
				order by e.created_at desc limit 1)`
		})
		.from(orders)
		.leftJoin(slots, eq(slots.id, orders.slotId))
		.leftJoin(pickupPoints, eq(pickupPoints.id, orders.pickupPointId))
		.where(where)
		// Open orders: the soonest to hand over first. Finished ones: the latest first.
		.orderBy(...(final ? [desc(orders.updatedAt)] : [sql`${slots.startsAt} asc nulls last`, asc(orders.number)]))
		.limit(BOARD_LIMIT);
	const ids = rows.map((r) => r.id);
	const lines = ids.length
		? await db
				.select({
					orderId: orderLines.orderId,
					productName: orderLines.productName,
					variantName: orderLines.variantName,
					unit: orderLines.unit,
					quantity: orderLines.quantity,
					totalCents: orderLines.totalCents
				})
				.from(orderLines)
				// Items removed at preparation (unavailable, replaced) are no longer to hand over.
				.where(and(inArray(orderLines.orderId, ids), isNull(orderLines.removedAt)))
				.orderBy(asc(orderLines.productName))
		: [];
	return rows.map((r) => ({
		...r,
		reason: r.status === 'cancelled' || r.status === 'refused' ? r.reason : null,
		lines: lines.filter((l) => l.orderId === r.id)
	}));
}

/** Slots that have orders: those of the chosen day, or from yesterday on when no day is chosen. */
async function slotsWithOrders(db: Db, scope: ShopScope, day: string | undefined, timezone: string) {
	const when = day
		? sql`(${slots.startsAt} at time zone ${timezone})::date = ${day}::date`
		: sql`${slots.startsAt} >= now() - interval '1 day'`;
	return db
		.selectDistinct({ id: slots.id, startsAt: slots.startsAt, endsAt: slots.endsAt })
		.from(slots)
		.innerJoin(orders, eq(orders.slotId, slots.id))
		.where(and(eq(orders.shopId, scope.shopId), when))
		.orderBy(asc(slots.startsAt))
		.limit(200);
}

/** One order of the merchant's shop, with its lines and history; another shop's is a 404. */
export async function merchantOrder(db: Db, scope: ShopScope, orderId: string) {
	const order = await loadOrder(db, orderId);
	if (order.shopId !== scope.shopId) throw new NotFoundError('order');
	return order;
}
