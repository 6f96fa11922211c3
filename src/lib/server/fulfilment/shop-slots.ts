import { and, eq, gte, sql } from 'drizzle-orm';
import { shops, shopClosures, slots, deliveryZones, territories } from '../db/schema/index.ts';
import type { Db } from '../db/client.ts';
import { shopSlotPlan } from './slot-plan.ts';

/** How many days ahead a shop's slots are materialised when its hours change or it opens. */
export const SLOT_PLAN_DAYS = 14;

/** Every local date (YYYY-MM-DD) covered by the shop's closures. */
export async function closureDates(db: Db, shopId: string): Promise<string[]> {
	const rows = await db
		.select({ startsOn: shopClosures.startsOn, endsOn: shopClosures.endsOn })
		.from(shopClosures)
		.where(eq(shopClosures.shopId, shopId));
	const dates: string[] = [];
	for (const row of rows) {
		for (let d = new Date(`${row.startsOn}T00:00:00Z`); d <= new Date(`${row.endsOn}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
			dates.push(d.toISOString().slice(0, 10));
			if (dates.length > 3660) return dates;
		}
	}
	return dates;
}

/**
 * Re-cuts an active shop's future slots after its hours, slot length or capacity changed (or when
 * it opens): future slots nobody booked are replaced by the new plan; booked ones are kept, so no
 * order loses its slot. Closed days get no slot; vacation is enforced where slots are offered.
 */
export async function refreshShopSlots(db: Db, shopId: string, now = new Date()): Promise<void> {
	await db.transaction(async (tx) => {
		const [shop] = await tx
			.select({ shop: shops, timezone: territories.timezone })
			.from(shops)
			.innerJoin(territories, eq(territories.id, shops.territoryId))
			.where(eq(shops.id, shopId));
		if (!shop) return;
		await tx
			.delete(slots)
			.where(
				and(
					eq(slots.shopId, shopId),
					gte(slots.startsAt, now),
					eq(slots.reserved, 0),
					sql`not exists (select 1 from orders o where o.slot_id = ${slots.id})`
				)
			);
		if (shop.shop.status !== 'active') return;
		const [zone] = await tx.select({ id: deliveryZones.id }).from(deliveryZones).where(eq(deliveryZones.shopId, shopId)).limit(1);
		const plan = shopSlotPlan(shop.shop, Boolean(zone), {
			timezone: shop.timezone,
			from: now,
			days: SLOT_PLAN_DAYS,
			closures: await closureDates(tx, shopId)
		});
		if (plan.length) await tx.insert(slots).values(plan).onConflictDoNothing();
	});
}
