import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { and, asc, eq, sql } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { testDatabase } from '../../../../tests/setup/db.ts';
import { makeTerritory, makeShop, makeProduct, makeSlot } from '../../../../tests/setup/fixtures.ts';
import type { Database, Db } from '../db/client.ts';
import {
	orders,
	orderLines,
	orderAdjustments,
	orderSubstitutions,
	outboxEmails,
	notifications,
	stockMovements,
	variants,
	user
} from '../db/schema/index.ts';
import { addToCart } from '../checkout/cart.ts';
import { checkout } from '../checkout/checkout.ts';
import { orderAccessToken } from '../checkout/order-token.ts';
import { transitionOrder, type TransitionContext } from '../orders/transitions.ts';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../errors.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import { decideSubstitution, markUnavailable, proposeSubstitution, weighLine } from './adjust.ts';
import { parseWeight, toleranceBounds, withinTolerance } from './weight.ts';
import { lineTotalCents } from '../money/vat.ts';
import { localDay, pickingFilters, pickingList } from './picking.ts';
import { pickingPdf } from './picking-pdf.ts';
import { setWeighingTolerance } from './settings.ts';

let database: Database;
let db: Db;
let territoryId: string;
const SECRET = 'test-secret-for-order-links-0123456789';
const ctx: TransitionContext = { secret: SECRET, origin: 'http://localhost:3000', locale: 'fr', timezone: 'Europe/Paris' };

beforeAll(async () => {
	database = await testDatabase();
	db = database.db;
	territoryId = (await makeTerritory(db)).id;
});
afterAll(async () => {
	await database.close();
});

async function merchant(shopId: string): Promise<ShopScope> {
	const id = randomUUID();
	await db.insert(user).values({ id, name: 'Marchand', email: `m-${id}@exemple.fr`, emailVerified: true });
	return { userId: id, territoryId, shopId, role: 'shop_owner' };
}

/** A butcher: a steak sold by the kg (22 €/kg, 10 kg tracked), sausages by the piece, a substitute, a slot. */
async function world() {
	const shop = await makeShop(db, territoryId);
	const steak = await makeProduct(db, shop, { name: 'Entrecôte', unit: 'kg', priceCents: 2200, stock: 10 });
	const sausage = await makeProduct(db, shop, { name: 'Saucisse', priceCents: 150, stock: 20 });
	const ribs = await makeProduct(db, shop, { name: 'Côte de bœuf', unit: 'kg', priceCents: 2600, stock: 3 });
	const slot = await makeSlot(db, { shopId: shop.id });
	return { shop, steak: steak.variant, sausage: sausage.variant, ribs: ribs.variant, slot, scope: await merchant(shop.id) };
}
type World = Awaited<ReturnType<typeof world>>;

async function placeOrder(w: World, items: { variantId: string; quantity: number }[], accept = true) {
	let cartId: string | null = null;
	for (const item of items) cartId = await addToCart(db, { territoryId, cartId }, item, 'fr');
	const email = `client-${randomUUID().slice(0, 6)}@exemple.fr`;
	const result = await checkout(
		db,
		{ territoryId, cartId, userId: null, idempotencyKey: randomUUID(), secret: SECRET, origin: ctx.origin, locale: 'fr' },
		{
			customer: { name: 'Claire Petit', email, phone: '06 12 34 56 78' },
			acceptTerms: true,
			fulfilments: [{ shopId: w.shop.id, method: 'pickup', slotId: w.slot.id }]
		}
	);
	const id = result.orders[0].id;
	if (accept) await transitionOrder(db, w.scope, id, { to: 'accepted' }, ctx);
	const lines = await db.select().from(orderLines).where(eq(orderLines.orderId, id)).orderBy(asc(orderLines.productName));
	return { id, email, token: result.orders[0].accessToken, lines };
}

const stockOf = async (id: string) => (await db.select({ s: variants.stock }).from(variants).where(eq(variants.id, id)))[0].s;
const orderOf = async (id: string) => (await db.select().from(orders).where(eq(orders.id, id)))[0];
const lineOf = async (id: string) => (await db.select().from(orderLines).where(eq(orderLines.id, id)))[0];
const adjustmentsOf = (id: string) =>
	db.select().from(orderAdjustments).where(eq(orderAdjustments.orderId, id)).orderBy(asc(orderAdjustments.createdAt));
