import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { randomUUID, createHmac } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import { testDatabase } from '../../../../tests/setup/db.ts';
import { webhookReceiver } from '../../../../tests/setup/webhook-receiver.ts';
import { makeTerritory, makeShop, makeProduct, makeSlot } from '../../../../tests/setup/fixtures.ts';
import type { Database, Db } from '../db/client.ts';
import { memberships, user, webhookDeliveries } from '../db/schema/index.ts';
import { addToCart } from '../checkout/cart.ts';
import { checkout } from '../checkout/checkout.ts';
import { transitionOrder } from '../orders/transitions.ts';
import { setVariantStock } from '../catalog/manage.ts';
import { ForbiddenError, InvalidInputError } from '../errors.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import { createWebhookEndpoint, listWebhookDeliveries, listWebhookEndpoints, sendTestDelivery } from './endpoints.ts';
import { deliverWebhooks, purgeOldDeliveries } from './dispatcher.ts';
import { isPrivateAddress, urlProblem } from './address.ts';
import { verifySignature } from './signature.ts';

let database: Database;
let db: Db;
let territoryId: string;
const SECRET = 'test-secret-for-order-links-0123456789';
const ctx = { secret: SECRET, origin: 'http://localhost:3000', locale: 'fr' as const, timezone: 'Europe/Paris' };

beforeAll(async () => {
	database = await testDatabase();
	db = database.db;
	territoryId = (await makeTerritory(db)).id;
});
afterAll(async () => {
	await database.close();
});
// A dispatcher round serves every shop: what a test leaves pending must not be sent by the next one.
afterEach(async () => {
	await db.execute(sql`update webhook_deliveries set status = 'failed' where status in ('pending', 'sending')`);
});

async function world(role: 'shop_owner' | 'shop_staff' = 'shop_owner') {
	const shop = await makeShop(db, territoryId);
	const { variant } = await makeProduct(db, shop, { priceCents: 400, stock: 10 });
	const slot = await makeSlot(db, { shopId: shop.id }, { capacity: 50 });
	const id = randomUUID();
	await db.insert(user).values({ id, name: 'Marchand', email: `m-${id}@exemple.fr`, emailVerified: true });
	await db.insert(memberships).values({ userId: id, role, territoryId, shopId: shop.id });
	const scope: ShopScope = { userId: id, territoryId, shopId: shop.id, role };
	return { shop, variant, slot, scope };
}

async function placeOrder(w: Awaited<ReturnType<typeof world>>, quantity = 2) {
	const cartId = await addToCart(db, { territoryId, cartId: null }, { variantId: w.variant.id, quantity }, 'fr');
	const result = await checkout(
		db,
		{ territoryId, cartId, userId: null, idempotencyKey: randomUUID(), secret: SECRET, origin: ctx.origin, locale: 'fr' },
		{
			customer: { name: 'Claire Petit', email: `c-${randomUUID().slice(0, 6)}@exemple.fr`, phone: '06 12 34 56 78' },
			acceptTerms: true,
			fulfilments: [{ shopId: w.shop.id, method: 'pickup', slotId: w.slot.id }]
		}
	);
	return result.orders[0].id;
}

const opts = { allowPrivate: true, backoffSeconds: [1, 1, 1, 1], timeoutMs: 3000 };
const deliveriesOf = (shopId: string) =>
	db.select().from(webhookDeliveries).where(eq(webhookDeliveries.shopId, shopId)).orderBy(asc(webhookDeliveries.createdAt));
/** Makes every pending delivery of the shop due now (instead of waiting out the backoff). */
const makeDue = (shopId: string) =>
	db.execute(
		sql`update webhook_deliveries set next_attempt_at = now() - interval '1 second' where shop_id = ${shopId} and status = 'pending'`
	);

