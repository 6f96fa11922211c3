import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { startServer, type RunningServer } from '../setup/server.ts';
import { signInCookie, get } from './session.ts';

// Customers and sales reports over real HTTP: orders bought through the public API and handed
// over on the board with plain form posts, then the pages, the accountant's CSV files (read back
// with a CSV parser), bad periods, and another shop's merchant asking for them.
let server: RunningServer;
let base: string;
let bakery: string;
let cheese: string;
let address = 1;

const localDay = (offsetDays = 0) =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(Date.now() + offsetDays * 86_400_000));
const around = `from=${localDay(-1)}&to=${localDay(1)}`;

async function api(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
	const r = await fetch(base + path, {
		method,
		headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.7.0.${address++}`, ...headers },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

/** A customer buys `quantity` of the bakery's first product in stock, through the API. */
async function buyAtBakery(customer: { name: string; email: string; phone: string }, quantity = 2) {
	const shops = (await api('GET', '/api/v1/shops')).body.items as { id: string; slug: string; trade: string }[];
	const shop = shops.find((s) => s.trade === 'bakery')!;
	const slots = (
		(await api('GET', `/api/v1/shops/${shop.slug}/slots?from=${localDay()}&to=${localDay(6)}`)).body.items as {
			id: string;
			startsAt: string;
		}[]
	).filter((s) => Date.parse(s.startsAt) > Date.now() + 130 * 60_000);
	const products = (await api('GET', `/api/v1/products?shop=${shop.slug}&limit=50`)).body.items as {
		id: string;
		unit: string;
		available: boolean;
	}[];
	for (const p of products.filter((p) => p.available && p.unit === 'piece')) {
		const variants = (await api('GET', `/api/v1/products/${p.id}`)).body.variants as {
			id: string;
			stockMode: string;
			stock: number | null;
		}[];
		const v = variants.find((v) => v.stockMode !== 'tracked' || (v.stock ?? 0) >= quantity);
		if (!v) continue;
		const cart = (await api('POST', '/api/v1/carts')).body.id as string;
		expect((await api('POST', `/api/v1/carts/${cart}/items`, { variantId: v.id, quantity })).status).toBe(201);
		const placed = await api(
			'POST',
			`/api/v1/carts/${cart}/checkout`,
			{
				customer,
				acceptTerms: true,
				fulfilments: [{ shopId: shop.id, method: 'pickup', slotId: slots[0].id }],
				payment: { method: 'on_site' }
			},
			{ 'idempotency-key': randomUUID() }
		);
		expect(placed.status, JSON.stringify(placed.body)).toBe(201);
		return (placed.body.orders as { id: string; number: number; totalCents: number }[])[0];
	}
	throw new Error('no bakery product to buy');
}

/** The merchant hands the order over, one board button at a time (plain form posts). */
async function handOver(orderId: string) {
	for (const to of ['accepted', 'preparing', 'ready', 'completed']) {
		const r = await fetch(`${base}/pro/commandes?/move`, {
			method: 'POST',
			redirect: 'manual',
			headers: { accept: 'text/html', cookie: bakery, origin: base, 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ orderId, to })
		});
		expect(r.status).toBe(303);
	}
}

const csvRows = async (r: Response) => {
	const bytes = new Uint8Array(await r.arrayBuffer());
	expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	return parse(Buffer.from(bytes), { delimiter: ';', bom: true }) as string[][];
};
const cents = (fr: string) => Math.round(Number(fr.replace(',', '.')) * 100);

let sold: { id: string; totalCents: number }[] = [];

beforeAll(async () => {
	server = await startServer();
	base = server.url;
	[bakery, cheese] = await Promise.all([
		signInCookie(base, 'boulangerie@saint-aubin.demo'),
		signInCookie(base, 'fromagerie-la-cave-a-meules@saint-aubin.demo')
	]);
	const first = await buyAtBakery({ name: 'Camille Durand', email: 'camille@exemple.fr', phone: '06 12 34 56 78' });
	const second = await buyAtBakery({ name: 'Camille Durand', email: 'CAMILLE@exemple.fr', phone: '06 12 34 56 78' }, 1);
	await buyAtBakery({ name: 'Jules Martin', email: 'jules@exemple.fr', phone: '07 00 00 00 00' }, 1);
	await handOver(first.id);
	await handOver(second.id);
	sold = [first, second];
}, 240_000);

afterAll(async () => {
	await server?.stop();
});

describe('sales reports over HTTP', () => {
	it('shows charts with their tables, and downloads three CSV files an accountant opens as they are', async () => {
		const page = await get(base, `/pro/rapports?${around}`, bakery);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('<svg class="chart');
		expect(html).toContain('role="img"');
		expect(html.match(/<table/g)?.length).toBe(3);
		const total = sold.reduce((n, o) => n + o.totalCents, 0);

		const ventes = await get(base, `/pro/rapports/ventes.csv?${around}&by=day`, bakery);
		expect(ventes.status).toBe(200);
		expect(ventes.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(ventes.headers.get('content-disposition')).toBe(`attachment; filename="ventes-${localDay(-1)}_${localDay(1)}.csv"`);
		const days = await csvRows(ventes);
		expect(days[0]).toEqual(['Début', 'Fin', 'Commandes', 'Total HT', 'TVA', 'Total TTC']);
		expect(days).toHaveLength(5); // header, three days, total
		const [y, m, d] = localDay().split('-');
		const todayRow = days.find((row) => row[0] === `${d}/${m}/${y}`)!;
		expect(todayRow[2]).toBe('2');
		expect(cents(todayRow[5])).toBe(total);
		expect(cents(todayRow[3]) + cents(todayRow[4])).toBe(total);
		expect(days.at(-1)![0]).toBe('Total');

		const produits = await csvRows(await get(base, `/pro/rapports/produits.csv?${around}`, bakery));
		expect(produits[0]).toEqual(['Produit', 'Unité', 'Quantité', 'Total HT', 'TVA', 'Total TTC']);
		expect(produits.slice(1, -1).reduce((n, row) => n + cents(row[5]), 0)).toBe(total);

		const tva = await csvRows(await get(base, `/pro/rapports/tva.csv?${around}`, bakery));
		expect(tva[0]).toEqual(['Taux de TVA (%)', 'Total HT', 'TVA', 'Total TTC']);
		for (const row of tva.slice(1)) {
			expect(row[0]).toMatch(/^(Total|\d+(,\d+)?)$/);
			expect(cents(row[1]) + cents(row[2])).toBe(cents(row[3]));
			for (const amount of row.slice(1)) expect(amount).toMatch(/^-?\d+,\d{2}$/);
		}
		expect(cents(tva.at(-1)![3])).toBe(total);
	});

	it('answers a bad period with field errors, never a 500', async () => {
		const page = await get(base, '/pro/rapports?from=2026-02-30&to=2025-01-01&by=year', bakery, { 'accept-language': 'fr' });
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('Saisissez une date valide.');
		expect(html).toContain('Choisissez jour, semaine ou mois.');
		expect(html).toContain('aria-invalid="true"');
		const tooLong = await get(base, '/pro/rapports/tva.csv?from=2020-01-01&to=2026-01-01', bakery);
		expect(tooLong.status).toBe(400);
		expect(tooLong.headers.get('content-type')).toBe('application/problem+json');
		expect(((await tooLong.json()) as { errors: Record<string, string[]> }).errors.to).toHaveLength(1);
		const reversed = await get(base, '/pro/rapports/ventes.csv?from=2026-05-02&to=2026-05-01', bakery);
		expect(reversed.status).toBe(400);
		expect((await get(base, '/pro/rapports/autre.csv', bakery)).status).toBe(404);
	});

	it('shows another shop only its own sales and customers', async () => {
		const theirs = await csvRows(await get(base, `/pro/rapports/tva.csv?${around}`, cheese));
		expect(theirs.at(-1)).toEqual(['Total', '0,00', '0,00', '0,00']);
		const list = await (await get(base, '/pro/clients', cheese)).text();
		expect(list).not.toContain('Camille Durand');
		const bakeryList = await (await get(base, '/pro/clients?q=camille', bakery)).text();
		const key = /href="\/pro\/clients\/([0-9a-f]{32})"/.exec(bakeryList)![1];
		expect((await get(base, `/pro/clients/${key}`, cheese)).status).toBe(404);
		expect((await get(base, '/pro/clients/0123456789abcdef0123456789abcdef', bakery)).status).toBe(404);
		expect((await get(base, '/pro/rapports', undefined)).status).toBe(303);
	});
});

describe('customers over HTTP', () => {
	it('lists the bakery’s customers, finds them, and opens one with links to their orders', async () => {
		const list = await (await get(base, '/pro/clients', bakery)).text();
		expect(list).toContain('Camille Durand');
		expect(list).toContain('Jules Martin');
		const found = await (await get(base, '/pro/clients?q=07+00', bakery)).text();
		expect(found).toContain('Jules Martin');
		expect(found).not.toContain('Camille Durand');
		const key = /href="\/pro\/clients\/([0-9a-f]{32})"/.exec(await (await get(base, '/pro/clients?q=camille%40', bakery)).text())![1];
		const detail = await get(base, `/pro/clients/${key}`, bakery);
		expect(detail.status).toBe(200);
		const html = await detail.text();
		for (const o of sold) expect(html).toContain(`href="/pro/commandes/${o.id}"`);
		expect((await get(base, '/pro/clients?page=abc&q=' + 'x'.repeat(5000), bakery)).status).toBe(200);
	});
});
