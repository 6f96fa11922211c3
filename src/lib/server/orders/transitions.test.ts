import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { and, asc, eq, like } from 'drizzle-orm';
import { testDatabase } from '../../../../tests/setup/db.ts';
import { makeTerritory, makeShop, makeProduct, makeSlot } from '../../../../tests/setup/fixtures.ts';
import type { Database, Db } from '../db/client.ts';
import { orders, orderEvents, outboxEmails, slots, stockMovements, variants, user } from '../db/schema/index.ts';
import { addToCart } from '../checkout/cart.ts';
import { checkout } from '../checkout/checkout.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import { canTransition, nextStep, transitionOrder, ORDER_STATUSES, type OrderStatus, type TransitionContext } from './transitions.ts';

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

/** A shop with one tracked product, one slot, and its merchant. */
async function world(stock = 10, capacity = 50) {
	const shop = await makeShop(db, territoryId);
	const { variant } = await makeProduct(db, shop, { priceCents: 400, stock });
	const slot = await makeSlot(db, { shopId: shop.id }, { capacity });
	return { shop, variant, slot, scope: await merchant(shop.id) };
}

async function placeOrder(w: Awaited<ReturnType<typeof world>>, quantity = 2, email = `client-${randomUUID().slice(0, 6)}@exemple.fr`) {
	const cartId = await addToCart(db, { territoryId, cartId: null }, { variantId: w.variant.id, quantity }, 'fr');
	const result = await checkout(
		db,
		{ territoryId, cartId, userId: null, idempotencyKey: randomUUID(), secret: SECRET, origin: ctx.origin, locale: 'fr' },
		{
			customer: { name: 'Claire Petit', email, phone: '06 12 34 56 78' },
			acceptTerms: true,
			fulfilments: [{ shopId: w.shop.id, method: 'pickup', slotId: w.slot.id }]
		}
	);
	return { id: result.orders[0].id, number: result.orders[0].number, email };
}

const statusOf = async (id: string) => (await db.select({ s: orders.status }).from(orders).where(eq(orders.id, id)))[0].s;
const stockOf = async (id: string) => (await db.select({ s: variants.stock }).from(variants).where(eq(variants.id, id)))[0].s;
const reservedOf = async (id: string) => (await db.select({ r: slots.reserved }).from(slots).where(eq(slots.id, id)))[0].r;
const eventsOf = (id: string) => db.select().from(orderEvents).where(eq(orderEvents.orderId, id)).orderBy(asc(orderEvents.createdAt));
const emailsTo = (to: string) => db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, to)).orderBy(asc(outboxEmails.createdAt));

