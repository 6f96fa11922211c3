import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, count, eq, sql } from 'drizzle-orm';
import { testDatabase } from '../../../../tests/setup/db.ts';
import { makeTerritory, makeShop, makeProduct, makeSlot, makePickupPoint, makeDeliveryZone } from '../../../../tests/setup/fixtures.ts';
import type { Database, Db } from '../db/client.ts';
import {
	orders,
	orderLines,
	orderEvents,
	stockMovements,
	variants,
	slots,
	cartItems,
	carts,
	outboxEmails,
	checkouts,
	products,
	shops
} from '../db/schema/index.ts';
import { addToCart, getCart } from './cart.ts';
import { checkout, type CheckoutContext } from './checkout.ts';
import { cancelByCustomer, customerOrder } from './orders.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.ts';

let database: Database;
let db: Db;
let territoryId: string;
const SECRET = 'test-secret-for-order-links-0123456789';

beforeAll(async () => {
	database = await testDatabase();
	db = database.db;
	territoryId = (await makeTerritory(db)).id;
});
afterAll(async () => {
	await database.close();
});

const customer = { name: 'Claire Petit', email: 'claire@exemple.fr', phone: '06 12 34 56 78' };
const ctx = (cartId: string | null, over: Partial<CheckoutContext> = {}): CheckoutContext => ({
	territoryId,
	cartId,
	userId: null,
	idempotencyKey: randomUUID(),
	secret: SECRET,
	origin: 'http://localhost:3000',
	locale: 'fr',
	...over
});
const cartWith = async (...items: { variantId: string; quantity: number }[]) => {
	let cartId: string | null = null;
	for (const item of items) cartId = await addToCart(db, { territoryId, cartId }, item, 'fr');
	return cartId!;
};
const n = async (query: Promise<{ n: number }[]>) => Number((await query)[0].n);
const stockOf = async (variantId: string) => (await db.select({ s: variants.stock }).from(variants).where(eq(variants.id, variantId)))[0].s;
const reservedOf = async (slotId: string) => (await db.select({ r: slots.reserved }).from(slots).where(eq(slots.id, slotId)))[0].r;