const emailsTo = (to: string) => db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, to)).orderBy(asc(outboxEmails.createdAt));
const movementsOf = (orderId: string) =>
	db.select().from(stockMovements).where(eq(stockMovements.orderId, orderId)).orderBy(asc(stockMovements.createdAt));

/** Subtotal = Σ lines not removed, total = subtotal + fee; and, per tracked variant, stock = Σ movements. */
async function expectConsistent(orderId: string, variantIds: string[]) {
	const order = await orderOf(orderId);
	const lines = await db.select().from(orderLines).where(eq(orderLines.orderId, orderId));
	const sum = lines.filter((l) => !l.removedAt).reduce((s, l) => s + l.totalCents, 0);
	expect(order.subtotalCents).toBe(sum);
	expect(order.totalCents).toBe(sum + order.deliveryFeeCents);
	for (const id of variantIds) {
		const [row] = await db
			.select({ sum: sql<string>`coalesce(sum(${stockMovements.delta}), 0)` })
			.from(stockMovements)
			.where(eq(stockMovements.variantId, id));
		expect(Number(row.sum)).toBeCloseTo(await stockOf(id), 3);
	}
}

async function expectError<T>(promise: Promise<unknown>, type: new (...args: never[]) => T): Promise<T> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(type);
	return error as T;
}

describe('tolerance and weights', () => {
	it('bounds are exact in grams, inclusive, the lower one rounded up and the upper one down', () => {
		expect(toleranceBounds(1, 1000)).toEqual({ min: 900, max: 1100 });
		expect(toleranceBounds(0.5, 750)).toEqual({ min: 463, max: 537 });
		expect(withinTolerance(1, 1.1, 1000)).toBe(true);
		expect(withinTolerance(1, 1.101, 1000)).toBe(false);
		expect(withinTolerance(1, 0.9, 1000)).toBe(true);
		expect(withinTolerance(1, 0.899, 1000)).toBe(false);
		expect(withinTolerance(1.5, 1.5, 0)).toBe(true);
		expect(withinTolerance(1.5, 1.501, 0)).toBe(false);
	});
	it('every weight within the bounds is accepted, every other refused (property)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 100 }),
				fc.integer({ min: 0, max: 5000 }),
				fc.integer({ min: 1, max: 200_000 }),
				(halfKilos, bps, grams) => {
					const q = halfKilos / 2;
					const inside = grams * 10_000 >= q * 1000 * (10_000 - bps) && grams * 10_000 <= q * 1000 * (10_000 + bps);
					expect(withinTolerance(q, grams / 1000, bps)).toBe(inside);
				}
			)
		);
	});
	it('reads weights as typed on a phone, and nothing else', () => {
		expect(parseWeight('1,05')).toBe(1.05);
		expect(parseWeight(' 1.320 kg ')).toBe(1.32);
		expect(parseWeight('0,5')).toBe(0.5);
		for (const bad of ['', 'un kilo', '1,2,3', '-1', '1e3', '0x10', 'NaN', '1 ,5 ,3', null, undefined, {}])
			expect(Number.isNaN(parseWeight(bad))).toBe(true);
	});
});

