import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startServer, type RunningServer } from '../setup/server.ts';
import { ProductList, SuggestionList } from '../../src/lib/server/http/api-schemas.ts';
import { Problem } from '../../src/lib/server/http/openapi.ts';

// Search over real HTTP, against the built server and the demo territory: the results page
// (plain HTML, no JavaScript needed), the product list API with its filters, and suggestions.

let server: RunningServer;
const CENTRE = '47.39,0.98';

async function get(path: string, headers: Record<string, string> = {}) {
	const response = await fetch(server.url + path, { headers: { 'accept-language': 'fr', ...headers }, redirect: 'manual' });
	const type = response.headers.get('content-type') ?? '';
	const body = type.includes('json') ? await response.json() : await response.text();
	return { status: response.status, type, headers: response.headers, body };
}

async function html(path: string): Promise<string> {
	const r = await get(path);
	expect(r.status, path).toBe(200);
	expect(r.type).toContain('text/html');
	return r.body as string;
}

async function products(query: string) {
	const r = await get(`/api/v1/products?${query}`);
	expect(r.status, query).toBe(200);
	return ProductList.parse(r.body);
}

async function problem(path: string, status = 400) {
	const r = await get(path, { 'accept-language': 'en' });
	expect(r.status, path).toBe(status);
	expect(r.type).toContain('application/problem+json');
	return Problem.parse(r.body);
}

