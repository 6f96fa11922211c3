import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { request as httpRequest } from 'node:http';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { z } from 'zod';
import { startServer, type RunningServer } from '../setup/server.ts';
import { signInCookie, get as getWithCookie } from './session.ts';
import { ShopList, ShopDetail, ProductList, ProductDetail } from '../../src/lib/server/http/api-schemas.ts';
import {
	Cart,
	CartCreated,
	CheckoutResult,
	CheckoutConflict,
	CustomerOrderSchema,
	SlotList
} from '../../src/lib/server/http/api-cart-schemas.ts';
import { Problem } from '../../src/lib/server/http/openapi.ts';
import { openDatabase } from '../../src/lib/server/db/client.ts';
import { territories } from '../../src/lib/server/db/schema/index.ts';

// The cart, checkout and customer-order API over real HTTP, against the built server and the demo
// territory; a second territory (another host name) proves carts do not cross territories.
// Every client address is made distinct (X-Forwarded-For, trusted through ADDRESS_HEADER) so the
// checkout rate limit bites only where a test asks for it.

const OTHER_HOST = 'autre.localhost';
const TZ = 'Europe/Paris';

let server: RunningServer;
let dataDir: string;
let ownDatabase: { admin: string; name: string } | undefined;

/** A JSON answer, read loosely (bodies that matter are parsed with their schema). */
type Json = { [key: string]: Json };
type Answer = { status: number; type: string; headers: Headers; body: Json };

let address = 0;
const nextAddress = () => `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address++ & 255}`;

async function call(
	method: string,
	path: string,
	options: { body?: unknown; raw?: string; headers?: Record<string, string>; from?: string } = {}
): Promise<Answer> {
	const response = await fetch(server.url + path, {
		method,
		headers: {
			'accept-language': 'en',
			// SvelteKit treats a bodiless POST/PATCH/DELETE without a content type as a cross-site form post (403).
			'content-type': 'application/json',
			'x-forwarded-for': options.from ?? nextAddress(),
			...options.headers
		},
		body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body))
	});
	const type = response.headers.get('content-type') ?? '';
	const text = await response.text();
	return { status: response.status, type, headers: response.headers, body: type.includes('json') && text ? JSON.parse(text) : { text } };
}

/** A request under another host name (fetch cannot set Host). */
function callAs(host: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> {
	const url = new URL(server.url);
	const payload = body === undefined ? undefined : JSON.stringify(body);
	return new Promise((resolve, reject) => {
		const req = httpRequest(
			{
				host: '127.0.0.1',
				port: url.port,
				method,
				path,
				headers: {
					host: `${host}:${url.port}`,
					'content-type': 'application/json',
					'x-forwarded-for': nextAddress(),
					...(payload ? { 'content-length': Buffer.byteLength(payload) } : {})
				}
			},
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (chunk) => (text += chunk));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} }));
			}
		);
		req.on('error', reject);
		req.end(payload);
	});
}

function expectProblem(r: Answer, status: number) {
	expect(r.status, JSON.stringify(r.body)).toBe(status);
	expect(r.type).toContain('application/problem+json');
	const problem = Problem.parse(r.body);
	expect(problem.status).toBe(status);
	return problem;
}

// ── The demo data this file works with, found through the public API ───────────────────────

type Slot = z.output<typeof SlotList>['items'][number];
type Buyable = { productId: string; variantId: string; name: string; priceCents: number; stock: number };
type ShopPick = { id: string; slug: string; name: string; slots: Slot[]; variants: Buyable[] };

const localDay = (offsetDays = 0) =>
	new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(new Date(Date.now() + offsetDays * 86_400_000));

async function slotsOf(slug: string): Promise<Slot[]> {
	const r = await call('GET', `/api/v1/shops/${slug}/slots?from=${localDay()}&to=${localDay(6)}`);
	expect(r.status).toBe(200);
	// Leave out slots starting within minutes of the preparation lead time: they may close while a test runs.
	return SlotList.parse(r.body).items.filter((s) => Date.parse(s.startsAt) > Date.now() + 130 * 60_000);
}

async function stockOf(item: Buyable): Promise<number | null> {
	const r = await call('GET', `/api/v1/products/${item.productId}`);
	return ProductDetail.parse(r.body).variants.find((v) => v.id === item.variantId)!.stock;
}

