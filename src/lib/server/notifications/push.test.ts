import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createECDH, createHmac, createDecipheriv, createPublicKey, verify, randomBytes, randomUUID } from 'node:crypto';
import { createServer, Agent, type Server } from 'node:https';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import { testDatabase } from '../../../../tests/setup/db.ts';
import { makeTerritory, makeShop, makeProduct, makeSlot } from '../../../../tests/setup/fixtures.ts';
import type { Database, Db } from '../db/client.ts';
import { notifications, orderLines, pushSubscriptions, user } from '../db/schema/index.ts';
import { addToCart } from '../checkout/cart.ts';
import { checkout } from '../checkout/checkout.ts';
import { cancelByCustomer } from '../checkout/orders.ts';
import { transitionOrder } from '../orders/transitions.ts';
import { decideSubstitution, proposeSubstitution } from '../preparation/adjust.ts';
import { InvalidInputError } from '../errors.ts';
import { euros } from '../../format.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import { deliverPushes, saveSubscription, vapidKeys, countSubscriptions, deleteSubscription, pushMessage } from './push.ts';

// The push service (Mozilla's, Google's, Apple's) is a third party, unreachable here: a stand-in
// HTTPS server on 127.0.0.1 with a throw-away certificate receives what the web-push library sends.
// The test checks the VAPID token and decrypts the payload with the phone's private key
// (RFC 8291, aes128gcm), as the browser would.

const b64u = (b: Buffer) => b.toString('base64url');
const hmac = (key: Buffer, data: Buffer) => createHmac('sha256', key).update(data).digest();

/** A browser's push subscription: its P-256 key pair and auth secret. */
function phone() {
	const ecdh = createECDH('prime256v1');
	ecdh.generateKeys();
	const auth = randomBytes(16);
	return { ecdh, auth, keys: { p256dh: b64u(ecdh.getPublicKey()), auth: b64u(auth) } };
}

/** RFC 8291 + RFC 8188 (one record): what the browser does with a push message body. */
function decrypt(body: Buffer, device: ReturnType<typeof phone>): string {
	const salt = body.subarray(0, 16);
	const idLength = body[20];
	const serverKey = body.subarray(21, 21 + idLength);
	const ciphertext = body.subarray(21 + idLength);
	const shared = device.ecdh.computeSecret(serverKey);
	const prkKey = hmac(device.auth, shared);
	const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), device.ecdh.getPublicKey(), serverKey, Buffer.from([1])]);
	const ikm = hmac(prkKey, keyInfo);
	const prk = hmac(salt, ikm);
	const cek = hmac(prk, Buffer.from('Content-Encoding: aes128gcm\0\x01')).subarray(0, 16);
	const nonce = hmac(prk, Buffer.from('Content-Encoding: nonce\0\x01')).subarray(0, 12);
	const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
	decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
	const plain = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
	const end = plain.lastIndexOf(2); // padding delimiter of the last record
	return plain.subarray(0, end).toString('utf8');
}