describe('the order state machine', () => {
	it('walks an order from new to completed, one event per step, telling the customer when accepted, ready and handed over', async () => {
		const w = await world();
		const order = await placeOrder(w);
		for (const to of ['accepted', 'preparing', 'ready', 'completed'] as const) {
			const r = await transitionOrder(db, w.scope, order.id, { to }, ctx);
			expect(r.to).toBe(to);
			expect(await statusOf(order.id)).toBe(to);
		}
		const events = await eventsOf(order.id);
		expect(events.map((e) => [e.fromStatus, e.toStatus])).toEqual([
			[null, 'new'],
			['new', 'accepted'],
			['accepted', 'preparing'],
			['preparing', 'ready'],
			['ready', 'completed']
		]);
		expect(events.slice(1).every((e) => e.actorKind === 'shop' && e.actorUserId === w.scope.userId)).toBe(true);
		const mails = await emailsTo(order.email);
		expect(mails.map((m) => m.kind)).toEqual(['order_confirmation', 'order_accepted', 'order_ready', 'order_completed']);
		const ready = mails[2];
		expect(ready.subject).toBe(`Commande n° ${order.number} chez ${w.shop.name} : prête`);
		// Where and when to collect, and the customer's own link.
		expect(ready.text).toContain('1 rue du Test, 37000 Bourg-Test');
		expect(ready.text).toMatch(/\d{2}:\d{2}–\d{2}:\d{2}/);
		expect(ready.text).toContain(`${ctx.origin}/commandes/${order.id}?t=`);
		// Handed over: thanked, with the invoice's download link.
		expect(mails[3].text).toContain('vous a été remise');
		expect(mails[3].text).toContain(`${ctx.origin}/commandes/${order.id}/facture.pdf?t=`);
		// Stock stays sold, the slot place stays taken.
		expect(await stockOf(w.variant.id)).toBe(8);
		expect(await reservedOf(w.slot.id)).toBe(1);
	});

	it('refuses without a reason, with a French or English field error, and writes nothing', async () => {
		const w = await world();
		const order = await placeOrder(w);
		for (const [locale, text] of [
			['fr', 'Indiquez la raison'],
			['en', 'Give the reason']
		] as const) {
			const attempt = transitionOrder(db, w.scope, order.id, { to: 'refused', reason: '   ' }, { ...ctx, locale });
			await expect(attempt).rejects.toBeInstanceOf(InvalidInputError);
			await attempt.catch((e: InvalidInputError) => expect(e.fields.reason[0]).toContain(text));
		}
		await expect(transitionOrder(db, w.scope, order.id, { to: 'cancelled', reason: 'x'.repeat(501) }, ctx)).rejects.toBeInstanceOf(
			InvalidInputError
		);
		for (const bad of [{}, { to: 'shipped' }, { to: 42 }, null, 'accepted', { to: ['accepted'] }]) {
			await expect(transitionOrder(db, w.scope, order.id, bad, ctx)).rejects.toBeInstanceOf(InvalidInputError);
		}
		expect(await statusOf(order.id)).toBe('new');
		expect(await eventsOf(order.id)).toHaveLength(1);
	});

	it('gives the stock and the slot place back when refused, and tells the customer why', async () => {
		const w = await world(10);
		const order = await placeOrder(w, 3);
		expect(await stockOf(w.variant.id)).toBe(7);
		expect(await reservedOf(w.slot.id)).toBe(1);
		await transitionOrder(db, w.scope, order.id, { to: 'refused', reason: 'Fermé pour inventaire' }, ctx);
		expect(await stockOf(w.variant.id)).toBe(10);
		expect(await reservedOf(w.slot.id)).toBe(0);
		const movements = await db
			.select()
			.from(stockMovements)
			.where(and(eq(stockMovements.orderId, order.id), eq(stockMovements.reason, 'order_cancelled')));
		expect(movements.map((m) => [m.delta, m.actorUserId])).toEqual([[3, w.scope.userId]]);
		const [event] = (await eventsOf(order.id)).slice(-1);
		expect([event.fromStatus, event.toStatus, event.reason]).toEqual(['new', 'refused', 'Fermé pour inventaire']);
		const mail = (await emailsTo(order.email)).at(-1)!;
		expect(mail.kind).toBe('order_refused');
		expect(mail.text).toContain('Raison : Fermé pour inventaire');
	});

	it('lets the merchant cancel a ready order, with the stock back', async () => {
		const w = await world(5);
		const order = await placeOrder(w, 2);
		for (const to of ['accepted', 'preparing', 'ready'] as const) await transitionOrder(db, w.scope, order.id, { to }, ctx);
		await transitionOrder(db, w.scope, order.id, { to: 'cancelled', reason: 'Client injoignable' }, ctx);
		expect(await stockOf(w.variant.id)).toBe(5);
		expect(await reservedOf(w.slot.id)).toBe(0);
		expect((await emailsTo(order.email)).at(-1)!.kind).toBe('order_cancelled');
	});

	it('refuses illegal moves with a clear 409, and another shop’s order with a 404', async () => {
		const w = await world();
		const other = await world();
		const order = await placeOrder(w);
		const conflict = async (input: unknown, key: string) => {
			const attempt = transitionOrder(db, w.scope, order.id, input, ctx);
			await expect(attempt).rejects.toBeInstanceOf(ConflictError);
			await expect(attempt).rejects.toMatchObject({ status: 409, messageKey: key });
		};
		await conflict({ to: 'ready' }, 'orders_error_illegal_transition');
		await conflict({ to: 'completed' }, 'orders_error_illegal_transition');
		await conflict({ to: 'new' }, 'orders_error_illegal_transition');
		await expect(transitionOrder(db, other.scope, order.id, { to: 'accepted' }, ctx)).rejects.toBeInstanceOf(NotFoundError);
		await expect(transitionOrder(db, w.scope, randomUUID(), { to: 'accepted' }, ctx)).rejects.toBeInstanceOf(NotFoundError);
		await expect(transitionOrder(db, w.scope, 'not-a-uuid', { to: 'accepted' }, ctx)).rejects.toBeInstanceOf(NotFoundError);
		for (const to of ['accepted', 'preparing', 'ready', 'completed'] as const) await transitionOrder(db, w.scope, order.id, { to }, ctx);
		await conflict({ to: 'new' }, 'orders_error_final');
		await conflict({ to: 'cancelled', reason: 'trop tard' }, 'orders_error_final');

		const cancelled = await placeOrder(w);
		await transitionOrder(db, w.scope, cancelled.id, { to: 'cancelled', reason: 'Rupture' }, ctx);
		for (const to of ['accepted', 'new', 'ready']) {
			await expect(transitionOrder(db, w.scope, cancelled.id, { to }, ctx)).rejects.toMatchObject({
				status: 409,
				messageKey: 'orders_error_final'
			});
		}
		// Cancelling twice gives the stock back once.
		expect(await stockOf(w.variant.id)).toBe(8);
	});

	it('leaves exactly one winner among 20 concurrent moves of one order, and a consistent history', async () => {
		const w = await world(10);
		const order = await placeOrder(w, 2);
		const moves = Array.from({ length: 20 }, (_, i) => (i % 2 ? { to: 'accepted' } : { to: 'refused', reason: `raison ${i}` }));
		const results = await Promise.allSettled(moves.map((m) => transitionOrder(db, w.scope, order.id, m, ctx)));
		const won = results.filter((r) => r.status === 'fulfilled');
		expect(won).toHaveLength(1);
		for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ status: 409 });
		const winner = (won[0] as PromiseFulfilledResult<{ to: OrderStatus }>).value.to;
		expect(await statusOf(order.id)).toBe(winner);
		const events = await eventsOf(order.id);
		expect(events.map((e) => [e.fromStatus, e.toStatus])).toEqual([
			[null, 'new'],
			['new', winner]
		]);
		expect(await stockOf(w.variant.id)).toBe(winner === 'refused' ? 10 : 8);
		expect(await reservedOf(w.slot.id)).toBe(winner === 'refused' ? 0 : 1);
		const kinds = (await emailsTo(order.email)).map((m) => m.kind);
		expect(kinds).toEqual(['order_confirmation', winner === 'refused' ? 'order_refused' : 'order_accepted']);
	});

	it('20 concurrent identical moves: one winner, one event, one email', async () => {
		const w = await world(10);
		const order = await placeOrder(w, 1);
		const results = await Promise.allSettled(
			Array.from({ length: 20 }, () => transitionOrder(db, w.scope, order.id, { to: 'accepted' }, ctx))
		);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		expect(
			results
				.filter((r) => r.status === 'rejected')
				.every((r) => (r as PromiseRejectedResult).reason.messageKey === 'orders_error_changed_meanwhile')
		).toBe(true);
		expect((await eventsOf(order.id)).filter((e) => e.toStatus === 'accepted')).toHaveLength(1);
		expect(
			await db
				.select()
				.from(outboxEmails)
				.where(and(eq(outboxEmails.toAddress, order.email), like(outboxEmails.kind, 'order_accepted')))
		).toHaveLength(1);
	});
});