/** Shops with no minimum order, pickup slots, and tracked variants sold by the piece with stock. */
async function pickShops(count: number): Promise<ShopPick[]> {
	const { items } = ShopList.parse((await call('GET', '/api/v1/shops')).body);
	const picked: ShopPick[] = [];
	for (const summary of items) {
		if (picked.length === count) break;
		const detail = ShopDetail.parse((await call('GET', `/api/v1/shops/${summary.slug}`)).body);
		if (detail.minOrderCents > 0) continue;
		const slots = await slotsOf(summary.slug);
		if (slots.length < 4) continue;
		const products = ProductList.parse((await call('GET', `/api/v1/products?shop=${summary.slug}&limit=100`)).body).items;
		const variants: Buyable[] = [];
		for (const card of products.filter((p) => p.unit !== 'kg' && p.available)) {
			const product = ProductDetail.parse((await call('GET', `/api/v1/products/${card.id}`)).body);
			for (const v of product.variants) {
				if (v.stockMode === 'tracked' && v.stock !== null && v.stock >= 8) {
					variants.push({ productId: product.id, variantId: v.id, name: product.name, priceCents: v.priceCents, stock: v.stock });
				}
			}
			if (variants.length >= 3) break;
		}
		if (variants.length >= 3) picked.push({ id: detail.id, slug: detail.slug, name: detail.name, slots, variants });
	}
	expect(picked.length, 'demo shops fit for these tests').toBe(count);
	return picked;
}

// ── Small steps of a customer's journey ────────────────────────────────────────────────────

const customer = (email = `client-${randomUUID().slice(0, 8)}@exemple.fr`) => ({ name: 'Camille Durand', email, phone: '06 12 34 56 78' });

async function newCart(): Promise<string> {
	const r = await call('POST', '/api/v1/carts');
	expect(r.status).toBe(201);
	return CartCreated.parse(r.body).id;
}

async function cartWith(...lines: { item: Buyable; quantity: number }[]): Promise<string> {
	const id = await newCart();
	for (const { item, quantity } of lines) {
		const r = await call('POST', `/api/v1/carts/${id}/items`, { body: { variantId: item.variantId, quantity } });
		expect(r.status, JSON.stringify(r.body)).toBe(201);
	}
	return id;
}

const pickupAt = (shop: ShopPick, slot: Slot) => ({ shopId: shop.id, method: 'pickup', slotId: slot.id });

function checkoutBody(fulfilments: unknown[], email?: string) {
	return { customer: customer(email), acceptTerms: true, fulfilments, payment: { method: 'on_site' } };
}

const placeOrder = (cartId: string, body: unknown, key = randomUUID(), from?: string) =>
	call('POST', `/api/v1/carts/${cartId}/checkout`, { body, headers: { 'idempotency-key': key }, from });

// ── Setup ──────────────────────────────────────────────────────────────────────────────────

let bakeryLike: ShopPick;
let otherShop: ShopPick;
let raceShop: ShopPick;

beforeAll(async () => {
	dataDir = mkdtempSync(join(tmpdir(), 'echoppe-checkout-api-'));
	const env: Record<string, string> = { ADDRESS_HEADER: 'x-forwarded-for' };
	const base = process.env.TEST_DATABASE_URL;
	if (base) {
		// Our own database, kept across the restart below (startServer drops the ones it creates).
		ownDatabase = { admin: base, name: `echoppe_co_${randomUUID().replaceAll('-', '').slice(0, 12)}` };
		const admin = new pg.Client({ connectionString: base });
		await admin.connect();
		await admin.query(`create database ${ownDatabase.name}`);
		await admin.end();
		const u = new URL(base);
		u.pathname = `/${ownDatabase.name}`;
		env.DATABASE_URL = u.toString();
	}
	// First start seeds the demo; then a second territory is added while the server is down
	// (PGlite allows one process at a time) and the server starts again on the same data.
	const first = await startServer(env, { dataDir });
	await first.stop();
	const database = await openDatabase(
		env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL, poolSize: 1 } : { dataDir: join(dataDir, 'pglite') }
	);
	await database.db.insert(territories).values({ slug: 'autre-territoire', name: 'Autre territoire', host: OTHER_HOST });
	await database.close();
	server = await startServer(env, { dataDir });
	[bakeryLike, otherShop, raceShop] = await pickShops(3);
}, 180_000);

