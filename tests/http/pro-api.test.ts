import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createHmac, randomUUID } from 'node:crypto';
import { startServer, type RunningServer } from '../setup/server.ts';
import { signInCookie, get } from './session.ts';
import { webhookReceiver, type Received } from '../setup/webhook-receiver.ts';
import { jsonApi } from './json-api.ts';

// The merchant API over real HTTP against the built server: tokens made and revoked in /pro/api
// like a merchant would (plain form posts), every refusal (401/403/404/409/422), the state
// machine and stock under concurrent requests, and webhooks received by a server on 127.0.0.1,
// signature recomputed, a failing receiver served again later (backoff of 1 s for the test).

let server: RunningServer;
let base: string;
const { api, ok, problem } = jsonApi(() => base);
let bakery: string;
let butcher: string;
const tokens: Record<'full' | 'readOnly' | 'revoked' | 'otherShop', string> = { full: '', readOnly: '', revoked: '', otherShop: '' };

function form(path: string, fields: [string, string][], cookie: string) {
	return fetch(`${base}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { accept: 'text/html', origin: base, cookie, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields)
	});
}

async function createToken(cookie: string, name: string, scopes: string[]): Promise<string> {
	const r = await form('/pro/api?/createToken', [['name', name], ...scopes.map((s): [string, string] => ['scopes', s])], cookie);
	const html = await r.text();
	expect(r.status, html.slice(0, 300)).toBe(200);
	const token = html.match(/echp_[A-Za-z0-9_-]{43}/)?.[0];
	expect(token).toBeDefined();
	return token!;
}

type Variant = { id: string; stockMode: string; stock: number };
type Product = { id: string; name: string; status: string; unit: string; variants: Variant[] };

/** A customer orders one item at the bakery through the public API; returns the order id. */
async function placeBakeryOrder(): Promise<string> {
	const shops = (await ok<{ items: { id: string; slug: string; trade: string }[] }>(await api('GET', '/api/v1/shops', null))).items;
	const shop = shops.find((s) => s.trade === 'bakery')!;
	const slots = (await ok<{ items: { id: string; startsAt: string }[] }>(await api('GET', `/api/v1/shops/${shop.slug}/slots`, null))).items;
	const slot = slots.find((s) => Date.parse(s.startsAt) > Date.now() + 130 * 60_000)!;
	const cart = (await ok<{ id: string }>(await api('POST', '/api/v1/carts', null), 201)).id;
	await ok(await api('POST', `/api/v1/carts/${cart}/items`, null, { variantId: await buyableVariant(), quantity: 1 }), 201);
	const placed = await ok<{ orders: { id: string }[] }>(
		await api(
			'POST',
			`/api/v1/carts/${cart}/checkout`,
			null,
			{
				customer: { name: 'Camille Durand', email: `api-${randomUUID().slice(0, 8)}@exemple.fr`, phone: '06 12 34 56 78' },
				acceptTerms: true,
				fulfilments: [{ shopId: shop.id, method: 'pickup', slotId: slot.id }],
				payment: { method: 'on_site' }
			},
			{ 'idempotency-key': randomUUID() }
		),
		201
	);
	return placed.orders[0].id;
}

let buyable: string | undefined;
/** A bakery variant sold by the piece with plenty of stock (or unlimited), found with the merchant's own API. */
async function buyableVariant(): Promise<string> {
	if (buyable) return buyable;
	const page = await ok<{ items: Product[] }>(await api('GET', '/api/v1/pro/products?status=active&limit=100', tokens.full));
	for (const p of page.items.filter((p) => p.unit !== 'kg')) {
		const v = p.variants.find((v) => v.stockMode === 'unlimited' || v.stock >= 20);
		if (v) return (buyable = v.id);
	}
	throw new Error('no buyable bakery variant');
}

beforeAll(async () => {
	server = await startServer({ WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_BACKOFF_SECONDS: '1,1,1,1' });
	base = server.url;
	[bakery, butcher] = await Promise.all([
		signInCookie(base, 'boulangerie@saint-aubin.demo'),
		signInCookie(base, 'boucherie-charcuterie-marchand@saint-aubin.demo')
	]);
	tokens.full = await createToken(bakery, 'Caisse', ['orders:read', 'orders:write', 'catalog:read', 'catalog:write']);
	tokens.readOnly = await createToken(bakery, 'Tableur', ['orders:read', 'catalog:read']);
	tokens.revoked = await createToken(bakery, 'Ancienne caisse', ['orders:read']);
	tokens.otherShop = await createToken(butcher, 'Boucherie', ['orders:read', 'orders:write', 'catalog:read', 'catalog:write']);
	const page = await (await get(base, '/pro/api', bakery)).text();
	// The revoke button of "Ancienne caisse": its form, named by the button's hidden text.
	const forms = [...page.matchAll(/action="\?\/revokeToken"[^]*?name="id" value="([0-9a-f-]{36})"[^]*?— ([^<]+)</g)];
	const revokeId = forms.find((f) => f[2].trim() === 'Ancienne caisse')?.[1];
	expect(revokeId).toBeDefined();
	expect((await form('/pro/api?/revokeToken', [['id', revokeId!]], bakery)).status).toBe(200);
}, 180_000);

afterAll(async () => {
	await server?.stop();
});

describe('API tokens in /pro/api', () => {
	it('lists tokens by name and prefix, never the token itself', async () => {
		const html = await (await get(base, '/pro/api', bakery)).text();
		expect(html).toContain('Caisse');
		expect(html).toContain(tokens.full.slice(0, 13));
		expect(html).not.toContain(tokens.full);
		expect(html).toMatch(/Révoquée le/);
	});

	it('refuses a bad name and an unknown scope field by field, without JavaScript', async () => {
		const r = await form(
			'/pro/api?/createToken',
			[
				['name', ''],
				['scopes', 'admin:all']
			],
			bakery
		);
		expect(r.status).toBe(400);
		const html = await r.text();
		expect(html).toContain('Donnez un nom à la clé');
		expect(html).toContain('Autorisation inconnue');
	});
});

describe('bearer authentication on /api/v1/pro', () => {
	it('refuses no token, an unknown one and a revoked one with 401 and WWW-Authenticate', async () => {
		for (const token of [null, 'echp_' + 'x'.repeat(43), tokens.revoked, 'not-a-token']) {
			const r = await api('GET', '/api/v1/pro/orders', token);
			expect(r.headers.get('www-authenticate')).toMatch(/^Bearer/);
			expect((await problem(r, 401)).title).toBe('API key missing, unknown or revoked.');
		}
	});

	it("answers 404 to a token of another shop on this shop's order, and moves nothing", async () => {
		const orderId = await placeBakeryOrder();
		await problem(await api('GET', `/api/v1/pro/orders/${orderId}`, tokens.otherShop), 404);
		await problem(await api('POST', `/api/v1/pro/orders/${orderId}/transitions`, tokens.otherShop, { to: 'accepted' }), 404);
		const order = await ok<{ status: string }>(await api('GET', `/api/v1/pro/orders/${orderId}`, tokens.full));
		expect(order.status).toBe('new');
	});

	it('answers 403 to a token without orders:write or catalog:write, and writes nothing', async () => {
		const orderId = await placeBakeryOrder();
		expect(
			(await problem(await api('POST', `/api/v1/pro/orders/${orderId}/transitions`, tokens.readOnly, { to: 'accepted' }), 403)).title
		).toBe('This key lacks the permission needed.');
		expect((await ok<{ status: string }>(await api('GET', `/api/v1/pro/orders/${orderId}`, tokens.readOnly))).status).toBe('new');
		const before = await ok<{ items: Product[] }>(await api('GET', '/api/v1/pro/products?limit=100', tokens.readOnly));
		await problem(await api('POST', '/api/v1/pro/products', tokens.readOnly, { name: 'Intrus' }), 403);
		const product = before.items[0];
		await problem(await api('PATCH', `/api/v1/pro/products/${product.id}`, tokens.readOnly, { name: 'Renommé' }), 403);
		await problem(await api('DELETE', `/api/v1/pro/products/${product.id}`, tokens.readOnly), 403);
		await problem(
			await api('PATCH', `/api/v1/pro/variants/${product.variants[0].id}/stock`, tokens.readOnly, { delta: 1, reason: 'restock' }),
			403
		);
		expect((await ok<Product>(await api('GET', `/api/v1/pro/products/${product.id}`, tokens.full))).name).toBe(product.name);
	});
});

describe('orders through the API', () => {
	it('lists with a cursor and filters, in integer cents', async () => {
		const since = new Date(Date.now() - 1000).toISOString();
		const ids = [await placeBakeryOrder(), await placeBakeryOrder(), await placeBakeryOrder()];
		const seen: string[] = [];
		let cursor: string | null = null;
		do {
			const q = new URLSearchParams({ since, limit: '2', status: 'new', ...(cursor ? { cursor } : {}) });
			const page: { items: { id: string; totalCents: number }[]; nextCursor: string | null } = await ok(
				await api('GET', `/api/v1/pro/orders?${q}`, tokens.full)
			);
			expect(page.items.length).toBeLessThanOrEqual(2);
			for (const o of page.items) expect(Number.isInteger(o.totalCents)).toBe(true);
			seen.push(...page.items.map((o) => o.id));
			cursor = page.nextCursor;
		} while (cursor);
		expect(seen).toEqual(expect.arrayContaining(ids));
		expect(new Set(seen).size).toBe(seen.length);
		const bad = await problem(await api('GET', '/api/v1/pro/orders?cursor=nope&limit=500&status=lost', tokens.full), 400);
		expect(Object.keys(bad.errors!).sort()).toEqual(['limit', 'status']);
		expect(Object.keys((await problem(await api('GET', '/api/v1/pro/orders?cursor=nope', tokens.full), 400)).errors!)).toEqual(['cursor']);
	});

	it('walks the state machine; completed → new and a move on a cancelled order are refused with 409', async () => {
		const orderId = await placeBakeryOrder();
		for (const to of ['accepted', 'preparing', 'ready', 'completed']) {
			expect(
				(await ok<{ status: string }>(await api('POST', `/api/v1/pro/orders/${orderId}/transitions`, tokens.full, { to }))).status
			).toBe(to);
		}
		const back = await problem(await api('POST', `/api/v1/pro/orders/${orderId}/transitions`, tokens.full, { to: 'new' }), 409);
		expect(back.conflicts).toMatchObject({ from: 'completed', to: 'new' });
		const detail = await ok<{ events: { to: string }[]; lines: unknown[] }>(await api('GET', `/api/v1/pro/orders/${orderId}`, tokens.full));
		expect(detail.events.map((e) => e.to)).toEqual(['new', 'accepted', 'preparing', 'ready', 'completed']);
		expect(detail.lines).toHaveLength(1);

		const cancelled = await placeBakeryOrder();
		const noReason = await problem(await api('POST', `/api/v1/pro/orders/${cancelled}/transitions`, tokens.full, { to: 'cancelled' }), 422);
		expect(Object.keys(noReason.errors!)).toEqual(['reason']);
		await ok(await api('POST', `/api/v1/pro/orders/${cancelled}/transitions`, tokens.full, { to: 'cancelled', reason: 'Four en panne' }));
		await problem(await api('POST', `/api/v1/pro/orders/${cancelled}/transitions`, tokens.full, { to: 'accepted' }), 409);
	});

	it('lets one of several concurrent moves win; the others get 409', async () => {
		const orderId = await placeBakeryOrder();
		const answers = await Promise.all(
			Array.from({ length: 6 }, (_, i) =>
				api(
					'POST',
					`/api/v1/pro/orders/${orderId}/transitions`,
					tokens.full,
					i % 2 ? { to: 'accepted' } : { to: 'refused', reason: 'Complet' }
				)
			)
		);
		const statuses = answers.map((r) => r.status).sort();
		expect(statuses.filter((s) => s === 200)).toHaveLength(1);
		expect(statuses.filter((s) => s === 409)).toHaveLength(5);
		const detail = await ok<{ events: unknown[] }>(await api('GET', `/api/v1/pro/orders/${orderId}`, tokens.full));
		expect(detail.events).toHaveLength(2);
	});
});

describe('catalogue through the API', () => {
	let product: Product;

	it('creates, reads, patches and archives a product with the back office’s rules', async () => {
		product = await ok<Product>(
			await api('POST', '/api/v1/pro/products', tokens.full, {
				name: 'Pain au levain API',
				vatRateBps: 550,
				allergens: ['gluten'],
				labels: [],
				seasonalMonths: [],
				ingredients: 'Farine, eau, sel, levain',
				storage: 'Au sec',
				variants: [{ name: '500 g', priceCents: 420, stockMode: 'tracked', stock: 5 }]
			}),
			201
		);
		expect(product).toMatchObject({ name: 'Pain au levain API', status: 'active', variants: [{ priceCents: 420, stock: 5 }] });
		const patched = await ok<Product>(await api('PATCH', `/api/v1/pro/products/${product.id}`, tokens.full, { name: 'Pain au levain' }));
		expect(patched).toMatchObject({ name: 'Pain au levain', variants: [{ id: product.variants[0].id, priceCents: 420, stock: 5 }] });
		expect(
			(await problem(await api('PATCH', `/api/v1/pro/products/${product.id}`, tokens.otherShop, { name: 'Vol' }), 404)).title
		).toBeTruthy();
		// A listed variant keeps what the client leaves out (its stock above all); a new one is added.
		const repriced = await ok<Product>(
			await api('PATCH', `/api/v1/pro/products/${product.id}`, tokens.full, {
				variants: [
					{ id: product.variants[0].id, priceCents: 450 },
					{ name: '1 kg', priceCents: 800, stockMode: 'unlimited' }
				]
			})
		);
		expect(repriced.variants).toMatchObject([
			{ id: product.variants[0].id, name: '500 g', priceCents: 450, stock: 5 },
			{ name: '1 kg', priceCents: 800, stockMode: 'unlimited' }
		]);
	});

	it('keeps stock at zero or above under concurrent till sales, counts and deliveries, each with its movement', async () => {
		const variantId = product.variants[0].id;
		const path = `/api/v1/pro/variants/${variantId}/stock`;
		const answers = await Promise.all([
			...Array.from({ length: 8 }, () => api('PATCH', path, tokens.full, { delta: -1, reason: 'till_sale' })),
			api('PATCH', path, tokens.full, { set: 2, reason: 'adjustment' }),
			api('PATCH', path, tokens.full, { delta: 3, reason: 'restock' })
		]);
		for (const r of answers) expect([200, 409]).toContain(r.status);
		const stock = (await ok<Product>(await api('GET', `/api/v1/pro/products/${product.id}`, tokens.full))).variants[0].stock;
		expect(stock).toBeGreaterThanOrEqual(0);
		const below = await problem(await api('PATCH', path, tokens.full, { delta: -(stock + 1), reason: 'till_sale' }), 409);
		expect(below.title).toBeTruthy();
		expect((await ok<{ stock: number }>(await api('PATCH', path, tokens.full, { set: 7, reason: 'adjustment' }))).stock).toBe(7);
		await problem(await api('PATCH', path, tokens.otherShop, { delta: 1, reason: 'restock' }), 404);
	});

	it('answers bad input with field errors (400/413/415/422), never a 500', async () => {
		const path = `/api/v1/pro/variants/${product.variants[0].id}/stock`;
		expect((await problem(await api('PATCH', path, tokens.full, '{"delta": ', {}), 400)).errors).toHaveProperty('body');
		await problem(await api('PATCH', path, tokens.full, JSON.stringify({ delta: 1, reason: 'restock', pad: 'x'.repeat(200_000) })), 413);
		await problem(await api('PATCH', path, tokens.full, '<delta>1</delta>', { 'content-type': 'application/xml' }), 415);
		const types = await problem(await api('PATCH', path, tokens.full, { delta: 'beaucoup', reason: 'vol' }), 422);
		expect(Object.keys(types.errors!).sort()).toEqual(['delta', 'reason']);
		expect(
			Object.keys((await problem(await api('PATCH', path, tokens.full, { delta: 1, set: 2, reason: 'restock' }), 422)).errors!)
		).toEqual(['delta']);
		const created = await problem(
			await api('POST', '/api/v1/pro/products', tokens.full, { name: '', vatRateBps: 7, variants: [{ priceCents: -1 }] }),
			422
		);
		expect(Object.keys(created.errors!)).toEqual(expect.arrayContaining(['name', 'vatRateBps', 'variants.0.priceCents']));
		expect(
			Object.keys((await problem(await api('PATCH', `/api/v1/pro/products/${product.id}`, tokens.full, [1, 2]), 422)).errors!)
		).toEqual(['_']);
		await problem(await api('POST', `/api/v1/pro/orders/${randomUUID()}/transitions`, tokens.full, { to: 'flying' }), 422);
		await problem(await api('GET', '/api/v1/pro/orders/not-a-uuid', tokens.full), 404);
	});

	it('archives with DELETE (204) and brings back with PATCH status', async () => {
		const r = await api('DELETE', `/api/v1/pro/products/${product.id}`, tokens.full);
		expect(r.status).toBe(204);
		expect((await ok<Product>(await api('GET', `/api/v1/pro/products/${product.id}`, tokens.full))).status).toBe('archived');
		expect((await ok<Product>(await api('PATCH', `/api/v1/pro/products/${product.id}`, tokens.full, { status: 'active' }))).status).toBe(
			'active'
		);
	});

	it('is described in the OpenAPI document with the bearer scheme', async () => {
		const doc = await ok<{
			paths: Record<string, Record<string, { security?: unknown[] }>>;
			components: { securitySchemes: Record<string, unknown> };
		}>(await api('GET', '/api/v1/openapi.json', null));
		expect(doc.components.securitySchemes.apiToken).toMatchObject({ type: 'http', scheme: 'bearer' });
		for (const path of [
			'/api/v1/pro/orders',
			'/api/v1/pro/orders/{id}/transitions',
			'/api/v1/pro/products/{id}',
			'/api/v1/pro/variants/{id}/stock'
		]) {
			expect(Object.values(doc.paths[path])[0].security).toEqual([{ apiToken: [] }]);
		}
	});
});

describe('webhooks', () => {
	it('refuses a bad URL and a private address is accepted only because the test allows it', async () => {
		const r = await form(
			'/pro/api?/addWebhook',
			[
				['url', 'ftp://exemple.fr/x'],
				['events', 'order.created']
			],
			bakery
		);
		expect(r.status).toBe(400);
		expect(await r.text()).toContain('commençant par https://');
		const none = await form('/pro/api?/addWebhook', [['url', 'https://exemple.fr/x']], bakery);
		expect(await none.text()).toContain('Choisissez au moins un événement');
	});

	it('signs what it sends as documented, and serves a receiver that failed three times again later', async () => {
		const good = await webhookReceiver();
		const flaky = await webhookReceiver([500, 502, 503]);
		try {
			for (const url of [good.url, flaky.url]) {
				const r = await form(
					'/pro/api?/addWebhook',
					[
						['url', url],
						['events', 'order.created'],
						['events', 'order.updated']
					],
					bakery
				);
				expect(r.status).toBe(200);
			}
			const html = await (await get(base, '/pro/api', bakery)).text();
			const secrets = [...html.matchAll(/value="(whsec_[A-Za-z0-9_-]+)"/g)].map((m) => m[1]);
			expect(secrets.length).toBeGreaterThanOrEqual(2);

			const goodForm = html.slice(html.indexOf(good.url)).match(/action="\?\/testWebhook"[^]*?name="id" value="([0-9a-f-]{36})"/)!;
			const test = await form('/pro/api?/testWebhook', [['id', goodForm[1]]], bakery);
			expect(await test.text()).toContain('Test reçu');

			const orderId = await placeBakeryOrder();
			await ok(await api('POST', `/api/v1/pro/orders/${orderId}/transitions`, tokens.full, { to: 'accepted' }));
			const deadline = Date.now() + 40_000;
			const hasAccepted = (list: Received[]) =>
				list.some((x) => x.headers['echoppe-event'] === 'order.updated' && JSON.parse(x.body).data.order.id === orderId);
			while (Date.now() < deadline && !(hasAccepted(good.received) && hasAccepted(flaky.received) && flaky.received.length >= 5)) {
				await new Promise((r) => setTimeout(r, 250));
			}
			for (const x of good.received) {
				const [, t, v1] = String(x.headers['echoppe-signature']).match(/^t=(\d+),v1=([0-9a-f]{64})$/)!;
				const valid = secrets.some((secret) => createHmac('sha256', secret).update(`${t}.${x.body}`).digest('hex') === v1);
				expect(valid).toBe(true);
			}
			const created = good.received.find(
				(x) => x.headers['echoppe-event'] === 'order.created' && JSON.parse(x.body).data.order.id === orderId
			);
			expect(created).toBeDefined();
			expect(hasAccepted(good.received)).toBe(true);
			// The flaky receiver answered 500, 502, 503 to the first three sends (two events), then got them again:
			// five sends of two deliveries, each resent with the same id and body.
			expect(flaky.received).toHaveLength(5);
			const byDelivery = Map.groupBy(flaky.received, (x) => String(x.headers['echoppe-delivery']));
			expect(byDelivery.size).toBe(2);
			for (const sends of byDelivery.values()) {
				expect(sends.length).toBeGreaterThanOrEqual(2);
				expect(new Set(sends.map((x) => x.body)).size).toBe(1);
				expect(sends[1].at - sends[0].at).toBeGreaterThanOrEqual(900);
			}
			expect(hasAccepted(flaky.received)).toBe(true);
			const log = await (await get(base, '/pro/api', bakery)).text();
			expect(log).toContain('order.updated');
			expect(log).toContain('Reçu');
		} finally {
			await good.close();
			await flaky.close();
		}
	}, 60_000);
});