describe('webhook deliveries', () => {
	it('are written by the database in the transaction of every order change and stock drop, whatever the code path', async () => {
		const w = await world();
		const hook = await createWebhookEndpoint(
			db,
			w.scope,
			{ url: 'https://example.org/hook', events: ['order.created', 'order.updated', 'stock.low'], lowStockThreshold: '3' },
			{ locale: 'fr', allowPrivate: false }
		);
		expect(hook.secret).toMatch(/^whsec_/);
		const orderId = await placeOrder(w);
		await transitionOrder(db, w.scope, orderId, { to: 'accepted' }, ctx);
		// A transition that fails writes nothing, deliveries included.
		await expect(transitionOrder(db, w.scope, orderId, { to: 'new' }, ctx)).rejects.toThrow();
		await setVariantStock(db, w.scope, w.variant.id, 2, 'adjustment');
		await setVariantStock(db, w.scope, w.variant.id, 1, 'adjustment');
		const rows = await deliveriesOf(w.shop.id);
		expect(rows.map((r) => r.event)).toEqual(['order.created', 'order.updated', 'stock.low']);
		const updated = rows[1].payload as { id: string; event: string; data: { order: Record<string, unknown> } };
		expect(updated.id).toBe(rows[1].id);
		expect(updated.data.order).toMatchObject({ id: orderId, status: 'accepted', previousStatus: 'new', totalCents: 800 });
		expect((rows[2].payload as { data: { variant: { stock: number } } }).data.variant.stock).toBe(2);
	});

	it('is signed as documented: the receiver recomputes HMAC-SHA256(secret, "<t>.<raw body>")', async () => {
		const w = await world();
		const r = await webhookReceiver();
		try {
			const hook = await createWebhookEndpoint(
				db,
				w.scope,
				{ url: r.url, events: ['order.created'] },
				{ locale: 'fr', allowPrivate: true }
			);
			await placeOrder(w);
			expect(await deliverWebhooks(db, opts)).toMatchObject({ delivered: 1 });
			expect(r.received).toHaveLength(1);
			const { headers, body } = r.received[0];
			expect(headers['echoppe-event']).toBe('order.created');
			expect(headers['content-type']).toBe('application/json');
			const [row] = await deliveriesOf(w.shop.id);
			expect(headers['echoppe-delivery']).toBe(row.id);
			expect(row).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 200 });
			// The receiver's own check, as docs/api.md writes it.
			const signature = String(headers['echoppe-signature']);
			const [, t, v1] = signature.match(/^t=(\d+),v1=([0-9a-f]{64})$/)!;
			expect(createHmac('sha256', hook.secret).update(`${t}.${body}`).digest('hex')).toBe(v1);
			expect(Math.abs(Date.now() / 1000 - Number(t))).toBeLessThan(60);
			expect(verifySignature(signature, hook.secret, body)).toBe(true);
			expect(verifySignature(signature, 'whsec_other', body)).toBe(false);
			expect(verifySignature(signature, hook.secret, body + ' ')).toBe(false);
			expect(JSON.parse(body).event).toBe('order.created');
		} finally {
			await r.close();
		}
	});

	it('retries a receiver that fails three times, then delivers the same event, and gives up after the last try', async () => {
		const w = await world();
		const r = await webhookReceiver([500, 503, 404]);
		try {
			await createWebhookEndpoint(db, w.scope, { url: r.url, events: ['order.created'] }, { locale: 'fr', allowPrivate: true });
			await placeOrder(w);
			for (let i = 0; i < 3; i++) {
				expect(await deliverWebhooks(db, opts)).toMatchObject({ failed: 1 });
				const [row] = await deliveriesOf(w.shop.id);
				expect(row).toMatchObject({ status: 'pending', attempts: i + 1 });
				expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
				// Not due yet: nothing is sent before the backoff.
				expect(await deliverWebhooks(db, opts)).toEqual({ delivered: 0, failed: 0 });
				await makeDue(w.shop.id);
			}
			expect(await deliverWebhooks(db, opts)).toMatchObject({ delivered: 1 });
			const ids = new Set(r.received.map((x) => x.headers['echoppe-delivery']));
			expect(r.received).toHaveLength(4);
			expect(ids.size).toBe(1);
			expect(new Set(r.received.map((x) => x.body)).size).toBe(1);
			const [row] = await deliveriesOf(w.shop.id);
			expect(row).toMatchObject({ status: 'delivered', attempts: 4, lastStatusCode: 200 });

			const w2 = await world();
			const down = await webhookReceiver([500, 500, 500]);
			await createWebhookEndpoint(db, w2.scope, { url: down.url, events: ['order.created'] }, { locale: 'fr', allowPrivate: true });
			await placeOrder(w2);
			for (let i = 0; i < 3; i++) {
				await deliverWebhooks(db, { ...opts, backoffSeconds: [1, 1] });
				await makeDue(w2.shop.id);
			}
			const [gaveUp] = await deliveriesOf(w2.shop.id);
			expect(gaveUp).toMatchObject({ status: 'failed', attempts: 3, lastStatusCode: 500 });
			await down.close();
		} finally {
			await r.close();
		}
	});

	it('never sends one delivery twice when rounds run concurrently', async () => {
		const w = await world();
		const r = await webhookReceiver();
		try {
			await createWebhookEndpoint(
				db,
				w.scope,
				{ url: r.url, events: ['order.created', 'order.updated'] },
				{ locale: 'fr', allowPrivate: true }
			);
			for (let i = 0; i < 3; i++) await placeOrder(w, 1);
			await Promise.all([deliverWebhooks(db, opts), deliverWebhooks(db, opts), deliverWebhooks(db, opts)]);
			expect(r.received).toHaveLength(3);
			expect(new Set(r.received.map((x) => x.headers['echoppe-delivery'])).size).toBe(3);
		} finally {
			await r.close();
		}
	});

	it('test button: a ping sent at once, its answer reported', async () => {
		const w = await world();
		const r = await webhookReceiver([418]);
		try {
			const hook = await createWebhookEndpoint(
				db,
				w.scope,
				{ url: r.url, events: ['order.created'] },
				{ locale: 'fr', allowPrivate: true }
			);
			const result = await sendTestDelivery(db, w.scope, { id: hook.id }, { locale: 'fr', ...opts });
			expect(result).toMatchObject({ status: 'pending', lastStatusCode: 418 });
			expect(r.received[0].headers['echoppe-event']).toBe('ping');
			const log = await listWebhookDeliveries(db, w.scope);
			expect(log[0]).toMatchObject({ event: 'ping', attempts: 1, lastStatusCode: 418, endpointUrl: r.url });
		} finally {
			await r.close();
		}
	});

	it('keeps 30 days of finished deliveries in the log, and whatever is still to send', async () => {
		const w = await world();
		const hook = await createWebhookEndpoint(
			db,
			w.scope,
			{ url: 'https://example.org/h', events: ['order.created'] },
			{ locale: 'fr', allowPrivate: false }
		);
		const old = new Date(Date.now() - 40 * 86_400_000);
		const row = (status: string, createdAt: Date) => ({
			endpointId: hook.id,
			shopId: w.shop.id,
			event: 'ping',
			payload: {},
			status,
			createdAt
		});
		await db
			.insert(webhookDeliveries)
			.values([row('delivered', old), row('failed', old), row('delivered', new Date()), row('pending', old)]);
		await purgeOldDeliveries(db);
		expect((await deliveriesOf(w.shop.id)).map((d) => d.status).sort()).toEqual(['delivered', 'pending']);
	});
});