afterAll(async () => {
	await server?.stop();
	rmSync(dataDir, { recursive: true, force: true });
	if (ownDatabase) {
		const admin = new pg.Client({ connectionString: ownDatabase.admin });
		await admin.connect();
		await admin.query(`drop database if exists ${ownDatabase.name} with (force)`);
		await admin.end();
	}
});

// ── Slots ──────────────────────────────────────────────────────────────────────────────────

describe('pickup slots', () => {
	it('lists the slots with room between two local days, soonest first', async () => {
		const r = await call('GET', `/api/v1/shops/${bakeryLike.slug}/slots?from=${localDay(1)}&to=${localDay(2)}`);
		expect(r.status).toBe(200);
		const { items } = SlotList.parse(r.body);
		expect(items.length).toBeGreaterThan(0);
		const starts = items.map((s) => Date.parse(s.startsAt));
		expect(starts).toEqual([...starts].sort((a, b) => a - b));
		const day = new Intl.DateTimeFormat('en-CA', { timeZone: TZ });
		for (const s of items) {
			expect([localDay(1), localDay(2)]).toContain(day.format(new Date(s.startsAt)));
			expect(s.remaining).toBeGreaterThan(0);
			expect(Date.parse(s.endsAt)).toBeGreaterThan(Date.parse(s.startsAt));
		}
		// Without dates: from today, a week.
		const week = SlotList.parse((await call('GET', `/api/v1/shops/${bakeryLike.slug}/slots`)).body).items;
		expect(week.map((s) => s.id)).toEqual(expect.arrayContaining(items.map((s) => s.id)));
	});

	it('answers 400 for bad days, a reversed or too long span, 404 for an unknown shop', async () => {
		const path = `/api/v1/shops/${bakeryLike.slug}/slots`;
		expect(expectProblem(await call('GET', `${path}?from=2026-02-30`), 400).errors?.from).toBeDefined();
		expect(expectProblem(await call('GET', `${path}?from=tomorrow`), 400).errors?.from).toBeDefined();
		// Year 0000 is a valid ISO date but no PostgreSQL date: a field error, not a 500.
		expect(expectProblem(await call('GET', `${path}?from=0000-01-01`), 400).errors?.from).toBeDefined();
		expect(expectProblem(await call('GET', `${path}?from=${localDay(3)}&to=${localDay(1)}`), 400).errors?.to).toBeDefined();
		expect(expectProblem(await call('GET', `${path}?from=${localDay()}&to=${localDay(31)}`), 400).errors?.to).toBeDefined();
		expect((await call('GET', `${path}?from=${localDay()}&to=${localDay(30)}`)).status).toBe(200);
		expectProblem(await call('GET', '/api/v1/shops/no-such-shop/slots'), 404);
	});
});

// ── Carts ──────────────────────────────────────────────────────────────────────────────────

