import { and, count, eq, gt, asc, sql } from 'drizzle-orm';
import { shops, products, variants, slots, memberships } from '../db/schema/index.ts';
import type { Db } from '../db/client.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import { NotFoundError } from '../errors.ts';

/** The merchant's home: the scoped shop, a few counters and the next pickup slots. */
export async function shopDashboard(db: Db, scope: ShopScope, now = new Date()) {
	const [shop] = await db
		.select({ id: shops.id, slug: shops.slug, name: shops.name, status: shops.status, trade: shops.trade })
		.from(shops)
		.where(and(eq(shops.id, scope.shopId), eq(shops.territoryId, scope.territoryId)));
	if (!shop) throw new NotFoundError('shop');
	const horizon = new Date(now.getTime() + 14 * 86_400_000);
	const [[productsOnline], [outOfStock], [slotCount], [staff], nextSlots] = await Promise.all([
		db
			.select({ n: count() })
			.from(products)
			.where(and(eq(products.shopId, shop.id), eq(products.status, 'active'))),
		db
			.select({ n: sql<number>`count(distinct ${products.id})::int` })
			.from(products)
			.innerJoin(variants, eq(variants.productId, products.id))
			.where(and(eq(products.shopId, shop.id), eq(products.status, 'active'), eq(variants.stockMode, 'tracked'), eq(variants.stock, 0))),
		db
			.select({ n: count() })
			.from(slots)
			.where(
				and(
					eq(slots.shopId, shop.id),
					eq(slots.kind, 'shop_pickup'),
					gt(slots.startsAt, now),
					sql`${slots.startsAt} < ${horizon.toISOString()}`
				)
			),
		db.select({ n: count() }).from(memberships).where(eq(memberships.shopId, shop.id)),
		db
			.select({
				id: slots.id,
				startsAt: slots.startsAt,
				endsAt: slots.endsAt,
				capacity: slots.capacity,
				reserved: slots.reserved
			})
			.from(slots)
			.where(and(eq(slots.shopId, shop.id), eq(slots.kind, 'shop_pickup'), gt(slots.startsAt, now)))
			.orderBy(asc(slots.startsAt))
			.limit(6)
	]);
	return {
		shop,
		productsOnline: Number(productsOnline.n),
		outOfStock: Number(outOfStock.n),
		slots: Number(slotCount.n),
		staff: Number(staff.n),
		nextSlots
	};
}

/** The shops a merchant may switch between (their memberships in this territory). */
export async function shopsOfMember(db: Db, userId: string, territoryId: string) {
	return db
		.select({ id: shops.id, name: shops.name })
		.from(memberships)
		.innerJoin(shops, eq(shops.id, memberships.shopId))
		.where(and(eq(memberships.userId, userId), eq(shops.territoryId, territoryId)))
		.orderBy(asc(shops.name));
}
