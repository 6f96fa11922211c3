import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startServer, type RunningServer } from '../setup/server.ts';
import { signInCookie, get } from './session.ts';

// The merchant's catalogue in /pro over real HTTP: plain form posts as a browser without
// JavaScript sends them, and another shop's ids in every URL and form.
let server: RunningServer;
let base: string;
let bakery: string;
let cheese: string;

function post(path: string, cookie: string, fields: Record<string, string | string[]>) {
	const body = new URLSearchParams();
	for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
	return fetch(`${base}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { accept: 'text/html', cookie, origin: base, 'content-type': 'application/x-www-form-urlencoded' },
		body
	});
}

const product = (over: Record<string, string | string[]> = {}) => ({
	name: 'Pain aux noix',
	vatRateBps: '550',
	unit: 'piece',
	allergens: ['gluten', 'nuts'],
	ingredients: 'Farine de blé, eau, NOIX, levain, sel',
	storage: 'À température ambiante, 3 jours',
	'variants.0.name': '400 g',
	'variants.0.price': '3,80',
	'variants.0.netQuantity': '0,4',
	'variants.0.netUnit': 'kg',
	'variants.0.stockMode': 'tracked',
	'variants.0.stock': '12',
	'variants.1.name': '',
	'variants.1.price': '',
	...over
});

async function create(cookie: string, fields: Record<string, string | string[]>): Promise<string> {
	const r = await post('/pro/catalogue/nouveau', cookie, fields);
	expect(r.status).toBe(303);
	const match = /^\/pro\/catalogue\/([0-9a-f-]{36})\?saved=created$/.exec(r.headers.get('location') ?? '');
	expect(match).not.toBeNull();
	return match![1];
}

async function variantIds(cookie: string, id: string): Promise<string[]> {
	const html = await (await get(base, `/pro/catalogue/${id}`, cookie)).text();
	return [...html.matchAll(/name="variants\.\d+\.id" value="([0-9a-f-]{36})"/g)].map((m) => m[1]);
}

beforeAll(async () => {
	server = await startServer();
	base = server.url;
	[bakery, cheese] = await Promise.all([
		signInCookie(base, 'boulangerie@saint-aubin.demo'),
		signInCookie(base, 'fromagerie-la-cave-a-meules@saint-aubin.demo')
	]);
}, 90_000);

afterAll(async () => {
	await server?.stop();
});

describe('creating and editing a product', () => {
	it('creates a product from the plain form and shows its unit price and food checklist', async () => {
		const id = await create(bakery, product());
		const page = await get(base, `/pro/catalogue/${id}?saved=created`, bakery);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('Pain aux noix');
		// Rendered by the server, so the form is filled in without JavaScript too.
		expect(html).toMatch(/<textarea[^>]*name="ingredients"[^>]*>Farine de blé, eau, NOIX/);
		// 3,80 € for 400 g → 9,50 €/kg
		expect(html).toMatch(/soit 9,50\s€/);
		expect(html).toContain('Tout y est');
		expect(html).toContain(`href="/pro/catalogue/${id}/photo"`);
	});

	it('refuses a negative price, an unknown VAT rate and a bad EAN with messages on the fields, and writes nothing', async () => {
		const r = await post(
			'/pro/catalogue/nouveau',
			bakery,
			product({ name: 'Produit refusé', vatRateBps: '1960', ean: '3017620422004', 'variants.0.price': '-2' })
		);
		expect(r.status).toBe(400);
		const html = await r.text();
		expect(html).toContain('Un prix ne peut pas être négatif.');
		expect(html).toContain('Taux de TVA inconnu');
		expect(html).toContain('Code-barres invalide');
		expect(html).toContain('aria-describedby="f-ean-hint f-ean-error"');
		const absurd = await post('/pro/catalogue/nouveau', bakery, product({ name: 'Produit refusé', 'variants.0.price': '150000' }));
		expect(absurd.status).toBe(400);
		expect(await absurd.text()).toContain('Ce prix dépasse 100 000 €');
		const list = await (await get(base, '/pro/catalogue?q=Produit+refus%C3%A9&status=all', bakery)).text();
		expect(list).toContain('0 produit(s)');
	});

	it('lists what a food product still lacks, and the list marks it "to complete"', async () => {
		const id = await create(bakery, product({ name: 'Brioche incomplète', ingredients: '', allergens: [], storage: '' }));
		const html = await (await get(base, `/pro/catalogue/${id}`, bakery)).text();
		expect(html).toContain('la liste des ingrédients');
		expect(html).toContain('les allergènes');
		expect(html).toContain('les conditions de conservation');
		const list = await (await get(base, '/pro/catalogue?q=Brioche+incompl%C3%A8te', bakery)).text();
		expect(list).toContain('À compléter');
	});

	it('adds a variant through a spare row and archives a removed one', async () => {
		const id = await create(bakery, product({ name: 'Pain de seigle' }));
		const [v0] = await variantIds(bakery, id);
		const r = await post(
			`/pro/catalogue/${id}?/save`,
			bakery,
			product({
				name: 'Pain de seigle',
				'variants.0.id': v0,
				'variants.1.name': '800 g',
				'variants.1.price': '6,90',
				'variants.1.stock': '5'
			})
		);
		expect(r.status).toBe(303);
		const both = await variantIds(bakery, id);
		expect(both).toHaveLength(2);
		const removed = await post(
			`/pro/catalogue/${id}?/save`,
			bakery,
			product({
				name: 'Pain de seigle',
				'variants.0.id': both[0],
				'variants.0.remove': '1',
				'variants.1.id': both[1],
				'variants.1.name': '800 g',
				'variants.1.price': '6,90'
			})
		);
		expect(removed.status).toBe(303);
		expect(await variantIds(bakery, id)).toEqual([both[1]]);
	});
});

describe('quick actions and bulk edits', () => {
	it('restocks, marks sold out today and back, and applies a bulk price change', async () => {
		const a = await create(bakery, product({ name: 'Fougasse olives' }));
		const b = await create(bakery, product({ name: 'Fougasse lardons', 'variants.0.price': '4,00' }));
		const [va] = await variantIds(bakery, a);
		const restock = await post('/pro/catalogue?/restock', bakery, { variantId: va, stock: '30', back: '?q=Fougasse' });
		expect(restock.status).toBe(303);
		expect(restock.headers.get('location')).toBe('/pro/catalogue?q=Fougasse&done=restock');
		expect(await (await get(base, '/pro/catalogue?q=Fougasse', bakery)).text()).toContain('30 en stock');

		expect((await post('/pro/catalogue?/soldOut', bakery, { productId: a, soldOut: 'true' })).status).toBe(303);
		expect(await (await get(base, '/pro/catalogue?q=Fougasse+olives&stock=sold_out', bakery)).text()).toContain('1 produit(s)');

		const bulk = await post('/pro/catalogue?/bulk', bakery, { productIds: [a, b], action: 'price_percent', value: '10' });
		expect(bulk.status).toBe(303);
		const list = await (await get(base, '/pro/catalogue?q=Fougasse', bakery)).text();
		expect(list).toMatch(/4,18\s€/);
		expect(list).toMatch(/4,40\s€/);

		const refused = await post('/pro/catalogue?/bulk', bakery, { productIds: [a, b], action: 'price_amount', value: '-10' });
		expect(refused.status).toBe(400);
		expect(await refused.text()).toContain('Un prix ne peut pas être négatif.');
	});
});

describe('tenant isolation', () => {
	let theirs: string;
	let theirVariant: string;
	let mine: string;

	beforeAll(async () => {
		theirs = await create(cheese, product({ name: 'Comté 18 mois', 'variants.0.price': '7,20' }));
		[theirVariant] = await variantIds(cheese, theirs);
		mine = await create(bakery, product({ name: 'Pain au comté' }));
	});

	it("answers 404 for another shop's product page and never lists it", async () => {
		expect((await get(base, `/pro/catalogue/${theirs}`, bakery)).status).toBe(404);
		expect(await (await get(base, '/pro/catalogue?q=Comt%C3%A9+18', bakery)).text()).toContain('0 produit(s)');
	});

	it("refuses every form naming another shop's product or variant, and changes nothing", async () => {
		const attempts = [
			post(`/pro/catalogue/${theirs}?/save`, bakery, product({ name: 'Volé', 'variants.0.id': theirVariant })),
			post(`/pro/catalogue/${mine}?/save`, bakery, product({ name: 'Pain au comté', 'variants.0.id': theirVariant })),
			post(`/pro/catalogue/${theirs}?/archive`, bakery, {}),
			post(`/pro/catalogue/${theirs}?/soldOut`, bakery, { soldOut: 'true' }),
			post(`/pro/catalogue/${theirs}?/duplicate`, bakery, {}),
			post('/pro/catalogue?/soldOut', bakery, { productId: theirs, soldOut: 'true' }),
			post('/pro/catalogue?/restock', bakery, { variantId: theirVariant, stock: '0' }),
			post('/pro/catalogue?/bulk', bakery, { productIds: [mine, theirs], action: 'archive' }),
			post('/pro/catalogue?/bulk', bakery, { productIds: 'not-an-id', action: 'archive' })
		];
		for (const response of await Promise.all(attempts)) expect(response.status).toBe(404);
		const html = await (await get(base, `/pro/catalogue/${theirs}`, cheese)).text();
		expect(html).toContain('Comté 18 mois');
		expect(html).not.toContain('badge badge-danger');
		expect(html).toContain('En vente');
		const list = await (await get(base, '/pro/catalogue?q=Comt%C3%A9+18', cheese)).text();
		expect(list).toContain('12 en stock');
		const own = await (await get(base, '/pro/catalogue?q=Pain+au+comt%C3%A9', bakery)).text();
		expect(own).toContain('1 produit(s)');
	});
});

describe('the storefront', () => {
	it('shows the food information before purchase', async () => {
		const id = await create(bakery, product({ name: 'Pain noix raisins' }));
		const edit = await (await get(base, `/pro/catalogue/${id}`, bakery)).text();
		const slug = /href="\/boutiques\/([^"]+)"/.exec(edit)?.[1];
		const page = await get(base, `/boutiques/${slug}`);
		expect(page.status).toBe(200);
		const html = await page.text();
		for (const text of ['Farine de blé, eau, NOIX', 'À température ambiante', '400 g : 400 g', 'Allergènes']) expect(html).toContain(text);
	});
});
