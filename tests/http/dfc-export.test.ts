import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startServer, type RunningServer } from '../setup/server.ts';
import { signInCookie, get } from './session.ts';
import { validateDfc } from '../support/dfc-validate.ts';

// The Data Food Consortium catalogue export over real HTTP: the merchant's download and the open
// API, both checked against the published DFC structure (tests/fixtures/dfc).
let server: RunningServer;
let base: string;
let grower: string;
type Node = Record<string, unknown>;

beforeAll(async () => {
	server = await startServer();
	base = server.url;
	grower = await signInCookie(base, 'les-jardins-de-la-varenne@saint-aubin.demo');
}, 90_000);

afterAll(async () => {
	await server?.stop();
});

describe('DFC catalogue export', () => {
	it("downloads the merchant's catalogue as valid DFC JSON-LD", async () => {
		const r = await get(base, '/pro/catalogue/export.dfc.json', grower);
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toContain('application/ld+json');
		expect(r.headers.get('content-disposition')).toContain('catalogue.dfc.json');
		const doc = (await r.json()) as Node;
		expect(validateDfc(doc)).toEqual([]);
		const graph = doc['@graph'] as Node[];
		const enterprise = graph.find((n) => n['@type'] === 'dfc-b:Enterprise')!;
		expect(enterprise['@id']).toBe(`${base}/boutiques/les-jardins-de-la-varenne`);
		expect(graph.filter((n) => n['@type'] === 'dfc-b:SuppliedProduct').length).toBeGreaterThan(10);
	});

	it('is offered on the catalogue import/export page', async () => {
		const html = await (await get(base, '/pro/catalogue/import', grower)).text();
		expect(html).toContain('href="/pro/catalogue/export.dfc.json"');
	});

	it('needs a signed-in merchant', async () => {
		const r = await get(base, '/pro/catalogue/export.dfc.json');
		expect(r.status).not.toBe(200);
	});

	it('serves the same catalogue on the open API, and 404 problem+json for an unknown shop', async () => {
		const r = await get(base, '/api/v1/shops/les-jardins-de-la-varenne/catalog.dfc.json');
		expect(r.status).toBe(200);
		expect(r.headers.get('access-control-allow-origin')).toBe('*');
		expect(r.headers.get('cache-control')).toBe('public, max-age=60');
		const doc = (await r.json()) as Node;
		expect(validateDfc(doc)).toEqual([]);
		const mine = (await (await get(base, '/pro/catalogue/export.dfc.json', grower)).json()) as Node;
		expect(doc).toEqual(mine);
		const openapi = (await (await get(base, '/api/v1/openapi.json')).json()) as { paths: Record<string, unknown> };
		expect(openapi.paths['/api/v1/shops/{slug}/catalog.dfc.json']).toBeDefined();
		const missing = await get(base, '/api/v1/shops/nulle-part/catalog.dfc.json');
		expect(missing.status).toBe(404);
		expect(missing.headers.get('content-type')).toContain('application/problem+json');
	});
});
