import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { startServer, type RunningServer } from '../setup/server.ts';
import { signInCookie, get } from './session.ts';
import { PreparationChange, ProPickingList, SubstitutionProposed } from '../../src/lib/server/http/api-pro-schemas.ts';
import { Problem } from '../../src/lib/server/http/openapi.ts';
import { jsonApi } from './json-api.ts';

// Preparation through the merchant API, over real HTTP against the built server: a butcher's
// scale weighs, takes out and replaces items of accepted orders with an API token, exactly as the
// order's page does (same domain functions). Every answer is parsed with the schema the OpenAPI
// document is generated from; stock is read back through the API to prove each change moved it
// once — under replays and concurrent requests too. Tokens are made and revoked in /pro/api with
// plain form posts, like a merchant would.

let server: RunningServer;
let base: string;
const { api, ok } = jsonApi(() => base);
const tokens = { full: '', readOnly: '', catalogOnly: '', revoked: '', otherShop: '' };

type Order = z.infer<typeof PreparationChange>['order'];
type Line = Order['lines'][number];
type ProVariant = { id: string; name: string; priceCents: number; stockMode: string; stock: number; leadDays: number | null };
type ProProduct = { id: string; unit: string; soldOutToday: boolean; variants: ProVariant[] };

/** The butcher's goods used throughout: one sold by the kg, one by the piece, both with tracked stock. */
const goods = { kgProduct: '', kg: '', kgPrice: 0, pieceProduct: '', piece: '', otherShopVariant: '' };
let shop: { id: string; slug: string };