describe('checkout across shops', () => {
	it('creates one order per shop with pickup, pickup point and delivery, in one step', async () => {
		const bakery = await makeShop(db, territoryId, { name: 'Boulangerie A' });
		const grocer = await makeShop(db, territoryId, { name: 'Primeur B' });
		const butcher = await makeShop(db, territoryId, { name: 'Boucherie C' });
		const bread = await makeProduct(db, bakery, { priceCents: 320, stock: 10 });
		const apples = await makeProduct(db, grocer, { name: 'Pommes', unit: 'kg', priceCents: 290, stock: 20 });
		const steak = await makeProduct(db, butcher, { name: 'Entrecôte', priceCents: 1890, stock: 5, vatRateBps: 550 });
		const pickupSlot = await makeSlot(db, { shopId: bakery.id });
		const point = await makePickupPoint(db, territoryId, [grocer.id]);
		const pointSlot = await makeSlot(db, { pickupPointId: point.id });
		await makeDeliveryZone(db, butcher.id, { feeCents: 450 });
		const deliverySlot = await makeSlot(db, { shopId: butcher.id, kind: 'delivery' });
		const cartId = await cartWith(
			{ variantId: bread.variant.id, quantity: 2 },
			{ variantId: apples.variant.id, quantity: 1.5 },
			{ variantId: steak.variant.id, quantity: 1 }
		);

		const result = await checkout(db, ctx(cartId), {
			customer,
			acceptTerms: true,
			fulfilments: [
				{ shopId: bakery.id, method: 'pickup', slotId: pickupSlot.id },
				{ shopId: grocer.id, method: 'pickup_point', pickupPointId: point.id, slotId: pointSlot.id },
				{
					shopId: butcher.id,
					method: 'delivery',
					slotId: deliverySlot.id,
					address: { line1: '3 rue des Lilas', postcode: '37100', city: 'Bourg-Test' }
				}
			],
			payment: { method: 'on_site' }
		});

		expect(result.orders).toHaveLength(3);
		expect(result.orders.map((o) => o.number)).toEqual([1, 1, 1]);
		const byShop = Object.fromEntries(result.orders.map((o) => [o.shopId, o]));
		expect(byShop[bakery.id].totalCents).toBe(640);
		expect(byShop[grocer.id].totalCents).toBe(435);
		expect(byShop[butcher.id].totalCents).toBe(1890 + 450);
		expect(await stockOf(bread.variant.id)).toBe(8);
		expect(await stockOf(apples.variant.id)).toBe(18.5);
		expect(await reservedOf(pickupSlot.id)).toBe(1);
		expect(await reservedOf(pointSlot.id)).toBe(1);
		expect(await reservedOf(deliverySlot.id)).toBe(1);
		expect(await n(db.select({ n: count() }).from(stockMovements).where(eq(stockMovements.reason, 'sale')))).toBe(3);
		expect((await getCart(db, territoryId, cartId)).itemCount).toBe(0);

		const mails = await db.select().from(outboxEmails).where(eq(outboxEmails.kind, 'order_confirmation'));
		expect(mails).toHaveLength(3);
		const bakeryMail = mails.find((m) => m.subject.includes('Boulangerie A'))!;
		expect(bakeryMail.text).toContain(`/commandes/${byShop[bakery.id].id}?t=${byShop[bakery.id].accessToken}`);
		expect(bakeryMail.text).toContain('À retirer chez Boulangerie A');
		// Built from the data at hand with the number filled in by the statement that takes it.
		expect(bakeryMail.subject).toBe('Commande n° 1 chez Boulangerie A : c’est noté');
		expect(bakeryMail.text).toContain('Votre commande n° 1 chez Boulangerie A est enregistrée');
		expect(bakeryMail.text).toContain('- 2 × ');
		const pointMail = mails.find((m) => m.subject.includes('Primeur B'))!;
		expect(pointMail.text).toContain(`${point.name}, ${point.address}`);
		const deliveryMail = mails.find((m) => m.subject.includes('Boucherie C'))!;
		expect(deliveryMail.text).toContain('3 rue des Lilas, 37100 Bourg-Test');
		expect(deliveryMail.text).toContain('4,50');

		const seen = await customerOrder(db, byShop[butcher.id].id, byShop[butcher.id].accessToken);
		expect(seen.deliveryAddress?.postcode).toBe('37100');
		expect(seen.events.map((e) => e.toStatus)).toEqual(['new']);
		await expect(customerOrder(db, byShop[butcher.id].id, 'wrong-token')).rejects.toBeInstanceOf(NotFoundError);

		// A shop without VAT number is under the VAT franchise: no breakdown on the order (as on its invoice);
		// with one, the breakdown adds up to the lines.
		expect(seen).toMatchObject({ vatFranchise: true, vat: [] });
		await db.update(shops).set({ vatNumber: 'FR44732829320' }).where(eq(shops.id, butcher.id));
		const registered = await customerOrder(db, byShop[butcher.id].id, byShop[butcher.id].accessToken);
		expect(registered.vatFranchise).toBe(false);
		expect(registered.vat.reduce((sum, row) => sum + row.totalCents, 0)).toBe(registered.subtotalCents);
	});

	it('numbers each shop’s orders without gaps, even after a failed checkout', async () => {
		const shop = await makeShop(db, territoryId);
		const item = await makeProduct(db, shop, { stock: 3 });
		const slot = await makeSlot(db, { shopId: shop.id }, { capacity: 10 });
		const order = async () => {
			const cartId = await cartWith({ variantId: item.variant.id, quantity: 1 });
			return checkout(db, ctx(cartId), {
				customer,
				acceptTerms: true,
				fulfilments: [{ shopId: shop.id, method: 'pickup', slotId: slot.id }]
			});
		};
		expect((await order()).orders[0].number).toBe(1);
		const emptyHanded = await cartWith({ variantId: item.variant.id, quantity: 2 });
		await db.update(variants).set({ stock: 1 }).where(eq(variants.id, item.variant.id));
		await expect(
			checkout(db, ctx(emptyHanded), { customer, acceptTerms: true, fulfilments: [{ shopId: shop.id, method: 'pickup', slotId: slot.id }] })
		).rejects.toBeInstanceOf(ConflictError);
		expect((await order()).orders[0].number).toBe(2);
	});
});

