import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startServer, type RunningServer } from '../setup/server.ts';
import { ShopList, ShopDetail, ProductList, ProductDetail } from '../../src/lib/server/http/api-schemas.ts';
import { Problem } from '../../src/lib/server/http/openapi.ts';

// The public catalog API over real HTTP, against the built server and a demo-seeded database.
// Every body is parsed with the schema the OpenAPI document is generated from.

let server: RunningServer;
const called = new Set<string>();

async function get(path: string, headers: Record<string, string> = {}) {
	called.add(new URL(path, 'http://x').pathname);
	const response = await fetch(server.url + path, { headers: { 'accept-language': 'en', ...headers } });
	const type = response.headers.get('content-type') ?? '';
	const body = type.includes('json') ? await response.json() : await response.text();
	return { status: response.status, type, headers: response.headers, body };
}

async function expectProblem(path: string, status: number) {
	const r = await get(path);
	expect(r.status, path).toBe(status);
	expect(r.type).toContain('application/problem+json');
	const problem = Problem.parse(r.body);
	expect(problem.status).toBe(status);
	expect(problem.title.length).toBeGreaterThan(0);
	return problem;
}

beforeAll(async () => {
	server = await startServer();
});

afterAll(async () => {
	await server?.stop();
});

describe('shops', () => {
	it('lists the shops of the demo territory, cacheable and open to other origins', async () => {
		const r = await get('/api/v1/shops');
		expect(r.status).toBe(200);
		expect(r.type).toContain('application/json');
		expect(r.headers.get('cache-control')).toBe('public, max-age=30');
		expect(r.headers.get('access-control-allow-origin')).toBe('*');
		const { items } = ShopList.parse(r.body);
		expect(items.length).toBeGreaterThanOrEqual(12);
		expect(new Set(items.map((s) => s.slug)).size).toBe(items.length);
	});

	it('limits and searches the list', async () => {
		const all = ShopList.parse((await get('/api/v1/shops')).body).items;
		const two = ShopList.parse((await get('/api/v1/shops?limit=2')).body).items;
		expect(two.map((s) => s.id)).toEqual(all.slice(0, 2).map((s) => s.id));
		const target = all[3];
		const found = ShopList.parse((await get(`/api/v1/shops?q=${encodeURIComponent(target.name)}`)).body).items;
		expect(found.map((s) => s.id)).toContain(target.id);
	});

	it('returns one shop by slug with its details', async () => {
		const [first] = ShopList.parse((await get('/api/v1/shops')).body).items;
		const r = await get(`/api/v1/shops/${first.slug}`);
		expect(r.status).toBe(200);
		expect(r.headers.get('cache-control')).toBe('public, max-age=30');
		const shop = ShopDetail.parse(r.body);
		expect(shop.id).toBe(first.id);
		expect(Number.isInteger(shop.minOrderCents)).toBe(true);
	});

	it('answers 404 problem+json for an unknown slug', async () => {
		const r = await get('/api/v1/shops/no-such-shop');
		expect(r.headers.get('access-control-allow-origin')).toBe('*');
		await expectProblem('/api/v1/shops/no-such-shop', 404);
	});
});

