import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { testDatabase } from '../../../../tests/setup/db.ts';
import { makeTerritory, makeShop, makeProduct, makeSlot, makePickupPoint } from '../../../../tests/setup/fixtures.ts';
import type { Database, Db } from '../db/client.ts';
import { shops, shopClosures, slots } from '../db/schema/index.ts';
import { fulfilmentOptions, slotsBetween } from '../checkout/fulfilment.ts';
import { refreshShopSlots } from '../fulfilment/shop-slots.ts';
import { addToCart } from '../checkout/cart.ts';
import { checkout } from '../checkout/checkout.ts';
import { InvalidInputError } from '../errors.ts';

let database: Database;
let db: Db;
let territoryId: string;
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opens: '08:00', closes: '19:00' }));
/** The local (Paris) date of an instant. */
const parisDate = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(at);

beforeAll(async () => {
	database = await testDatabase();
	db = database.db;
	territoryId = (await makeTerritory(db)).id;
});
afterAll(async () => {
	await database.close();
});

async function openShop() {
	const shop = await makeShop(db, territoryId, { openingHours: EVERY_DAY, slotMinutes: 60, slotCapacity: 2 });
	await refreshShopSlots(db, shop.id);
	return shop;
}
const offered = async (shopId: string) => (await fulfilmentOptions(db, territoryId, [shopId])).get(shopId)!;

describe('closures and vacation', () => {
	it('materialises slots from the opening hours, and re-cuts them keeping booked ones', async () => {
		const shop = await openShop();
		const before = (await offered(shop.id)).pickup!.slots;
		expect(before.length).toBeGreaterThan(40);
		const [booked] = await db.update(slots).set({ reserved: 1 }).where(eq(slots.id, before[0].id)).returning();
		await db.update(shops).set({ openingHours: [] }).where(eq(shops.id, shop.id));
		await refreshShopSlots(db, shop.id);
		const left = await db.select().from(slots).where(eq(slots.shopId, shop.id));
		expect(left.map((s) => s.id)).toEqual([booked.id]);
	});

	it('offers no slot on a closed day, on the shop or at its pickup points', async () => {
		const shop = await openShop();
		const point = await makePickupPoint(db, territoryId, [shop.id]);
		const pointSlot = await makeSlot(db, { pickupPointId: point.id }, { startsInHours: 30 });
		const all = (await offered(shop.id)).pickup!.slots;
		const closedDay = parisDate(all[all.length - 1].startsAt);
		const closedPointDay = parisDate(pointSlot.startsAt);
		await db.insert(shopClosures).values([
			{ shopId: shop.id, startsOn: closedDay, endsOn: closedDay, reason: 'Inventaire' },
			{ shopId: shop.id, startsOn: closedPointDay, endsOn: closedPointDay, reason: 'Fermé' }
		]);
		const options = await offered(shop.id);
		expect(options.pickup!.slots.length).toBeGreaterThan(0);
		expect(options.pickup!.slots.some((s) => parisDate(s.startsAt) === closedDay)).toBe(false);
		expect(options.pickupPoints[0].slots.map((s) => s.id)).not.toContain(pointSlot.id);
		const api = await slotsBetween(db, shop.id, new Date(), new Date(Date.now() + 20 * 86_400_000));
		expect(api.some((s) => parisDate(s.startsAt) === closedDay)).toBe(false);
	});

	it('offers nothing and takes no order while the shop is on vacation', async () => {
		const shop = await openShop();
		const { variant } = await makeProduct(db, shop, { stock: 5 });
		const slotId = (await offered(shop.id)).pickup!.slots[0].id;
		await db.update(shops).set({ onVacation: true, vacationMessage: 'De retour le 2 septembre' }).where(eq(shops.id, shop.id));
		const options = await offered(shop.id);
		expect(options.onVacation).toBe(true);
		expect(options.pickup!.slots).toEqual([]);
		expect(await slotsBetween(db, shop.id, new Date(), new Date(Date.now() + 20 * 86_400_000))).toEqual([]);

		const cartId = await addToCart(db, { territoryId, cartId: null }, { variantId: variant.id, quantity: 1 }, 'fr');
		const attempt = checkout(
			db,
			{ territoryId, cartId, userId: null, idempotencyKey: randomUUID(), secret: 'x'.repeat(32), origin: 'http://localhost', locale: 'fr' },
			{
				customer: { name: 'Claire Petit', email: 'claire@exemple.fr', phone: '06 12 34 56 78' },
				acceptTerms: true,
				fulfilments: [{ shopId: shop.id, method: 'pickup', slotId }],
				payment: { method: 'on_site' }
			}
		);
		const error = await attempt.catch((e) => e);
		expect(error).toBeInstanceOf(InvalidInputError);
		expect(Object.values(error.fields).flat().join(' ')).toContain('congés');
		const [slot] = await db.select().from(slots).where(eq(slots.id, slotId));
		expect(slot.reserved).toBe(0);
	});
});