describe('carts', () => {
	it('creates a cart, adds, changes and removes lines, grouped per shop', async () => {
		const id = await newCart();
		expect(Cart.parse((await call('GET', `/api/v1/carts/${id}`)).body)).toMatchObject({ id, groups: [], totalCents: 0, itemCount: 0 });
		const [a] = bakeryLike.variants;
		const [b] = otherShop.variants;
		const added = await call('POST', `/api/v1/carts/${id}/items`, { body: { variantId: a.variantId, quantity: 2 } });
		expect(added.status).toBe(201);
		expect(added.headers.get('cache-control')).toBe('no-store');
		await call('POST', `/api/v1/carts/${id}/items`, { body: { variantId: a.variantId, quantity: 1 } });
		const cart = Cart.parse((await call('POST', `/api/v1/carts/${id}/items`, { body: { variantId: b.variantId, quantity: 1 } })).body);
		expect(cart.groups).toHaveLength(2);
		const lineA = cart.groups.flatMap((g) => g.lines).find((l) => l.variantId === a.variantId)!;
		expect(lineA).toMatchObject({ quantity: 3, unitPriceCents: a.priceCents, totalCents: 3 * a.priceCents, available: true });
		const groupA = cart.groups.find((g) => g.shop.id === bakeryLike.id)!;
		expect(groupA.subtotalCents).toBe(groupA.lines.reduce((s, l) => s + l.totalCents, 0));
		expect(cart.totalCents).toBe(cart.groups.reduce((s, g) => s + g.subtotalCents, 0));

		const patched = await call('PATCH', `/api/v1/carts/${id}/items/${lineA.itemId}`, { body: { quantity: 1 } });
		expect(patched.status).toBe(200);
		expect(
			Cart.parse(patched.body)
				.groups.flatMap((g) => g.lines)
				.find((l) => l.itemId === lineA.itemId)?.quantity
		).toBe(1);
		const removed = await call('DELETE', `/api/v1/carts/${id}/items/${lineA.itemId}`);
		expect(removed.status).toBe(200);
		expect(Cart.parse(removed.body).groups.map((g) => g.shop.id)).toEqual([otherShop.id]);
		expectProblem(await call('DELETE', `/api/v1/carts/${id}/items/${lineA.itemId}`), 404);
		const lineB = Cart.parse(removed.body).groups[0].lines[0];
		const zero = await call('PATCH', `/api/v1/carts/${id}/items/${lineB.itemId}`, { body: { quantity: 0 } });
		expect(Cart.parse(zero.body).itemCount).toBe(0);
	});

	it.each([
		['negative', -1],
		['fractional for a piece', 1.5],
		['zero', 0],
		['not a number', 'abc'],
		['huge', 1e9],
		['missing', undefined]
	])('refuses a %s quantity with 422 on quantity', async (_, quantity) => {
		const id = await newCart();
		const r = await call('POST', `/api/v1/carts/${id}/items`, { body: { variantId: bakeryLike.variants[0].variantId, quantity } });
		expect(expectProblem(r, 422).errors?.quantity?.length).toBeGreaterThan(0);
		expect(Cart.parse((await call('GET', `/api/v1/carts/${id}`)).body).itemCount).toBe(0);
	});

	it('refuses a fractional quantity change, and more than the stock', async () => {
		const item = bakeryLike.variants[0];
		const id = await cartWith({ item, quantity: 1 });
		const line = Cart.parse((await call('GET', `/api/v1/carts/${id}`)).body).groups[0].lines[0];
		expect(
			expectProblem(await call('PATCH', `/api/v1/carts/${id}/items/${line.itemId}`, { body: { quantity: 2.5 } }), 422).errors?.quantity
		).toBeDefined();
		const stock = (await stockOf(item))!;
		const over = await call('POST', `/api/v1/carts/${id}/items`, { body: { variantId: item.variantId, quantity: stock } });
		expect(expectProblem(over, 422).errors?.quantity).toBeDefined();
	});

	it('refuses an unknown variant with 422 on variantId', async () => {
		const id = await newCart();
		for (const variantId of [randomUUID(), 'not-a-uuid', bakeryLike.variants[0].productId]) {
			const r = await call('POST', `/api/v1/carts/${id}/items`, { body: { variantId, quantity: 1 } });
			expect(expectProblem(r, 422).errors?.variantId?.length).toBeGreaterThan(0);
		}
	});

	it('answers 404 for an unknown or malformed cart id, and never makes a new cart instead', async () => {
		const unknown = randomUUID();
		const item = bakeryLike.variants[0];
		expectProblem(await call('GET', `/api/v1/carts/${unknown}`), 404);
		expectProblem(await call('GET', '/api/v1/carts/not-a-uuid'), 404);
		expectProblem(await call('POST', `/api/v1/carts/${unknown}/items`, { body: { variantId: item.variantId, quantity: 1 } }), 404);
		expectProblem(await call('PATCH', `/api/v1/carts/${unknown}/items/${randomUUID()}`, { body: { quantity: 1 } }), 404);
		expectProblem(await call('DELETE', `/api/v1/carts/${unknown}/items/${randomUUID()}`), 404);
		expectProblem(await placeOrder(unknown, checkoutBody([pickupAt(bakeryLike, bakeryLike.slots[1])])), 404);
		expectProblem(await call('GET', `/api/v1/carts/${unknown}`), 404);
	});

	it('keeps carts within their territory', async () => {
		const created = await callAs(OTHER_HOST, 'POST', '/api/v1/carts');
		expect(created.status).toBe(201);
		const foreign = CartCreated.parse(created.body).id;
		expect((await callAs(OTHER_HOST, 'GET', `/api/v1/carts/${foreign}`)).status).toBe(200);
		expectProblem(await call('GET', `/api/v1/carts/${foreign}`), 404);
		const item = bakeryLike.variants[0];
		expectProblem(await call('POST', `/api/v1/carts/${foreign}/items`, { body: { variantId: item.variantId, quantity: 1 } }), 404);
		expectProblem(await placeOrder(foreign, checkoutBody([pickupAt(bakeryLike, bakeryLike.slots[1])])), 404);

		const local = await cartWith({ item, quantity: 1 });
		expect((await callAs(OTHER_HOST, 'GET', `/api/v1/carts/${local}`)).status).toBe(404);
		// Nor can the other territory's cart take this territory's products.
		const cross = await callAs(OTHER_HOST, 'POST', `/api/v1/carts/${foreign}/items`, { variantId: item.variantId, quantity: 1 });
		expect(cross.status).toBe(422);
	});
});

