import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer, type RunningServer } from '../setup/server.ts';
import { signInCookie, get } from './session.ts';
import { decodeQrCodes, labelRegion, pdfText } from '../support/pdf-qr.ts';

// Shelf labels over real HTTP: the /pro/etiquettes page, its plain form posted to the PDF
// endpoint as a browser without JavaScript sends it, the PDF read back (text and QR codes), and
// the QR code's URL fetched from the same server.
let server: RunningServer;
let base: string;
let grower: string;
let cheese: string;
let products: { id: string; name: string }[];

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

/** Whether the build has the public traceability pages (another engineer's work, merged by the lead). */
function buildHasTraceabilityPages(): boolean {
	const nodes = resolve(import.meta.dirname, '../../build/server/nodes');
	if (!existsSync(nodes)) return false;
	return readdirSync(nodes).some((f) => readFileSync(join(nodes, f), 'utf8').includes('tracabilite'));
}

beforeAll(async () => {
	server = await startServer();
	base = server.url;
	[grower, cheese] = await Promise.all([
		signInCookie(base, 'les-jardins-de-la-varenne@saint-aubin.demo'),
		signInCookie(base, 'fromagerie-la-cave-a-meules@saint-aubin.demo')
	]);
	const html = await (await get(base, '/pro/etiquettes', grower)).text();
	products = [...html.matchAll(/name="product" value="([0-9a-f-]{36})"[^>]*>\s*<span>\s*<strong>([^<]+)<\/strong>/g)].map((m) => ({
		id: m[1],
		name: m[2]
	}));
}, 90_000);

afterAll(async () => {
	await server?.stop();
});

describe('/pro/etiquettes', () => {
	it('lists the shop’s products with quantities, the sheet layouts and the start position', async () => {
		const r = await get(base, '/pro/etiquettes', grower);
		expect(r.status).toBe(200);
		const html = await r.text();
		expect(products.length).toBeGreaterThan(5);
		expect(html).toContain('action="/pro/etiquettes/planche.pdf"');
		for (const layout of ['l7160', 'l7163', 'l7165', 'shelf']) expect(html).toContain(`value="${layout}"`);
		expect(html).toContain(`name="qty-${products[0].id}"`);
		expect(html).toContain('name="start"');
		// Filtering narrows the list (search is accent-insensitive).
		const one = await (await get(base, `/pro/etiquettes?q=${encodeURIComponent(products[0].name)}`, grower)).text();
		expect(one).toContain(products[0].name);
		expect([...one.matchAll(/name="product"/g)].length).toBeLessThan(products.length);
	});

	it('needs a signed-in merchant', async () => {
		const r = await get(base, '/pro/etiquettes');
		expect(r.status).not.toBe(200);
		const pdf = await post('/pro/etiquettes/planche.pdf', '', { layout: 'l7160', product: products[0].id });
		expect(pdf.headers.get('content-type') ?? '').not.toContain('application/pdf');
	});
});