describe('webhook endpoints', () => {
	it('refuse non-http(s) URLs, credentials, private and loopback addresses unless allowed', async () => {
		const w = await world();
		const fields = async (input: unknown, allowPrivate = false) => {
			const error = await createWebhookEndpoint(db, w.scope, input, { locale: 'en', allowPrivate }).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(InvalidInputError);
			return (error as InvalidInputError).fields;
		};
		for (const url of ['ftp://example.org/x', 'javascript:alert(1)', 'example.org/hook', '', 'file:///etc/passwd']) {
			expect(Object.keys(await fields({ url, events: ['order.created'] }))).toEqual(['url']);
		}
		for (const url of [
			'http://127.0.0.1/x',
			'http://localhost:3000/x',
			'http://10.1.2.3/',
			'http://192.168.1.1/',
			'http://169.254.169.254/latest/meta-data',
			'http://[::1]/',
			'http://[::ffff:127.0.0.1]/',
			'http://0.0.0.0/'
		]) {
			expect((await fields({ url, events: ['order.created'] })).url).toEqual([
				'This address is on a private network: the platform cannot reach it.'
			]);
		}
		expect(Object.keys(await fields({ url: 'https://user:pw@example.org/', events: ['order.created'] }))).toEqual(['url']);
		expect(Object.keys(await fields({ url: 'https://example.org/', events: [] }))).toEqual(['events']);
		expect(Object.keys(await fields({ url: 'https://example.org/', events: ['order.deleted'] }))).toEqual(['events.0']);
		expect(Object.keys(await fields({ url: 'https://example.org/', events: ['stock.low'], lowStockThreshold: '-1' }))).toEqual([
			'lowStockThreshold'
		]);
		expect(Object.keys(await fields({ url: 'x'.repeat(3000), events: ['order.created'] }))).toEqual(['url']);
		await expect(
			createWebhookEndpoint(db, w.scope, { url: 'http://127.0.0.1:9/x', events: ['order.created'] }, { locale: 'en', allowPrivate: true })
		).resolves.toBeTruthy();
		expect(urlProblem('https://example.org/hook', false)).toBeNull();
		expect(isPrivateAddress('93.184.216.34')).toBe(false);
		expect(isPrivateAddress('2606:4700::1111')).toBe(false);
		expect(isPrivateAddress('fd00::1')).toBe(true);
	});

	it('refuses at send time a name that resolves to a loopback address', async () => {
		const w = await world();
		const r = await webhookReceiver();
		try {
			const port = new URL(r.url).port;
			// Saved while allowed (or a public name that later points inward): the send still checks.
			await createWebhookEndpoint(
				db,
				w.scope,
				{ url: `http://localhost:${port}/hook`, events: ['order.created'] },
				{ locale: 'fr', allowPrivate: true }
			);
			await placeOrder(w);
			expect(await deliverWebhooks(db, { ...opts, allowPrivate: false })).toMatchObject({ failed: 1 });
			expect(r.received).toHaveLength(0);
			const [row] = await deliveriesOf(w.shop.id);
			expect(row.lastError).toMatch(/refused URL|non-public/);
		} finally {
			await r.close();
		}
	});

	it('are owner-only to add; staff see them without their secret', async () => {
		const w = await world();
		await createWebhookEndpoint(
			db,
			w.scope,
			{ url: 'https://example.org/a', events: ['order.created'] },
			{ locale: 'fr', allowPrivate: false }
		);
		const staff: ShopScope = { ...w.scope, role: 'shop_staff' };
		await expect(
			createWebhookEndpoint(db, staff, { url: 'https://example.org/b', events: ['order.created'] }, { locale: 'fr', allowPrivate: false })
		).rejects.toThrow(ForbiddenError);
		const [seen] = await listWebhookEndpoints(db, staff);
		expect(seen.secret).toBeNull();
		expect((await listWebhookEndpoints(db, w.scope))[0].secret).toMatch(/^whsec_/);
	});
});