// ── Checkout and the customer's orders ─────────────────────────────────────────────────────

describe('checkout', () => {
	let placed: z.output<typeof CheckoutResult>;
	const email = `client-${randomUUID().slice(0, 8)}@exemple.fr`;
	const [aLine, bLine] = [() => bakeryLike.variants[1], () => otherShop.variants[1]];

	it('places one numbered order per shop with pickup slots, takes the stock and empties the cart', async () => {
		const a = aLine();
		const b = bLine();
		const before = { a: (await stockOf(a))!, b: (await stockOf(b))! };
		const cartId = await cartWith({ item: a, quantity: 2 }, { item: b, quantity: 1 });
		const cart = Cart.parse((await call('GET', `/api/v1/carts/${cartId}`)).body);
		const body = checkoutBody([pickupAt(bakeryLike, bakeryLike.slots[1]), pickupAt(otherShop, otherShop.slots[1])], email);
		const key = randomUUID();
		const r = await placeOrder(cartId, body, key);
		expect(r.status, JSON.stringify(r.body)).toBe(201);
		expect(r.headers.get('idempotent-replayed')).toBeNull();
		placed = CheckoutResult.parse(r.body);
		expect(placed.orders.map((o) => o.shopId).sort()).toEqual([bakeryLike.id, otherShop.id].sort());
		for (const order of placed.orders) {
			expect(Number.isInteger(order.number) && order.number >= 1).toBe(true);
			expect(order.status).toBe('new');
			expect(order.accessToken.length).toBeGreaterThan(20);
			expect(order.totalCents).toBe(cart.groups.find((g) => g.shop.id === order.shopId)!.subtotalCents);
		}
		expect(await stockOf(a)).toBe(before.a - 2);
		expect(await stockOf(b)).toBe(before.b - 1);
		expect(Cart.parse((await call('GET', `/api/v1/carts/${cartId}`)).body).itemCount).toBe(0);

		// A retry with the same key and body: the same answer, nothing placed again.
		const again = await placeOrder(cartId, body, key);
		expect(again.status).toBe(201);
		expect(again.headers.get('idempotent-replayed')).toBe('true');
		expect(again.body).toEqual(r.body);
		expect(await stockOf(a)).toBe(before.a - 2);
		// The same key with another body is refused.
		const other = await placeOrder(cartId, { ...body, customer: customer() }, key);
		expectProblem(other, 409);
	});

	it('queues the confirmation email of each order for the customer', async () => {
		const operator = await signInCookie(server.url, 'operateur@saint-aubin.demo');
		const page = await getWithCookie(server.url, '/admin/e-mails', operator);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain(email);
		for (const order of placed.orders) expect(html).toContain(`/commandes/${order.id}`);
	});

	it('shows the order to the holder of its token only, without any secret', async () => {
		const [order, other] = placed.orders;
		const byHeader = await call('GET', `/api/v1/orders/${order.id}`, { headers: { authorization: `Bearer ${order.accessToken}` } });
		expect(byHeader.status).toBe(200);
		expect(byHeader.headers.get('cache-control')).toBe('no-store');
		const view = CustomerOrderSchema.parse(byHeader.body);
		expect(view).toMatchObject({ id: order.id, number: order.number, status: 'new', canCancel: true, fulfilment: 'pickup' });
		expect(view.shop.id).toBe(order.shopId);
		expect(view.slot).not.toBeNull();
		expect(view.customer.email).toBe(email);
		expect(view.lines.length).toBeGreaterThan(0);
		expect(view.totalCents).toBe(view.lines.reduce((s, l) => s + l.totalCents, 0));
		expect(view.vat.reduce((s, v) => s + v.totalCents, 0)).toBe(view.subtotalCents);
		for (const v of view.vat) expect(v.baseCents + v.vatCents).toBe(v.totalCents);
		expect(view.events.map((e) => e.toStatus)).toEqual(['new']);
		const text = JSON.stringify(byHeader.body);
		expect(text).not.toMatch(/hash|userId|checkoutId|territoryId/i);
		expect(text).not.toContain(order.accessToken);

		const byQuery = await call('GET', `/api/v1/orders/${order.id}?token=${encodeURIComponent(order.accessToken)}`);
		expect(byQuery.status).toBe(200);
		expect(byQuery.body).toEqual(byHeader.body);

		expectProblem(await call('GET', `/api/v1/orders/${order.id}`), 404);
		expectProblem(await call('GET', `/api/v1/orders/${order.id}?token=wrong`), 404);
		expectProblem(await call('GET', `/api/v1/orders/${order.id}`, { headers: { authorization: `Bearer ${other.accessToken}` } }), 404);
		expectProblem(await call('GET', `/api/v1/orders/not-a-uuid?token=${order.accessToken}`), 404);
		expect((await callAs(OTHER_HOST, 'GET', `/api/v1/orders/${order.id}?token=${encodeURIComponent(order.accessToken)}`)).status).toBe(404);
	});

	it('lets the customer cancel once: the stock comes back, a second cancel is refused', async () => {
		const order = placed.orders.find((o) => o.shopId === bakeryLike.id)!;
		const a = aLine();
		const before = (await stockOf(a))!;
		expectProblem(await call('POST', `/api/v1/orders/${order.id}/cancel`), 404);
		const r = await call('POST', `/api/v1/orders/${order.id}/cancel`, { headers: { authorization: `Bearer ${order.accessToken}` } });
		expect(r.status, JSON.stringify(r.body)).toBe(200);
		const view = CustomerOrderSchema.parse(r.body);
		expect(view).toMatchObject({ status: 'cancelled', canCancel: false });
		expect(view.events.map((e) => e.toStatus)).toEqual(['new', 'cancelled']);
		expect(await stockOf(a)).toBe(before + 2);
		const again = await call('POST', `/api/v1/orders/${order.id}/cancel?token=${encodeURIComponent(order.accessToken)}`);
		expectProblem(again, 409);
		expect(await stockOf(a)).toBe(before + 2);
	});

	it('sells exactly the stock left to 30 concurrent buyers: the others get 409 naming the line, never a 500', async () => {
		const item = raceShop.variants[0];
		const left = 5;
		// Bring the stock down to a few units with one big order first.
		const stock = (await stockOf(item))!;
		expect(stock).toBeGreaterThan(left);
		const bulk = await placeOrder(await cartWith({ item, quantity: stock - left }), checkoutBody([pickupAt(raceShop, raceShop.slots[0])]));
		expect(bulk.status, JSON.stringify(bulk.body)).toBe(201);
		expect(await stockOf(item)).toBe(left);

		const buyers = 30;
		const carts = await Promise.all(Array.from({ length: buyers }, () => cartWith({ item, quantity: 1 })));
		// Spread the buyers over slots with room, so only the stock decides.
		const slots = await slotsOf(raceShop.slug);
		const seats = slots.flatMap((s) => Array.from({ length: s.remaining }, () => s));
		expect(seats.length).toBeGreaterThanOrEqual(buyers);
		const answers = await Promise.all(carts.map((cartId, i) => placeOrder(cartId, checkoutBody([pickupAt(raceShop, seats[i])]))));
		// Whatever else, each unit was sold once, to exactly as many buyers, and nobody got a 500.
		expect(await stockOf(item)).toBe(0);
		expect(answers.filter((a) => a.status >= 500)).toEqual([]);
		const won = answers.filter((a) => a.status === 201);
		expect(won).toHaveLength(left);
		// Order numbers at the shop: consecutive, no gap, no duplicate.
		const numbers = [CheckoutResult.parse(bulk.body), ...won.map((a) => CheckoutResult.parse(a.body))]
			.flatMap((c) => c.orders)
			.map((o) => o.number)
			.sort((x, y) => x - y);
		expect(numbers).toEqual(numbers.map((_, i) => numbers[0] + i));
		// Every other buyer is told which line is short.
		const tally: Record<number, number> = {};
		for (const a of answers) tally[a.status] = (tally[a.status] ?? 0) + 1;
		expect(tally).toEqual({ 201: left, 409: buyers - left });
		for (const a of answers.filter((a) => a.status !== 201)) {
			expectProblem(a, 409);
			const problem = CheckoutConflict.parse(a.body);
			expect(problem.conflicts).toContainEqual({ kind: 'line', variantId: item.variantId, productName: item.name, available: 0 });
		}
	}, 60_000);

	it('answers 409 naming the line, not 422, when the stock went to another buyer before checkout', async () => {
		const item = raceShop.variants[1];
		const stock = (await stockOf(item))!;
		const mine = await cartWith({ item, quantity: stock });
		const theirs = await cartWith({ item, quantity: stock });
		expect((await placeOrder(theirs, checkoutBody([pickupAt(raceShop, raceShop.slots[2])]))).status).toBe(201);
		const r = await placeOrder(mine, checkoutBody([pickupAt(raceShop, raceShop.slots[2])]));
		expectProblem(r, 409);
		const problem = CheckoutConflict.parse(r.body);
		expect(problem.conflicts).toContainEqual({ kind: 'line', variantId: item.variantId, productName: item.name, available: 0 });
	});
});

