import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { extractText, getDocumentProxy } from 'unpdf';
import { startServer, type RunningServer } from '../setup/server.ts';
import { signInCookie, get } from './session.ts';

// Preparation against the built server, as a phone without JavaScript does it: the customer orders
// goods sold by the kg through the API, the merchant accepts, sees the picking list (screen and
// PDF), weighs, marks an item unavailable and proposes a substitute; the customer accepts it from
// the order page reached with the link's secret.

let server: RunningServer;
let address = 1;
beforeAll(async () => {
	server = await startServer({ ADDRESS_HEADER: 'x-forwarded-for' });
}, 240_000);
afterAll(async () => {
	await server?.stop();
});

const json = async (r: Response) => (await r.json()) as Record<string, unknown>;
const parisDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(d);

async function api(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
	return fetch(server.url + path, {
		method,
		headers: { 'content-type': 'application/json', 'accept-language': 'fr', 'x-forwarded-for': `10.8.0.${address++}`, ...headers },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
}

/** A browser's plain form post (CSRF: same origin; asks for HTML). */
function post(path: string, fields: Record<string, string>, cookie?: string) {
	return fetch(server.url + path, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			accept: 'text/html',
			origin: server.url,
			'content-type': 'application/x-www-form-urlencoded',
			...(cookie ? { cookie } : {})
		},
		body: new URLSearchParams(fields)
	});
}

type Variant = { id: string; stockMode: string; stock: number | null };
type Product = { id: string; unit: string; available: boolean; name: string };

/** A demo shop selling something by the kg (in stock) and something else to propose instead. */
async function findShop() {
	const shops = (await json(await api('GET', '/api/v1/shops'))).items as { id: string; slug: string; name: string; trade: string }[];
	const buyable = (v: Variant, q: number) => v.stockMode !== 'tracked' || (v.stock ?? 0) >= q + 1;
	for (const shop of shops.filter((s) => s.trade !== 'bakery')) {
		const products = ((await json(await api('GET', `/api/v1/products?shop=${shop.slug}&limit=50`))).items as Product[]).filter(
			(p) => p.available
		);
		const found: { kg?: string; other?: string } = {};
		for (const p of products) {
			const variants = (await json(await api('GET', `/api/v1/products/${p.id}`))).variants as Variant[];
			const v = variants.find((v) => buyable(v, 2));
			if (!v) continue;
			if (p.unit === 'kg' && !found.kg) found.kg = v.id;
			else if (p.unit === 'piece' && !found.other) found.other = v.id;
			if (found.kg && found.other) break;
		}
		if (!found.kg || !found.other) continue;
		const slots = (
			(
				await json(
					await api(
						'GET',
						`/api/v1/shops/${shop.slug}/slots?from=${parisDay(new Date())}&to=${parisDay(new Date(Date.now() + 6 * 86_400_000))}`
					)
				)
			).items as {
				id: string;
				startsAt: string;
				full?: boolean;
			}[]
		).filter((s) => Date.parse(s.startsAt) > Date.now() + 4 * 3_600_000);
		if (!slots.length) continue;
		return { shop, kg: found.kg, other: found.other, slot: slots[0] };
	}
	throw new Error('no demo shop sells by the kg');
}

async function order(w: Awaited<ReturnType<typeof findShop>>, items: { variantId: string; quantity: number }[]) {
	const cart = (await json(await api('POST', '/api/v1/carts'))).id as string;
	for (const item of items) expect((await api('POST', `/api/v1/carts/${cart}/items`, item)).status).toBe(201);
	const placed = await api(
		'POST',
		`/api/v1/carts/${cart}/checkout`,
		{
			customer: { name: 'Nadia Morel', email: `prep-${randomUUID().slice(0, 8)}@exemple.fr`, phone: '06 11 22 33 44' },
			acceptTerms: true,
			fulfilments: [{ shopId: w.shop.id, method: 'pickup', slotId: w.slot.id }],
			payment: { method: 'on_site' }
		},
		{ 'idempotency-key': randomUUID() }
	);
	const body = await json(placed);
	expect(placed.status, JSON.stringify(body)).toBe(201);
	return (body.orders as { id: string; number: number; accessToken: string }[])[0];
}

const lineIdsOf = (html: string, action: string) =>
	[...html.matchAll(new RegExp(`action="\\?/${action}"[^>]*>\\s*<input type="hidden" name="lineId" value="([0-9a-f-]{36})"`, 'g'))].map(
		(m) => m[1]
	);