/** Checks a `vapid t=<jwt>, k=<key>` header; returns the token's claims. */
function checkVapid(header: string, publicKey: string) {
	const match = /^vapid t=([^,]+),\s*k=(.+)$/.exec(header);
	expect(match).not.toBeNull();
	const [, jwt, k] = match!;
	expect(k).toBe(publicKey);
	const [h, p, s] = jwt.split('.');
	const raw = Buffer.from(k, 'base64url');
	const key = createPublicKey({
		key: { kty: 'EC', crv: 'P-256', x: b64u(raw.subarray(1, 33)), y: b64u(raw.subarray(33, 65)) },
		format: 'jwk'
	});
	const ok = verify('sha256', Buffer.from(`${h}.${p}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(s, 'base64url'));
	expect(ok).toBe(true);
	expect(JSON.parse(Buffer.from(h, 'base64url').toString())).toMatchObject({ alg: 'ES256' });
	return JSON.parse(Buffer.from(p, 'base64url').toString()) as { aud: string; sub: string; exp: number };
}

type Received = { path: string; headers: Record<string, string | string[] | undefined>; body: Buffer };

let database: Database;
let db: Db;
let territoryId: string;
let server: Server;
let port: number;
let agent: Agent;
let certDir: string;
const received: Received[] = [];
/** Status answered per path; 201 otherwise. */
const answers = new Map<string, number>();

beforeAll(async () => {
	database = await testDatabase();
	db = database.db;
	territoryId = (await makeTerritory(db)).id;
	certDir = mkdtempSync(join(tmpdir(), 'echoppe-push-'));
	execFileSync('openssl', [
		'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
		'-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(certDir, 'key.pem'), '-out', join(certDir, 'cert.pem')
	], { stdio: 'ignore' }); // prettier-ignore
	const cert = readFileSync(join(certDir, 'cert.pem'));
	agent = new Agent({ ca: cert });
	server = createServer({ cert, key: readFileSync(join(certDir, 'key.pem')) }, (req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			received.push({ path: req.url!, headers: req.headers, body: Buffer.concat(chunks) });
			res.writeHead(answers.get(req.url!) ?? 201).end();
		});
	});
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
	port = (server.address() as { port: number }).port;
});
afterAll(async () => {
	agent?.destroy();
	await new Promise((ok) => server?.close(ok));
	rmSync(certDir, { recursive: true, force: true });
	await database.close();
});

async function merchantShop() {
	const shop = await makeShop(db, territoryId);
	const { variant } = await makeProduct(db, shop, { priceCents: 1250, stock: 50 });
	const { variant: substitute } = await makeProduct(db, shop, { name: 'Pain aux noix', priceCents: 1400, stock: 50 });
	const slot = await makeSlot(db, { shopId: shop.id }, { capacity: 50 });
	const id = randomUUID();
	await db.insert(user).values({ id, name: 'Marchand', email: `m-${id}@exemple.fr`, emailVerified: true });
	const scope: ShopScope = { userId: id, territoryId, shopId: shop.id, role: 'shop_owner' };
	const order = async () => {
		const cartId = await addToCart(db, { territoryId, cartId: null }, { variantId: variant.id, quantity: 1 }, 'fr');
		const r = await checkout(
			db,
			{ territoryId, cartId, userId: null, idempotencyKey: randomUUID(), secret: SECRET, origin: 'http://localhost', locale: 'fr' },
			{
				customer: { name: 'Claire Petit', email: 'claire@exemple.fr', phone: '06 12 34 56 78' },
				acceptTerms: true,
				fulfilments: [{ shopId: shop.id, method: 'pickup', slotId: slot.id }]
			}
		);
		return r.orders[0];
	};
	return { shop, scope, order, substitute };
}

const SECRET = 's'.repeat(40);
const SUBJECT = 'mailto:no-reply@exemple.fr';
const ctx = { secret: SECRET, origin: 'http://localhost', locale: 'fr' as const };

/** The merchant proposes another bread in place of the order's line; the customer answers on their order page. */
async function substitution(
	m: Awaited<ReturnType<typeof merchantShop>>,
	order: { id: string; accessToken: string },
	decision: 'accept' | 'refuse'
) {
	await transitionOrder(db, m.scope, order.id, { to: 'accepted' }, ctx);
	const [line] = await db.select({ id: orderLines.id }).from(orderLines).where(eq(orderLines.orderId, order.id));
	const { substitutionId } = await proposeSubstitution(db, m.scope, order.id, line.id, { variantId: m.substitute.id, quantity: '1' }, ctx);
	await decideSubstitution(db, order.id, order.accessToken, { substitutionId, decision });
}

describe('web push of new orders', () => {
	it('keeps one VAPID key pair for every node', async () => {
		const [a, b] = await Promise.all([vapidKeys(db), vapidKeys(db)]);
		expect(a).toEqual(b);
		expect(Buffer.from(a.publicKey, 'base64url')).toHaveLength(65);
	});

	it('sends the new order, encrypted for the phone and signed with our VAPID key, and drops gone phones', async () => {
		const keys = await vapidKeys(db);
		const m = await merchantShop();
		const device = phone();
		const gone = phone();
		await saveSubscription(db, m.scope, { endpoint: `https://127.0.0.1:${port}/push/phone-1`, keys: device.keys });
		await saveSubscription(db, m.scope, { endpoint: `https://127.0.0.1:${port}/push/gone`, keys: gone.keys });
		answers.set('/push/gone', 410);
		expect(await countSubscriptions(db, m.scope)).toBe(2);
		await deliverPushes(db, { keys, subject: SUBJECT, agent }); // earlier tests' orders, if any
		received.length = 0;
		const order = await m.order();
		const [a, b] = await Promise.all([
			deliverPushes(db, { keys, subject: SUBJECT, agent }),
			deliverPushes(db, { keys, subject: SUBJECT, agent })
		]);
		expect(a.pushed + b.pushed).toBe(1); // two nodes at once: claimed once
		expect(received.map((r) => r.path).sort()).toEqual(['/push/gone', '/push/phone-1']);
		const push = received.find((r) => r.path === '/push/phone-1')!;
		expect(push.headers['content-encoding']).toBe('aes128gcm');
		expect(push.headers['urgency']).toBe('high');
		const claims = checkVapid(String(push.headers.authorization), keys.publicKey);
		expect(claims.aud).toBe(`https://127.0.0.1:${port}`);
		expect(claims.sub).toBe(SUBJECT);
		expect(claims.exp * 1000).toBeGreaterThan(Date.now());
		const payload = JSON.parse(decrypt(push.body, device));
		expect(payload).toMatchObject({ title: `Nouvelle commande n° ${order.number}`, url: '/pro/commandes', tag: order.id });
		expect(payload.body).toContain('Claire Petit');
		expect(payload.body).toContain('12,50');
		// 410: the phone unsubscribed; its row is gone. Pushed once: the next round sends nothing.
		expect(await countSubscriptions(db, m.scope)).toBe(1);
		received.length = 0;
		await deliverPushes(db, { keys, subject: SUBJECT, agent });
		expect(received).toHaveLength(0);
		const [note] = await db.select().from(notifications).where(eq(notifications.orderId, order.id));
		expect(note.pushedAt).toBeInstanceOf(Date);
	});

	it('keeps a failing phone with its error, and a push service that refuses never touches the order', async () => {
		const keys = await vapidKeys(db);
		const m = await merchantShop();
		answers.set('/push/busy', 503);
		await saveSubscription(db, m.scope, { endpoint: `https://127.0.0.1:${port}/push/busy`, keys: phone().keys });
		const order = await m.order();
		expect(order.number).toBeGreaterThan(0);
		await deliverPushes(db, { keys, subject: SUBJECT, agent });
		const [sub] = await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.shopId, m.shop.id));
		expect(sub.lastError).toMatch(/503|unexpected/i);
	});

	it('rings the shop’s phones when a customer cancels or answers a substitution, once each, never another shop’s', async () => {
		const keys = await vapidKeys(db);
		const m = await merchantShop();
		const other = await merchantShop();
		const device = phone();
		const otherDevice = phone();
		await saveSubscription(db, m.scope, { endpoint: `https://127.0.0.1:${port}/push/news-m`, keys: device.keys });
		await saveSubscription(db, other.scope, { endpoint: `https://127.0.0.1:${port}/push/news-other`, keys: otherDevice.keys });
		const [cancelled, accepted, refused, elsewhere] = [await m.order(), await m.order(), await m.order(), await other.order()];
		await deliverPushes(db, { keys, subject: SUBJECT, agent }); // the four new orders
		received.length = 0;

		await cancelByCustomer(db, cancelled.id, cancelled.accessToken);
		await substitution(m, accepted, 'accept');
		await substitution(m, refused, 'refuse');
		await cancelByCustomer(db, elsewhere.id, elsewhere.accessToken);
		// The merchant's own moves are not news to them: nothing rings for them.
		await transitionOrder(db, m.scope, accepted.id, { to: 'preparing' }, ctx);
		// A phone that subscribes now does not ring for what happened before.
		const late = phone();
		await saveSubscription(db, m.scope, { endpoint: `https://127.0.0.1:${port}/push/news-late`, keys: late.keys });

		const [a, b] = await Promise.all([
			deliverPushes(db, { keys, subject: SUBJECT, agent }),
			deliverPushes(db, { keys, subject: SUBJECT, agent })
		]);
		expect(a.pushed + b.pushed).toBe(4); // two nodes at once: each news claimed once
		expect(received.map((r) => r.path).sort()).toEqual(['/push/news-m', '/push/news-m', '/push/news-m', '/push/news-other']);
		const shown = received.filter((r) => r.path === '/push/news-m').map((r) => JSON.parse(decrypt(r.body, device)));
		const titled = (title: string) => shown.find((p) => p.title === title);
		expect(titled(`Commande n° ${cancelled.number} annulée par le client`)).toMatchObject({
			body: `Claire Petit a annulé sa commande (${euros(1250, 'fr')}). Inutile de la préparer.`,
			url: `/pro/commandes/${cancelled.id}`
		});
		expect(titled(`Commande n° ${accepted.number} : remplacement accepté`)).toMatchObject({
			body: 'Claire Petit accepte le produit de remplacement proposé.',
			url: `/pro/commandes/${accepted.id}`
		});
		expect(titled(`Commande n° ${refused.number} : remplacement refusé`)).toMatchObject({
			body: 'Claire Petit refuse le remplacement : l’article est retiré de la commande.',
			url: `/pro/commandes/${refused.id}`
		});
		// Each its own tag: a notification replacing the new order's (same tag) would not ring.
		expect(new Set(shown.map((p) => p.tag)).size).toBe(3);
		expect(shown.map((p) => p.tag)).not.toContain(cancelled.id);
		const theirs = JSON.parse(decrypt(received.find((r) => r.path === '/push/news-other')!.body, otherDevice));
		expect(theirs.title).toBe(`Commande n° ${elsewhere.number} annulée par le client`);
		expect(theirs.url).toBe(`/pro/commandes/${elsewhere.id}`);

		// Stamped: the next round sends nothing.
		expect(await db.$count(notifications, and(eq(notifications.shopId, m.shop.id), isNull(notifications.pushedAt)))).toBe(0);
		received.length = 0;
		await deliverPushes(db, { keys, subject: SUBJECT, agent });
		expect(received).toHaveLength(0);
	});

	it('writes the pushes in English for an English-speaking platform', () => {
		const note = { id: randomUUID(), order_id: randomUUID(), data: { number: 7, customerName: 'Claire Petit', totalCents: 1250 } };
		expect(pushMessage({ ...note, kind: 'order_cancelled' }, 'en')).toMatchObject({
			title: 'Order no. 7 cancelled by the customer',
			body: 'Claire Petit cancelled their order (€12.50). No need to prepare it.'
		});
		expect(pushMessage({ ...note, kind: 'substitution_answered', data: { ...note.data, accepted: true } }, 'en').title).toBe(
			'Order no. 7: replacement accepted'
		);
		expect(pushMessage({ ...note, kind: 'substitution_answered', data: { ...note.data, accepted: false } }, 'en')).toMatchObject({
			title: 'Order no. 7: replacement refused',
			body: 'Claire Petit refuses the replacement: the item is removed from the order.'
		});
	});

	it('refuses bad subscriptions with a field message, and forgets one on request', async () => {
		const m = await merchantShop();
		const bad = [
			{},
			{ endpoint: 'http://127.0.0.1/push', keys: phone().keys },
			{ endpoint: 'javascript:alert(1)', keys: phone().keys },
			{ endpoint: `https://push.exemple.fr/${'x'.repeat(3000)}`, keys: phone().keys },
			{ endpoint: 'https://push.exemple.fr/a', keys: { p256dh: 'not base64!', auth: 'abc' } },
			{ endpoint: 'https://push.exemple.fr/a', keys: { p256dh: 12, auth: null } }
		];
		for (const input of bad) await expect(saveSubscription(db, m.scope, input)).rejects.toBeInstanceOf(InvalidInputError);
		const endpoint = 'https://push.exemple.fr/abc';
		await saveSubscription(db, m.scope, { endpoint, keys: phone().keys });
		await saveSubscription(db, m.scope, { endpoint, keys: phone().keys }); // again: replaced, not doubled
		expect(await countSubscriptions(db, m.scope)).toBe(1);
		const other = await merchantShop();
		await deleteSubscription(db, other.scope, endpoint); // another shop cannot remove it
		expect(await countSubscriptions(db, m.scope)).toBe(1);
		await deleteSubscription(db, m.scope, endpoint);
		expect(await countSubscriptions(db, m.scope)).toBe(0);
	});
});
