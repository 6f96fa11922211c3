import { and, asc, eq, sql } from 'drizzle-orm';
import { orders, orderLines, orderEvents, shops, slots, pickupPoints, variants, stockMovements } from '../db/schema/index.ts';
import type { Db } from '../db/client.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { isUuid } from '../catalog/queries.ts';
import { tokenMatches } from './order-token.ts';
import { chargesVat, vatBreakdown } from '../money/vat.ts';
import { queueStatusEmail, type StatusEmailContext } from '../orders/emails.ts';

export type CustomerOrder = Awaited<ReturnType<typeof loadOrder>>;

/** An order as its customer sees it, reachable with the secret of the emailed link (no account needed). */
export async function customerOrder(db: Db, orderId: string, accessToken: string | null | undefined): Promise<CustomerOrder> {
	const order = await loadOrder(db, orderId);
	if (!accessToken || !tokenMatches(accessToken, order.accessTokenHash)) throw new NotFoundError('order');
	return order;
}

/** The same view for code that already proved access (the merchant back office, the email job). */
export async function loadOrder(db: Db, orderId: string) {
	if (!isUuid(orderId)) throw new NotFoundError('order');
	const [row] = await db
		.select({
			order: orders,
			shop: {
				id: shops.id,
				slug: shops.slug,
				name: shops.name,
				address: shops.address,
				postcode: shops.postcode,
				city: shops.city,
				phone: shops.phone,
				vatNumber: shops.vatNumber
			},
			slot: { startsAt: slots.startsAt, endsAt: slots.endsAt },
			pickupPoint: { name: pickupPoints.name, address: pickupPoints.address, postcode: pickupPoints.postcode, city: pickupPoints.city }
		})
		.from(orders)
		.innerJoin(shops, eq(shops.id, orders.shopId))
		.leftJoin(slots, eq(slots.id, orders.slotId))
		.leftJoin(pickupPoints, eq(pickupPoints.id, orders.pickupPointId))
		.where(eq(orders.id, orderId));
	if (!row) throw new NotFoundError('order');
	const [lines, events] = await Promise.all([
		db.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.productName)),
		db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(asc(orderEvents.createdAt))
	]);
	const { accessTokenHash, ...order } = row.order;
	return {
		...order,
		accessTokenHash,
		shop: row.shop,
		slot: row.slot?.startsAt ? row.slot : null,
		pickupPoint: row.pickupPoint?.name ? row.pickupPoint : null,
		lines,
		// Removed items (unavailable, replaced) stay in the history but out of every total. A shop under
		// the VAT franchise charges no VAT: no breakdown, the legal mention instead (as on its invoice).
		vat: chargesVat(row.shop) ? vatBreakdown(lines.filter((l) => !l.removedAt)) : [],
		vatFranchise: !chargesVat(row.shop),
		events,
		canCancel: order.status === 'new'
	};
}

/**
 * The customer cancels before the merchant accepted: the order's stock goes back (with its
 * movements), its slot place is freed, and the change is recorded — all or nothing. A second
 * cancel, or one after acceptance, is refused. With `email`, the customer's confirmation of the
 * cancellation is queued in the same transaction (dedupe key `order:<id>:cancelled`); the
 * merchant hears of it in the feed (the `order_events` trigger) and on the live board.
 */
export async function cancelByCustomer(
	db: Db,
	orderId: string,
	accessToken: string | null | undefined,
	email?: StatusEmailContext
): Promise<void> {
	const order = await customerOrder(db, orderId, accessToken);
	await db.transaction(async (tx) => {
		const [changed] = await tx
			.update(orders)
			.set({ status: 'cancelled', updatedAt: new Date() })
			.where(and(eq(orders.id, order.id), eq(orders.status, 'new')))
			.returning({ id: orders.id });
		if (!changed) throw new ConflictError('error_order_not_cancellable');
		const sold = await tx
			.select({ variantId: stockMovements.variantId, delta: stockMovements.delta })
			.from(stockMovements)
			.where(and(eq(stockMovements.orderId, order.id), eq(stockMovements.reason, 'sale')));
		for (const m of sold) {
			await tx
				.update(variants)
				.set({ stock: sql`${variants.stock} + ${-m.delta}` })
				.where(eq(variants.id, m.variantId));
		}
		if (sold.length) {
			await tx
				.insert(stockMovements)
				.values(sold.map((m) => ({ variantId: m.variantId, shopId: order.shopId, delta: -m.delta, reason: 'cancel', orderId: order.id })));
		}
		if (order.slotId) {
			await tx
				.update(slots)
				.set({ reserved: sql`${slots.reserved} - 1` })
				.where(and(eq(slots.id, order.slotId), sql`${slots.reserved} > 0`));
		}
		await tx
			.insert(orderEvents)
			.values({ orderId: order.id, fromStatus: 'new', toStatus: 'cancelled', actorKind: 'customer', reason: 'customer_cancelled' });
		if (email) await queueStatusEmail(tx, order.id, 'cancelled', null, { ...email, byCustomer: true });
	});
}
