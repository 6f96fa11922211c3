import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { request as httpRequest } from 'node:http';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { startServer, type RunningServer } from '../setup/server.ts';
import { ProductDetail, ProductList } from '../../src/lib/server/http/api-schemas.ts';
import { ProductTraceability } from '../../src/lib/server/http/api-traceability-schemas.ts';
import { Problem } from '../../src/lib/server/http/openapi.ts';
import { openDatabase, queryRows } from '../../src/lib/server/db/client.ts';
import { refreshProductFacts } from '../../src/lib/server/traceability/facts.ts';

// The public side of traceability over real HTTP, against the built server and the demo territory
// with a chain, lots and a certificate added: pages (200/404, no JavaScript needed), the open-data
// endpoint, the search filters and their validation, JSON-LD, and another territory's host.

const OTHER_HOST = 'ailleurs.localhost';
let server: RunningServer;
let dataDir: string;
let ownDatabase: { admin: string; name: string } | undefined;
type Picked = { id: string; slug: string; shop_slug: string; producer_slug: string };
let traced: Picked;
let archivedId: string;

async function get(path: string, headers: Record<string, string> = {}) {
	const response = await fetch(server.url + path, { headers: { 'accept-language': 'fr', ...headers }, redirect: 'manual' });
	const type = response.headers.get('content-type') ?? '';
	const body = type.includes('json') ? await response.json() : await response.text();
	return { status: response.status, type, body };
}

async function page(path: string): Promise<string> {
	const r = await get(path);
	expect(r.status, path).toBe(200);
	expect(r.type).toContain('text/html');
	return r.body as string;
}

const textOf = (html: string) =>
	html
		.replace(/<script[\s\S]*?<\/script>/g, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&#39;|&#x27;/g, "'")
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ');

/** The JSON-LD data blocks of a page, parsed. */
const jsonLdOf = (html: string) =>
	[...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]) as Record<string, unknown>);

/** A request under another host name (fetch cannot set Host). */
function getAs(host: string, path: string): Promise<number> {
	const url = new URL(server.url);
	return new Promise((resolve, reject) => {
		const req = httpRequest({ host: '127.0.0.1', port: url.port, method: 'GET', path, headers: { host: `${host}:${url.port}` } }, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode ?? 0));
		});
		req.on('error', reject);
		req.end();
	});
}

beforeAll(async () => {
	dataDir = mkdtempSync(join(tmpdir(), 'echoppe-trace-public-'));
	const env: Record<string, string> = {};
	const base = process.env.TEST_DATABASE_URL;
	if (base) {
		ownDatabase = { admin: base, name: `echoppe_tp_${randomUUID().replaceAll('-', '').slice(0, 12)}` };
		const admin = new pg.Client({ connectionString: base });
		await admin.connect();
		await admin.query(`create database ${ownDatabase.name}`);
		await admin.end();
		const u = new URL(base);
		u.pathname = `/${ownDatabase.name}`;
		env.DATABASE_URL = u.toString();
	}
	// First start seeds the demo; the traceability rows are added while the server is down (PGlite
	// allows one process at a time), then it starts again on the same data.
	const first = await startServer(env, { dataDir });
	await first.stop();
	const database = await openDatabase(
		env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL, poolSize: 1 } : { dataDir: join(dataDir, 'pglite') }
	);
	const db = database.db;
	[traced] = await queryRows<Picked & { shop_id: string; producer_id: string }>(
		db,
		sql`select p.id, p.slug, s.slug as shop_slug, s.id as shop_id, pr.slug as producer_slug, pr.id as producer_id
			from products p join shops s on s.id = p.shop_id
			join product_producers pp on pp.product_id = p.id and pp.position = 0 join producers pr on pr.id = pp.producer_id
			where pr.seller_shop_id is null and p.status = 'active' and s.status = 'active' order by p.name limit 1`
	);
	const { shop_id, producer_id } = traced as Picked & { shop_id: string; producer_id: string };
	await db.execute(sql`insert into supply_chain_steps (product_id, position, role, name, place, latitude, longitude)
		values (${traced.id}, 0, 'producer', 'La ferme', '', null, null), (${traced.id}, 1, 'processor', 'Atelier du Val', 'Amboise', 47.41, 0.98)`);
	await db.execute(sql`insert into lots (product_id, shop_id, code, produced_on, best_before, quantity)
		values (${traced.id}, ${shop_id}, 'L2611/A', '2026-11-20', '2026-12-20', 40)`);
	await db.execute(sql`insert into producer_certifications (producer_id, label, certificate_number, certifier, expires_on)
		values (${producer_id}, 'ab', 'FR-BIO-01-7777', 'Ecocert', '2027-06-30')`);
	await db.execute(sql`update producers set story = 'Trois générations sur la même terre.' where id = ${producer_id}`);
	await refreshProductFacts(db, { productIds: [traced.id] });
	[{ id: archivedId }] = await queryRows<{ id: string }>(
		db,
		sql`update products set status = 'archived' where id = (select id from products where id <> ${traced.id} and status = 'active'
			order by name desc limit 1) returning id`
	);
	await db.execute(sql`insert into territories (slug, name, host) values ('ailleurs', 'Ailleurs', ${OTHER_HOST})`);
	await database.close();
	server = await startServer(env, { dataDir });
}, 240_000);

