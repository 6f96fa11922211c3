import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { asc, eq, like } from 'drizzle-orm';
import { testDatabase } from '../../../../tests/setup/db.ts';
import { makeTerritory, makeShop, makeProduct, makeSlot } from '../../../../tests/setup/fixtures.ts';
import type { Database, Db } from '../db/client.ts';
import { carts, notifications, orders, orderEvents, outboxEmails, slots, variants, user } from '../db/schema/index.ts';
import { ConflictError, InvalidInputError } from '../errors.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import { assistedOrder, linesFromForm, type AssistedContext } from './assisted.ts';
import { transitionOrder } from './transitions.ts';
import { NO_EMAIL_DOMAIN } from './emails.ts';

let database: Database;
let db: Db;
let territoryId: string;
const ctx: AssistedContext = { secret: 'test-secret-for-order-links-0123456789', origin: 'http://localhost:3000', locale: 'fr' };

beforeAll(async () => {
	database = await testDatabase();
	db = database.db;
	territoryId = (await makeTerritory(db)).id;
});
afterAll(async () => {
	await database.close();
});

async function world(stock = 10, capacity = 5) {
	const shop = await makeShop(db, territoryId);
	const { variant } = await makeProduct(db, shop, { priceCents: 250, stock });
	const slot = await makeSlot(db, { shopId: shop.id }, { capacity });
	const id = randomUUID();
	await db.insert(user).values({ id, name: 'Marchand', email: `m-${id}@exemple.fr`, emailVerified: true });
	const scope: ShopScope = { userId: id, territoryId, shopId: shop.id, role: 'shop_staff' };
	return { shop, variant, slot, scope };
}

const form = (w: Awaited<ReturnType<typeof world>>, over: Record<string, unknown> = {}) => ({
	name: 'Mme Martin',
	phone: '02 47 00 00 00',
	email: '',
	slotId: w.slot.id,
	idempotencyKey: randomUUID(),
	lines: [{ variantId: w.variant.id, quantity: '2' }],
	...over
});
const stockOf = async (id: string) => (await db.select({ s: variants.stock }).from(variants).where(eq(variants.id, id)))[0].s;
const reservedOf = async (id: string) => (await db.select({ r: slots.reserved }).from(slots).where(eq(slots.id, id)))[0].r;
const ordersOf = (shopId: string) => db.select().from(orders).where(eq(orders.shopId, shopId));