describe('nothing is oversold', () => {
	it('200 concurrent buyers of the last 50 units: exactly 50 orders, stock 0, 50 movements', async () => {
		const shop = await makeShop(db, territoryId);
		const item = await makeProduct(db, shop, { stock: 50 });
		const slot = await makeSlot(db, { shopId: shop.id }, { capacity: 1000 });
		const carts = await Promise.all(Array.from({ length: 200 }, () => cartWith({ variantId: item.variant.id, quantity: 1 })));
		const results = await Promise.allSettled(
			carts.map((cartId) =>
				checkout(db, ctx(cartId), { customer, acceptTerms: true, fulfilments: [{ shopId: shop.id, method: 'pickup', slotId: slot.id }] })
			)
		);
		const ok = results.filter((r) => r.status === 'fulfilled');
		const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
		expect(ok).toHaveLength(50);
		expect(refused.every((r) => r.reason instanceof ConflictError)).toBe(true);
		expect(refused[0].reason.details).toEqual([
			{ kind: 'line', variantId: item.variant.id, productName: 'Pain de campagne', available: 0 }
		]);
		expect(await stockOf(item.variant.id)).toBe(0);
		expect(await n(db.select({ n: count() }).from(orders).where(eq(orders.shopId, shop.id)))).toBe(50);
		expect(
			await n(
				db
					.select({ n: count() })
					.from(stockMovements)
					.where(and(eq(stockMovements.variantId, item.variant.id), eq(stockMovements.reason, 'sale')))
			)
		).toBe(50);
		const numbers = (await db.select({ number: orders.number }).from(orders).where(eq(orders.shopId, shop.id)))
			.map((r) => r.number)
			.sort((a, b) => a - b);
		expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
	}, 120_000);

	it('200 concurrent buyers for a slot of capacity 10: exactly 10 orders', async () => {
		const shop = await makeShop(db, territoryId);
		const item = await makeProduct(db, shop, { stockMode: 'unlimited' });
		const slot = await makeSlot(db, { shopId: shop.id }, { capacity: 10 });
		const carts = await Promise.all(Array.from({ length: 200 }, () => cartWith({ variantId: item.variant.id, quantity: 1 })));
		const results = await Promise.allSettled(
			carts.map((cartId) =>
				checkout(db, ctx(cartId), { customer, acceptTerms: true, fulfilments: [{ shopId: shop.id, method: 'pickup', slotId: slot.id }] })
			)
		);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
		expect(await reservedOf(slot.id)).toBe(10);
		expect(await n(db.select({ n: count() }).from(orders).where(eq(orders.slotId, slot.id)))).toBe(10);
	}, 120_000);
});

describe('idempotency', () => {
	it('a replayed key returns the same orders and creates nothing', async () => {
		const shop = await makeShop(db, territoryId);
		const item = await makeProduct(db, shop, { stock: 5 });
		const slot = await makeSlot(db, { shopId: shop.id });
		const cartId = await cartWith({ variantId: item.variant.id, quantity: 1 });
		const body = { customer, acceptTerms: true, fulfilments: [{ shopId: shop.id, method: 'pickup', slotId: slot.id }] };
		const key = randomUUID();
		const first = await checkout(db, ctx(cartId, { idempotencyKey: key }), body);
		const again = await checkout(db, ctx(cartId, { idempotencyKey: key }), body);
		expect(again.replayed).toBe(true);
		expect(again.orders).toEqual(first.orders);
		expect(await stockOf(item.variant.id)).toBe(4);
		expect(await n(db.select({ n: count() }).from(checkouts).where(eq(checkouts.idempotencyKey, key)))).toBe(1);
		await expect(
			checkout(db, ctx(cartId, { idempotencyKey: key }), { ...body, customer: { ...customer, name: 'Autre' } })
		).rejects.toMatchObject({
			messageKey: 'error_idempotency_mismatch'
		});
	});

	it('concurrent requests with one key place the orders once', async () => {
		const shop = await makeShop(db, territoryId);
		const item = await makeProduct(db, shop, { stock: 5 });
		const slot = await makeSlot(db, { shopId: shop.id });
		const cartId = await cartWith({ variantId: item.variant.id, quantity: 1 });
		const body = { customer, acceptTerms: true, fulfilments: [{ shopId: shop.id, method: 'pickup', slotId: slot.id }] };
		const key = randomUUID();
		const results = await Promise.allSettled(Array.from({ length: 10 }, () => checkout(db, ctx(cartId, { idempotencyKey: key }), body)));
		const ok = results.filter((r): r is PromiseFulfilledResult<Awaited<ReturnType<typeof checkout>>> => r.status === 'fulfilled');
		expect(ok.length).toBeGreaterThan(0);
		expect(new Set(ok.map((r) => r.value.orders[0].id)).size).toBe(1);
		expect(await stockOf(item.variant.id)).toBe(4);
		expect(await n(db.select({ n: count() }).from(orders).where(eq(orders.shopId, shop.id)))).toBe(1);
	});
});