afterAll(async () => {
	await server?.stop();
	rmSync(dataDir, { recursive: true, force: true });
	if (ownDatabase) {
		const admin = new pg.Client({ connectionString: ownDatabase.admin });
		await admin.connect();
		await admin.query(`drop database if exists ${ownDatabase.name} with (force)`);
		await admin.end();
	}
});

describe('traceability pages, without JavaScript', () => {
	it('the product page shows the chain as a timeline, the SVG map, facts, certificate and lots', async () => {
		const html = await page(`/tracabilite/${traced.id}`);
		const text = textOf(html);
		expect(html).toMatch(/<ol class="timeline[^"]*">/);
		expect(html).toMatch(/<svg[^>]*class="route-map[^"]*"[^>]*role="img"[^>]*aria-label="Carte du trajet, de /);
		expect(text).toContain('Transformateur');
		expect(text).toContain('Atelier du Val, Amboise');
		expect(text).toMatch(/Produit à [\d,]+ (k?m) de la boutique/);
		expect(text).toContain('2 intermédiaires');
		expect(text).not.toContain('Circuit court');
		expect(text).toContain('certificat n° FR-BIO-01-7777');
		expect(html).toContain(`href="/tracabilite/${traced.id}/lot/L2611%2FA"`);
		expect(html).toContain(`href="/producteurs/${traced.producer_slug}"`);
		const [ld] = jsonLdOf(html);
		expect(ld['@type']).toBe('Product');
		expect((ld.manufacturer as { url: string }).url).toMatch(new RegExp(`/producteurs/${traced.producer_slug}$`));
		expect(ld.additionalProperty).toEqual(expect.arrayContaining([expect.objectContaining({ propertyID: 'intermediaries', value: 2 })]));
	});

	it('the lot page shows the lot (its code may hold a slash, encoded)', async () => {
		const text = textOf(await page(`/tracabilite/${traced.id}/lot/L2611%2FA`));
		expect(text).toContain('Lot L2611/A');
		expect(text).toContain('Produit ou récolté le 20 novembre 2026');
		expect(text).toContain('À consommer de préférence avant le 20 décembre 2026');
	});

	it('answers 404 for an unknown, malformed or archived product, an unknown lot, and another territory', async () => {
		for (const path of [
			`/tracabilite/${randomUUID()}`,
			'/tracabilite/pas-un-id',
			`/tracabilite/${archivedId}`,
			`/tracabilite/${traced.id}/lot/NOPE`,
			'/producteurs/personne'
		]) {
			expect((await get(path)).status, path).toBe(404);
		}
		expect(await getAs(OTHER_HOST, `/tracabilite/${traced.id}`)).toBe(404);
		expect(await getAs(OTHER_HOST, `/api/v1/products/${traced.id}/traceability`)).toBe(404);
		expect(await getAs(OTHER_HOST, `/producteurs/${traced.producer_slug}`)).toBe(404);
	});
});