describe('weighing a line', () => {
	it('within tolerance: the line total follows (to the cent), totals recomputed, the stock difference a weighing movement, a ledger row', async () => {
		const w = await world();
		const o = await placeOrder(w, [
			{ variantId: w.steak.id, quantity: 1 },
			{ variantId: w.sausage.id, quantity: 4 }
		]);
		const steak = o.lines.find((l) => l.variantId === w.steak.id)!;
		expect(steak.toleranceBps).toBe(1000);
		expect(o.lines.find((l) => l.variantId === w.sausage.id)!.toleranceBps).toBeNull();
		expect(await stockOf(w.steak.id)).toBe(9);
		const r = await weighLine(db, w.scope, o.id, steak.id, { weight: '1,087' }, 'fr');
		expect(r.changed).toBe(true);
		const line = await lineOf(steak.id);
		expect(line.weighedQuantity).toBe(1.087);
		expect(line.totalCents).toBe(lineTotalCents(2200, 1.087));
		expect(line.totalCents).toBe(2391); // 23.914 € rounded to the cent
		expect((await orderOf(o.id)).totalCents).toBe(2391 + 600);
		expect(await stockOf(w.steak.id)).toBeCloseTo(8.913, 3);
		const weighing = (await movementsOf(o.id)).filter((m) => m.reason === 'weighing');
		expect(weighing.map((m) => m.delta)).toEqual([-0.087]);
		const ledger = await adjustmentsOf(o.id);
		expect(ledger).toHaveLength(1);
		expect(ledger[0]).toMatchObject({
			kind: 'weighed',
			totalBeforeCents: 2200 + 600,
			totalAfterCents: 2991,
			actorKind: 'shop',
			actorUserId: w.scope.userId
		});
		// Weighed again lighter: the stock comes back by the difference.
		await weighLine(db, w.scope, o.id, steak.id, { weight: '0.95' }, 'fr');
		expect(await stockOf(w.steak.id)).toBeCloseTo(9.05, 3);
		expect((await lineOf(steak.id)).totalCents).toBe(2090);
		await expectConsistent(o.id, [w.steak.id, w.sausage.id]);
	});

	it('beyond the tolerance: refused with the field message naming the weight and the range, nothing written', async () => {
		const w = await world();
		const o = await placeOrder(w, [{ variantId: w.steak.id, quantity: 1 }]);
		const e = await expectError(weighLine(db, w.scope, o.id, o.lines[0].id, { weight: '1,320' }, 'fr'), InvalidInputError);
		expect(e.fields.weight).toEqual(['Le poids saisi (1,320 kg) dépasse la tolérance annoncée (0,900–1,100 kg)']);
		const en = await expectError(weighLine(db, w.scope, o.id, o.lines[0].id, { weight: '0.5' }, 'en'), InvalidInputError);
		expect(en.fields.weight[0]).toContain('(0.500 kg)');
		expect(await lineOf(o.lines[0].id)).toMatchObject({ weighedQuantity: null, totalCents: 2200 });
		expect(await adjustmentsOf(o.id)).toHaveLength(0);
		expect(await stockOf(w.steak.id)).toBe(9);
	});

	it('nasty weights: empty, zero, negative, text, huge, too many decimals, wrong type — a field message each, nothing written', async () => {
		const w = await world();
		const o = await placeOrder(w, [{ variantId: w.steak.id, quantity: 1 }]);
		for (const weight of ['', '0', '-1', '-0,9', 'un kilo', '1e9', '100000', '1,0001', [1], { a: 1 }, true]) {
			const e = await expectError(weighLine(db, w.scope, o.id, o.lines[0].id, { weight }, 'fr'), InvalidInputError);
			expect(e.fields.weight?.length).toBe(1);
		}
		expect(await adjustmentsOf(o.id)).toHaveLength(0);
	});

	it('double submission of the same weight writes once; a piece line cannot be weighed', async () => {
		const w = await world();
		const o = await placeOrder(w, [
			{ variantId: w.steak.id, quantity: 1.5 },
			{ variantId: w.sausage.id, quantity: 2 }
		]);
		const steak = o.lines.find((l) => l.variantId === w.steak.id)!;
		const both = await Promise.allSettled([
			weighLine(db, w.scope, o.id, steak.id, { weight: '1,6' }, 'fr'),
			weighLine(db, w.scope, o.id, steak.id, { weight: '1,6' }, 'fr')
		]);
		expect(both.every((r) => r.status === 'fulfilled')).toBe(true);
		expect(await adjustmentsOf(o.id)).toHaveLength(1);
		expect((await movementsOf(o.id)).filter((m) => m.reason === 'weighing')).toHaveLength(1);
		const sausage = o.lines.find((l) => l.variantId === w.sausage.id)!;
		await expectError(weighLine(db, w.scope, o.id, sausage.id, { weight: '2' }, 'fr'), ConflictError);
		await expectConsistent(o.id, [w.steak.id, w.sausage.id]);
	});

	it("another shop's order or line is not found; a new or completed order cannot be changed", async () => {
		const w = await world();
		const other = await world();
		const o = await placeOrder(w, [{ variantId: w.steak.id, quantity: 1 }]);
		const theirs = await placeOrder(other, [{ variantId: other.steak.id, quantity: 1 }]);
		await expectError(weighLine(db, w.scope, theirs.id, theirs.lines[0].id, { weight: '1' }, 'fr'), NotFoundError);
		await expectError(weighLine(db, w.scope, o.id, theirs.lines[0].id, { weight: '1' }, 'fr'), NotFoundError);
		await expectError(weighLine(db, w.scope, 'not-a-uuid', o.lines[0].id, { weight: '1' }, 'fr'), NotFoundError);
		await expectError(markUnavailable(db, w.scope, theirs.id, theirs.lines[0].id, ctx), NotFoundError);
		const fresh = await placeOrder(w, [{ variantId: w.steak.id, quantity: 1 }], false);
		await expectError(weighLine(db, w.scope, fresh.id, fresh.lines[0].id, { weight: '1' }, 'fr'), ConflictError);
		for (const to of ['preparing', 'ready', 'completed'] as const) await transitionOrder(db, w.scope, o.id, { to }, ctx);
		await expectError(weighLine(db, w.scope, o.id, o.lines[0].id, { weight: '1' }, 'fr'), ConflictError);
		await expectError(markUnavailable(db, w.scope, o.id, o.lines[0].id, ctx), ConflictError);
		expect(await db.select().from(orderAdjustments).where(eq(orderAdjustments.orderId, theirs.id))).toHaveLength(0);
	});
});