describe('a failed checkout changes nothing', () => {
	it('one shop short: no order anywhere, stock, slots and cart unchanged, the short line named', async () => {
		const a = await makeShop(db, territoryId);
		const b = await makeShop(db, territoryId);
		const fine = await makeProduct(db, a, { stock: 5 });
		const short = await makeProduct(db, b, { name: 'Brioche', stock: 5 });
		const slotA = await makeSlot(db, { shopId: a.id });
		const slotB = await makeSlot(db, { shopId: b.id });
		const cartId = await cartWith({ variantId: fine.variant.id, quantity: 2 }, { variantId: short.variant.id, quantity: 3 });
		await db.update(variants).set({ stock: 1 }).where(eq(variants.id, short.variant.id));
		const ordersBefore = await n(db.select({ n: count() }).from(orders));
		const movementsBefore = await n(db.select({ n: count() }).from(stockMovements));
		const error = await checkout(db, ctx(cartId), {
			customer,
			acceptTerms: true,
			fulfilments: [
				{ shopId: a.id, method: 'pickup', slotId: slotA.id },
				{ shopId: b.id, method: 'pickup', slotId: slotB.id }
			]
		}).catch((e) => e);
		// The cart view already knows the line is short: refused before any write, naming it (409).
		expect(error).toBeInstanceOf(ConflictError);
		expect(error.details).toEqual([{ kind: 'line', variantId: short.variant.id, productName: 'Brioche', available: 1 }]);
		expect(await stockOf(fine.variant.id)).toBe(5);
		expect(await reservedOf(slotA.id)).toBe(0);
		expect(await n(db.select({ n: count() }).from(orders))).toBe(ordersBefore);
		expect(await n(db.select({ n: count() }).from(stockMovements))).toBe(movementsBefore);
		expect((await getCart(db, territoryId, cartId)).itemCount).toBe(2);
	});

	it('a product withdrawn after it was put in the cart: refused by name, nothing taken', async () => {
		const a = await makeShop(db, territoryId);
		const b = await makeShop(db, territoryId);
		const fine = await makeProduct(db, a, { stock: 5 });
		const short = await makeProduct(db, b, { name: 'Chouquettes', stock: 5 });
		const slotA = await makeSlot(db, { shopId: a.id });
		const slotB = await makeSlot(db, { shopId: b.id });
		const cartId = await cartWith({ variantId: fine.variant.id, quantity: 2 }, { variantId: short.variant.id, quantity: 3 });
		await db.update(products).set({ soldOutToday: true }).where(eq(products.id, short.product.id));
		const result = await checkout(db, ctx(cartId), {
			customer,
			acceptTerms: true,
			fulfilments: [
				{ shopId: a.id, method: 'pickup', slotId: slotA.id },
				{ shopId: b.id, method: 'pickup', slotId: slotB.id }
			]
		}).catch((e) => e);
		expect(result).toBeInstanceOf(ConflictError);
		expect(JSON.stringify(result.details)).toContain('Chouquettes');
		expect(await stockOf(fine.variant.id)).toBe(5);
		expect(await reservedOf(slotA.id)).toBe(0);
	});
});

