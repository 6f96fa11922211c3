import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq, like } from 'drizzle-orm';
import { TZDate } from '@date-fns/tz';
import { testDatabase } from '../../../../tests/setup/db.ts';
import { makeTerritory, makeShop, makeProduct, makeSlot } from '../../../../tests/setup/fixtures.ts';
import { smtpStandIn } from '../../../../tests/setup/smtp.ts';
import type { Database, Db } from '../db/client.ts';
import { outboxEmails, slots, user } from '../db/schema/index.ts';
import { addToCart } from '../checkout/cart.ts';
import { checkout } from '../checkout/checkout.ts';
import { cancelByCustomer } from '../checkout/orders.ts';
import { transitionOrder, type TransitionContext } from '../orders/transitions.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import { queueReminders } from './reminders.ts';
import { listFeed, markAllRead, unreadCount } from './feed.ts';
import { startMailer } from './mailer.ts';
import { queueEmail } from './outbox.ts';

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

async function world() {
	const shop = await makeShop(db, territoryId);
	const { variant } = await makeProduct(db, shop, { priceCents: 400, stock: 50 });
	const slot = await makeSlot(db, { shopId: shop.id }, { capacity: 50 });
	const id = randomUUID();
	await db.insert(user).values({ id, name: 'Marchand', email: `m-${id}@exemple.fr`, emailVerified: true });
	const scope: ShopScope = { userId: id, territoryId, shopId: shop.id, role: 'shop_owner' };
	return { shop, variant, slot, scope };
}

async function placeOrder(w: Awaited<ReturnType<typeof world>>) {
	const email = `client-${randomUUID().slice(0, 8)}@exemple.fr`;
	const cartId = await addToCart(db, { territoryId, cartId: null }, { variantId: w.variant.id, quantity: 1 }, 'fr');
	const result = await checkout(
		db,
		{ territoryId, cartId, userId: null, idempotencyKey: randomUUID(), secret: SECRET, origin: ctx.origin, locale: 'fr' },
		{
			customer: { name: 'Claire Petit', email, phone: '06 12 34 56 78' },
			acceptTerms: true,
			fulfilments: [{ shopId: w.shop.id, method: 'pickup', slotId: w.slot.id }]
		}
	);
	return { id: result.orders[0].id, number: result.orders[0].number, email, token: result.orders[0].accessToken };
}

const keysOf = async (orderId: string) =>
	(
		await db
			.select({ k: outboxEmails.dedupeKey })
			.from(outboxEmails)
			.where(like(outboxEmails.dedupeKey, `order:${orderId}:%`))
	)
		.map((r) => r.k!.split(':')[2])
		.sort();

describe('order emails, one per order and kind', () => {
	it('keys the confirmation, accepted, ready, completed and cancelled emails by order and kind', async () => {
		const w = await world();
		const order = await placeOrder(w);
		expect(await keysOf(order.id)).toEqual(['confirmation']);
		await transitionOrder(db, w.scope, order.id, { to: 'accepted' }, ctx);
		await transitionOrder(db, w.scope, order.id, { to: 'preparing' }, ctx);
		await transitionOrder(db, w.scope, order.id, { to: 'ready' }, ctx);
		await transitionOrder(db, w.scope, order.id, { to: 'cancelled', reason: 'Fermeture exceptionnelle' }, ctx);
		expect(await keysOf(order.id)).toEqual(['accepted', 'cancelled', 'confirmation', 'ready']);
		const refused = await placeOrder(w);
		await transitionOrder(db, w.scope, refused.id, { to: 'refused', reason: 'Rupture' }, ctx);
		expect(await keysOf(refused.id)).toEqual(['confirmation', 'refused']);
		const completed = await placeOrder(w);
		for (const to of ['accepted', 'preparing', 'ready', 'completed'] as const)
			await transitionOrder(db, w.scope, completed.id, { to }, ctx);
		expect(await keysOf(completed.id)).toEqual(['accepted', 'completed', 'confirmation', 'ready']);
	});

	it('tells the customer who cancelled, once, and puts the cancellation in the shop feed', async () => {
		const w = await world();
		const order = await placeOrder(w);
		const emailCtx = { secret: SECRET, origin: ctx.origin, timezone: 'Europe/Paris' };
		await Promise.allSettled([
			cancelByCustomer(db, order.id, order.token, emailCtx),
			cancelByCustomer(db, order.id, order.token, emailCtx)
		]);
		const mails = await db
			.select()
			.from(outboxEmails)
			.where(eq(outboxEmails.dedupeKey, `order:${order.id}:cancelled`));
		expect(mails).toHaveLength(1);
		expect(mails[0].text).toContain('Vous avez annulé votre commande');
		expect(mails[0].toAddress).toBe(order.email);
		const feed = await listFeed(db, w.scope);
		expect(feed.map((f) => [f.kind, f.data.number])).toEqual([
			['order_cancelled', order.number],
			['order_new', order.number]
		]);
	});
});

