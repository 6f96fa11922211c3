import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/lib/server/db/client.ts';
import {
	territories,
	shops,
	products,
	variants,
	slots,
	pickupPoints,
	shopPickupPoints,
	deliveryZones,
	stockMovements
} from '../../src/lib/server/db/schema/index.ts';

// Small, explicit fixtures for domain tests: each test builds exactly the world it talks about.

export async function makeTerritory(db: Db, over: Partial<typeof territories.$inferInsert> = {}) {
	const [t] = await db
		.insert(territories)
		.values({ name: 'Bourg-Test', slug: `bourg-${randomUUID().slice(0, 8)}`, latitude: 47.39, longitude: 0.98, ...over })
		.returning();
	return t;
}

export async function makeShop(db: Db, territoryId: string, over: Partial<typeof shops.$inferInsert> = {}) {
	const [s] = await db
		.insert(shops)
		.values({
			territoryId,
			slug: `shop-${randomUUID().slice(0, 8)}`,
			name: 'Boutique Test',
			trade: 'grocery',
			status: 'active',
			address: '1 rue du Test',
			postcode: '37000',
			city: 'Bourg-Test',
			latitude: 47.39,
			longitude: 0.98,
			leadMinutes: 60,
			...over
		})
		.returning();
	return s;
}

export async function makeProduct(
	db: Db,
	shop: { id: string; territoryId: string },
	over: {
		name?: string;
		unit?: 'piece' | 'kg';
		priceCents?: number;
		stock?: number;
		stockMode?: 'tracked' | 'unlimited' | 'on_order';
		vatRateBps?: number;
	} = {}
) {
	const [p] = await db
		.insert(products)
		.values({
			shopId: shop.id,
			territoryId: shop.territoryId,
			slug: `p-${randomUUID().slice(0, 8)}`,
			name: over.name ?? 'Pain de campagne',
			unit: over.unit ?? 'piece',
			vatRateBps: over.vatRateBps ?? 550
		})
		.returning();
	const stockMode = over.stockMode ?? 'tracked';
	const stock = stockMode === 'tracked' ? (over.stock ?? 10) : 0;
	const [v] = await db
		.insert(variants)
		.values({ productId: p.id, name: over.unit === 'kg' ? '1 kg' : 'la pièce', priceCents: over.priceCents ?? 350, stockMode, stock })
		.returning();
	if (stockMode === 'tracked' && stock > 0)
		await db.insert(stockMovements).values({ variantId: v.id, shopId: shop.id, delta: stock, reason: 'initial' });
	return { product: p, variant: v };
}

export async function makeSlot(
	db: Db,
	owner: { shopId: string; kind?: 'shop_pickup' | 'delivery' } | { pickupPointId: string },
	over: { startsInHours?: number; capacity?: number } = {}
) {
	const start = new Date(Date.now() + (over.startsInHours ?? 24) * 3_600_000);
	const [s] = await db
		.insert(slots)
		.values({
			...('pickupPointId' in owner
				? { kind: 'pickup_point' as const, pickupPointId: owner.pickupPointId }
				: { kind: owner.kind ?? 'shop_pickup', shopId: owner.shopId }),
			startsAt: start,
			endsAt: new Date(start.getTime() + 30 * 60_000),
			capacity: over.capacity ?? 5
		})
		.returning();
	return s;
}

export async function makePickupPoint(db: Db, territoryId: string, shopIds: string[]) {
	const [p] = await db
		.insert(pickupPoints)
		.values({
			territoryId,
			slug: `pp-${randomUUID().slice(0, 8)}`,
			name: 'Mairie',
			address: '2 place de la Mairie',
			postcode: '37000',
			city: 'Bourg-Test'
		})
		.returning();
	if (shopIds.length) await db.insert(shopPickupPoints).values(shopIds.map((shopId) => ({ shopId, pickupPointId: p.id })));
	return p;
}

export async function makeDeliveryZone(db: Db, shopId: string, over: Partial<typeof deliveryZones.$inferInsert> = {}) {
	const [z] = await db
		.insert(deliveryZones)
		.values({ shopId, name: 'Bourg et alentours', postcodes: ['37000', '37100'], feeCents: 300, minOrderCents: 0, ...over })
		.returning();
	return z;
}