describe('assisted orders (phone, counter)', () => {
	it('records an order with the checkout rules, by the shop, and emails nobody without an address', async () => {
		const w = await world();
		const id = await assistedOrder(db, w.scope, form(w), ctx);
		const [order] = await ordersOf(w.shop.id);
		expect(order.id).toBe(id);
		expect([order.number, order.status, order.customerName, order.totalCents]).toEqual([1, 'new', 'Mme Martin', 500]);
		expect(order.customerEmail.endsWith(`@${NO_EMAIL_DOMAIN}`)).toBe(true);
		expect(await stockOf(w.variant.id)).toBe(8);
		expect(await reservedOf(w.slot.id)).toBe(1);
		const events = await db.select().from(orderEvents).where(eq(orderEvents.orderId, id));
		expect(events.map((e) => [e.toStatus, e.actorKind, e.actorUserId])).toEqual([['new', 'shop', w.scope.userId]]);
		// In the shop's feed, already read, and never pushed to the shop's phones.
		const [note] = await db.select().from(notifications).where(eq(notifications.orderId, id));
		expect(note).toMatchObject({ kind: 'order_new', readAt: expect.any(Date), pushedAt: expect.any(Date) });
		expect(
			await db
				.select()
				.from(outboxEmails)
				.where(like(outboxEmails.toAddress, `%@${NO_EMAIL_DOMAIN}`))
		).toHaveLength(0);
		// Moving it on does not email the unreachable address either.
		await transitionOrder(db, w.scope, id, { to: 'accepted' }, ctx);
		expect(
			await db
				.select()
				.from(outboxEmails)
				.where(like(outboxEmails.toAddress, `%@${NO_EMAIL_DOMAIN}`))
		).toHaveLength(0);
		// No cart left behind.
		expect(await db.select().from(carts).where(eq(carts.territoryId, territoryId))).toHaveLength(0);
	});

	it('sends the usual confirmation when the customer gave an email', async () => {
		const w = await world();
		const email = `tel-${randomUUID().slice(0, 6)}@exemple.fr`;
		await assistedOrder(db, w.scope, form(w, { email: email.toUpperCase() }), ctx);
		const mails = await db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, email)).orderBy(asc(outboxEmails.createdAt));
		expect(mails.map((m) => m.kind)).toEqual(['order_confirmation']);
	});

	it('records one order when the form is sent twice', async () => {
		const w = await world();
		const input = form(w);
		const first = await assistedOrder(db, w.scope, input, ctx);
		expect(await assistedOrder(db, w.scope, input, ctx)).toBe(first);
		expect(await ordersOf(w.shop.id)).toHaveLength(1);
		expect(await stockOf(w.variant.id)).toBe(8);
	});

	it('refuses bad input field by field, and writes nothing', async () => {
		const w = await world(3);
		const other = await world();
		const fieldsOf = async (input: unknown) => {
			const e = await assistedOrder(db, w.scope, input, ctx).catch((x) => x);
			expect(e).toBeInstanceOf(InvalidInputError);
			return Object.keys((e as InvalidInputError).fields);
		};
		expect(await fieldsOf(form(w, { name: '  ', phone: 'abc' }))).toEqual(expect.arrayContaining(['name', 'phone']));
		expect(await fieldsOf(form(w, { email: 'pas-un-email' }))).toEqual(['email']);
		expect(await fieldsOf(form(w, { lines: [] }))).toEqual(['lines']);
		expect(await fieldsOf(form(w, { slotId: 'x' }))).toEqual(['slotId']);
		expect(await fieldsOf(form(w, { name: 'x'.repeat(101) }))).toEqual(['name']);
		// More than the stock, a negative or a fractional piece: on the product's quantity.
		for (const quantity of ['4', '-1', '1.5', 'abc']) {
			expect(await fieldsOf(form(w, { lines: [{ variantId: w.variant.id, quantity }] }))).toEqual([`q_${w.variant.id}`]);
		}
		// Another shop's product (tenant isolation) and another shop's slot.
		expect(await fieldsOf(form(w, { lines: [{ variantId: other.variant.id, quantity: '1' }] }))).toEqual([`q_${other.variant.id}`]);
		expect(await fieldsOf(form(w, { slotId: other.slot.id }))).toEqual(['slotId']);
		expect(await ordersOf(w.shop.id)).toHaveLength(0);
		expect(await ordersOf(other.shop.id)).toHaveLength(0);
		expect(await stockOf(w.variant.id)).toBe(3);
		expect(await stockOf(other.variant.id)).toBe(10);
		expect(await db.select().from(carts).where(eq(carts.territoryId, territoryId))).toHaveLength(0);
	});

	it('refuses a full slot like an online checkout (409), and writes nothing', async () => {
		const w = await world(10, 1);
		await assistedOrder(db, w.scope, form(w), ctx);
		const e = await assistedOrder(db, w.scope, form(w), ctx).catch((x) => x);
		expect(e).toBeInstanceOf(ConflictError);
		expect(await ordersOf(w.shop.id)).toHaveLength(1);
		expect(await stockOf(w.variant.id)).toBe(8);
	});

	it('reads quantities from the form, ignoring empty and zero fields', () => {
		expect(linesFromForm({ q_a: '2', q_b: '', q_c: '0', q_d: '1,5', name: 'x' })).toEqual([
			{ variantId: 'a', quantity: '2' },
			{ variantId: 'd', quantity: '1.5' }
		]);
	});
});