/** The text of the HTML, tags dropped, entities of the demo names decoded. */
const textOf = (page: string) =>
	page
		.replace(/<[^>]+>/g, ' ')
		.replace(/&#39;|&#x27;/g, "'")
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ');

beforeAll(async () => {
	server = await startServer();
});

afterAll(async () => {
	await server?.stop();
});

describe('the results page, without JavaScript', () => {
	it('finds the fromages for "fromaje" and says how many', async () => {
		const page = await html('/recherche?q=fromaje');
		expect(page).toMatch(/<label[^>]*for="search-q"[^>]*>Rechercher un produit<\/label>/);
		expect(page).toMatch(/<form[^>]*method="GET"[^>]*action="\/recherche"/i);
		const text = textOf(page);
		expect(text).toMatch(/Fromage blanc/);
		expect(text).toMatch(/\d+ produits? trouvés?/);
		expect(page).toMatch(/href="\/boutiques\/[a-z0-9-]+\/fromage-blanc-[a-z0-9-]+"/);
		expect(page).toContain('value="fromaje"');
	});

	it('pages with a "Page suivante" link carrying the cursor, and the next page shows other products', async () => {
		const first = await html('/recherche');
		const next = /<a[^>]*href="([^"]*cursor=[^"]+)"[^>]*>Page suivante<\/a>/.exec(first);
		expect(next).not.toBeNull();
		const href = next![1].replace(/&amp;/g, '&');
		const second = await html(href);
		const productLinks = (page: string) => new Set([...page.matchAll(/href="(\/boutiques\/[a-z0-9-]+\/[a-z0-9-]+)"/g)].map((m) => m[1]));
		const [a, b] = [productLinks(first), productLinks(second)];
		expect(a.size).toBe(24);
		expect(b.size).toBeGreaterThan(0);
		expect([...b].filter((link) => a.has(link))).toEqual([]);
		expect(second).toContain('Revenir à la première page');
	});

	it('explains what to try when nothing matches', async () => {
		const text = textOf(await html('/recherche?q=xqzwvkj'));
		expect(text).toContain('Aucun produit ne correspond');
		expect(text).toContain('Vérifiez l’orthographe');
	});

	it('applies filters from the form: category, label, price in euros with a decimal comma, pickup today', async () => {
		const text = textOf(await html('/recherche?q=&category=cremerie-fromages&label=&minPrice=2%2C50&maxPrice=30&sort=price'));
		expect(text).toMatch(/\d+ produits? trouvés?/);
		// "Pickup today" depends on the hour the suite runs (no slot is left late in the evening): its
		// results are tested with a fixed clock in catalog/search.test.ts; here, the form keeps it ticked.
		const today = await html('/recherche?q=&category=cremerie-fromages&minPrice=2%2C50&maxPrice=30&sort=price&today=1');
		expect(today).toMatch(/<input[^>]*name="today"[^>]*checked|<input[^>]*checked[^>]*name="today"/);
		const page = await html('/recherche?category=cremerie-fromages&minPrice=2%2C50&maxPrice=30&sort=price');
		expect(page).toMatch(/<option value="cremerie-fromages" selected/);
		expect(page).toContain('value="2,50"');
	});

	it('shows distances when the visitor gave a position, and offers to forget it', async () => {
		const text = textOf(await html(`/recherche?near=${CENTRE}&sort=distance&maxKm=2`));
		expect(text).toMatch(/à \d+(,\d)?\s?km/);
		expect(text).toContain('Oublier ma position');
	});

	it.each([
		['minPrice=abc', 'Indiquez un prix en euros'],
		['maxPrice=-3', 'Indiquez un prix en euros'],
		['minPrice=9&maxPrice=2', 'Le prix maximum doit être'],
		[`q=${'x'.repeat(3000)}`, 'trop longue'],
		['sort=bogus', 'Choisissez un des tris'],
		['sort=distance', 'Indiquez d’abord votre position'],
		['near=999,999', 'Position non reconnue'],
		['maxKm=-1&near=47.39,0.98', 'Indiquez une distance'],
		['cursor=not-a-cursor', 'curseur']
	])('answers bad input %s with a message next to the field, never a 500', async (query, message) => {
		const text = textOf(await html(`/recherche?${query}`));
		expect(text).toContain(message);
		expect(text).toContain('La recherche n’a pas pu être lancée');
	});

	it('speaks English when asked', async () => {
		const r = await get('/recherche?q=fromaje', { 'accept-language': 'en' });
		expect(r.status).toBe(200);
		expect(r.body).toContain('Search for a product');
	});
});

describe('GET /api/v1/products as a search', () => {
	it('matches French words with typos and accents', async () => {
		expect((await products('q=fromaje')).items[0].name).toMatch(/fromage/i);
		expect((await products('q=pain%20complet')).items[0].name).toBe('Pain complet au levain');
		expect((await products('q=oeufs')).items[0].name.startsWith('Œufs')).toBe(true);
		expect(await products('q=xqzwvkj')).toEqual({ items: [], nextCursor: null });
	});

	it('filters by label, distance, pickup today and price, each result carrying its shop distance and opening', async () => {
		for (const p of (await products('label=ab&limit=100')).items) expect(p.labels).toContain('ab');
		const near = await products(`near=${CENTRE}&maxKm=1&limit=100`);
		expect(near.items.length).toBeGreaterThan(0);
		for (const p of near.items) expect(p.distanceKm!).toBeLessThanOrEqual(1);
		for (const p of (await products('availableToday=true&limit=100')).items) expect(p.available).toBe(true);
		for (const p of (await products('minPrice=200&maxPrice=500&limit=100')).items) {
			expect(p.fromPriceCents).toBeGreaterThanOrEqual(200);
			expect(p.fromPriceCents).toBeLessThanOrEqual(500);
		}
		const plain = await products('limit=3');
		for (const p of plain.items) {
			expect(p.distanceKm).toBeNull();
			expect(typeof p.openNow).toBe('boolean');
		}
	});

	it('sorts by price and walks every page once', async () => {
		const seen: number[] = [];
		const ids = new Set<string>();
		let cursor: string | null = null;
		do {
			const page: { items: { id: string; fromPriceCents: number }[]; nextCursor: string | null } = await products(
				`sort=price&limit=50${cursor ? `&cursor=${cursor}` : ''}`
			);
			for (const p of page.items) {
				expect(ids.has(p.id)).toBe(false);
				ids.add(p.id);
				seen.push(p.fromPriceCents);
			}
			cursor = page.nextCursor;
		} while (cursor);
		expect(seen).toEqual([...seen].sort((a, b) => a - b));
		const all = await products('limit=100');
		expect(ids.size).toBeGreaterThan(all.items.length - 1);
	});

	it.each([
		['sort=bogus', 'sort'],
		['sort=distance', 'sort'],
		['maxKm=5', 'maxKm'],
		['near=abc', 'near'],
		['near=91,0', 'near'],
		['maxKm=0&near=47,1', 'maxKm'],
		['minPrice=-1', 'minPrice'],
		['minPrice=1.5', 'minPrice'],
		['minPrice=900&maxPrice=100', 'maxPrice'],
		['availableToday=maybe', 'availableToday'],
		[`q=${'x'.repeat(300)}`, 'q']
	])('rejects %s with 400 naming %s', async (query, field) => {
		const body = await problem(`/api/v1/products?${query}`);
		expect(Object.keys(body.errors ?? {})).toEqual([field]);
		expect(body.errors![field][0].length).toBeGreaterThan(0);
	});

	it('rejects the cursor of another sort', async () => {
		const { nextCursor } = await products('sort=price&limit=2');
		const body = await problem(`/api/v1/products?sort=unit_price&cursor=${nextCursor}`);
		expect(Object.keys(body.errors ?? {})).toEqual(['cursor']);
	});
});

describe('GET /api/v1/suggestions', () => {
	it('suggests product and shop names, cacheable and open to other origins', async () => {
		const r = await get('/api/v1/suggestions?q=from');
		expect(r.status).toBe(200);
		expect(r.headers.get('cache-control')).toBe('public, max-age=30');
		expect(r.headers.get('access-control-allow-origin')).toBe('*');
		const { items } = SuggestionList.parse(r.body);
		expect(items.length).toBeGreaterThan(0);
		expect(items.length).toBeLessThanOrEqual(8);
		expect(items.some((s) => s.kind === 'shop')).toBe(true);
		expect(items.some((s) => s.kind === 'product')).toBe(true);
		const page = await get(items[0].url);
		expect(page.status).toBe(200);
	});

	it('answers an empty list for less than two characters, and 400 for a bad limit', async () => {
		expect(SuggestionList.parse((await get('/api/v1/suggestions?q=f')).body).items).toEqual([]);
		expect(SuggestionList.parse((await get('/api/v1/suggestions')).body).items).toEqual([]);
		const body = await problem('/api/v1/suggestions?q=pain&limit=1000');
		expect(Object.keys(body.errors ?? {})).toEqual(['limit']);
	});

	it('is described in the OpenAPI document, with the new product filters', async () => {
		const doc = (await get('/api/v1/openapi.json')).body as {
			paths: Record<string, Record<string, { parameters?: { name: string }[]; responses: Record<string, unknown> }>>;
			components: { schemas: Record<string, unknown> };
		};
		expect(doc.paths['/api/v1/suggestions'].get.responses['200']).toBeDefined();
		const names = doc.paths['/api/v1/products'].get.parameters!.map((p) => p.name);
		for (const name of [
			'q',
			'shop',
			'category',
			'label',
			'near',
			'maxKm',
			'availableToday',
			'minPrice',
			'maxPrice',
			'sort',
			'limit',
			'cursor'
		]) {
			expect(names).toContain(name);
		}
		for (const name of ['ProductHit', 'Suggestion', 'SuggestionList']) expect(doc.components.schemas[name], name).toBeDefined();
	});
});
