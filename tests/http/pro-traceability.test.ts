import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startServer, type RunningServer } from '../setup/server.ts';
import { signInCookie, get } from './session.ts';

// Producers and product origin in /pro over real HTTP: plain form posts as a browser without
// JavaScript sends them, and another shop's ids in every URL.
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

const farm = (over: Record<string, string> = {}) => ({
	name: 'Ferme du Grand Noyer',
	address: 'Le Grand Noyer',
	city: 'Chissay',
	latitude: '47,34',
	longitude: '1,13',
	labels: 'AB',
	methods: 'Blé population, meule de pierre',
	story: 'Paysans boulangers depuis 1998.',
	...over
});

async function createProduct(cookie: string, name: string): Promise<{ id: string; variantId: string }> {
	const r = await post('/pro/catalogue/nouveau', cookie, {
		name,
		vatRateBps: '550',
		unit: 'piece',
		allergens: ['gluten'],
		ingredients: 'Farine de blé, eau, sel',
		storage: 'À température ambiante, 3 jours',
		'variants.0.name': '500 g',
		'variants.0.price': '4,20',
		'variants.0.netQuantity': '0,5',
		'variants.0.netUnit': 'kg',
		'variants.0.stockMode': 'tracked',
		'variants.0.stock': '5'
	});
	expect(r.status).toBe(303);
	const id = /\/pro\/catalogue\/([0-9a-f-]{36})/.exec(r.headers.get('location') ?? '')![1];
	const html = await (await get(base, `/pro/catalogue/${id}`, cookie)).text();
	const variantId = /name="variants\.0\.id" value="([0-9a-f-]{36})"/.exec(html)![1];
	return { id, variantId };
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

describe('producers', () => {
	let producerId: string;

	it('lists the platform sellers and creates an external producer from the plain form', async () => {
		const list = await (await get(base, '/pro/producteurs', bakery)).text();
		expect(list).toContain('Producteurs qui vendent sur la plateforme');
		const refused = await post('/pro/producteurs/nouveau', bakery, farm({ latitude: '91', longitude: 'est' }));
		expect(refused.status).toBe(400);
		const html = await refused.text();
		expect(html).toContain('La latitude est un nombre entre -90 et 90');
		expect(html).toContain('La longitude est un nombre entre -180 et 180');
		// The typed values come back in the form (no JavaScript needed).
		expect(html).toContain('value="Ferme du Grand Noyer"');
		const r = await post('/pro/producteurs/nouveau', bakery, farm());
		expect(r.status).toBe(303);
		producerId = /\/pro\/producteurs\/([0-9a-f-]{36})\?saved=created/.exec(r.headers.get('location') ?? '')![1];
		const page = await (await get(base, `/pro/producteurs/${producerId}`, bakery)).text();
		expect(page).toContain('value="47.34"');
		expect(page).toContain('Paysans boulangers depuis 1998.');
	});

	it('stores a certificate with its expiry and flags an expired one', async () => {
		const bad = await post(`/pro/producteurs/${producerId}?/certify`, bakery, { label: 'AB', expiresOn: '2026-02-30' });
		expect(bad.status).toBe(400);
		expect(await bad.text()).toContain('AAAA-MM-JJ');
		const ok = await post(`/pro/producteurs/${producerId}?/certify`, bakery, {
			label: 'AB',
			certificateNumber: 'FR-BIO-01/55555',
			certifier: 'Ecocert France',
			expiresOn: '2020-01-31'
		});
		expect(ok.status).toBe(303);
		const page = await (await get(base, `/pro/producteurs/${producerId}`, bakery)).text();
		expect(page).toContain('FR-BIO-01/55555');
		expect(page).toContain('Certificat expiré');
	});

	it("another shop's producer is not found: page, save, certify, delete; nothing written", async () => {
		expect((await get(base, `/pro/producteurs/${producerId}`, cheese)).status).toBe(404);
		expect((await post(`/pro/producteurs/${producerId}?/save`, cheese, farm({ name: 'Volé' }))).status).toBe(404);
		expect((await post(`/pro/producteurs/${producerId}?/certify`, cheese, { label: 'IGP' })).status).toBe(404);
		expect((await post(`/pro/producteurs/${producerId}?/delete`, cheese, {})).status).toBe(404);
		expect((await get(base, '/pro/producteurs/not-an-id', bakery)).status).toBe(404);
		const page = await (await get(base, `/pro/producteurs/${producerId}`, bakery)).text();
		expect(page).toContain('Ferme du Grand Noyer');
		expect(page).not.toContain('IGP');
		expect(await (await get(base, '/pro/producteurs', cheese)).text()).not.toContain('Ferme du Grand Noyer');
	});

	it('links the producer to a product, adds lots (also at restock), refuses a loop, and protects the product from other shops', async () => {
		const { id, variantId } = await createProduct(bakery, 'Pain de meule');
		const origin = `/pro/catalogue/${id}/origine`;
		expect((await post(`${origin}?/producers`, bakery, { op: 'add', addProducerId: producerId })).status).toBe(303);
		let html = await (await get(base, origin, bakery)).text();
		expect(html).toContain('Ferme du Grand Noyer');
		expect(html).toMatch(/Distance parcourue : \d/);
		expect(html).toContain('Circuit court');

		const badLot = await post(`${origin}?/lot`, bakery, { code: 'M-01', producedOn: '2026-11-20', bestBefore: '2026-11-10' });
		expect(badLot.status).toBe(400);
		expect(await badLot.text()).toContain('La date limite ne peut pas précéder la date de production.');
		expect((await post(`${origin}?/lot`, bakery, { code: 'M-01', producedOn: '2026-11-20', bestBefore: '2026-11-30' })).status).toBe(303);
		const twice = await post(`${origin}?/lot`, bakery, { code: 'M-01' });
		expect(twice.status).toBe(400);
		expect(await twice.text()).toContain('existe déjà');
		// At restock, from the catalogue list.
		const restock = await post('/pro/catalogue?/restock', bakery, {
			variantId,
			stock: '20',
			lotCode: 'M-02',
			lotProducedOn: '2026-11-25',
			lotBestBefore: '2026-11-28'
		});
		expect(restock.status).toBe(303);
		const badRestock = await post('/pro/catalogue?/restock', bakery, {
			variantId,
			stock: '30',
			lotCode: 'M-03',
			lotProducedOn: '2026-11-25',
			lotBestBefore: '2026-11-01'
		});
		expect(badRestock.status).toBe(400);
		html = await (await get(base, `/pro/catalogue/${id}`, bakery)).text();
		// The refused restock wrote no stock either.
		expect(html).toContain('value="20"');
		html = await (await get(base, origin, bakery)).text();
		expect(html).toContain('M-01');
		expect(html).toContain('M-02');
		expect(html).not.toContain('M-03');

		const loop = await post(`${origin}?/chain`, bakery, {
			'steps.0.role': 'processor',
			'steps.0.name': 'Moulin de la Roche',
			'steps.0.place': 'Amboise',
			'steps.1.role': 'carrier',
			'steps.1.name': 'moulin de la roche',
			'steps.1.place': 'Amboise',
			op: 'save'
		});
		expect(loop.status).toBe(400);
		expect(await loop.text()).toContain('figure déjà plus haut dans la chaîne');
		const chain = await post(`${origin}?/chain`, bakery, {
			'steps.0.role': 'processor',
			'steps.0.name': 'Moulin de la Roche',
			'steps.0.place': 'Amboise',
			'steps.1.role': 'wholesaler',
			'steps.1.name': '',
			op: 'save'
		});
		expect(chain.status).toBe(303);
		html = await (await get(base, origin, bakery)).text();
		expect(html).toContain('Intermédiaires entre le producteur et le client : 2');
		expect(html).not.toContain('Circuit court');

		// The cheese shop: 404 on the page and on every form, nothing written.
		expect((await get(base, origin, cheese)).status).toBe(404);
		expect((await post(`${origin}?/lot`, cheese, { code: 'X-1' })).status).toBe(404);
		expect((await post(`${origin}?/producers`, cheese, { producerId: [] })).status).toBe(404);
		expect((await post(`${origin}?/chain`, cheese, { op: 'save' })).status).toBe(404);
		expect((await post('/pro/catalogue?/restock', cheese, { variantId, stock: '1', lotCode: 'X-2' })).status).toBe(404);
		html = await (await get(base, origin, bakery)).text();
		expect(html).not.toContain('X-1');
		expect(html).toContain('Moulin de la Roche');

		// In use: the producer cannot be deleted; unlinked, it can.
		const inUse = await post(`/pro/producteurs/${producerId}?/delete`, bakery, {});
		expect(inUse.status).toBe(409);
		expect(await inUse.text()).toMatch(/retirez-le d(&#39;|')abord/);
		expect((await post(`${origin}?/producers`, bakery, { producerId, op: 'remove:0' })).status).toBe(303);
		const gone = await post(`/pro/producteurs/${producerId}?/delete`, bakery, {});
		expect(gone.status).toBe(303);
		expect((await get(base, `/pro/producteurs/${producerId}`, bakery)).status).toBe(404);
	});
});
