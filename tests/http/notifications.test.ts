import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID, createECDH, randomBytes } from 'node:crypto';
import { startServer, type RunningServer } from '../setup/server.ts';
import { signInCookie, get } from './session.ts';
import { api, checkoutAtBakery } from './bakery.ts';

// The merchant's feed (/pro/notifications) and this phone's push subscription endpoint, against
// the built server. The push delivery itself is tested with a push-service stand-in in
// src/lib/server/notifications/push.test.ts (web-push only speaks https).

let server: RunningServer;
let merchant: string;

beforeAll(async () => {
	server = await startServer({ ADDRESS_HEADER: 'x-forwarded-for' });
	merchant = await signInCookie(server.url, 'boulangerie@saint-aubin.demo');
}, 180_000);
afterAll(async () => {
	await server?.stop();
});

const form = (path: string, cookie: string, fields: Record<string, string> = {}) =>
	fetch(`${server.url}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { accept: 'text/html', cookie, origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields)
	});
const page = async (cookie = merchant) => {
	const r = await get(server.url, '/pro/notifications', cookie);
	expect(r.status).toBe(200);
	return r.text();
};
const subscription = (endpoint = `https://push.exemple.fr/send/${randomUUID()}`) => {
	const ecdh = createECDH('prime256v1');
	ecdh.generateKeys();
	return { endpoint, keys: { p256dh: ecdh.getPublicKey('base64url'), auth: randomBytes(16).toString('base64url') } };
};
const subscribe = (body: unknown, cookie = merchant, method = 'POST') =>
	fetch(`${server.url}/pro/notifications/abonnement`, {
		method,
		redirect: 'manual',
		headers: { cookie, 'content-type': 'application/json', 'accept-language': 'fr' },
		body: typeof body === 'string' ? body : JSON.stringify(body)
	});

describe('the merchant feed', () => {
	it('lists a new order and the customer’s cancellation, and marks all read without JavaScript', async () => {
		await form('/pro/notifications?/read', merchant);
		expect(await page()).toContain('Non lues : 0');
		const order = await checkoutAtBakery(server.url, `feed-${randomUUID().slice(0, 8)}@exemple.fr`);
		let html = await page();
		expect(html).toContain(`Nouvelle commande n° ${order.number} de Camille Durand`);
		expect(html).toContain(`href="/pro/commandes/${order.id}"`);
		expect(html).toContain('Non lues : 1');
		expect(html).toContain('Tout marquer comme lu');

		// The customer changes their mind (API, with the order's token): the shop hears of it.
		const cancelled = await api(server.url, 'POST', `/api/v1/orders/${order.id}/cancel`, undefined, {
			authorization: `Bearer ${order.accessToken}`
		});
		expect(cancelled.status).toBe(200);
		html = await page();
		expect(html).toContain(`Commande n° ${order.number} annulée par Camille Durand`);
		expect(html).toContain('Non lues : 2');

		const read = await form('/pro/notifications?/read', merchant);
		expect([200, 303]).toContain(read.status);
		html = await page();
		expect(html).toContain('Non lues : 0');
		expect(html).not.toContain('Tout marquer comme lu');
	});

	it('is for the shop’s team only: a visitor is sent to sign in, a customer is kept out', async () => {
		const order = await checkoutAtBakery(server.url, `feed-${randomUUID().slice(0, 8)}@exemple.fr`);
		const anonymous = await get(server.url, '/pro/notifications');
		expect([302, 303]).toContain(anonymous.status);
		const shops = (await (await api(server.url, 'GET', '/api/v1/shops')).json()) as { items: { trade: string }[] };
		expect(shops.items.length).toBeGreaterThan(1);
		const consumer = await signInCookie(server.url, 'client@saint-aubin.demo');
		const asConsumer = await get(server.url, '/pro/notifications', consumer);
		expect(asConsumer.status).not.toBe(200);
		expect(await page()).toContain(`n° ${order.number} de`);
	});
});

describe('the push subscription endpoint', () => {
	it('gives the VAPID public key, saves a subscription once, and forgets it', async () => {
		const key = await get(server.url, '/pro/notifications/abonnement', merchant);
		expect(key.status).toBe(200);
		const { publicKey, subscriptions } = (await key.json()) as { publicKey: string; subscriptions: number };
		expect(Buffer.from(publicKey, 'base64url')).toHaveLength(65);
		const sub = subscription();
		expect((await subscribe(sub)).status).toBe(201);
		expect((await subscribe(sub)).status).toBe(201); // again from the same phone: replaced
		const after = (await (await get(server.url, '/pro/notifications/abonnement', merchant)).json()) as { subscriptions: number };
		expect(after.subscriptions).toBe(subscriptions + 1);
		expect((await subscribe({ endpoint: sub.endpoint }, merchant, 'DELETE')).status).toBe(204);
		const gone = (await (await get(server.url, '/pro/notifications/abonnement', merchant)).json()) as { subscriptions: number };
		expect(gone.subscriptions).toBe(subscriptions);
	});

	it('answers bad input with a problem, never a 500, and refuses visitors', async () => {
		const bad: [string, RegExp][] = [
			['', /invalid|invalide|attendu|expected/i],
			['not json', /invalid|invalide|attendu|expected/i],
			['[]', /invalid|invalide|attendu|expected/i],
			['{}', /invalid|invalide|attendu|expected|requis/i],
			[JSON.stringify(subscription('http://127.0.0.1:5432/x')), /Abonnement aux notifications invalide/],
			[JSON.stringify(subscription(`https://x.fr/${'a'.repeat(5000)}`)), /Abonnement aux notifications invalide/]
		];
		for (const [body, message] of bad) {
			const r = await subscribe(body);
			expect(r.status, body.slice(0, 40)).toBe(422);
			expect(r.headers.get('content-type')).toContain('application/problem+json');
			expect(JSON.stringify(await r.json())).toMatch(message);
		}
		const anonymous = await fetch(`${server.url}/pro/notifications/abonnement`, {
			method: 'POST',
			redirect: 'manual',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(subscription())
		});
		expect(anonymous.status).not.toBe(201);
		expect(anonymous.status).toBeLessThan(500);
	});

	it('serves a service worker that handles push and clicks, and caches nothing', async () => {
		const r = await get(server.url, '/service-worker.js');
		expect(r.status).toBe(200);
		const code = await r.text();
		expect(code).toContain('push');
		expect(code).toContain('notificationclick');
		expect(code).not.toMatch(/addEventListener\(\s*["']fetch/);
		expect(code).not.toContain('caches.');
	});
});
