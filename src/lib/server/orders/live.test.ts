import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { testDatabase } from '../../../../tests/setup/db.ts';
import { makeTerritory, makeShop, makeProduct, makeSlot } from '../../../../tests/setup/fixtures.ts';
import type { Database, Db } from '../db/client.ts';
import { user } from '../db/schema/index.ts';
import { addToCart } from '../checkout/cart.ts';
import { checkout } from '../checkout/checkout.ts';
import { transitionOrder } from './transitions.ts';
import { parseOrderChange, startLiveOrders, type LiveOrders, type OrderChange } from './live.ts';

let database: Database;
let db: Db;
let territoryId: string;
let live: LiveOrders;
const databaseUrl = () => database.pool?.options.connectionString;
const SECRET = 'test-secret-for-order-links-0123456789';
const ctx = { secret: SECRET, origin: 'http://localhost:3000', locale: 'fr' as const };

beforeAll(async () => {
	database = await testDatabase();
	db = database.db;
	territoryId = (await makeTerritory(db)).id;
	live = startLiveOrders(database, { databaseUrl: databaseUrl(), maxBackoffMs: 200 });
	await live.ready();
});
afterAll(async () => {
	await live?.close();
	await database.close();
});

async function shopWithOrderable() {
	const shop = await makeShop(db, territoryId);
	const { variant } = await makeProduct(db, shop, { stock: 50 });
	const slot = await makeSlot(db, { shopId: shop.id }, { capacity: 50 });
	const id = randomUUID();
	await db.insert(user).values({ id, name: 'Marchand', email: `m-${id}@exemple.fr`, emailVerified: true });
	return { shop, variant, slot, scope: { userId: id, territoryId, shopId: shop.id, role: 'shop_owner' as const } };
}

async function order(w: Awaited<ReturnType<typeof shopWithOrderable>>) {
	const cartId = await addToCart(db, { territoryId, cartId: null }, { variantId: w.variant.id, quantity: 1 }, 'fr');
	const r = await checkout(
		db,
		{ territoryId, cartId, userId: null, idempotencyKey: randomUUID(), secret: SECRET, origin: ctx.origin, locale: 'fr' },
		{
			customer: { name: 'Léa', email: 'lea@exemple.fr', phone: '0612345678' },
			acceptTerms: true,
			fulfilments: [{ shopId: w.shop.id, method: 'pickup', slotId: w.slot.id }]
		}
	);
	return r.orders[0].id;
}

/** Collects a shop's changes; `next()` waits for the next one (or fails after 2 s, the board's promise). */
function collect(shopId: string) {
	const seen: OrderChange[] = [];
	let resyncs = 0;
	let closed = false;
	const waiters: (() => void)[] = [];
	const unsubscribe = live.subscribe(shopId, {
		change: (c) => {
			seen.push(c);
			waiters.splice(0).forEach((w) => w());
		},
		resync: () => {
			resyncs++;
			waiters.splice(0).forEach((w) => w());
		},
		close: () => (closed = true)
	});
	const until = async (test: () => boolean, ms = 2000) => {
		const deadline = Date.now() + ms;
		while (!test()) {
			const left = deadline - Date.now();
			if (left <= 0) throw new Error('timed out waiting for the order feed');
			await new Promise<void>((resolve) => {
				waiters.push(resolve);
				setTimeout(resolve, left);
			});
		}
	};
	return { seen, unsubscribe, until, resyncs: () => resyncs, closed: () => closed };
}

describe('the live order feed', () => {
	it('tells a shop about its new orders and their moves, within 2 s, and nothing about other shops', async () => {
		const mine = await shopWithOrderable();
		const theirs = await shopWithOrderable();
		const feed = collect(mine.shop.id);
		const orderId = await order(mine);
		await order(theirs);
		await feed.until(() => feed.seen.length >= 1);
		expect(feed.seen[0]).toEqual({ shopId: mine.shop.id, orderId, status: 'new' });
		await transitionOrder(db, mine.scope, orderId, { to: 'accepted' }, ctx);
		await feed.until(() => feed.seen.length >= 2);
		expect(feed.seen[1]).toEqual({ shopId: mine.shop.id, orderId, status: 'accepted' });
		// A little later, still nothing from the other shop.
		await new Promise((r) => setTimeout(r, 150));
		expect(feed.seen.every((c) => c.shopId === mine.shop.id)).toBe(true);
		feed.unsubscribe();
	});

	it('announces committed changes only', async () => {
		const w = await shopWithOrderable();
		const orderId = await order(w);
		const feed = collect(w.shop.id);
		await db
			.transaction(async (tx) => {
				await tx.execute(sql`update orders set status = 'accepted' where id = ${orderId}`);
				throw new Error('rolled back');
			})
			.catch(() => {});
		await transitionOrder(db, w.scope, orderId, { to: 'refused', reason: 'Fermé' }, ctx);
		await feed.until(() => feed.seen.length >= 1);
		await new Promise((r) => setTimeout(r, 150));
		// (The order's own "new" may still be on its way: only the moves matter here.)
		expect(feed.seen.filter((c) => c.orderId === orderId && c.status !== 'new').map((c) => c.status)).toEqual(['refused']);
		feed.unsubscribe();
	});

	it('ignores anything on the channel that is not an order change', () => {
		expect(parseOrderChange('not json')).toBeNull();
		expect(parseOrderChange(JSON.stringify({ shopId: 'x', orderId: randomUUID(), status: 'new' }))).toBeNull();
		expect(parseOrderChange(JSON.stringify({ shopId: randomUUID(), orderId: randomUUID(), status: 'lost' }))).toBeNull();
		expect(parseOrderChange(undefined)).toBeNull();
	});

	it.runIf(!!process.env.TEST_DATABASE_URL)('listens again after its connection is killed, and asks subscribers to resync', async () => {
		const w = await shopWithOrderable();
		const feed = collect(w.shop.id);
		const admin = new pg.Client({ connectionString: databaseUrl() });
		await admin.connect();
		const killed = await admin.query(
			`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'echoppe-orders-listen' and datname = current_database()`
		);
		await admin.end();
		expect(killed.rowCount).toBe(1);
		await feed.until(() => feed.resyncs() >= 1, 5000);
		const orderId = await order(w);
		await feed.until(() => feed.seen.some((c) => c.orderId === orderId));
		feed.unsubscribe();
	});

	it('ends every stream when the feed closes (server shutdown)', async () => {
		const other = startLiveOrders(database, { databaseUrl: databaseUrl() });
		await other.ready();
		let closed = 0;
		other.subscribe(randomUUID(), { change: () => {}, resync: () => {}, close: () => closed++ });
		await other.close();
		expect(closed).toBe(1);
		let late = 0;
		other.subscribe(randomUUID(), { change: () => {}, resync: () => {}, close: () => late++ });
		expect(late).toBe(1);
	});
});