describe('the cart', () => {
	it('adds up quick taps on "add", even simultaneous ones, and stamps its last change', async () => {
		const shop = await makeShop(db, territoryId);
		const { variant } = await makeProduct(db, shop, { stock: 20 });
		const cartId = await cartWith({ variantId: variant.id, quantity: 1 });
		await db
			.update(carts)
			.set({ updatedAt: new Date('2026-01-01T00:00:00Z') })
			.where(eq(carts.id, cartId));
		await Promise.all(
			Array.from({ length: 6 }, () => addToCart(db, { territoryId, cartId }, { variantId: variant.id, quantity: 2 }, 'fr'))
		);
		const items = await db.select({ quantity: cartItems.quantity }).from(cartItems).where(eq(cartItems.cartId, cartId));
		expect(items).toEqual([{ quantity: 13 }]);
		const [{ updatedAt }] = await db.select({ updatedAt: carts.updatedAt }).from(carts).where(eq(carts.id, cartId));
		expect(updatedAt.getTime()).toBeGreaterThan(Date.parse('2026-06-01T00:00:00Z'));
	});

	it('never holds more than the stock, even when taps on "add" arrive together', async () => {
		const shop = await makeShop(db, territoryId);
		const { variant } = await makeProduct(db, shop, { stock: 5 });
		const cartId = await cartWith({ variantId: variant.id, quantity: 1 });
		const taps = await Promise.allSettled(
			Array.from({ length: 6 }, () => addToCart(db, { territoryId, cartId }, { variantId: variant.id, quantity: 1 }, 'fr'))
		);
		const refused = taps.filter((tap) => tap.status === 'rejected');
		expect(refused).toHaveLength(2);
		for (const tap of refused) expect((tap as PromiseRejectedResult).reason).toBeInstanceOf(InvalidInputError);
		const items = await db.select({ quantity: cartItems.quantity }).from(cartItems).where(eq(cartItems.cartId, cartId));
		expect(items).toEqual([{ quantity: 5 }]);
	});
});

describe('bad input', () => {
	it('refuses bad quantities and unknown or withdrawn variants in the cart', async () => {
		const shop = await makeShop(db, territoryId);
		const piece = await makeProduct(db, shop, { stock: 5 });
		const weighed = await makeProduct(db, shop, { unit: 'kg', stock: 10 });
		const add = (variantId: string, quantity: unknown) => addToCart(db, { territoryId, cartId: null }, { variantId, quantity }, 'fr');
		const fieldOf = async (p: Promise<unknown>) => ((await p.catch((e) => e)) as InvalidInputError).fields;
		expect((await fieldOf(add(piece.variant.id, -1))).quantity[0]).toMatch(/positive/);
		expect((await fieldOf(add(piece.variant.id, 1.5))).quantity[0]).toMatch(/nombre entier/);
		expect((await fieldOf(add(piece.variant.id, 6))).quantity[0]).toMatch(/reste que 5/);
		expect((await fieldOf(add(piece.variant.id, 'beaucoup'))).quantity[0]).toMatch(/en chiffres/);
		expect((await fieldOf(add(weighed.variant.id, 0.3))).quantity[0]).toMatch(/demi-kilo/);
		await expect(add(weighed.variant.id, '1,5')).resolves.toBeTruthy();
		expect((await fieldOf(add(randomUUID(), 1))).variantId[0]).toMatch(/n’existe pas/);
		expect((await fieldOf(add('not-a-uuid', 1))).variantId).toBeDefined();
		await db.update(products).set({ status: 'archived' }).where(eq(products.id, piece.product.id));
		expect((await fieldOf(add(piece.variant.id, 1))).variantId[0]).toMatch(/n’existe pas/);
	});

	it('refuses a slot of another shop, a past slot, an address outside every zone, missing terms, huge names', async () => {
		const shop = await makeShop(db, territoryId);
		const other = await makeShop(db, territoryId);
		const item = await makeProduct(db, shop, { stock: 5 });
		await makeDeliveryZone(db, shop.id, { postcodes: ['37000'] });
		const otherSlot = await makeSlot(db, { shopId: other.id });
		const pastSlot = await makeSlot(db, { shopId: shop.id }, { startsInHours: -2 });
		const tooSoon = await makeSlot(db, { shopId: shop.id }, { startsInHours: 0.5 });
		const deliverySlot = await makeSlot(db, { shopId: shop.id, kind: 'delivery' });
		const cartId = await cartWith({ variantId: item.variant.id, quantity: 1 });
		const attempt = (body: unknown): Promise<InvalidInputError> =>
			checkout(db, ctx(cartId), body).then(
				() => {
					throw new Error('expected a refusal');
				},
				(e) => e as InvalidInputError
			);
		const base = { customer, acceptTerms: true };
		for (const slotId of [otherSlot.id, pastSlot.id, tooSoon.id]) {
			const e = await attempt({ ...base, fulfilments: [{ shopId: shop.id, method: 'pickup', slotId }] });
			expect(e.fields['fulfilments.0.slotId'][0]).toMatch(/plus disponible/);
		}
		const outside = await attempt({
			...base,
			fulfilments: [
				{ shopId: shop.id, method: 'delivery', slotId: deliverySlot.id, address: { line1: '1 rue Loin', postcode: '75001', city: 'Paris' } }
			]
		});
		expect(outside.fields['fulfilments.0.address.postcode'][0]).toMatch(/ne livre pas/);
		const noTerms = await attempt({
			customer,
			acceptTerms: false,
			fulfilments: [{ shopId: shop.id, method: 'pickup', slotId: deliverySlot.id }]
		});
		expect(noTerms.fields.acceptTerms[0]).toMatch(/conditions de vente/);
		const huge = await attempt({ ...base, customer: { ...customer, name: 'x'.repeat(1_000_000) }, fulfilments: [] });
		expect(huge.fields['customer.name'][0]).toMatch(/100 caractères/);
		for (const junk of [null, 42, 'text', [], { customer: 'x' }]) expect(await attempt(junk)).toBeInstanceOf(InvalidInputError);
		expect(await reservedOf(deliverySlot.id)).toBe(0);
		expect(await stockOf(item.variant.id)).toBe(5);
	});

	it('delivers in a radius zone to an address of the shop’s own town, typed without coordinates', async () => {
		const shop = await makeShop(db, territoryId, { postcode: '37285' });
		const item = await makeProduct(db, shop, { stock: 5 });
		await makeDeliveryZone(db, shop.id, { postcodes: [], radiusKm: 6 });
		const slot = await makeSlot(db, { shopId: shop.id, kind: 'delivery' });
		const address = { line1: '4 rue Haute', postcode: '37285', city: 'Bourg-Test' };
		const cartId = await cartWith({ variantId: item.variant.id, quantity: 1 });
		const placed = await checkout(db, ctx(cartId), {
			customer,
			acceptTerms: true,
			fulfilments: [{ shopId: shop.id, method: 'delivery', slotId: slot.id, address }]
		});
		expect(placed.orders[0].totalCents).toBe(350 + 300);
		const far = await cartWith({ variantId: item.variant.id, quantity: 1 });
		await expect(
			checkout(db, ctx(far), {
				customer,
				acceptTerms: true,
				fulfilments: [{ shopId: shop.id, method: 'delivery', slotId: slot.id, address: { ...address, postcode: '75001' } }]
			})
		).rejects.toBeInstanceOf(InvalidInputError);
	});

	it('requires an idempotency key', async () => {
		await expect(checkout(db, ctx(null, { idempotencyKey: '' }), {})).rejects.toMatchObject({
			fields: { 'Idempotency-Key': expect.any(Array) }
		});
	});
});