describe('preparation over HTTP', () => {
	it('picking list on screen and in PDF; weigh within tolerance; unavailable item; substitution accepted by the customer', async () => {
		const w = await findShop();
		const placed = await order(w, [
			{ variantId: w.kg, quantity: 1 },
			{ variantId: w.other, quantity: 1 }
		]);
		const merchant = await signInCookie(server.url, `${w.shop.slug}@saint-aubin.demo`);
		const accept = await post('/pro/commandes?/move', { orderId: placed.id, from: 'new', to: 'accepted' }, merchant);
		expect(accept.status).toBe(303);
		const day = parisDay(new Date(w.slot.startsAt));

		// Picking list: screen, then PDF read back.
		const screen = await get(server.url, `/pro/preparation?jour=${day}`, merchant);
		expect(screen.status).toBe(200);
		const html = await screen.text();
		expect(html).toContain(`N° ${placed.number} — Nadia Morel`);
		expect(html).toContain('À prélever au total');
		const pdf = await get(server.url, `/pro/preparation/liste.pdf?jour=${day}&creneau=${w.slot.id}`, merchant);
		expect(pdf.status).toBe(200);
		expect(pdf.headers.get('content-type')).toBe('application/pdf');
		const { text } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.arrayBuffer())), { mergePages: true });
		expect(text).toContain(`N° ${placed.number}`);
		expect(text).toContain('Nadia Morel');
		expect(text).toMatch(/1 kg/);
		// Empty day: says what to do; the PDF too.
		expect(await (await get(server.url, '/pro/preparation?jour=2001-01-01', merchant)).text()).toContain('Aucune commande à préparer');
		// Without a session: sign-in, not the list.
		expect((await get(server.url, `/pro/preparation/liste.pdf?jour=${day}`)).status).not.toBe(200);

		// Weigh: beyond the tolerance is refused with the field message; within, the total follows.
		const page = await (await get(server.url, `/pro/commandes/${placed.id}`, merchant)).text();
		const [kgLine] = lineIdsOf(page, 'weigh');
		const otherLine = lineIdsOf(page, 'unavailable').find((id) => id !== kgLine)!;
		expect(kgLine).toBeDefined();
		expect(page).toContain('Tolérance annoncée au client : ±10 %, soit 0,900 à 1,100 kg.');
		const tooHeavy = await post(`/pro/commandes/${placed.id}?/weigh`, { lineId: kgLine, weight: '1,320' }, merchant);
		expect(tooHeavy.status).toBe(400);
		expect(await tooHeavy.text()).toContain('Le poids saisi (1,320 kg) dépasse la tolérance annoncée (0,900–1,100 kg)');
		for (const weight of ['', 'abc', '-1', '0'])
			expect((await post(`/pro/commandes/${placed.id}?/weigh`, { lineId: kgLine, weight }, merchant)).status).toBe(400);
		const weighed = await post(`/pro/commandes/${placed.id}?/weigh`, { lineId: kgLine, weight: '1,05' }, merchant);
		expect(weighed.status).toBe(303);
		expect(weighed.headers.get('location')).toBe(`/pro/commandes/${placed.id}?fait=weighed#ligne-${kgLine}`);
		const afterWeigh = await (await get(server.url, `/pro/commandes/${placed.id}`, merchant)).text();
		expect(afterWeigh).toContain('Pesé : 1,050 kg');

		// Another shop's merchant: 404, nothing changes.
		const baker = await signInCookie(server.url, 'boulangerie@saint-aubin.demo');
		expect((await post(`/pro/commandes/${placed.id}?/unavailable`, { lineId: otherLine }, baker)).status).toBe(404);

		// Propose a substitute for the kg line (one pending proposal per line).
		const options = [...afterWeigh.matchAll(/<option value="([0-9a-f-]{36})"/g)].map((m) => m[1]);
		expect(options).toContain(w.other);
		const proposed = await post(`/pro/commandes/${placed.id}?/substitute`, { lineId: kgLine, variantId: w.other, quantity: '1' }, merchant);
		expect(proposed.status).toBe(303);
		const twice = await post(`/pro/commandes/${placed.id}?/substitute`, { lineId: kgLine, variantId: w.other, quantity: '1' }, merchant);
		expect(twice.status).toBe(409);

		// The customer sees it on the order page and accepts (plain form); a replay changes nothing.
		const customerPage = await get(server.url, `/commandes/${placed.id}?t=${placed.accessToken}`);
		const customerHtml = await customerPage.text();
		expect(customerHtml).toContain('La boutique vous propose un remplacement');
		expect(customerHtml).toContain('poids variable : ±10');
		const substitutionId = customerHtml.match(/name="substitutionId" value="([0-9a-f-]{36})"/)![1];
		const answer = { t: placed.accessToken, substitutionId, decision: 'accept' };
		const accepted = await post(`/commandes/${placed.id}?t=${placed.accessToken}&/substitution`, answer);
		expect(accepted.status).toBe(200);
		expect(await accepted.text()).toContain('le remplacement est ajouté à votre commande');
		expect((await post(`/commandes/${placed.id}?t=${placed.accessToken}&/substitution`, answer)).status).toBe(200);
		const refusedLate = await post(`/commandes/${placed.id}?t=${placed.accessToken}&/substitution`, { ...answer, decision: 'refuse' });
		expect(refusedLate.status).toBe(409);
		// Wrong secret: 404.
		expect((await post(`/commandes/${placed.id}?t=nope&/substitution`, { ...answer, t: 'nope' })).status).toBe(404);

		// Unavailable item: removed, the customer emailed.
		expect((await post(`/pro/commandes/${placed.id}?/unavailable`, { lineId: otherLine }, merchant)).status).toBe(303);
		const final = await (await get(server.url, `/commandes/${placed.id}?t=${placed.accessToken}`)).text();
		expect(final).toContain('retiré');
		expect(final).toContain('Remplacement accepté par le client');
		const operator = await signInCookie(server.url, 'operateur@saint-aubin.demo');
		const outbox = await (await get(server.url, '/admin/e-mails', operator)).text();
		expect(outbox).toContain(`Commande n° ${placed.number} : un article n`);
		expect(outbox).toContain(`Commande n° ${placed.number} : un remplacement vous est proposé`);
	});

	it('concurrent accept and refuse of one proposal: one wins', async () => {
		const w = await findShop();
		const placed = await order(w, [{ variantId: w.kg, quantity: 1 }]);
		const merchant = await signInCookie(server.url, `${w.shop.slug}@saint-aubin.demo`);
		expect((await post('/pro/commandes?/move', { orderId: placed.id, from: 'new', to: 'accepted' }, merchant)).status).toBe(303);
		const page = await (await get(server.url, `/pro/commandes/${placed.id}`, merchant)).text();
		const [kgLine] = lineIdsOf(page, 'weigh');
		expect(
			(await post(`/pro/commandes/${placed.id}?/substitute`, { lineId: kgLine, variantId: w.other, quantity: '1' }, merchant)).status
		).toBe(303);
		const html = await (await get(server.url, `/commandes/${placed.id}?t=${placed.accessToken}`)).text();
		const substitutionId = html.match(/name="substitutionId" value="([0-9a-f-]{36})"/)![1];
		const path = `/commandes/${placed.id}?t=${placed.accessToken}&/substitution`;
		const [a, b] = await Promise.all([
			post(path, { t: placed.accessToken, substitutionId, decision: 'accept' }),
			post(path, { t: placed.accessToken, substitutionId, decision: 'refuse' })
		]);
		expect([a.status, b.status].sort()).toEqual([200, 409]);
	});

	it('the owner sets the weighing tolerance on the preparation page; a bad value is answered on its field', async () => {
		const w = await findShop();
		const merchant = await signInCookie(server.url, `${w.shop.slug}@saint-aubin.demo`);
		const bad = await post('/pro/preparation?/tolerance', { tolerance: '80' }, merchant);
		expect(bad.status).toBe(400);
		expect(await bad.text()).toContain('Saisissez un pourcentage entre 0 et 50');
		const saved = await post('/pro/preparation?/tolerance', { tolerance: '12,5' }, merchant);
		expect(saved.status).toBe(200);
		expect(await saved.text()).toContain('Tolérance enregistrée.');
		expect(await (await get(server.url, '/pro/preparation', merchant)).text()).toContain('±12,5 %');
		expect((await post('/pro/preparation?/tolerance', { tolerance: '10' }, merchant)).status).toBe(200);
	});
});
