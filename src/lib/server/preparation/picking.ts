import { z } from 'zod';
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { orders, orderLines, orderSubstitutions, slots, pickupPoints } from '../db/schema/index.ts';
import type { Db } from '../db/client.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import { PREPARABLE } from './adjust.ts';
import { calendarDay } from '../http/validate.ts';

// The picking list: for one day (of the slot, or of the order when it has none, in the
// territory's time zone) and optionally one slot, the accepted and preparing orders of the
// merchant's shop — first what to pick in total per product and size, then order by order.

/** Today's date in a time zone, as YYYY-MM-DD. */
export const localDay = (timezone: string, now = new Date()) =>
	new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);

/** Query string: `jour` (YYYY-MM-DD, today when missing or malformed) and `creneau` (a slot id). */
export function pickingFilters(params: URLSearchParams, timezone: string) {
	const schema = z.object({
		jour: calendarDay().catch(() => localDay(timezone)),
		creneau: z.uuid().optional().catch(undefined)
	});
	const parsed = schema.parse({ jour: params.get('jour') ?? undefined, creneau: params.get('creneau') || undefined });
	return { day: parsed.jour, slotId: parsed.creneau };
}
export type PickingFilters = ReturnType<typeof pickingFilters>;

export type PickingLine = {
	id: string;
	productName: string;
	variantName: string;
	unit: string;
	quantity: number;
	weighedQuantity: number | null;
	totalCents: number;
	pendingSubstitution: boolean;
};
export type PickingOrder = {
	id: string;
	number: number;
	status: string;
	customerName: string;
	customerPhone: string;
	fulfilment: string;
	slotStartsAt: Date | null;
	slotEndsAt: Date | null;
	pickupPointName: string | null;
	lines: PickingLine[];
};
export type PickingTotal = {
	key: string;
	/** The variant picked, or null when it has since been deleted (the line's snapshot still names it). */
	variantId: string | null;
	productName: string;
	variantName: string;
	unit: string;
	quantity: number;
	orders: number;
};

export async function pickingList(db: Db, scope: ShopScope, filters: PickingFilters, timezone: string) {
	const where: SQL[] = [
		eq(orders.shopId, scope.shopId),
		inArray(orders.status, [...PREPARABLE]),
		sql`(coalesce(${slots.startsAt}, ${orders.createdAt}) at time zone ${timezone})::date = ${filters.day}::date`
	];
	if (filters.slotId) where.push(eq(orders.slotId, filters.slotId));
	const rows = await db
		.select({
			id: orders.id,
			number: orders.number,
			status: orders.status,
			customerName: orders.customerName,
			customerPhone: orders.customerPhone,
			fulfilment: orders.fulfilment,
			slotStartsAt: slots.startsAt,
			slotEndsAt: slots.endsAt,
			pickupPointName: pickupPoints.name
		})
		.from(orders)
		.leftJoin(slots, eq(slots.id, orders.slotId))
		.leftJoin(pickupPoints, eq(pickupPoints.id, orders.pickupPointId))
		.where(and(...where))
		.orderBy(sql`${slots.startsAt} asc nulls last`, asc(orders.number))
		.limit(500);
	const ids = rows.map((r) => r.id);
	const lines = ids.length
		? await db
				.select({
					orderId: orderLines.orderId,
					id: orderLines.id,
					variantId: orderLines.variantId,
					productName: orderLines.productName,
					variantName: orderLines.variantName,
					unit: orderLines.unit,
					quantity: orderLines.quantity,
					weighedQuantity: orderLines.weighedQuantity,
					totalCents: orderLines.totalCents,
					// Spelled out: without a join drizzle writes `${orderLines.id}` as a bare "id", which inside
					// this subquery would be the substitution's own id (never true).
					pendingSubstitution: sql<boolean>`exists (select 1 from ${orderSubstitutions} s where s.line_id = "order_lines"."id" and s.status = 'pending')`
				})
				.from(orderLines)
				.where(and(inArray(orderLines.orderId, ids), isNull(orderLines.removedAt)))
				.orderBy(asc(orderLines.productName), asc(orderLines.variantName))
		: [];
	const byOrder = new Map<string, PickingLine[]>();
	const totals = new Map<string, PickingTotal>();
	for (const l of lines) {
		const { orderId, variantId, ...line } = l;
		(byOrder.get(orderId) ?? byOrder.set(orderId, []).get(orderId)!).push(line);
		const key = variantId ?? `${l.productName}\u0000${l.variantName}\u0000${l.unit}`;
		const total = totals.get(key) ?? {
			key,
			variantId,
			productName: l.productName,
			variantName: l.variantName,
			unit: l.unit,
			quantity: 0,
			orders: 0
		};
		// Thousandths, so that 0.1 + 0.2 kg is 0.3 kg.
		total.quantity = Math.round(total.quantity * 1000 + (l.weighedQuantity ?? l.quantity) * 1000) / 1000;
		total.orders += 1;
		totals.set(key, total);
	}
	const list: PickingOrder[] = rows.map((r) => ({ ...r, lines: byOrder.get(r.id) ?? [] }));
	const sortedTotals = [...totals.values()].sort(
		(a, b) => a.productName.localeCompare(b.productName, 'fr') || a.variantName.localeCompare(b.variantName, 'fr')
	);
	return {
		day: filters.day,
		slotId: filters.slotId ?? null,
		orders: list,
		totals: sortedTotals,
		slots: await slotsOfDay(db, scope, filters.day, timezone)
	};
}
export type PickingList = Awaited<ReturnType<typeof pickingList>>;

/** The day's slots that have orders to prepare, for the slot filter. */
async function slotsOfDay(db: Db, scope: ShopScope, day: string, timezone: string) {
	return db
		.selectDistinct({ id: slots.id, startsAt: slots.startsAt, endsAt: slots.endsAt })
		.from(slots)
		.innerJoin(orders, eq(orders.slotId, slots.id))
		.where(
			and(
				eq(orders.shopId, scope.shopId),
				inArray(orders.status, [...PREPARABLE]),
				sql`(${slots.startsAt} at time zone ${timezone})::date = ${day}::date`
			)
		)
		.orderBy(asc(slots.startsAt))
		.limit(100);
}