describe('an unavailable item', () => {
	it('leaves the order: stock back with its movement, totals recomputed, the customer emailed once, replay-safe', async () => {
		const w = await world();
		const o = await placeOrder(w, [
			{ variantId: w.steak.id, quantity: 1 },
			{ variantId: w.sausage.id, quantity: 4 }
		]);
		const sausage = o.lines.find((l) => l.variantId === w.sausage.id)!;
		expect(await stockOf(w.sausage.id)).toBe(16);
		const results = await Promise.allSettled([
			markUnavailable(db, w.scope, o.id, sausage.id, ctx),
			markUnavailable(db, w.scope, o.id, sausage.id, ctx)
		]);
		expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
		expect((await lineOf(sausage.id)).removedAt).not.toBeNull();
		expect(await stockOf(w.sausage.id)).toBe(20);
		expect((await movementsOf(o.id)).filter((m) => m.reason === 'item_unavailable').map((m) => m.delta)).toEqual([4]);
		const order = await orderOf(o.id);
		expect(order.subtotalCents).toBe(2200);
		expect(order.totalCents).toBe(2200);
		expect((await adjustmentsOf(o.id)).map((a) => [a.kind, a.totalBeforeCents, a.totalAfterCents])).toEqual([['removed', 2800, 2200]]);
		const mails = (await emailsTo(o.email)).filter((e) => e.kind === 'item_unavailable');
		expect(mails).toHaveLength(1);
		expect(mails[0].text).toContain('4 × Saucisse');
		expect(mails[0].text).toContain('22,00');
		expect(mails[0].text).toContain(`/commandes/${o.id}?t=`);
		// Weighing a removed line is refused; cancelling the order later gives back only what it still held.
		await expectError(weighLine(db, w.scope, o.id, sausage.id, { weight: '1' }, 'fr'), ConflictError);
		await transitionOrder(db, w.scope, o.id, { to: 'cancelled', reason: 'Fermeture' }, ctx);
		expect(await stockOf(w.sausage.id)).toBe(20);
		expect(await stockOf(w.steak.id)).toBe(10);
		await expectConsistent(o.id, [w.steak.id, w.sausage.id]);
	});
});