describe('customer cancellation', () => {
	it('gives stock and slot back once, and only before acceptance', async () => {
		const shop = await makeShop(db, territoryId);
		const item = await makeProduct(db, shop, { stock: 5 });
		const slot = await makeSlot(db, { shopId: shop.id });
		const cartId = await cartWith({ variantId: item.variant.id, quantity: 2 });
		const { orders: placed } = await checkout(db, ctx(cartId), {
			customer,
			acceptTerms: true,
			fulfilments: [{ shopId: shop.id, method: 'pickup', slotId: slot.id }]
		});
		const [order] = placed;
		await expect(cancelByCustomer(db, order.id, 'forged')).rejects.toBeInstanceOf(NotFoundError);
		await cancelByCustomer(db, order.id, order.accessToken);
		expect(await stockOf(item.variant.id)).toBe(5);
		expect(await reservedOf(slot.id)).toBe(0);
		await expect(cancelByCustomer(db, order.id, order.accessToken)).rejects.toMatchObject({ messageKey: 'error_order_not_cancellable' });
		const events = await db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id));
		expect(events.map((e) => e.toStatus)).toEqual(['new', 'cancelled']);
		const movements = await db
			.select({ sum: sql<number>`sum(${stockMovements.delta})::float8` })
			.from(stockMovements)
			.where(eq(stockMovements.variantId, item.variant.id));
		expect(Number(movements[0].sum)).toBe(5);
		const lines = await db.select().from(orderLines).where(eq(orderLines.orderId, order.id));
		expect(lines[0].quantity).toBe(2);
		expect(await n(db.select({ n: count() }).from(cartItems).where(eq(cartItems.cartId, cartId)))).toBe(0);
	});
});