describe('the merchant feed', () => {
	it('has a new-order item for every order, written with it, and marks all read for this shop only', async () => {
		const w = await world();
		const other = await world();
		const a = await placeOrder(w);
		const b = await placeOrder(w);
		await placeOrder(other);
		const feed = await listFeed(db, w.scope);
		expect(feed.map((f) => f.orderId).sort()).toEqual([a.id, b.id].sort());
		expect(feed[0]).toMatchObject({ kind: 'order_new', read: false, data: { customerName: 'Claire Petit', totalCents: 400 } });
		expect(await unreadCount(db, w.scope)).toBe(2);
		// The merchant's own moves are not news to them.
		await transitionOrder(db, w.scope, a.id, { to: 'accepted' }, ctx);
		expect(await unreadCount(db, w.scope)).toBe(2);
		expect(await markAllRead(db, w.scope)).toBe(2);
		expect(await markAllRead(db, w.scope)).toBe(0);
		expect(await unreadCount(db, w.scope)).toBe(0);
		expect(await unreadCount(db, other.scope)).toBe(1);
	});

	it('writes nothing when the checkout rolls back', async () => {
		const w = await world();
		await db.update(slots).set({ capacity: 0 }).where(eq(slots.id, w.slot.id));
		await expect(placeOrder(w)).rejects.toThrow();
		expect(await listFeed(db, w.scope)).toEqual([]);
	});
});

describe('the morning reminder', () => {
	it('goes once, from the reminder hour of the slot’s day, to orders still to collect', async () => {
		const w = await world();
		const tomorrow = new TZDate(Date.now() + 86_400_000, 'Europe/Paris');
		const at = (h: number, m = 0) => new TZDate(tomorrow.getFullYear(), tomorrow.getMonth(), tomorrow.getDate(), h, m, 'Europe/Paris');
		const accepted = await placeOrder(w);
		const ready = await placeOrder(w);
		const stillNew = await placeOrder(w);
		const cancelled = await placeOrder(w);
		await db
			.update(slots)
			.set({ startsAt: at(10), endsAt: at(10, 30) })
			.where(eq(slots.id, w.slot.id));
		await transitionOrder(db, w.scope, accepted.id, { to: 'accepted' }, ctx);
		for (const to of ['accepted', 'preparing', 'ready'] as const) await transitionOrder(db, w.scope, ready.id, { to }, ctx);
		await transitionOrder(db, w.scope, cancelled.id, { to: 'accepted' }, ctx);
		await transitionOrder(db, w.scope, cancelled.id, { to: 'cancelled', reason: 'Rupture' }, ctx);
		const options = { secret: SECRET, origin: ctx.origin, hour: 7 };
		const reminded = async () =>
			(
				await db
					.select()
					.from(outboxEmails)
					.where(and(like(outboxEmails.dedupeKey, 'order:%:reminder')))
			).filter((r) => [accepted, ready, stillNew, cancelled].some((o) => r.dedupeKey === `order:${o.id}:reminder`));
		await queueReminders(db, { ...options, now: at(6, 59) });
		expect(await reminded()).toHaveLength(0);
		// Several nodes ticking at once: still one email per order.
		await Promise.all([7, 7, 7].map(() => queueReminders(db, { ...options, now: at(7, 1) })));
		await queueReminders(db, { ...options, now: at(9) });
		const mails = await reminded();
		expect(mails.map((m) => m.toAddress).sort()).toEqual([accepted.email, ready.email].sort());
		expect(mails[0].subject).toMatch(/^Rappel : votre commande n° \d+/);
		expect(mails[0].text).toContain('10:00');
	});

	it('is not sent after the slot, nor the day before, nor for an order placed that morning', async () => {
		const w = await world();
		const tomorrow = new TZDate(Date.now() + 86_400_000, 'Europe/Paris');
		const at = (h: number, m = 0, day = 0) =>
			new TZDate(tomorrow.getFullYear(), tomorrow.getMonth(), tomorrow.getDate() + day, h, m, 'Europe/Paris');
		const order = await placeOrder(w);
		await db
			.update(slots)
			.set({ startsAt: at(10), endsAt: at(10, 30) })
			.where(eq(slots.id, w.slot.id));
		await transitionOrder(db, w.scope, order.id, { to: 'accepted' }, ctx);
		const options = { secret: SECRET, origin: ctx.origin, hour: 7 };
		await queueReminders(db, { ...options, now: at(8, 0, -1) });
		await queueReminders(db, { ...options, now: at(10, 31) });
		// "now" earlier than the order's creation: it was placed after that morning's reminder time.
		await queueReminders(db, { ...options, hour: 0, now: at(0, 30, -2) });
		expect(await keysOf(order.id)).toEqual(['accepted', 'confirmation']);
	});
});

describe('a broken mail server never fails nor slows an order', () => {
	for (const mode of ['hang', 'refuse', 'stall'] as const) {
		it(`orders and moves go through while the SMTP server ${mode}s`, async () => {
			const smtp = await smtpStandIn(mode);
			// Only this test's emails (a hanging server costs each claimed email its timeout), and one
			// queued first, so the mailer is stuck with the server while the customer orders.
			const w = await world();
			await placeOrder(w); // warm-up: the first checkout of a file pays for its prepared statements
			await db.update(outboxEmails).set({ status: 'sent' });
			await queueEmail(db, { to: 'first@exemple.fr', subject: 'Avant', text: 'Avant', kind: 'test' });
			const stop = startMailer(db, `${smtp.url}&greetingTimeout=1500&socketTimeout=1500&connectionTimeout=1500`, 'x@exemple.fr', 50);
			try {
				await new Promise((r) => setTimeout(r, 200));
				const started = performance.now();
				const order = await placeOrder(w);
				await transitionOrder(db, w.scope, order.id, { to: 'accepted' }, ctx);
				await transitionOrder(db, w.scope, order.id, { to: 'preparing' }, ctx);
				await transitionOrder(db, w.scope, order.id, { to: 'ready' }, ctx);
				// A timeout at the mail server would cost 1.5 s here; the four actions take a fraction of it.
				expect(performance.now() - started).toBeLessThan(1200);
				expect(await keysOf(order.id)).toEqual(['accepted', 'confirmation', 'ready']);
			} finally {
				await stop();
				await smtp.close();
			}
		});
	}
});