function form(path: string, fields: [string, string][], cookie?: string) {
	return fetch(`${base}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			accept: 'text/html',
			origin: base,
			'content-type': 'application/x-www-form-urlencoded',
			...(cookie ? { cookie } : {})
		},
		body: new URLSearchParams(fields)
	});
}

async function createToken(cookie: string, name: string, scopes: string[]): Promise<string> {
	const r = await form('/pro/api?/createToken', [['name', name], ...scopes.map((s): [string, string] => ['scopes', s])], cookie);
	const html = await r.text();
	expect(r.status, html.slice(0, 300)).toBe(200);
	return html.match(/echp_[A-Za-z0-9_-]{43}/)![0];
}

async function problem(r: Response, status: number) {
	const text = await r.text();
	expect(r.status, text.slice(0, 500)).toBe(status);
	expect(r.headers.get('content-type')).toContain('application/problem+json');
	return Problem.parse(JSON.parse(text));
}

const linePath = (orderId: string, lineId: string, action: 'weight' | 'unavailable' | 'substitution') =>
	`/api/v1/pro/orders/${orderId}/lines/${lineId}/${action}`;
const weigh = (orderId: string, lineId: string, body: unknown, token = tokens.full, headers: Record<string, string> = {}) =>
	api('POST', linePath(orderId, lineId, 'weight'), token, body, headers);
const unavailable = (orderId: string, lineId: string, token = tokens.full) => api('POST', linePath(orderId, lineId, 'unavailable'), token);
const substitute = (orderId: string, lineId: string, body: unknown, token = tokens.full, headers: Record<string, string> = {}) =>
	api('POST', linePath(orderId, lineId, 'substitution'), token, body, headers);

async function readOrder(orderId: string): Promise<Order> {
	return PreparationChange.shape.order.parse(await ok(await api('GET', `/api/v1/pro/orders/${orderId}`, tokens.full)));
}

async function stockOf(productId: string, variantId: string): Promise<number> {
	const p = await ok<ProProduct>(await api('GET', `/api/v1/pro/products/${productId}`, tokens.full));
	return p.variants.find((v) => v.id === variantId)!.stock;
}

const setStock = async (variantId: string, stock: number) =>
	ok(await api('PATCH', `/api/v1/pro/variants/${variantId}/stock`, tokens.full, { set: stock, reason: 'adjustment' }));

/** A customer orders 1 kg and 1 piece at the butcher's through the public API (a later slot if one fills up). */
async function placeOrder(): Promise<{ id: string; accessToken: string }> {
	const slots = (
		await ok<{ items: { id: string; startsAt: string }[] }>(await api('GET', `/api/v1/shops/${shop.slug}/slots`, null))
	).items.filter((s) => Date.parse(s.startsAt) > Date.now() + 4 * 3_600_000);
	const cart = (await ok<{ id: string }>(await api('POST', '/api/v1/carts', null), 201)).id;
	await ok(await api('POST', `/api/v1/carts/${cart}/items`, null, { variantId: goods.kg, quantity: 1 }), 201);
	await ok(await api('POST', `/api/v1/carts/${cart}/items`, null, { variantId: goods.piece, quantity: 1 }), 201);
	for (const slot of slots.slice(0, 5)) {
		const r = await api(
			'POST',
			`/api/v1/carts/${cart}/checkout`,
			null,
			{
				customer: { name: 'Louis Garnier', email: `prep-api-${randomUUID().slice(0, 8)}@exemple.fr`, phone: '06 22 33 44 55' },
				acceptTerms: true,
				fulfilments: [{ shopId: shop.id, method: 'pickup', slotId: slot.id }],
				payment: { method: 'on_site' }
			},
			{ 'idempotency-key': randomUUID() }
		);
		if (r.status === 409) continue; // the slot filled up meanwhile
		return (await ok<{ orders: { id: string; accessToken: string }[] }>(r, 201)).orders[0];
	}
	throw new Error('no butcher slot could take the order');
}

/** An order moved to `accepted` through the API, with its kg line and its piece line. */
async function acceptedOrder() {
	const placed = await placeOrder();
	const order = PreparationChange.shape.order.parse(
		await ok(await api('POST', `/api/v1/pro/orders/${placed.id}/transitions`, tokens.full, { to: 'accepted' }))
	);
	const kgLine = order.lines.find((l) => l.variantId === goods.kg)!;
	const pieceLine = order.lines.find((l) => l.variantId === goods.piece)!;
	return { order, kgLine, pieceLine, accessToken: placed.accessToken };
}

/** The day of an instant in the demo territory's time zone (the picking list's days). */
const parisDay = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(iso));
const sumOfLines = (o: Order) => o.lines.filter((l) => !l.removed).reduce((sum, l) => sum + l.totalCents, 0) + o.deliveryFeeCents;
const lineOf = (o: Order, id: string): Line => o.lines.find((l) => l.id === id)!;

beforeAll(async () => {
	server = await startServer();
	base = server.url;
	const [butcher, bakery] = await Promise.all([
		signInCookie(base, 'boucherie-charcuterie-marchand@saint-aubin.demo'),
		signInCookie(base, 'boulangerie@saint-aubin.demo')
	]);
	tokens.full = await createToken(butcher, 'Balance', ['orders:read', 'orders:write', 'catalog:read', 'catalog:write']);
	tokens.readOnly = await createToken(butcher, 'Écran du labo', ['orders:read', 'catalog:read']);
	tokens.catalogOnly = await createToken(butcher, 'Étiqueteuse', ['catalog:read', 'catalog:write']);
	tokens.revoked = await createToken(butcher, 'Ancienne balance', ['orders:read', 'orders:write']);
	tokens.otherShop = await createToken(bakery, 'Caisse', ['orders:read', 'orders:write', 'catalog:read', 'catalog:write']);
	const page = await (await get(base, '/pro/api', butcher)).text();
	const forms = [...page.matchAll(/action="\?\/revokeToken"[^]*?name="id" value="([0-9a-f-]{36})"[^]*?— ([^<]+)</g)];
	const revokeId = forms.find((f) => f[2].trim() === 'Ancienne balance')?.[1];
	expect(revokeId).toBeDefined();
	expect((await form('/pro/api?/revokeToken', [['id', revokeId!]], butcher)).status).toBe(200);

	const shops = (await ok<{ items: { id: string; slug: string; trade: string }[] }>(await api('GET', '/api/v1/shops', null))).items;
	shop = shops.find((s) => s.trade === 'butcher')!;
	// The butcher's own goods, through the merchant API: tracked stock (to count movements), ready today.
	const products = (await ok<{ items: ProProduct[] }>(await api('GET', '/api/v1/pro/products?status=active&limit=100', tokens.full))).items;
	const usable = (unit: string) =>
		products
			.filter((p) => p.unit === unit && !p.soldOutToday)
			.flatMap((p) => p.variants.filter((v) => v.stockMode === 'tracked' && v.leadDays === null).map((v) => ({ p, v })));
	const kg = usable('kg').find(({ v }) => v.priceCents >= 1000)!;
	const piece = usable('piece')[0];
	expect(kg, 'a butcher variant sold by the kg').toBeDefined();
	expect(piece, 'a butcher variant sold by the piece').toBeDefined();
	Object.assign(goods, { kgProduct: kg.p.id, kg: kg.v.id, kgPrice: kg.v.priceCents, pieceProduct: piece.p.id, piece: piece.v.id });
	await setStock(goods.kg, 200);
	await setStock(goods.piece, 200);
	const bakeryProducts = (await ok<{ items: ProProduct[] }>(await api('GET', '/api/v1/pro/products?limit=5', tokens.otherShop))).items;
	goods.otherShopVariant = bakeryProducts[0].variants[0].id;
}, 180_000);

afterAll(async () => {
	await server?.stop();
});

describe('weighing through the API', () => {
	it('weighs a kg line within its range: the total follows, the stock moves by the difference once, a replay writes nothing', async () => {
		const { order, kgLine } = await acceptedOrder();
		expect(kgLine.weightRange).toEqual({ min: 0.9, max: 1.1 });
		expect(lineOf(order, order.lines.find((l) => l.unit !== 'kg')!.id).weightRange).toBeNull();
		const stock = await stockOf(goods.kgProduct, goods.kg);

		const first = PreparationChange.parse(await ok(await weigh(order.id, kgLine.id, { weight: 1.05 })));
		expect(first.changed).toBe(true);
		const weighed = lineOf(first.order, kgLine.id);
		expect(weighed).toMatchObject({ weighedQuantity: 1.05, totalCents: Math.round(goods.kgPrice * 1.05) });
		expect(first.order.totalCents).toBe(sumOfLines(first.order));
		expect(first.order.totalCents).toBe(order.totalCents - kgLine.totalCents + weighed.totalCents);
		expect(first.order.adjustments).toMatchObject([
			{ kind: 'weighed', lineId: kgLine.id, actor: 'shop', totalBeforeCents: order.totalCents, totalAfterCents: first.order.totalCents }
		]);
		expect(await stockOf(goods.kgProduct, goods.kg)).toBeCloseTo(stock - 0.05, 3);

		// The scale sends the same weight again (a retry after a timeout): nothing more is written.
		const replay = PreparationChange.parse(await ok(await weigh(order.id, kgLine.id, { weight: 1.05 })));
		expect(replay.changed).toBe(false);
		expect(replay.order.totalCents).toBe(first.order.totalCents);
		expect(replay.order.adjustments).toHaveLength(1);
		expect(await stockOf(goods.kgProduct, goods.kg)).toBeCloseTo(stock - 0.05, 3);

		// Weighed again lighter: the first weighing is replaced, the stock follows the new difference.
		const again = PreparationChange.parse(await ok(await weigh(order.id, kgLine.id, { weight: 0.95 })));
		expect(lineOf(again.order, kgLine.id).weighedQuantity).toBe(0.95);
		expect(again.order.adjustments).toHaveLength(2);
		expect(await stockOf(goods.kgProduct, goods.kg)).toBeCloseTo(stock + 0.05, 3);
	});

	it('refuses a weight outside the tolerance with 422 naming the accepted range, in English and French, writing nothing', async () => {
		const { order, kgLine } = await acceptedOrder();
		const stock = await stockOf(goods.kgProduct, goods.kg);
		const en = await problem(await weigh(order.id, kgLine.id, { weight: 1.32 }), 422);
		expect(en.errors).toEqual({ weight: ['The weight entered (1.320 kg) is outside the announced tolerance (0.900–1.100 kg)'] });
		const fr = await problem(await weigh(order.id, kgLine.id, { weight: 0.5 }, tokens.full, { 'accept-language': 'fr' }), 422);
		expect(fr.errors).toEqual({ weight: ['Le poids saisi (0,500 kg) dépasse la tolérance annoncée (0,900–1,100 kg)'] });
		// The bounds themselves are accepted.
		expect(PreparationChange.parse(await ok(await weigh(order.id, kgLine.id, { weight: 1.1 }))).changed).toBe(true);
		expect(PreparationChange.parse(await ok(await weigh(order.id, kgLine.id, { weight: 0.9 }))).changed).toBe(true);
		const after = await readOrder(order.id);
		expect(after.adjustments.map((a) => a.kind)).toEqual(['weighed', 'weighed']);
		expect(await stockOf(goods.kgProduct, goods.kg)).toBeCloseTo(stock + 0.1, 3);
	});

	it('answers bad input field by field (400/415/422) in the request’s language, never a 500, and writes nothing', async () => {
		const { order, kgLine } = await acceptedOrder();
		const cases: [unknown, string][] = [
			[{ weight: -1 }, 'The weight must be more than zero.'],
			[{ weight: 0 }, 'The weight must be more than zero.'],
			[{ weight: 5000 }, 'This weight is too large (999 kg at most).'],
			[{ weight: 1e308 }, 'This weight is too large (999 kg at most).'],
			[{ weight: 1.0005 }, 'Weights are entered to the gram (3 decimals at most).'],
			[{ weight: '1,05' }, 'Unreadable weight: enter a number of kg, for example 1.05.'],
			[{ weight: true }, 'Unreadable weight: enter a number of kg, for example 1.05.'],
			[{ weight: null }, 'Unreadable weight: enter a number of kg, for example 1.05.'],
			[{ weight: [1.05] }, 'Unreadable weight: enter a number of kg, for example 1.05.'],
			[{}, 'Enter the weighed quantity, in kg (for example 1.05).'],
			[{ grams: 1050 }, 'Enter the weighed quantity, in kg (for example 1.05).']
		];
		for (const [body, message] of cases) {
			const p = await problem(await weigh(order.id, kgLine.id, body), 422);
			expect(p.errors, JSON.stringify(body)).toEqual({ weight: [message] });
		}
		expect(
			(await problem(await weigh(order.id, kgLine.id, { weight: 'lourd' }, tokens.full, { 'accept-language': 'fr' }), 422)).errors
		).toEqual({ weight: ['Poids illisible : saisissez un nombre de kg, par exemple 1,05.'] });
		expect(Object.keys((await problem(await weigh(order.id, kgLine.id, [1.05]), 422)).errors!)).toEqual(['_']);
		expect((await problem(await weigh(order.id, kgLine.id, '{"weight": 1.0'), 400)).errors).toHaveProperty('body');
		expect((await problem(await weigh(order.id, kgLine.id, ''), 400)).errors).toHaveProperty('body');
		await problem(await weigh(order.id, kgLine.id, '<weight>1.05</weight>', tokens.full, { 'content-type': 'application/xml' }), 415);
		await problem(await weigh(order.id, kgLine.id, JSON.stringify({ weight: 1.05, pad: 'x'.repeat(100_000) })), 413);

		const subs: [unknown, string[]][] = [
			[{ variantId: goods.piece, quantity: -2 }, ['quantity']],
			[{ variantId: goods.piece, quantity: 1.5 }, ['quantity']],
			[{ variantId: goods.piece, quantity: 1000 }, ['quantity']],
			[{ variantId: goods.piece, quantity: '2' }, ['quantity']],
			[{ variantId: 42, quantity: 1 }, ['variantId']],
			[{ variantId: 'not-a-uuid', quantity: 1 }, ['variantId']],
			[{}, ['quantity', 'variantId']],
			[{ variantId: goods.kg, quantity: 1 }, ['variantId']] // the line's own variant
		];
		for (const [body, fields] of subs) {
			const p = await problem(await substitute(order.id, kgLine.id, body), 422);
			expect(Object.keys(p.errors!).sort(), JSON.stringify(body)).toEqual(fields);
		}
		expect((await problem(await substitute(order.id, kgLine.id, { variantId: goods.piece, quantity: 1000 }), 422)).errors).toEqual({
			quantity: ['Quantity too large: 99 at most.']
		});
		expect(
			(
				await problem(
					await substitute(order.id, kgLine.id, { variantId: goods.piece, quantity: 1.5 }, tokens.full, { 'accept-language': 'fr' }),
					422
				)
			).errors
		).toEqual({ quantity: ['Ce produit se commande à l’unité : indiquez un nombre entier.'] });
		expect((await problem(await substitute(order.id, kgLine.id, '{"variantId"'), 400)).errors).toHaveProperty('body');
		// A variant of another shop is unknown here: 404, as an unknown id.
		await problem(await substitute(order.id, kgLine.id, { variantId: goods.otherShopVariant, quantity: 1 }), 404);
		await problem(await substitute(order.id, kgLine.id, { variantId: randomUUID(), quantity: 1 }), 404);
		// Unknown or malformed ids: 404.
		await problem(await weigh(order.id, randomUUID(), { weight: 1 }), 404);
		await problem(await weigh(randomUUID(), kgLine.id, { weight: 1 }), 404);
		await problem(await unavailable(order.id, 'not-a-line'), 404);

		const after = await readOrder(order.id);
		expect(after.adjustments).toEqual([]);
		expect(after.substitutions).toEqual([]);
		expect(after.totalCents).toBe(order.totalCents);
		expect(lineOf(after, kgLine.id).weighedQuantity).toBeNull();
	});
});

describe('unavailable items and substitutes through the API', () => {
	it('takes an item out: removed, stock back once, totals recomputed, the customer emailed; a replay changes nothing', async () => {
		const { order, pieceLine, kgLine } = await acceptedOrder();
		const stock = await stockOf(goods.pieceProduct, goods.piece);
		const removed = PreparationChange.parse(await ok(await unavailable(order.id, pieceLine.id)));
		expect(removed.changed).toBe(true);
		expect(lineOf(removed.order, pieceLine.id).removed).toBe(true);
		expect(removed.order.totalCents).toBe(order.totalCents - pieceLine.totalCents);
		expect(removed.order.totalCents).toBe(sumOfLines(removed.order));
		expect(removed.order.adjustments).toMatchObject([{ kind: 'removed', lineId: pieceLine.id }]);
		expect(await stockOf(goods.pieceProduct, goods.piece)).toBe(stock + 1);

		const replay = PreparationChange.parse(await ok(await unavailable(order.id, pieceLine.id)));
		expect(replay.changed).toBe(false);
		expect(replay.order.adjustments).toHaveLength(1);
		expect(await stockOf(goods.pieceProduct, goods.piece)).toBe(stock + 1);
		// A removed line can be neither weighed nor replaced.
		expect((await problem(await substitute(order.id, pieceLine.id, { variantId: goods.kg, quantity: 1 }), 409)).title).toBe(
			'This item has already been removed from the order.'
		);
		// The picking list no longer shows it.
		const list = ProPickingList.parse(
			await ok(await api('GET', `/api/v1/pro/picking-list?date=${parisDay(order.slot!.startsAt)}`, tokens.full))
		);
		expect(list.orders.find((o) => o.id === order.id)!.lines.map((l) => l.id)).toEqual([kgLine.id]);
		// The customer was told by email (the operator's outbox).
		const operator = await signInCookie(base, 'operateur@saint-aubin.demo');
		expect(await (await get(base, '/admin/e-mails', operator)).text()).toContain(`Commande n° ${order.number} : un article n`);
	});

	it('proposes a substitute (201); a second proposal is 409; the customer’s acceptance shows in the order', async () => {
		const { order, kgLine, accessToken } = await acceptedOrder();
		const proposed = SubstitutionProposed.parse(
			await ok(await substitute(order.id, kgLine.id, { variantId: goods.piece, quantity: 2 }), 201)
		);
		expect(proposed.substitution).toMatchObject({
			lineId: kgLine.id,
			variantId: goods.piece,
			quantity: 2,
			status: 'pending',
			newLineId: null
		});
		expect(proposed.substitution.totalCents).toBe(proposed.substitution.unitPriceCents * 2);
		expect(proposed.order.totalCents).toBe(order.totalCents);
		expect(proposed.order.adjustments).toMatchObject([{ kind: 'substitution_proposed', lineId: kgLine.id }]);

		const twice = await problem(await substitute(order.id, kgLine.id, { variantId: goods.piece, quantity: 1 }), 409);
		expect(twice.title).toBe("A replacement proposal is already waiting for the customer's answer for this item.");
		await problem(await unavailable(order.id, kgLine.id), 409);
		const list = ProPickingList.parse(
			await ok(await api('GET', `/api/v1/pro/picking-list?date=${parisDay(order.slot!.startsAt)}`, tokens.readOnly))
		);
		expect(list.orders.find((o) => o.id === order.id)!.lines.find((l) => l.id === kgLine.id)!.pendingSubstitution).toBe(true);

		// The customer accepts from their order page (plain form); the API then shows the answer and the new line.
		const before = await readOrder(order.id);
		const answer = await form(`/commandes/${order.id}?t=${accessToken}&/substitution`, [
			['t', accessToken],
			['substitutionId', proposed.substitution.id],
			['decision', 'accept']
		]);
		expect(answer.status).toBe(200);
		const after = await readOrder(order.id);
		const substitution = after.substitutions.find((s) => s.id === proposed.substitution.id)!;
		expect(substitution.status).toBe('accepted');
		expect(substitution.decidedAt).not.toBeNull();
		expect(lineOf(after, kgLine.id).removed).toBe(true);
		expect(lineOf(after, substitution.newLineId!)).toMatchObject({ variantId: goods.piece, quantity: 2, removed: false });
		expect(after.totalCents).toBe(sumOfLines(after));
		expect(Date.parse(after.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt));
		const changed = await ok<{ items: { id: string }[] }>(
			await api('GET', `/api/v1/pro/orders?since=${encodeURIComponent(after.updatedAt)}`, tokens.full)
		);
		expect(changed.items.map((o) => o.id)).toContain(order.id);
	});
});

describe('refusals', () => {
	it('answers 403 to a token without orders:write, 401 to a revoked one, and writes nothing', async () => {
		const { order, kgLine, pieceLine } = await acceptedOrder();
		for (const [token, status] of [
			[tokens.readOnly, 403],
			[tokens.catalogOnly, 403],
			[tokens.revoked, 401],
			[null, 401]
		] as const) {
			const answers = [
				await weigh(order.id, kgLine.id, { weight: 1 }, token as string),
				await unavailable(order.id, pieceLine.id, token as string),
				await substitute(order.id, kgLine.id, { variantId: goods.piece, quantity: 1 }, token as string)
			];
			for (const r of answers) {
				const p = await problem(r, status);
				if (status === 401) expect(r.headers.get('www-authenticate')).toMatch(/^Bearer/);
				else expect(p.title).toBe('This key lacks the permission needed.');
			}
		}
		// The picking list needs orders:read only.
		await ok(await api('GET', '/api/v1/pro/picking-list', tokens.readOnly));
		await problem(await api('GET', '/api/v1/pro/picking-list', tokens.catalogOnly), 403);
		await problem(await api('GET', '/api/v1/pro/picking-list', tokens.revoked), 401);
		const after = await readOrder(order.id);
		expect(after).toMatchObject({ totalCents: order.totalCents, adjustments: [], substitutions: [] });
		expect(after.lines.every((l) => !l.removed && l.weighedQuantity === null)).toBe(true);
	});

	it("answers 404 to another shop's token, and to a line of another order; nothing moves", async () => {
		const a = await acceptedOrder();
		const b = await acceptedOrder();
		await problem(await weigh(a.order.id, a.kgLine.id, { weight: 1 }, tokens.otherShop), 404);
		await problem(await unavailable(a.order.id, a.pieceLine.id, tokens.otherShop), 404);
		await problem(await substitute(a.order.id, a.kgLine.id, { variantId: goods.piece, quantity: 1 }, tokens.otherShop), 404);
		// The other shop's variant proposed with its own token on this shop's order: still 404 (the order).
		await problem(await substitute(a.order.id, a.kgLine.id, { variantId: goods.otherShopVariant, quantity: 1 }, tokens.otherShop), 404);
		// This shop's own token, but order A with a line of order B.
		await problem(await weigh(a.order.id, b.kgLine.id, { weight: 1 }), 404);
		await problem(await unavailable(a.order.id, b.pieceLine.id), 404);
		await problem(await substitute(a.order.id, b.kgLine.id, { variantId: goods.piece, quantity: 1 }), 404);
		// The other shop's picking list does not show this shop's orders.
		const theirs = ProPickingList.parse(
			await ok(await api('GET', `/api/v1/pro/picking-list?date=${parisDay(a.order.slot!.startsAt)}`, tokens.otherShop))
		);
		expect(theirs.orders.map((o) => o.id)).not.toContain(a.order.id);
		for (const { order } of [a, b]) {
			expect(await readOrder(order.id)).toMatchObject({ totalCents: order.totalCents, adjustments: [], substitutions: [] });
		}
	});

	it('answers 409 on an order that is not accepted or preparing, with its state', async () => {
		const placed = await placeOrder();
		const fresh = await readOrder(placed.id);
		const kgLine = fresh.lines.find((l) => l.unit === 'kg')!;
		const pieceLine = fresh.lines.find((l) => l.unit !== 'kg')!;
		const closed = await problem(await weigh(placed.id, kgLine.id, { weight: 1 }), 409);
		expect(closed.title).toBe('This order can no longer be changed: only accepted or preparing orders can.');
		expect(closed.conflicts).toEqual({ status: 'new' });
		// Accepted then preparing: allowed; a piece line cannot be weighed.
		for (const to of ['accepted', 'preparing'])
			await ok(await api('POST', `/api/v1/pro/orders/${placed.id}/transitions`, tokens.full, { to }));
		expect((await problem(await weigh(placed.id, pieceLine.id, { weight: 1 }), 409)).title).toBe('This item is not sold by weight.');
		expect(PreparationChange.parse(await ok(await weigh(placed.id, kgLine.id, { weight: 1.02 }))).order.status).toBe('preparing');
		await ok(await api('POST', `/api/v1/pro/orders/${placed.id}/transitions`, tokens.full, { to: 'ready' }));
		const ready = await problem(await unavailable(placed.id, pieceLine.id, tokens.full), 409);
		expect(ready.conflicts).toEqual({ status: 'ready' });
		await problem(await substitute(placed.id, pieceLine.id, { variantId: goods.kg, quantity: 1 }), 409);
		expect((await problem(await weigh(placed.id, kgLine.id, { weight: 1 }, tokens.full, { 'accept-language': 'fr' }), 409)).title).toBe(
			'Cette commande ne peut plus être modifiée : seules les commandes acceptées ou en préparation le peuvent.'
		);
		expect((await readOrder(placed.id)).adjustments).toHaveLength(1);
	});
});

describe('concurrent requests on one line', () => {
	it('two scales sending the same weight together: one changes the line, the stock moves once', async () => {
		const { order, kgLine } = await acceptedOrder();
		const stock = await stockOf(goods.kgProduct, goods.kg);
		const answers = await Promise.all([weigh(order.id, kgLine.id, { weight: 1.08 }), weigh(order.id, kgLine.id, { weight: 1.08 })]);
		const results = await Promise.all(answers.map(async (r) => PreparationChange.parse(await ok(r))));
		expect(results.map((r) => r.changed).sort()).toEqual([false, true]);
		const after = await readOrder(order.id);
		expect(after.adjustments).toHaveLength(1);
		expect(await stockOf(goods.kgProduct, goods.kg)).toBeCloseTo(stock - 0.08, 3);
	});

	it('different weights together: both apply one after the other, the stock matches the last one', async () => {
		const { order, kgLine } = await acceptedOrder();
		const stock = await stockOf(goods.kgProduct, goods.kg);
		const answers = await Promise.all([0.95, 1.04, 1.1].map((weight) => weigh(order.id, kgLine.id, { weight })));
		for (const r of answers) expect(PreparationChange.parse(await ok(r)).changed).toBe(true);
		const after = await readOrder(order.id);
		const final = lineOf(after, kgLine.id).weighedQuantity!;
		expect([0.95, 1.04, 1.1]).toContain(final);
		expect(after.adjustments).toHaveLength(3);
		expect(after.totalCents).toBe(sumOfLines(after));
		// Ordered 1 kg (taken at checkout), weighed `final`: the stock moved by exactly the difference.
		expect(await stockOf(goods.kgProduct, goods.kg)).toBeCloseTo(stock - (final - 1), 3);
	});

	it('the same item marked unavailable twice at once: one removal, stock back once', async () => {
		const { order, pieceLine } = await acceptedOrder();
		const stock = await stockOf(goods.pieceProduct, goods.piece);
		const answers = await Promise.all([unavailable(order.id, pieceLine.id), unavailable(order.id, pieceLine.id)]);
		const results = await Promise.all(answers.map(async (r) => PreparationChange.parse(await ok(r))));
		expect(results.map((r) => r.changed).sort()).toEqual([false, true]);
		expect((await readOrder(order.id)).adjustments).toHaveLength(1);
		expect(await stockOf(goods.pieceProduct, goods.piece)).toBe(stock + 1);
	});

	it('two substitutes proposed at once, and a removal racing a proposal: one wins each time', async () => {
		const { order, kgLine, pieceLine } = await acceptedOrder();
		const [a, b] = await Promise.all([
			substitute(order.id, kgLine.id, { variantId: goods.piece, quantity: 1 }),
			substitute(order.id, kgLine.id, { variantId: goods.piece, quantity: 3 })
		]);
		expect([a.status, b.status].sort()).toEqual([201, 409]);
		const after = await readOrder(order.id);
		expect(after.substitutions).toHaveLength(1);
		expect(after.adjustments.map((x) => x.kind)).toEqual(['substitution_proposed']);

		const stock = await stockOf(goods.pieceProduct, goods.piece);
		const [removal, proposal] = await Promise.all([
			unavailable(order.id, pieceLine.id),
			substitute(order.id, pieceLine.id, { variantId: goods.kg, quantity: 1 })
		]);
		const statuses = [removal.status, proposal.status];
		// Either the removal came first (the proposal then finds the line removed) or the proposal did (the removal then waits for the customer).
		expect([
			[200, 409],
			[409, 201]
		]).toContainEqual(statuses);
		const final = await readOrder(order.id);
		expect(final.adjustments).toHaveLength(2);
		expect(await stockOf(goods.pieceProduct, goods.piece)).toBe(removal.status === 200 ? stock + 1 : stock);
	});
});

describe('the picking list as JSON', () => {
	it('gives the day’s accepted orders in total and one by one, filtered by slot; a bad date is a 400', async () => {
		const { order, kgLine, pieceLine } = await acceptedOrder();
		await ok(await weigh(order.id, kgLine.id, { weight: 1.07 }));
		const pending = await placeOrder(); // still `new`: not to prepare yet
		const day = parisDay(order.slot!.startsAt);
		const slot = (await readOrder(order.id)).slot!;
		const list = ProPickingList.parse(await ok(await api('GET', `/api/v1/pro/picking-list?date=${day}`, tokens.full)));
		expect(list.date).toBe(day);
		expect(list.slotId).toBeNull();
		const mine = list.orders.find((o) => o.id === order.id)!;
		expect(mine).toMatchObject({ number: order.number, status: 'accepted', customer: { name: 'Louis Garnier' }, slot });
		expect(mine.lines).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ id: kgLine.id, quantity: 1, weighedQuantity: 1.07, pendingSubstitution: false }),
				expect.objectContaining({ id: pieceLine.id, quantity: 1, weighedQuantity: null })
			])
		);
		expect(list.orders.map((o) => o.id)).not.toContain(pending.id);
		// Totals: every listed line of the variant, weighed ones at their weight.
		const kgTotal = list.totals.find((t) => t.variantId === goods.kg)!;
		const kgLines = list.orders
			.flatMap((o) => o.lines)
			.filter((l) => l.productName === kgTotal.productName && l.variantName === kgTotal.variantName && l.unit === kgTotal.unit);
		expect(kgTotal.orders).toBe(kgLines.length);
		expect(kgTotal.quantity).toBeCloseTo(
			kgLines.reduce((sum, l) => sum + (l.weighedQuantity ?? l.quantity), 0),
			3
		);
		expect(list.slots.map((s) => s.startsAt)).toContain(slot.startsAt);

		const slotId = list.slots.find((s) => s.startsAt === slot.startsAt)!.id;
		const bySlot = ProPickingList.parse(await ok(await api('GET', `/api/v1/pro/picking-list?date=${day}&slotId=${slotId}`, tokens.full)));
		expect(bySlot.slotId).toBe(slotId);
		expect(bySlot.orders.map((o) => o.id)).toContain(order.id);
		expect(bySlot.orders.every((o) => o.slot?.startsAt === slot.startsAt)).toBe(true);

		const empty = ProPickingList.parse(await ok(await api('GET', '/api/v1/pro/picking-list?date=2001-01-01', tokens.full)));
		expect(empty).toMatchObject({ orders: [], totals: [] });
		const today = ProPickingList.parse(await ok(await api('GET', '/api/v1/pro/picking-list', tokens.full)));
		expect(today.date).toBe(parisDay(new Date().toISOString()));
		const bad = await problem(await api('GET', '/api/v1/pro/picking-list?date=2026-02-30&slotId=nope', tokens.full), 400);
		expect(Object.keys(bad.errors!).sort()).toEqual(['date', 'slotId']);
		// A valid ISO date that PostgreSQL has no day for: the field's message, never a 500.
		const ancient = await problem(await api('GET', '/api/v1/pro/picking-list?date=0000-01-01', tokens.full), 400);
		expect(ancient.errors?.date).toEqual(['Enter a date between the years 1900 and 2999 (YYYY-MM-DD).']);
	});

	it('is described in the OpenAPI document with the bearer scheme and the scope each operation needs', async () => {
		const doc = await ok<{
			paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, { description: string }> }>>;
			components: { schemas: Record<string, unknown> };
		}>(await api('GET', '/api/v1/openapi.json', null));
		for (const [path, method, scope] of [
			['/api/v1/pro/orders/{id}/lines/{lineId}/weight', 'post', 'orders:write'],
			['/api/v1/pro/orders/{id}/lines/{lineId}/unavailable', 'post', 'orders:write'],
			['/api/v1/pro/orders/{id}/lines/{lineId}/substitution', 'post', 'orders:write'],
			['/api/v1/pro/picking-list', 'get', 'orders:read']
		]) {
			const op = doc.paths[path][method];
			expect(op.security, path).toEqual([{ apiToken: [] }]);
			expect(op.responses['403'].description).toContain(scope);
			expect(op.responses['404'] ?? op.responses['400']).toBeDefined();
		}
		expect(doc.paths['/api/v1/pro/orders/{id}/lines/{lineId}/weight'].post.responses['422'].description).toContain('accepted range');
		for (const name of [
			'LineWeight',
			'SubstitutionProposal',
			'PreparationChange',
			'SubstitutionProposed',
			'ProSubstitution',
			'ProPickingList'
		]) {
			expect(doc.components.schemas[name], name).toBeDefined();
		}
	});
});