describe('bad checkout input', () => {
	let cartId: string;
	const item = () => bakeryLike.variants[2];
	const good = () => checkoutBody([pickupAt(bakeryLike, bakeryLike.slots[2])]);

	beforeAll(async () => {
		cartId = await cartWith({ item: item(), quantity: 1 });
	});

	const refusedWith = async (body: unknown, status: number, field?: string, headers?: Record<string, string>) => {
		const r = await call('POST', `/api/v1/carts/${cartId}/checkout`, {
			...(typeof body === 'string' ? { raw: body } : { body }),
			headers: { 'idempotency-key': randomUUID(), ...headers }
		});
		const problem = expectProblem(r, status);
		if (field) expect(problem.errors?.[field], JSON.stringify(problem.errors)).toBeDefined();
		return problem;
	};

	it('refuses a slot of another shop, field by field', async () => {
		const body = { ...good(), fulfilments: [pickupAt(bakeryLike, otherShop.slots[2])] };
		await refusedWith(body, 422, 'fulfilments.0.slotId');
	});

	it('refuses a missing or false terms acceptance', async () => {
		const { acceptTerms: _, ...without } = good();
		await refusedWith(without, 422, 'acceptTerms');
		await refusedWith({ ...good(), acceptTerms: false }, 422, 'acceptTerms');
	});

	it('refuses a bad customer: long name, bad email, bad phone', async () => {
		await refusedWith({ ...good(), customer: { ...customer(), name: 'x'.repeat(101) } }, 422, 'customer.name');
		await refusedWith({ ...good(), customer: { ...customer(), email: 'nope' } }, 422, 'customer.email');
		await refusedWith({ ...good(), customer: { ...customer(), phone: 'call me' } }, 422, 'customer.phone');
		await refusedWith({ ...good(), fulfilments: [] }, 422, 'fulfilments');
	});

	it('answers a 1 MB name with 413, not a 500', async () => {
		const problem = await refusedWith({ ...good(), customer: { ...customer(), name: 'x'.repeat(1024 * 1024) } }, 413);
		expect(problem.title.length).toBeGreaterThan(0);
	});

	it('answers malformed JSON, an empty body and a body that is not JSON with 400 / 415', async () => {
		await refusedWith('{"customer": {', 400, 'body');
		await refusedWith('', 400, 'body');
		const xml = await call('POST', `/api/v1/carts/${cartId}/checkout`, {
			raw: '<checkout/>',
			headers: { 'content-type': 'application/xml', 'idempotency-key': randomUUID() }
		});
		expectProblem(xml, 415);
	});

	it('requires an Idempotency-Key of 8 to 200 characters (400)', async () => {
		const missing = await call('POST', `/api/v1/carts/${cartId}/checkout`, { body: good() });
		expect(expectProblem(missing, 400).errors?.['Idempotency-Key']).toBeDefined();
		await refusedWith(good(), 400, 'Idempotency-Key', { 'idempotency-key': 'short' });
		await refusedWith(good(), 400, 'Idempotency-Key', { 'idempotency-key': 'k'.repeat(201) });
	});

	it('left the cart and the stock as they were', async () => {
		const cart = Cart.parse((await call('GET', `/api/v1/carts/${cartId}`)).body);
		expect(cart.groups.flatMap((g) => g.lines).map((l) => [l.variantId, l.quantity])).toEqual([[item().variantId, 1]]);
		const ok = await placeOrder(cartId, good());
		expect(ok.status, JSON.stringify(ok.body)).toBe(201);
	});

	it('limits checkouts per client address (429 with Retry-After)', async () => {
		const from = nextAddress();
		let limited: Answer | undefined;
		// The window is fixed: within two windows' worth of attempts, one must be refused.
		for (let i = 0; i < 61 && !limited; i++) {
			const r = await call('POST', `/api/v1/carts/${cartId}/checkout`, { body: good(), from });
			if (r.status === 429) limited = r;
			else expect(r.status).toBe(400);
		}
		expect(limited).toBeDefined();
		expectProblem(limited!, 429);
		expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
		expect(Number(limited!.headers.get('retry-after'))).toBeLessThanOrEqual(60);
		// Another address is not affected.
		expect((await call('POST', `/api/v1/carts/${cartId}/checkout`, { body: good() })).status).toBe(400);
	});
});