describe('substitutions', () => {
	async function proposed(w: World, quantity: string | number = '1') {
		const o = await placeOrder(w, [
			{ variantId: w.steak.id, quantity: 1 },
			{ variantId: w.sausage.id, quantity: 2 }
		]);
		const steak = o.lines.find((l) => l.variantId === w.steak.id)!;
		const p = await proposeSubstitution(db, w.scope, o.id, steak.id, { variantId: w.ribs.id, quantity }, ctx);
		return { o, steak, substitutionId: p.substitutionId };
	}

	it('proposed: one pending proposal per line, the customer emailed, the total unchanged until they answer', async () => {
		const w = await world();
		const { o, steak } = await proposed(w);
		expect((await orderOf(o.id)).totalCents).toBe(2200 + 300);
		await expectError(proposeSubstitution(db, w.scope, o.id, steak.id, { variantId: w.sausage.id, quantity: '2' }, ctx), ConflictError);
		await expectError(markUnavailable(db, w.scope, o.id, steak.id, ctx), ConflictError);
		const mails = (await emailsTo(o.email)).filter((e) => e.kind === 'substitution_proposed');
		expect(mails).toHaveLength(1);
		expect(mails[0].text).toContain('Côte de bœuf');
		expect(mails[0].text).toContain('26,00');
		expect((await adjustmentsOf(o.id)).map((a) => a.kind)).toEqual(['substitution_proposed']);
	});

	it("refuses another shop's variant (not found), the same variant, a bad quantity, a removed line", async () => {
		const w = await world();
		const other = await world();
		const o = await placeOrder(w, [
			{ variantId: w.steak.id, quantity: 1 },
			{ variantId: w.sausage.id, quantity: 2 }
		]);
		const steak = o.lines.find((l) => l.variantId === w.steak.id)!;
		await expectError(proposeSubstitution(db, w.scope, o.id, steak.id, { variantId: other.ribs.id, quantity: '1' }, ctx), NotFoundError);
		await expectError(proposeSubstitution(db, w.scope, o.id, steak.id, { variantId: w.steak.id, quantity: '1' }, ctx), InvalidInputError);
		for (const quantity of ['', '0', '-2', 'beaucoup', '0,3', '1000'])
			await expectError(proposeSubstitution(db, w.scope, o.id, steak.id, { variantId: w.ribs.id, quantity }, ctx), InvalidInputError);
		await expectError(proposeSubstitution(db, w.scope, o.id, steak.id, { variantId: 'x', quantity: '1' }, ctx), InvalidInputError);
		const sausage = o.lines.find((l) => l.variantId === w.sausage.id)!;
		await markUnavailable(db, w.scope, o.id, sausage.id, ctx);
		await expectError(proposeSubstitution(db, w.scope, o.id, sausage.id, { variantId: w.ribs.id, quantity: '1' }, ctx), ConflictError);
		expect(await db.select().from(orderSubstitutions).where(eq(orderSubstitutions.orderId, o.id))).toHaveLength(0);
	});

	it('accepted: the substitute stock taken, the original line removed with its stock back, a new line, totals recomputed; replay-safe', async () => {
		const w = await world();
		const { o, steak, substitutionId } = await proposed(w, '1,5');
		const r = await decideSubstitution(db, o.id, o.token, { substitutionId, decision: 'accept' });
		expect(r.changed).toBe(true);
		expect(await stockOf(w.ribs.id)).toBe(1.5);
		expect(await stockOf(w.steak.id)).toBe(10);
		expect((await lineOf(steak.id)).removedAt).not.toBeNull();
		const lines = await db.select().from(orderLines).where(eq(orderLines.orderId, o.id));
		const added = lines.find((l) => l.variantId === w.ribs.id)!;
		expect(added).toMatchObject({ quantity: 1.5, unitPriceCents: 2600, totalCents: 3900, toleranceBps: 1000, removedAt: null });
		expect((await orderOf(o.id)).totalCents).toBe(3900 + 300);
		const again = await decideSubstitution(db, o.id, o.token, { substitutionId, decision: 'accept' });
		expect(again.changed).toBe(false);
		await expectError(decideSubstitution(db, o.id, o.token, { substitutionId, decision: 'refuse' }), ConflictError);
		expect((await adjustmentsOf(o.id)).map((a) => a.kind)).toEqual(['substitution_proposed', 'substitution_accepted']);
		// The merchant's feed says so, once (the replay above wrote nothing).
		const feed = await db
			.select()
			.from(notifications)
			.where(and(eq(notifications.orderId, o.id), eq(notifications.kind, 'substitution_answered')));
		expect(feed.map((n) => [n.shopId, (n.data as { accepted: boolean }).accepted])).toEqual([[w.scope.shopId, true]]);
		// The new line can be weighed like any other.
		await weighLine(db, w.scope, o.id, added.id, { weight: '1,45' }, 'fr');
		expect(await stockOf(w.ribs.id)).toBeCloseTo(1.55, 3);
		await expectConsistent(o.id, [w.steak.id, w.sausage.id, w.ribs.id]);
		// Cancelling afterwards gives everything back.
		await transitionOrder(db, w.scope, o.id, { to: 'cancelled', reason: 'Client absent' }, ctx);
		expect(await stockOf(w.ribs.id)).toBe(3);
		expect(await stockOf(w.steak.id)).toBe(10);
		expect(await stockOf(w.sausage.id)).toBe(20);
	});

	it('accepted when the substitute ran short: refused with a clear message, nothing written', async () => {
		const w = await world();
		const { o, steak, substitutionId } = await proposed(w, '2');
		await db.update(variants).set({ stock: 1 }).where(eq(variants.id, w.ribs.id));
		await db.insert(stockMovements).values({ variantId: w.ribs.id, shopId: w.shop.id, delta: -2, reason: 'adjustment' });
		const e = await expectError(decideSubstitution(db, o.id, o.token, { substitutionId, decision: 'accept' }), ConflictError);
		expect(e.messageKey).toBe('prep_error_substitute_short');
		expect((await lineOf(steak.id)).removedAt).toBeNull();
		expect((await db.select().from(orderSubstitutions).where(eq(orderSubstitutions.id, substitutionId)))[0].status).toBe('pending');
		// Refusing still works: the original line leaves the order.
		await decideSubstitution(db, o.id, o.token, { substitutionId, decision: 'refuse' });
		expect((await lineOf(steak.id)).removedAt).not.toBeNull();
		expect((await orderOf(o.id)).totalCents).toBe(300);
		await expectConsistent(o.id, [w.steak.id, w.sausage.id, w.ribs.id]);
		// Only the answer that went through reaches the merchant's feed: the refusal.
		const feed = await db
			.select()
			.from(notifications)
			.where(and(eq(notifications.orderId, o.id), eq(notifications.kind, 'substitution_answered')));
		expect(feed.map((n) => (n.data as { accepted: boolean }).accepted)).toEqual([false]);
	});

	it('concurrent accept and refuse: exactly one wins, the other is a 409, the order consistent', async () => {
		const w = await world();
		const { o, substitutionId } = await proposed(w);
		const results = await Promise.allSettled([
			decideSubstitution(db, o.id, o.token, { substitutionId, decision: 'accept' }),
			decideSubstitution(db, o.id, o.token, { substitutionId, decision: 'refuse' })
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
		expect(rejected.reason).toBeInstanceOf(ConflictError);
		const kinds = (await adjustmentsOf(o.id)).map((a) => a.kind);
		expect(kinds).toHaveLength(2);
		await expectConsistent(o.id, [w.steak.id, w.sausage.id, w.ribs.id]);
	});

	it('a wrong token, another order or a malformed answer is not found; a completed order cannot be answered', async () => {
		const w = await world();
		const { o, substitutionId } = await proposed(w);
		const other = await placeOrder(w, [{ variantId: w.sausage.id, quantity: 1 }]);
		await expectError(decideSubstitution(db, o.id, 'wrong', { substitutionId, decision: 'accept' }), NotFoundError);
		await expectError(decideSubstitution(db, other.id, other.token, { substitutionId, decision: 'accept' }), NotFoundError);
		await expectError(decideSubstitution(db, o.id, o.token, { substitutionId, decision: 'maybe' }), NotFoundError);
		expect(orderAccessToken(SECRET, o.id)).toBe(o.token);
		for (const to of ['preparing', 'ready', 'completed'] as const) await transitionOrder(db, w.scope, o.id, { to }, ctx);
		await expectError(decideSubstitution(db, o.id, o.token, { substitutionId, decision: 'accept' }), ConflictError);
	});
});

describe('the picking list', () => {
	it('totals per product and size, then each accepted or preparing order of the day; printable, read back', async () => {
		const w = await world();
		const a = await placeOrder(w, [
			{ variantId: w.steak.id, quantity: 1 },
			{ variantId: w.sausage.id, quantity: 4 }
		]);
		const b = await placeOrder(w, [
			{ variantId: w.steak.id, quantity: 1.5 },
			{ variantId: w.sausage.id, quantity: 2 }
		]);
		await placeOrder(w, [{ variantId: w.sausage.id, quantity: 7 }], false); // new: not yet to prepare
		await weighLine(db, w.scope, b.id, b.lines.find((l) => l.variantId === w.steak.id)!.id, { weight: '1,55' }, 'fr');
		await markUnavailable(db, w.scope, a.id, a.lines.find((l) => l.variantId === w.sausage.id)!.id, ctx);
		const waiting = b.lines.find((l) => l.variantId === w.sausage.id)!.id;
		await proposeSubstitution(db, w.scope, b.id, waiting, { variantId: w.steak.id, quantity: '1' }, ctx);
		const day = localDay('Europe/Paris', w.slot.startsAt);
		const list = await pickingList(db, w.scope, pickingFilters(new URLSearchParams({ jour: day }), 'Europe/Paris'), 'Europe/Paris');
		expect(list.orders.map((o) => o.id).sort()).toEqual([a.id, b.id].sort());
		// Only the line with a proposal awaiting the customer says so.
		const flagged = list.orders.flatMap((o) => o.lines).filter((l) => l.pendingSubstitution);
		expect(flagged.map((l) => l.id)).toEqual([waiting]);
		expect(list.totals.map((t) => [t.productName, t.quantity])).toEqual([
			['Entrecôte', 2.55],
			['Saucisse', 2]
		]);
		expect(list.slots.map((s) => s.id)).toEqual([w.slot.id]);
		const otherDay = await pickingList(
			db,
			w.scope,
			pickingFilters(new URLSearchParams({ jour: '2001-01-01' }), 'Europe/Paris'),
			'Europe/Paris'
		);
		expect(otherDay.orders).toHaveLength(0);
		// Another shop sees none of it, whatever it asks for.
		const other = await world();
		const theirs = await pickingList(db, other.scope, { day, slotId: w.slot.id }, 'Europe/Paris');
		expect(theirs.orders).toHaveLength(0);

		const pdf = await pickingPdf(list, { shopName: 'Boucherie Martin', locale: 'fr', timezone: 'Europe/Paris' });
		const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
		expect(text).toContain('Liste de préparation');
		expect(text).toContain('2,55 kg');
		expect(text).toContain('Entrecôte');
		expect(text).toContain('1,55 kg Entrecôte');
		expect(text).toContain('remplacement proposé, en attente du client');
		expect(text).toContain(`N° ${(await orderOf(a.id)).number}`);
		expect(text).toContain(`N° ${(await orderOf(b.id)).number}`);
		expect(text).toContain('Claire Petit');
		expect(text).not.toContain('7 ×');
		const empty = await pickingPdf(otherDay, { shopName: 'Boucherie Martin', locale: 'en', timezone: 'Europe/Paris' });
		expect((await extractText(await getDocumentProxy(new Uint8Array(empty)), { mergePages: true })).text).toContain('No order to prepare');
	});

	it('falls back to today for a malformed day and ignores a malformed slot', () => {
		const f = pickingFilters(new URLSearchParams({ jour: '2026-13-45', creneau: 'nope' }), 'Europe/Paris');
		expect(f.day).toBe(localDay('Europe/Paris'));
		expect(f.slotId).toBeUndefined();
		void and;
	});
});

describe("the shop's weighing tolerance", () => {
	it('owners set it; new orders snapshot it, placed ones keep theirs; staff and bad values are refused', async () => {
		const w = await world();
		const before = await placeOrder(w, [{ variantId: w.steak.id, quantity: 1 }]);
		expect(await setWeighingTolerance(db, w.scope, { tolerance: '7,5' }, 'fr')).toBe(750);
		const after = await placeOrder(w, [{ variantId: w.steak.id, quantity: 1 }]);
		expect(after.lines[0].toleranceBps).toBe(750);
		expect((await lineOf(before.lines[0].id)).toleranceBps).toBe(1000);
		const e = await expectError(weighLine(db, w.scope, after.id, after.lines[0].id, { weight: '1,08' }, 'fr'), InvalidInputError);
		expect(e.fields.weight[0]).toContain('(0,925–1,075 kg)');
		await weighLine(db, w.scope, before.id, before.lines[0].id, { weight: '1,08' }, 'fr');
		await expectError(setWeighingTolerance(db, { ...w.scope, role: 'shop_staff' }, { tolerance: '20' }, 'fr'), ForbiddenError);
		for (const tolerance of ['', '-1', '51', 'dix', '7,555', null])
			await expectError(setWeighingTolerance(db, w.scope, { tolerance }, 'fr'), InvalidInputError);
		expect(await setWeighingTolerance(db, w.scope, { tolerance: '0 %' }, 'fr')).toBe(0);
	});
});