describe('products', () => {
	it('pages through products with a cursor, without overlap', async () => {
		const first = await get('/api/v1/products?limit=5');
		expect(first.status).toBe(200);
		expect(first.headers.get('cache-control')).toBe('public, max-age=30');
		const page1 = ProductList.parse(first.body);
		expect(page1.items).toHaveLength(5);
		expect(page1.nextCursor).toEqual(expect.any(String));
		const page2 = ProductList.parse((await get(`/api/v1/products?limit=5&cursor=${page1.nextCursor}`)).body);
		expect(page2.items).toHaveLength(5);
		const ids1 = new Set(page1.items.map((p) => p.id));
		expect(page2.items.filter((p) => ids1.has(p.id))).toEqual([]);
		// Two pages of five are the first page of ten: the order is stable.
		const ten = ProductList.parse((await get('/api/v1/products?limit=10')).body);
		expect(ten.items.map((p) => p.id)).toEqual([...page1.items, ...page2.items].map((p) => p.id));
		for (const p of page1.items) expect(Number.isInteger(p.fromPriceCents)).toBe(true);
	});

	it('walks every page to a null cursor and sees each product once', async () => {
		const seen = new Set<string>();
		let cursor: string | null = null;
		let pages = 0;
		do {
			const path: string = `/api/v1/products?limit=100${cursor ? `&cursor=${cursor}` : ''}`;
			const page = ProductList.parse((await get(path)).body);
			for (const p of page.items) {
				expect(seen.has(p.id)).toBe(false);
				seen.add(p.id);
			}
			cursor = page.nextCursor;
			pages++;
		} while (cursor && pages < 50);
		expect(cursor).toBeNull();
		expect(seen.size).toBeGreaterThan(12);
	});

	it('filters by shop and treats empty parameters as absent', async () => {
		const [shop] = ShopList.parse((await get('/api/v1/shops')).body).items;
		const r = await get(`/api/v1/products?shop=${shop.slug}&q=&category=&cursor=&limit=100`);
		expect(r.status).toBe(200);
		const { items } = ProductList.parse(r.body);
		expect(items.length).toBeGreaterThan(0);
		for (const p of items) expect(p.shop.slug).toBe(shop.slug);
	});

	it('returns a product with its variants priced in integer cents', async () => {
		const [card] = ProductList.parse((await get('/api/v1/products?limit=1')).body).items;
		const r = await get(`/api/v1/products/${card.id}`);
		expect(r.status).toBe(200);
		expect(r.headers.get('cache-control')).toBe('public, max-age=30');
		const product = ProductDetail.parse(r.body);
		expect(product.id).toBe(card.id);
		expect(product.variants.length).toBeGreaterThan(0);
		for (const v of product.variants) {
			expect(Number.isInteger(v.priceCents)).toBe(true);
			expect(v.stock === null || Number.isInteger(v.stock)).toBe(true);
		}
	});

	it('answers 404, never 500, for unknown or malformed ids', async () => {
		for (const id of ['not-a-uuid', '00000000-0000-0000-0000-000000000000', "1'%20or%20'1'='1", 'x'.repeat(500)]) {
			await expectProblem(`/api/v1/products/${id}`, 404);
		}
	});

	it.each(['-1', 'abc', '1000', '0', '1.5'])('rejects limit=%s with 400 and a message for limit', async (limit) => {
		const problem = await expectProblem(`/api/v1/products?limit=${limit}`, 400);
		expect(problem.errors?.limit?.length).toBeGreaterThan(0);
		expect(problem.errors!.limit[0]).toEqual(expect.any(String));
	});

	it('rejects bad limits on the shop list too', async () => {
		const problem = await expectProblem('/api/v1/shops?limit=1000', 400);
		expect(Object.keys(problem.errors ?? {})).toEqual(['limit']);
	});

	it('rejects a forged cursor with 400', async () => {
		const problem = await expectProblem('/api/v1/products?cursor=not-a-cursor', 400);
		expect(problem.errors?.cursor?.length).toBeGreaterThan(0);
	});

	it('words field messages in the language of the request', async () => {
		const fr = await get('/api/v1/products?limit=abc', { 'accept-language': 'fr' });
		const en = await get('/api/v1/products?limit=abc', { 'accept-language': 'en' });
		expect(fr.body.title).not.toBe(en.body.title);
		expect(fr.body.errors.limit).not.toEqual(en.body.errors.limit);
	});
});

describe('documentation', () => {
	it('serves the HTML documentation without scripts', async () => {
		const r = await get('/api/docs');
		expect(r.status).toBe(200);
		expect(r.type).toContain('text/html');
		const html = r.body as string;
		expect(html).toMatch(/<html lang="(fr|en)"/);
		expect(html).toContain('<h1');
		expect(html).toContain('/api/v1/products');
		expect(html).toContain('/api/v1/shops/{slug}');
		expect(html).not.toMatch(/<script[^>]+src="https?:/);
	});

	// Last: it checks the paths every test above called.
	it('publishes an OpenAPI 3.1 document describing every path called here', async () => {
		const r = await get('/api/v1/openapi.json');
		expect(r.status).toBe(200);
		expect(r.type).toContain('application/json');
		const doc = r.body as {
			openapi: string;
			paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
			components: { schemas: Record<string, unknown> };
		};
		expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
		const templates = Object.keys(doc.paths).map((p) => ({ p, re: new RegExp(`^${p.replace(/\{\w+\}/g, '[^/]+')}$`) }));
		const apiPaths = [...called].filter((path) => path.startsWith('/api/v1/') && path !== '/api/v1/openapi.json');
		expect(apiPaths.length).toBeGreaterThan(5);
		for (const path of apiPaths) {
			expect(
				templates.some((t) => t.re.test(path)),
				`${path} is documented`
			).toBe(true);
		}
		for (const name of ['Shop', 'ShopDetail', 'ProductCard', 'ProductDetail', 'Variant', 'Problem', 'ShopList', 'ProductList']) {
			expect(doc.components.schemas[name], name).toBeDefined();
		}
		// Every reference points at a schema the document holds.
		const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]);
		expect(refs.length).toBeGreaterThan(0);
		for (const ref of refs) expect(doc.components.schemas[ref], ref).toBeDefined();
		expect(doc.paths['/api/v1/products'].get.responses['400']).toBeDefined();
	});
});
