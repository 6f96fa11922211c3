import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { testDatabase } from '../../../../tests/setup/db.ts';
import { makeTerritory, makeShop, makeProduct, makeSlot } from '../../../../tests/setup/fixtures.ts';
import type { Database, Db } from '../db/client.ts';
import { orderEvents, orderLines, user } from '../db/schema/index.ts';
import { addToCart } from '../checkout/cart.ts';
import { checkout } from '../checkout/checkout.ts';
import { assistedOrder } from '../orders/assisted.ts';
import { transitionOrder } from '../orders/transitions.ts';
import { vatBreakdown } from '../money/vat.ts';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import { parsePeriod, quickPeriod, type Period } from './period.ts';
import { salesReport, bucketsOf } from './sales.ts';
import { reportCsv, frCents } from './csv.ts';
import { CustomerFilters, customerDetail, listCustomers } from './customers.ts';
import { issueCreditNote } from '../invoices/credit.ts';

let database: Database;
let db: Db;
let territoryId: string;
const TZ = 'Europe/Paris';
const ctx = { secret: 'test-secret-for-order-links-0123456789', origin: 'http://localhost:3000', locale: 'fr' as const };

beforeAll(async () => {
	database = await testDatabase();
	db = database.db;
	territoryId = (await makeTerritory(db)).id;
});
afterAll(async () => {
	await database.close();
});

/** A shop selling bread (5.5 %), wine (20 %), a takeaway meal (10 %) and cheese by the kilo (5.5 %). */
async function shopWorld() {
	const shop = await makeShop(db, territoryId);
	const bread = (await makeProduct(db, shop, { name: 'Pain de campagne', priceCents: 350, stock: 500 })).variant;
	const wine = (await makeProduct(db, shop, { name: 'Vin rouge', priceCents: 1299, stock: 500, vatRateBps: 2000 })).variant;
	const meal = (await makeProduct(db, shop, { name: 'Plat du jour', priceCents: 733, stock: 500, vatRateBps: 1000 })).variant;
	const cheese = (await makeProduct(db, shop, { name: 'Comté', unit: 'kg', priceCents: 2390, stock: 500 })).variant;
	const slot = await makeSlot(db, { shopId: shop.id }, { capacity: 200 });
	const id = randomUUID();
	await db.insert(user).values({ id, name: 'Marchand', email: `m-${id}@exemple.fr`, emailVerified: true });
	const scope: ShopScope = { userId: id, territoryId, shopId: shop.id, role: 'shop_owner' };
	const order = async (
		items: [string, number][],
		customer = { name: 'Claire Petit', email: 'claire@exemple.fr', phone: '06 12 34 56 78' }
	) => {
		let cartId: string | null = null;
		for (const [variantId, quantity] of items) cartId = await addToCart(db, { territoryId, cartId }, { variantId, quantity }, 'fr');
		const r = await checkout(
			db,
			{ territoryId, cartId, userId: null, idempotencyKey: randomUUID(), secret: ctx.secret, origin: ctx.origin, locale: 'fr' },
			{ customer, acceptTerms: true, fulfilments: [{ shopId: shop.id, method: 'pickup', slotId: slot.id }] }
		);
		return r.orders[0].id as string;
	};
	/** Hands the order over through every state, then dates the hand-over at `at`. */
	const complete = async (orderId: string, at?: Date) => {
		for (const to of ['accepted', 'preparing', 'ready', 'completed']) await transitionOrder(db, scope, orderId, { to }, ctx);
		if (at)
			await db
				.update(orderEvents)
				.set({ createdAt: at })
				.where(and(eq(orderEvents.orderId, orderId), eq(orderEvents.toStatus, 'completed')));
	};
	return { shop, scope, slot, bread, wine, meal, cheese, order, complete };
}

const period = (from: string, to: string, by: Period['by'] = 'day'): Period => ({ from, to, by });

