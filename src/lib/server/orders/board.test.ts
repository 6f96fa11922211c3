import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { testDatabase } from '../../../../tests/setup/db.ts';
import { makeTerritory, makeShop, makeProduct, makeSlot } from '../../../../tests/setup/fixtures.ts';
import type { Database, Db } from '../db/client.ts';
import { user } from '../db/schema/index.ts';
import { addToCart } from '../checkout/cart.ts';
import { checkout } from '../checkout/checkout.ts';
import { NotFoundError } from '../errors.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import { BoardFilters, merchantOrder, orderBoard } from './board.ts';
import { transitionOrder } from './transitions.ts';

let database: Database;
let db: Db;
let territoryId: string;
const TZ = 'Europe/Paris';
const ctx = { secret: 'test-secret-for-order-links-0123456789', origin: 'http://localhost:3000', locale: 'fr' as const };
const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(d);

beforeAll(async () => {
	database = await testDatabase();
	db = database.db;
	territoryId = (await makeTerritory(db)).id;
});
afterAll(async () => {
	await database.close();
});

async function shopWorld() {
	const shop = await makeShop(db, territoryId);
	const { variant } = await makeProduct(db, shop, { stock: 100 });
	const tomorrow = await makeSlot(db, { shopId: shop.id }, { startsInHours: 24 });
	const later = await makeSlot(db, { shopId: shop.id }, { startsInHours: 72 });
	const id = randomUUID();
	await db.insert(user).values({ id, name: 'Marchand', email: `m-${id}@exemple.fr`, emailVerified: true });
	const scope: ShopScope = { userId: id, territoryId, shopId: shop.id, role: 'shop_owner' };
	const order = async (slotId: string, name = 'Claire Petit') => {
		const cartId = await addToCart(db, { territoryId, cartId: null }, { variantId: variant.id, quantity: 2 }, 'fr');
		const r = await checkout(
			db,
			{ territoryId, cartId, userId: null, idempotencyKey: randomUUID(), secret: ctx.secret, origin: ctx.origin, locale: 'fr' },
			{
				customer: { name, email: 'c@exemple.fr', phone: '0612345678' },
				acceptTerms: true,
				fulfilments: [{ shopId: shop.id, method: 'pickup', slotId }]
			}
		);
		return r.orders[0];
	};
	return { shop, scope, tomorrow, later, order };
}

const filters = (over: Record<string, string> = {}) => BoardFilters.parse(over);

describe('the order board', () => {
	it('lists one state at a time with the count of each, the soonest slot first, lines included', async () => {
		const w = await shopWorld();
		const late = await w.order(w.later.id, 'Paul Later');
		const soon = await w.order(w.tomorrow.id, 'Anne Soon');
		const third = await w.order(w.tomorrow.id);
		await transitionOrder(db, w.scope, third.id, { to: 'refused', reason: 'Rupture de farine' }, ctx);
		const board = await orderBoard(db, w.scope, filters(), TZ);
		expect(board.counts).toMatchObject({ new: 2, refused: 1, accepted: 0 });
		expect(board.orders.map((o) => o.id)).toEqual([soon.id, late.id]);
		expect(board.orders[0]).toMatchObject({ customerName: 'Anne Soon', customerPhone: '0612345678', totalCents: 700, reason: null });
		expect(board.orders[0].lines).toEqual([expect.objectContaining({ productName: 'Pain de campagne', quantity: 2 })]);
		const refused = await orderBoard(db, w.scope, filters({ status: 'refused' }), TZ);
		expect(refused.orders.map((o) => [o.id, o.reason])).toEqual([[third.id, 'Rupture de farine']]);
	});

	it('filters by the day of the slot (territory time) and by slot', async () => {
		const w = await shopWorld();
		const late = await w.order(w.later.id);
		const soon = await w.order(w.tomorrow.id);
		const byDay = await orderBoard(db, w.scope, filters({ day: day(w.later.startsAt) }), TZ);
		expect(byDay.orders.map((o) => o.id)).toEqual([late.id]);
		expect(byDay.counts.new).toBe(1);
		expect(byDay.slots.map((s) => s.id)).toEqual([w.later.id]);
		const bySlot = await orderBoard(db, w.scope, filters({ slot: w.tomorrow.id }), TZ);
		expect(bySlot.orders.map((o) => o.id)).toEqual([soon.id]);
		// Malformed filters are ignored, not an error.
		const junk = await orderBoard(db, w.scope, filters({ status: 'lost', day: '2026-13-45', slot: 'x' }), TZ);
		expect(junk.orders).toHaveLength(2);
	});

	it('never shows another shop’s orders', async () => {
		const mine = await shopWorld();
		const theirs = await shopWorld();
		const foreign = await theirs.order(theirs.tomorrow.id);
		await mine.order(mine.tomorrow.id);
		const board = await orderBoard(db, mine.scope, filters(), TZ);
		expect(board.orders.map((o) => o.id)).not.toContain(foreign.id);
		expect(board.counts.new).toBe(1);
		// Its slot is not offered either, even when asked for by id.
		expect((await orderBoard(db, mine.scope, filters({ slot: theirs.tomorrow.id }), TZ)).orders).toHaveLength(0);
		await expect(merchantOrder(db, mine.scope, foreign.id)).rejects.toBeInstanceOf(NotFoundError);
		expect((await merchantOrder(db, theirs.scope, foreign.id)).events.map((e) => e.toStatus)).toEqual(['new']);
	});
});