describe('the state machine as a model', () => {
	it('forward steps follow the flow and end at completed', () => {
		expect(nextStep('new')).toBe('accepted');
		expect(nextStep('ready')).toBe('completed');
		for (const s of ['completed', 'cancelled', 'refused'] as const) expect(nextStep(s)).toBeNull();
		expect(canTransition('new', 'cancelled', 'customer')).toBe(true);
		expect(canTransition('accepted', 'cancelled', 'customer')).toBe(false);
	});

	it('any sequence of requested moves keeps status, history, stock, slot and emails consistent', async () => {
		const w = await world(1000, 1000);
		const move = fc.record({
			to: fc.constantFrom(...ORDER_STATUSES),
			reason: fc.option(fc.constantFrom('Rupture', ' ', 'Fermé'), { nil: undefined })
		});
		await fc.assert(
			fc.asyncProperty(fc.array(move, { maxLength: 8 }), fc.integer({ min: 1, max: 4 }), async (requests, quantity) => {
				const stockBefore = await stockOf(w.variant.id);
				const reservedBefore = await reservedOf(w.slot.id);
				const order = await placeOrder(w, quantity);
				let model: OrderStatus = 'new';
				for (const request of requests) {
					const reasonMissing = ['cancelled', 'refused'].includes(request.to) && !request.reason?.trim();
					const legal = canTransition(model, request.to) && !reasonMissing;
					const outcome = await transitionOrder(db, w.scope, order.id, request, ctx).then(
						() => 'ok',
						(e) => e
					);
					if (legal) {
						expect(outcome).toBe('ok');
						model = request.to;
					} else {
						expect(outcome).toBeInstanceOf(reasonMissing ? InvalidInputError : ConflictError);
					}
				}
				expect(await statusOf(order.id)).toBe(model);
				const events = await eventsOf(order.id);
				// A chain: each event starts where the previous one ended, and ends at the status.
				for (let i = 1; i < events.length; i++) expect(events[i].fromStatus).toBe(events[i - 1].toStatus);
				expect(events.at(-1)!.toStatus).toBe(model);
				const released = model === 'cancelled' || model === 'refused';
				expect(await stockOf(w.variant.id)).toBe(stockBefore - (released ? 0 : quantity));
				expect(await reservedOf(w.slot.id)).toBe(reservedBefore + (released ? 0 : 1));
				const kinds = (await emailsTo(order.email)).map((m) => m.kind);
				expect(new Set(kinds).size).toBe(kinds.length);
				const expected = [
					'order_confirmation',
					...events.slice(1).flatMap((e) => (e.toStatus === 'preparing' ? [] : [`order_${e.toStatus}`]))
				];
				expect(kinds).toEqual(expected);
			}),
			{ numRuns: 15 }
		);
	});
});

describe('moves from a stale screen', () => {
	it('refuses a move made from a state the order has left meanwhile', async () => {
		const w = await world();
		const order = await placeOrder(w);
		await transitionOrder(db, w.scope, order.id, { to: 'refused', reason: 'Rupture', from: 'new' }, ctx);
		// The other screen still shows "new" and presses "Accepter".
		await expect(transitionOrder(db, w.scope, order.id, { to: 'accepted', from: 'new' }, ctx)).rejects.toMatchObject({
			status: 409,
			messageKey: 'orders_error_changed_meanwhile'
		});
		expect(await statusOf(order.id)).toBe('refused');
	});
});