describe('producers', () => {
	it('the producer map lists every producer with distance and a link, complete without tiles', async () => {
		const html = await page('/producteurs');
		const links = [...html.matchAll(/href="\/producteurs\/([a-z0-9-]+)"/g)].map((m) => m[1]);
		expect(links.length).toBeGreaterThanOrEqual(4);
		expect(links).toContain(traced.producer_slug);
		expect(textOf(html)).toMatch(/\d+(,\d)? k?m/);
		expect(html).toContain('Voir la carte');
	});

	it('the producer page shows story, certificate with expiry, its products and its JSON-LD', async () => {
		const html = await page(`/producteurs/${traced.producer_slug}`);
		const text = textOf(html);
		expect(text).toContain('Trois générations sur la même terre.');
		expect(text).toContain('certificat n° FR-BIO-01-7777');
		expect(text).toContain('valable jusqu’au 30 juin 2027');
		expect(html).toContain(`href="/boutiques/${traced.shop_slug}/${traced.slug}"`);
		expect(html).toMatch(/<svg[^>]*class="route-map/);
		const [ld] = jsonLdOf(html);
		expect(ld['@type']).toBe('Organization');
	});
});

describe('the product page and cards', () => {
	it('the product page shows the facts, the latest lot, a link to the traceability page and origin in JSON-LD', async () => {
		const html = await page(`/boutiques/${traced.shop_slug}/${traced.slug}`);
		const text = textOf(html);
		expect(text).toContain('2 intermédiaires');
		expect(html).toContain(`href="/tracabilite/${traced.id}"`);
		expect(html).toContain(`href="/tracabilite/${traced.id}/lot/L2611%2FA"`);
		const product = jsonLdOf(html).find((ld) => ld['@type'] === 'Product')!;
		expect(product.manufacturer).toMatchObject({ '@type': 'Organization' });
		expect(product.additionalProperty).toEqual(
			expect.arrayContaining([expect.objectContaining({ propertyID: 'shortCircuit', value: false })])
		);
	});

	it('search results show the short-circuit badge and filter by it without JavaScript', async () => {
		const html = await page('/recherche?shortCircuit=1&maxOriginKm=30');
		expect(html).toMatch(/<input[^>]*id="search-shortCircuit"[^>]*checked/);
		expect(textOf(html)).toContain('Circuit court');
		expect(html).not.toContain(`href="/boutiques/${traced.shop_slug}/${traced.slug}"`);
		const bad = textOf(await page('/recherche?maxOriginKm=-5'));
		expect(bad).toContain('Indiquez une distance');
	});
});

describe('open data', () => {
	it('GET /api/v1/products/{id}/traceability gives producers, certificates, chain, lots and facts', async () => {
		const r = await get(`/api/v1/products/${traced.id}/traceability`);
		expect(r.status).toBe(200);
		const trace = ProductTraceability.parse(r.body);
		expect(trace.facts.intermediaries).toBe(2);
		expect(trace.facts.shortCircuit).toBe(false);
		expect(trace.facts.originKm).toBeGreaterThanOrEqual(0);
		expect(trace.producers[0].certifications[0].certificateNumber).toBe('FR-BIO-01-7777');
		expect(trace.chain.map((step) => step.role)).toEqual(['producer', 'processor']);
		expect(trace.lots[0]).toMatchObject({ code: 'L2611/A', quantity: 40 });
		for (const id of [randomUUID(), 'nope', archivedId]) {
			const missing = await get(`/api/v1/products/${id}/traceability`);
			expect(missing.status).toBe(404);
			expect(missing.type).toContain('application/problem+json');
		}
	});

	it('product API fields: originKm, intermediaries, shortCircuit, lots', async () => {
		const detail = ProductDetail.parse((await get(`/api/v1/products/${traced.id}`)).body);
		expect(detail).toMatchObject({ intermediaries: 2, shortCircuit: false });
		expect(detail.lots[0].code).toBe('L2611/A');
	});

	it('filters: shortCircuit and maxOriginKm match the stored facts on every page', async () => {
		let cursor: string | null = null;
		let seen = 0;
		do {
			const r = await get(`/api/v1/products?shortCircuit=true&maxOriginKm=25&limit=50${cursor ? `&cursor=${cursor}` : ''}`);
			expect(r.status).toBe(200);
			const list = ProductList.parse(r.body);
			for (const item of list.items) {
				expect(item.shortCircuit).toBe(true);
				expect(item.intermediaries).toBeLessThanOrEqual(1);
				expect(item.originKm).toBeLessThanOrEqual(25);
			}
			seen += list.items.length;
			cursor = list.nextCursor;
		} while (cursor);
		expect(seen).toBeGreaterThan(0);
	});

	it('bad filter values answer problem+json with a message per parameter', async () => {
		for (const query of ['maxOriginKm=-1', 'maxOriginKm=loin', 'maxOriginKm=1e9', 'shortCircuit=peut-etre']) {
			const r = await get(`/api/v1/products?${query}`, { 'accept-language': 'en' });
			expect(r.status, query).toBe(400);
			expect(r.type).toContain('application/problem+json');
			const problem = Problem.parse(r.body);
			expect(Object.keys(problem.errors ?? {}), query).toEqual([query.split('=')[0]]);
		}
	});

	it('the OpenAPI document describes the endpoint and the filters', async () => {
		const doc = (await get('/api/v1/openapi.json')).body as {
			paths: Record<string, { get: { parameters?: { name: string }[] } }>;
			components: { schemas: Record<string, unknown> };
		};
		expect(doc.paths['/api/v1/products/{id}/traceability']).toBeDefined();
		const names = doc.paths['/api/v1/products'].get.parameters!.map((p) => p.name);
		expect(names).toEqual(expect.arrayContaining(['shortCircuit', 'maxOriginKm']));
		expect(doc.components.schemas.ProductTraceability).toBeDefined();
	});
});
