import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import pg from 'pg';

// The demo bakery, driven through the public API and the board's plain form posts, as the HTTP
// tests of orders need it (order board, notifications, mail crash) and the browser journeys
// (node:assert, so it runs outside Vitest too).

export const json = async (r: Response) => (await r.json()) as Record<string, unknown>;
export const localDay = (offsetDays = 0) =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(Date.now() + offsetDays * 86_400_000));
let address = 1;

export async function api(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
	return fetch(base + path, {
		method,
		headers: { 'content-type': 'application/json', 'accept-language': 'fr', 'x-forwarded-for': `10.9.0.${address++}`, ...headers },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
}

/** A customer buys one item at the demo bakery (that size when given), through the public API of `base`. */
export async function checkoutAtBakery(base: string, email: string, size?: string) {
	const shops = (await json(await api(base, 'GET', '/api/v1/shops'))).items as { id: string; slug: string; name: string; trade: string }[];
	const bakery = shops.find((s) => s.trade === 'bakery')!;
	const slots = (
		(await json(await api(base, 'GET', `/api/v1/shops/${bakery.slug}/slots?from=${localDay()}&to=${localDay(6)}`))).items as {
			id: string;
			startsAt: string;
		}[]
	).filter((s) => Date.parse(s.startsAt) > Date.now() + 130 * 60_000);
	const products = (await json(await api(base, 'GET', `/api/v1/products?shop=${bakery.slug}&limit=50`))).items as {
		id: string;
		unit: string;
		available: boolean;
	}[];
	let variantId: string | undefined = size;
	for (const p of size ? [] : products.filter((p) => p.available && p.unit !== 'kg')) {
		const detail = await json(await api(base, 'GET', `/api/v1/products/${p.id}`));
		const v = (detail.variants as { id: string; stockMode: string; stock: number | null }[]).find(
			(v) => v.stockMode !== 'tracked' || (v.stock ?? 0) >= 2
		);
		if (v) {
			variantId = v.id;
			break;
		}
	}
	assert.ok(variantId, 'a buyable bakery product');
	const cart = (await json(await api(base, 'POST', '/api/v1/carts'))).id as string;
	assert.equal((await api(base, 'POST', `/api/v1/carts/${cart}/items`, { variantId, quantity: 1 })).status, 201);
	const placed = await api(
		base,
		'POST',
		`/api/v1/carts/${cart}/checkout`,
		{
			customer: { name: 'Camille Durand', email, phone: '06 12 34 56 78' },
			acceptTerms: true,
			fulfilments: [{ shopId: bakery.id, method: 'pickup', slotId: slots[0].id }],
			payment: { method: 'on_site' }
		},
		{ 'idempotency-key': randomUUID() }
	);
	const body = await json(placed);
	assert.equal(placed.status, 201, JSON.stringify(body));
	const order = (body.orders as { id: string; number: number; accessToken: string }[])[0];
	return { ...order, shop: bakery, placedAt: Date.now() };
}

/** The merchant presses a button of the board: a plain form post, as without JavaScript. */
export function move(base: string, cookie: string, fields: Record<string, string>) {
	return fetch(`${base}/pro/commandes?status=new&/move`, {
		method: 'POST',
		redirect: 'manual',
		headers: { accept: 'text/html', cookie, origin: base, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields)
	});
}

/**
 * A PostgreSQL database of the test's own when TEST_DATABASE_URL is set (kept across restarts of
 * the server, unlike `startServer`'s), else null (PGlite in the kept data folder).
 */
export async function ownDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> } | null> {
	const base = process.env.TEST_DATABASE_URL;
	if (!base) return null;
	const name = `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
	const admin = new pg.Client({ connectionString: base });
	await admin.connect();
	await admin.query(`create database ${name}`);
	await admin.end();
	const u = new URL(base);
	u.pathname = `/${name}`;
	return {
		url: u.toString(),
		async drop() {
			const client = new pg.Client({ connectionString: base });
			await client.connect();
			await client.query(`drop database if exists ${name} with (force)`);
			await client.end();
		}
	};
}