describe('sales reports', () => {
	it('counts a sale on the Paris calendar day it was handed over, across the October DST change', async () => {
		const w = await shopWorld();
		// 2025-10-26: clocks go back from 03:00 CEST to 02:00 CET (a 25-hour day).
		const at = [
			'2025-10-25T21:59:00Z', // 23:59 CEST on the 25th
			'2025-10-25T22:01:00Z', // 00:01 CEST on the 26th
			'2025-10-26T00:30:00Z', // 02:30 CEST, the first time round
			'2025-10-26T01:30:00Z', // 02:30 CET, the second time round
			'2025-10-26T22:59:00Z', // 23:59 CET on the 26th
			'2025-10-26T23:01:00Z' // 00:01 CET on the 27th
		];
		for (const t of at) await w.complete(await w.order([[w.bread.id, 1]]), new Date(t));
		const r = await salesReport(db, w.scope, period('2025-10-25', '2025-10-27'), TZ);
		expect(r.buckets.map((b) => [b.key, b.orders, b.totalCents])).toEqual([
			['2025-10-25', 1, 350],
			['2025-10-26', 4, 1400],
			['2025-10-27', 1, 350]
		]);
		// The period's edges are local midnights too: the 26th alone holds exactly its four sales.
		expect((await salesReport(db, w.scope, period('2025-10-26', '2025-10-26'), TZ)).totals).toMatchObject({ orders: 4, totalCents: 1400 });
		// ISO weeks start on Monday: Sunday the 26th closes the week of the 20th, Monday the 27th opens the next.
		const weeks = await salesReport(db, w.scope, period('2025-10-25', '2025-10-27', 'week'), TZ);
		expect(weeks.buckets.map((b) => [b.key, b.start, b.end, b.orders])).toEqual([
			['2025-10-20', '2025-10-25', '2025-10-26', 5],
			['2025-10-27', '2025-10-27', '2025-10-27', 1]
		]);
	});

	it('counts a sale on the right day across the March DST change', async () => {
		const w = await shopWorld();
		// 2026-03-29: clocks go forward from 02:00 CET to 03:00 CEST (a 23-hour day).
		const at = ['2026-03-28T22:59:00Z', '2026-03-28T23:01:00Z', '2026-03-29T21:59:00Z', '2026-03-29T22:01:00Z'];
		for (const t of at) await w.complete(await w.order([[w.wine.id, 1]]), new Date(t));
		const r = await salesReport(db, w.scope, period('2026-03-28', '2026-03-30'), TZ);
		expect(r.buckets.map((b) => [b.key, b.orders])).toEqual([
			['2026-03-28', 1],
			['2026-03-29', 2],
			['2026-03-30', 1]
		]);
		const months = await salesReport(db, w.scope, period('2026-03-01', '2026-04-30', 'month'), TZ);
		expect(months.buckets.map((b) => [b.key, b.start, b.end, b.orders])).toEqual([
			['2026-03-01', '2026-03-01', '2026-03-31', 4],
			['2026-04-01', '2026-04-01', '2026-04-30', 0]
		]);
	});

	it('adds up per VAT rate and per product line by line (excl. + VAT = incl.), removed lines and unfinished orders left out', async () => {
		const w = await shopWorld();
		const when = new Date('2026-01-15T10:00:00Z');
		const a = await w.order([
			[w.bread.id, 3],
			[w.wine.id, 1],
			[w.meal.id, 2]
		]);
		const b = await w.order([
			[w.cheese.id, 0.5],
			[w.wine.id, 2],
			[w.meal.id, 1]
		]);
		const c = await w.order([[w.bread.id, 7]]);
		for (const id of [a, b, c]) await w.complete(id, when);
		// Weighing changed the cheese line; the meal of order b was unavailable and removed.
		await db.update(orderLines).set({ weighedQuantity: 0.512, totalCents: 1224 }).where(eq(orderLines.variantId, w.cheese.id));
		await db
			.update(orderLines)
			.set({ removedAt: new Date() })
			.where(and(eq(orderLines.orderId, b), eq(orderLines.variantId, w.meal.id)));
		// Orders not handed over are not sales.
		await w.order([[w.wine.id, 5]]);
		const cancelled = await w.order([[w.wine.id, 4]]);
		await transitionOrder(db, w.scope, cancelled, { to: 'cancelled', reason: 'Fermeture' }, ctx);

		const r = await salesReport(db, w.scope, period('2026-01-01', '2026-01-31'), TZ);
		const kept = (await db.select().from(orderLines)).filter((l) => [a, b, c].includes(l.orderId) && !l.removedAt);
		const expected = vatBreakdown(kept);
		expect(r.rates.map((x) => [x.rateBps, x.exclCents, x.vatCents, x.totalCents])).toEqual(
			expected.map((x) => [x.rateBps, x.baseCents, x.vatCents, x.totalCents])
		);
		expect(r.rates.map((x) => x.rateBps)).toEqual([550, 1000, 2000]);
		for (const x of [...r.rates, ...r.products, ...r.buckets, r.totals]) expect(x.exclCents + x.vatCents).toBe(x.totalCents);
		expect(r.totals).toMatchObject({ orders: 3, totalCents: 1050 + 1299 + 1466 + 1224 + 2598 + 2450 });
		const byName = Object.fromEntries(r.products.map((p) => [p.product, p]));
		expect(byName['Pain de campagne']).toMatchObject({ quantity: 10, totalCents: 3500 });
		expect(byName['Comté']).toMatchObject({ quantity: 0.512, unit: 'kg', totalCents: 1224 });
		expect(byName['Plat du jour']).toMatchObject({ quantity: 2, totalCents: 1466 });
		expect(byName['Vin rouge']).toMatchObject({ quantity: 3, totalCents: 3897 });
		// Sums over rates, products and days agree.
		const sum = (xs: { totalCents: number; vatCents: number }[]) => [
			xs.reduce((n, x) => n + x.totalCents, 0),
			xs.reduce((n, x) => n + x.vatCents, 0)
		];
		expect(sum(r.rates)).toEqual(sum(r.products));
		expect(sum(r.buckets)).toEqual([r.totals.totalCents, r.totals.vatCents]);
		expect(r.buckets).toHaveLength(31);

		// The accountant's files say the same, in French notation.
		const rows = (view: 'ventes' | 'produits' | 'tva') =>
			parse(Buffer.from(reportCsv(r, view, 'fr')), { delimiter: ';', bom: true }) as string[][];
		const tva = rows('tva');
		expect(tva[0]).toEqual(['Taux de TVA (%)', 'Total HT', 'TVA', 'Total TTC']);
		expect(tva.slice(1, 4).map((row) => row[0])).toEqual(['5,5', '10', '20']);
		expect(tva.at(-1)).toEqual(['Total', frCents(r.totals.exclCents), frCents(r.totals.vatCents), frCents(r.totals.totalCents)]);
		const ventes = rows('ventes');
		expect(ventes[15]).toEqual([
			'15/01/2026',
			'15/01/2026',
			'3',
			frCents(r.buckets[14].exclCents),
			frCents(r.buckets[14].vatCents),
			'100,87'
		]);
		expect(
			rows('produits')
				.find((row) => row[0] === 'Comté')
				?.slice(1, 3)
		).toEqual(['kg', '0,512']);
	});

	const thisMonth = (): Period => ({ ...quickPeriod('this_month', TZ), by: 'day' });

	it('subtracts refunds (credit notes) on the day they were issued, per product and rate', async () => {
		const w = await shopWorld();
		const id = await w.order([
			[w.bread.id, 4],
			[w.wine.id, 1]
		]);
		await w.complete(id);
		const before = await salesReport(db, w.scope, thisMonth(), TZ);
		const breadLine = (await db.select().from(orderLines)).find((l) => l.orderId === id && l.variantId === w.bread.id)!;
		await issueCreditNote(db, w.scope, id, { reason: 'Pain rassis', lines: { [breadLine.id]: '1' } }, ctx);
		const after = await salesReport(db, w.scope, thisMonth(), TZ);
		expect(after.totals.totalCents).toBe(before.totals.totalCents - 350);
		const bread = (r: typeof after) => r.products.find((p) => p.product === 'Pain de campagne')!;
		expect(bread(after)).toMatchObject({ quantity: bread(before).quantity - 1, totalCents: bread(before).totalCents - 350 });
		const rate = (r: typeof after, bps: number) => r.rates.find((x) => x.rateBps === bps)!;
		expect(rate(after, 550).totalCents).toBe(rate(before, 550).totalCents - 350);
		expect(rate(after, 2000)).toEqual(rate(before, 2000));
		for (const x of [...after.rates, ...after.products, ...after.buckets, after.totals])
			expect(x.exclCents + x.vatCents).toBe(x.totalCents);
	});

	it('never counts another shop’s sales', async () => {
		const mine = await shopWorld();
		const theirs = await shopWorld();
		const when = new Date('2026-02-10T12:00:00Z');
		await theirs.complete(await theirs.order([[theirs.wine.id, 3]]), when);
		await mine.complete(await mine.order([[mine.bread.id, 1]]), when);
		const r = await salesReport(db, mine.scope, period('2026-02-01', '2026-02-28'), TZ);
		expect(r.totals).toMatchObject({ orders: 1, totalCents: 350 });
		expect(r.products.map((p) => p.product)).toEqual(['Pain de campagne']);
		const empty = await salesReport(db, mine.scope, period('2026-03-01', '2026-03-31', 'week'), TZ);
		expect(empty.totals).toEqual({ orders: 0, exclCents: 0, vatCents: 0, totalCents: 0 });
		expect(empty.buckets.every((b) => b.totalCents === 0)).toBe(true);
	});
});