describe('/pro/etiquettes/planche.pdf', () => {
	it('prints the chosen products from a start position, with name, price, unit price, origin and a QR code to the traceability page', async () => {
		const [a, b] = products;
		const r = await post('/pro/etiquettes/planche.pdf', grower, {
			layout: 'l7163',
			start: '3',
			product: [a.id, b.id],
			[`qty-${a.id}`]: '2',
			[`qty-${b.id}`]: '1',
			shown: products.map((p) => p.id)
		});
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toBe('application/pdf');
		const bytes = Buffer.from(await r.arrayBuffer());
		const { text, pages } = await pdfText(bytes);
		expect(pages).toBe(1);
		expect(text).toContain(a.name.slice(0, 12));
		expect(text).toContain(b.name.slice(0, 12));
		expect(text).toMatch(/\d+,\d{2} €/);
		expect(text).toMatch(/soit \d+,\d{2} €\/(kg|L)/);
		expect(text).toMatch(/à [\d,]+ km/);
		expect(text).toContain('Circuit court');
		// Labels 3, 4 and 5 of the sheet: a, a, b. Positions 1 and 2 stay blank.
		const codes = await decodeQrCodes(bytes, 1, [
			labelRegion('l7163', 3, 0),
			labelRegion('l7163', 3, 1),
			labelRegion('l7163', 3, 2),
			labelRegion('l7163', 1, 0)
		]);
		expect(codes).toEqual([`${base}/tracabilite/${a.id}`, `${base}/tracabilite/${a.id}`, `${base}/tracabilite/${b.id}`, null]);
		expect(codes[0]).toMatch(/^http:\/\/localhost:\d+\/tracabilite\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
		const page = await fetch(codes[0]!, { redirect: 'manual' });
		if (buildHasTraceabilityPages()) {
			expect(page.status).toBe(200);
			expect(await page.text()).toContain(a.name);
		} else {
			// LEAD: the public traceability page (/tracabilite/<productId>) is not in this branch's build yet;
			// once merged, the branch above runs and requires a 200 showing the product. Until then, 404.
			expect(page.status).toBe(404);
		}
	}, 60_000);

	it('answers the same sheet to a GET with the form’s parameters', async () => {
		const a = products[0];
		const r = await get(base, `/pro/etiquettes/planche.pdf?layout=shelf&product=${a.id}&qty-${a.id}=3`, grower);
		expect(r.status).toBe(200);
		const bytes = Buffer.from(await r.arrayBuffer());
		const codes = await decodeQrCodes(
			bytes,
			1,
			[0, 1, 2].map((i) => labelRegion('shelf', 1, i))
		);
		expect(codes).toEqual(Array(3).fill(`${base}/tracabilite/${a.id}`));
	}, 60_000);

	it('"print every product shown" prints them all without JavaScript', async () => {
		const shown = products.slice(0, 4).map((p) => p.id);
		const r = await post('/pro/etiquettes/planche.pdf', grower, { layout: 'l7160', all: '1', shown });
		expect(r.status).toBe(200);
		const { text } = await pdfText(Buffer.from(await r.arrayBuffer()));
		for (const p of products.slice(0, 4)) expect(text).toContain(p.name.slice(0, 10));
	}, 60_000);

	it('sends an empty selection back to the form with a clear message', async () => {
		const r = await post('/pro/etiquettes/planche.pdf', grower, { layout: 'l7165', shown: products.map((p) => p.id) });
		expect(r.status).toBe(303);
		expect(r.headers.get('location')).toBe('/pro/etiquettes?erreur=empty&layout=l7165');
		const html = await (await get(base, r.headers.get('location')!, grower)).text();
		expect(html).toContain('Choisissez au moins un produit');
		expect(html).toMatch(/value="l7165"[^>]*checked|checked[^>]*value="l7165"/);
	});

	it('refuses more than 500 labels, a bad quantity and a start off the sheet, with their messages', async () => {
		const [a, b] = products;
		const tooMany = await post('/pro/etiquettes/planche.pdf', grower, {
			layout: 'l7160',
			product: [a.id, b.id],
			[`qty-${a.id}`]: '300',
			[`qty-${b.id}`]: '300'
		});
		expect(tooMany.headers.get('location')).toContain('erreur=too_many');
		expect(await (await get(base, tooMany.headers.get('location')!, grower)).text()).toContain('Au plus 500 étiquettes');
		for (const qty of ['-1', '501', 'abc', '2.5']) {
			const r = await post('/pro/etiquettes/planche.pdf', grower, { layout: 'l7160', product: a.id, [`qty-${a.id}`]: qty });
			expect(r.headers.get('location'), qty).toContain('erreur=quantity');
		}
		const start = await post('/pro/etiquettes/planche.pdf', grower, { layout: 'l7165', start: '9', product: a.id });
		expect(start.headers.get('location')).toContain('erreur=start');
	});

	it("answers 404 for another shop's product, or an unknown lot, and prints nothing", async () => {
		const r = await post('/pro/etiquettes/planche.pdf', cheese, { layout: 'l7160', product: products[0].id });
		expect(r.status).toBe(404);
		expect(r.headers.get('content-type')).not.toContain('pdf');
		const mixed = await post('/pro/etiquettes/planche.pdf', grower, {
			layout: 'l7160',
			product: [products[0].id, '00000000-0000-4000-8000-000000000000']
		});
		expect(mixed.status).toBe(404);
		const junk = await post('/pro/etiquettes/planche.pdf', grower, { layout: 'l7160', product: "x' or 1=1 --" });
		expect(junk.status).toBe(404);
		const lot = await post('/pro/etiquettes/planche.pdf', grower, {
			layout: 'l7160',
			product: products[0].id,
			[`lot-${products[0].id}`]: 'INCONNU'
		});
		expect(lot.status).toBe(404);
	});
});