describe('documentation', () => {
	it('describes every cart, checkout and order operation with bodies, headers and answers', async () => {
		const doc = (await call('GET', '/api/v1/openapi.json')).body;
		const op = (path: string, method: string) => {
			expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
			return doc.paths[path][method];
		};
		op('/api/v1/shops/{slug}/slots', 'get');
		op('/api/v1/carts', 'post');
		op('/api/v1/carts/{id}', 'get');
		op('/api/v1/carts/{id}/items/{itemId}', 'delete');
		op('/api/v1/orders/{id}/cancel', 'post');
		expect(op('/api/v1/carts/{id}/items', 'post').requestBody.content['application/json'].schema).toEqual({
			$ref: '#/components/schemas/CartItemRequest'
		});
		expect(op('/api/v1/carts/{id}/items/{itemId}', 'patch').requestBody).toBeDefined();
		const checkoutOp = op('/api/v1/carts/{id}/checkout', 'post');
		expect(checkoutOp.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/CheckoutRequest' });
		expect(checkoutOp.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: true }));
		expect(Object.keys(checkoutOp.responses)).toEqual(
			expect.arrayContaining(['201', '400', '404', '409', '413', '415', '422', '429', 'default'])
		);
		expect(checkoutOp.responses['429'].headers['Retry-After']).toBeDefined();
		const request = doc.components.schemas.CheckoutRequest;
		expect(request.required).toEqual(expect.arrayContaining(['customer', 'acceptTerms', 'fulfilments']));
		expect(request.properties.fulfilments.items.properties.method.enum).toEqual(['pickup', 'pickup_point', 'delivery']);
		expect(doc.components.schemas.CartItemRequest.properties.quantity.type).toBe('number');
		expect(op('/api/v1/orders/{id}', 'get').security).toEqual([{ orderToken: [] }, { orderTokenQuery: [] }]);
		expect(doc.components.securitySchemes.orderToken).toMatchObject({ type: 'http', scheme: 'bearer' });
		const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]);
		for (const ref of refs) expect(doc.components.schemas[ref], ref).toBeDefined();

		const page = await call('GET', '/api/docs', { headers: { accept: 'text/html' } });
		expect(page.status).toBe(200);
		expect(page.body.text).toContain('/api/v1/carts/{id}/checkout');
		expect(page.body.text).toContain('CheckoutRequest');
	});
});