describe('report periods', () => {
	const now = new Date('2026-11-26T23:30:00Z'); // already the 27th in Paris
	const read = (q: Record<string, string>) => parsePeriod(q, TZ, 'fr', now);
	const fieldsOf = (q: Record<string, string>) => {
		try {
			read(q);
		} catch (e) {
			expect(e).toBeInstanceOf(InvalidInputError);
			expect((e as InvalidInputError).status).toBe(400);
			return (e as InvalidInputError).fields;
		}
		throw new Error('accepted');
	};

	it('defaults to this month in the territory’s time zone, and a grouping that suits the length', () => {
		expect(read({})).toEqual({ from: '2026-11-01', to: '2026-11-30', by: 'day' });
		expect(read({ from: '2026-01-01', to: '2026-06-30' })).toMatchObject({ by: 'week' });
		expect(read({ from: '2025-01-01', to: '2026-06-30', by: 'day' })).toMatchObject({ by: 'day' });
		expect(read({ from: '2026-02-10' })).toEqual({ from: '2026-02-10', to: '2026-02-28', by: 'day' });
		expect(quickPeriod('last_month', TZ, new Date('2026-01-01T00:30:00+01:00'))).toEqual({ from: '2025-12-01', to: '2025-12-31' });
		expect(quickPeriod('last_30_days', TZ, now)).toEqual({ from: '2026-10-29', to: '2026-11-27' });
		expect(quickPeriod('this_year', TZ, now)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
	});

	it('refuses bad dates, an end before the start, more than two years and unknown groupings, field by field', () => {
		expect(fieldsOf({ from: '2026-02-30' })).toEqual({ from: ['Saisissez une date valide.'] });
		expect(Object.keys(fieldsOf({ from: 'hier', to: '26/11/2026' }))).toEqual(['from', 'to']);
		expect(fieldsOf({ from: '2026-05-02', to: '2026-05-01' })).toEqual({
			to: ['La date de fin doit être le même jour ou après la date de début.']
		});
		expect(fieldsOf({ from: '2024-01-01', to: '2026-01-01' })).toEqual({ to: ['Choisissez une période de deux ans au plus.'] });
		expect(read({ from: '2024-01-01', to: '2025-12-31' })).toMatchObject({ by: 'month' });
		expect(Object.keys(fieldsOf({ by: 'year' }))).toEqual(['by']);
		expect(Object.keys(fieldsOf({ from: 'x'.repeat(10_000) }))).toEqual(['from']);
	});

	it('lists every bucket of a period, clipped to it', () => {
		expect(bucketsOf(period('2026-11-26', '2026-12-02', 'week'))).toEqual([
			{ key: '2026-11-23', start: '2026-11-26', end: '2026-11-29' },
			{ key: '2026-11-30', start: '2026-11-30', end: '2026-12-02' }
		]);
		expect(bucketsOf(period('2024-01-01', '2025-12-31', 'day'))).toHaveLength(731);
	});
});

describe('customers', () => {
	const filters = (over: Record<string, string> = {}) => CustomerFilters.parse(over);

	it('groups orders by email (any case) or, without email, by phone; spent counts handed-over orders only', async () => {
		const w = await shopWorld();
		const claire = { name: 'Claire Petit', email: 'claire@exemple.fr', phone: '06 12 34 56 78' };
		const first = await w.order([[w.bread.id, 2]], claire);
		await w.complete(first);
		await w.order([[w.wine.id, 1]], { ...claire, name: 'Claire Petit-Martin', email: 'Claire@Exemple.FR' });
		await w.order([[w.meal.id, 1]], { name: 'Paul Durand', email: 'paul@exemple.fr', phone: '0700000000' });
		// Two counter orders for Mme Martin, without email, her number typed differently.
		for (const phone of ['02 47 00 00 00', '0247000000']) {
			const id = await assistedOrder(
				db,
				w.scope,
				{
					name: 'Mme Martin',
					phone,
					email: '',
					slotId: w.slot.id,
					idempotencyKey: randomUUID(),
					lines: [{ variantId: w.bread.id, quantity: '1' }]
				},
				ctx
			);
			await w.complete(id);
		}

		const list = await listCustomers(db, w.scope, filters());
		expect(list.total).toBe(3);
		const byName = Object.fromEntries(list.customers.map((c) => [c.name, c]));
		expect(byName['Claire Petit-Martin']).toMatchObject({ orders: 2, spentCents: 700, email: 'claire@exemple.fr' });
		expect(byName['Mme Martin']).toMatchObject({ orders: 2, spentCents: 700, email: null });
		expect(byName['Paul Durand']).toMatchObject({ orders: 1, spentCents: 0 });
		// The latest customer first.
		expect(list.customers[0].name).toBe('Mme Martin');

		// Search by name, email or phone (digits, whatever the spacing); LIKE wildcards are literal.
		const names = async (q: string) => (await listCustomers(db, w.scope, filters({ q }))).customers.map((c) => c.name).sort();
		expect(await names('martin')).toEqual(['Claire Petit-Martin', 'Mme Martin']);
		expect(await names('PAUL@')).toEqual(['Paul Durand']);
		expect(await names('02.47.00')).toEqual(['Mme Martin']);
		expect(await names('sans-email')).toEqual([]);
		expect(await names('%')).toEqual([]);
		expect((await listCustomers(db, w.scope, filters({ q: 'personne' }))).total).toBe(0);
		// Pages: the same order throughout, no one twice, no one missed.
		const pages = await Promise.all(['1', '2'].map((page) => listCustomers(db, w.scope, filters({ page }), 2)));
		expect(pages.map((p) => [p.total, p.pages, p.customers.length])).toEqual([
			[3, 2, 2],
			[3, 2, 1]
		]);
		expect(pages.flatMap((p) => p.customers.map((c) => c.name))).toEqual(list.customers.map((c) => c.name));
		const beyond = await listCustomers(db, w.scope, filters({ page: '9' }));
		expect([beyond.customers.length, beyond.total, beyond.pages]).toEqual([0, 3, 1]);
		expect(filters({ page: '-1', q: 'x'.repeat(500) })).toEqual({ page: 1, q: 'x'.repeat(100) });

		// One customer's orders, the latest first, with links to each.
		const detail = await customerDetail(db, w.scope, byName['Claire Petit-Martin'].key);
		expect(detail.orders.map((o) => o.status)).toEqual(['new', 'completed']);
		expect(detail.orders[1].id).toBe(first);
		expect(detail.spentCents).toBe(700);
	});

	it('shows nothing of another shop’s customers', async () => {
		const mine = await shopWorld();
		const theirs = await shopWorld();
		const same = { name: 'Claire Petit', email: 'claire@exemple.fr', phone: '06 12 34 56 78' };
		await theirs.order([[theirs.bread.id, 1]], same);
		await theirs.order([[theirs.bread.id, 1]], { ...same, email: 'only-theirs@exemple.fr' });
		const theirList = await listCustomers(db, theirs.scope, filters());
		expect((await listCustomers(db, mine.scope, filters())).total).toBe(0);
		for (const c of theirList.customers) await expect(customerDetail(db, mine.scope, c.key)).rejects.toBeInstanceOf(NotFoundError);
		await expect(customerDetail(db, mine.scope, 'not-a-key')).rejects.toBeInstanceOf(NotFoundError);
		// The same person buying here too: only this shop's order is shown.
		await mine.order([[mine.bread.id, 1]], same);
		const [mineClaire] = (await listCustomers(db, mine.scope, filters())).customers;
		expect((await customerDetail(db, mine.scope, mineClaire.key)).orders).toHaveLength(1);
	});
});
