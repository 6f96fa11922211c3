import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { TZDate } from '@date-fns/tz';
import { testDatabase } from '../../../../tests/setup/db.ts';
import { queryRows, type Database } from '../db/client.ts';
import { seedDemo } from '../db/seed/index.ts';
import { InvalidInputError } from '../errors.ts';
import type { OpeningPeriod } from '../db/schema/shops.ts';
import { listProducts } from './queries.ts';
import {
	searchProducts,
	suggest,
	createSearchCache,
	encodeSearchCursor,
	decodeSearchCursor,
	SEARCH_SORTS,
	type SearchParams,
	type ProductHit,
	type SearchSort
} from './search.ts';

// Search over the seeded demo territory, on the engine the suite runs on (PGlite, or PostgreSQL
// with TEST_DATABASE_URL). A Thursday, 09:00 in Paris (winter time).
const NOW = new Date('2026-11-26T08:00:00Z');
const CENTRE = { lat: 47.39, lng: 0.98 };

let database: Database;
let territoryId: string;
let timezone: string;

type ShopRow = {
	id: string;
	slug: string;
	status: string;
	latitude: number | null;
	longitude: number | null;
	opening_hours: OpeningPeriod[];
	lead_minutes: number;
};
type ProductRow = {
	id: string;
	name: string;
	shop_id: string;
	status: string;
	labels: string[];
	description: string;
	ingredients: string | null;
	sold_out_today: boolean;
};
let shops: ShopRow[];
let products: ProductRow[];

const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database.db, query);
const search = (params: SearchParams) => searchProducts(database.db, territoryId, { now: NOW, ...params });

/** Every page of a search, following the cursors. */
async function allPages(params: SearchParams): Promise<{ pages: ProductHit[][]; items: ProductHit[] }> {
	const pages: ProductHit[][] = [];
	let cursor = params.cursor;
	do {
		const page = await search({ ...params, cursor });
		pages.push(page.items);
		cursor = page.nextCursor ?? undefined;
		expect(pages.length).toBeLessThan(200);
	} while (cursor);
	return { pages, items: pages.flat() };
}

function kilometres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
	const rad = Math.PI / 180;
	const h =
		Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
	return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

const activeShopIds = () => new Set(shops.filter((s) => s.status === 'active').map((s) => s.id));
const visibleProducts = () => products.filter((p) => p.status === 'active' && activeShopIds().has(p.shop_id));

beforeAll(async () => {
	database = await testDatabase();
	await seedDemo(database.db, { now: NOW });
	[{ id: territoryId, timezone }] = await rows<{ id: string; timezone: string }>(sql`select id, timezone from territories`);
	shops = await rows<ShopRow>(sql`select id, slug, status, latitude, longitude, opening_hours, lead_minutes from shops`);
	products = await rows<ProductRow>(sql`select id, name, shop_id, status, labels, description, ingredients, sold_out_today from products`);
});

afterAll(async () => {
	await database?.close();
});

describe('matching', () => {
	it('tolerates a typo: "fromaje" finds the fromages', async () => {
		const { items } = await search({ q: 'fromaje' });
		expect(items.length).toBeGreaterThan(0);
		expect(items[0].name).toMatch(/fromage/i);
		expect(items.filter((p) => /fromage/i.test(p.name)).length).toBeGreaterThanOrEqual(3);
	});

	it.each([
		['roqefort', 'Roquefort'],
		['camambert', 'Camembert'],
		['brioshe', 'Brioche']
	])('tolerates typos down to the word-similarity threshold 0.45 (below pg_trgm’s default 0.6): %s', async (q, expected) => {
		const { items } = await search({ q });
		expect(items[0]?.name).toMatch(new RegExp(`^${expected}`));
	});

	it('ranks "Pain complet au levain" first for "pain complet"', async () => {
		const { items } = await search({ q: 'pain complet' });
		expect(items[0].name).toBe('Pain complet au levain');
	});

	it.each(['oeufs', 'œufs', 'ŒUFS', 'OEUF', 'oeuf frais'])('finds the "Œufs …" for %s (accents and the Œ ligature folded)', async (q) => {
		const { items } = await search({ q });
		expect(items.length).toBeGreaterThan(0);
		expect(items[0].name.startsWith('Œufs')).toBe(true);
	});

	it('finds the cheeses whose description mentions "brebis", ranked above mere look-alikes', async () => {
		const expected = visibleProducts()
			.filter((p) => /brebis/i.test(`${p.description} ${p.ingredients ?? ''}`))
			.map((p) => p.name);
		expect(expected).toEqual(expect.arrayContaining(['Roquefort', 'Ossau-Iraty']));
		const { items } = await search({ q: 'brebis' });
		const names = items.map((p) => p.name);
		expect(names.slice(0, expected.length).sort()).toEqual([...expected].sort());
	});

	it('ignores accents and case in the words typed', async () => {
		const plain = await search({ q: 'creme fraiche' });
		const accented = await search({ q: 'Crème FRAÎCHE' });
		expect(plain.items.length).toBeGreaterThan(0);
		expect(accented.items.map((p) => p.id)).toEqual(plain.items.map((p) => p.id));
	});

	it.each(['xqzwvkj', 'zzzzzzzz qqqqq', 'ẞ∆√'])('finds nothing for nonsense: %s', async (q) => {
		expect(await search({ q })).toEqual({ items: [], nextCursor: null });
	});

	it.each(["'; drop table products; --", 'pain & | ! ( ) : * <->', '"pain', '%_\\', 'le la les de'])(
		'takes any text as words, never as syntax: %s',
		async (q) => {
			const page = await search({ q });
			expect(Array.isArray(page.items)).toBe(true);
		}
	);

	it('treats a blank query as no query', async () => {
		const blank = await search({ q: '   ', limit: 10 });
		const none = await search({ limit: 10 });
		expect(blank.items.map((p) => p.id)).toEqual(none.items.map((p) => p.id));
	});

	it('shows only active products of active shops of the territory', async () => {
		const pending = shops.find((s) => s.status === 'pending')!;
		expect(products.some((p) => p.shop_id === pending.id)).toBe(true);
		const { items } = await allPages({ limit: 100 });
		expect(items.some((p) => p.shop.id === pending.id)).toBe(false);
		expect(items).toHaveLength(visibleProducts().length);
	});
});

describe('a product that leaves the catalog', () => {
	it('disappears when archived, and for another territory', async () => {
		const target = visibleProducts().find((p) => p.name === 'Roquefort')!;
		const before = await search({ q: 'roquefort' });
		expect(before.items.map((p) => p.id)).toContain(target.id);
		await database.db.execute(sql`update products set status = 'archived' where id = ${target.id}`);
		expect((await search({ q: 'roquefort' })).items.map((p) => p.id)).not.toContain(target.id);
		await database.db.execute(sql`update products set status = 'active' where id = ${target.id}`);
		expect((await search({ q: 'roquefort' })).items.map((p) => p.id)).toContain(target.id);

		const [other] = await rows<{ id: string }>(
			sql`insert into territories (slug, name, host) values ('ailleurs', 'Ailleurs', 'ailleurs.example') returning id`
		);
		expect((await searchProducts(database.db, other.id, { q: 'roquefort' })).items).toEqual([]);
		expect(await suggest(database.db, other.id, 'roq')).toEqual([]);
	});
});

describe('the words follow the product at once (search documents, migration 0013)', () => {
	it('a renamed product is found by its new name only; a change rolled back leaves the search as it was', async () => {
		const target = visibleProducts().find((p) => p.name === 'Roquefort')!;
		await database.db.execute(sql`update products set name = 'Bleu des Causses' where id = ${target.id}`);
		try {
			const found = (await search({ q: 'causses' })).items.find((p) => p.id === target.id);
			expect(found?.name).toBe('Bleu des Causses');
		} finally {
			await database.db.execute(sql`update products set name = 'Roquefort' where id = ${target.id}`);
		}
		await expect(
			database.db.transaction(async (tx) => {
				await tx.execute(sql`update products set name = 'Fourme de Montbrison', status = 'archived' where id = ${target.id}`);
				throw new Error('rolled back');
			})
		).rejects.toThrow('rolled back');
		expect((await search({ q: 'montbrison' })).items.map((p) => p.id)).not.toContain(target.id);
		expect((await search({ q: 'roquefort' })).items.map((p) => p.id)).toContain(target.id);
		// The copy holds exactly the active products, each with its product's document.
		const [drift] = await rows<{ n: number }>(sql`select count(*)::int as n from (
			(select id, territory_id, shop_id, search from products where status = 'active'
				except select product_id, territory_id, shop_id, search from product_search_docs)
			union all
			(select product_id, territory_id, shop_id, search from product_search_docs
				except select id, territory_id, shop_id, search from products where status = 'active')) diff`);
		expect(drift.n).toBe(0);
	});
});

describe('filters', () => {
	it('by category, shop and label', async () => {
		const [{ slug: category }] = await rows<{ slug: string }>(sql`select slug from categories where slug = 'cremerie-fromages'`);
		const byCategory = await allPages({ category, limit: 100 });
		expect(byCategory.items.length).toBeGreaterThan(0);
		for (const p of byCategory.items) expect(p.category?.slug).toBe(category);

		const shop = shops.find((s) => s.slug === 'fromagerie-la-cave-a-meules')!;
		const byShop = await allPages({ shop: shop.slug, limit: 100 });
		expect(byShop.items).toHaveLength(visibleProducts().filter((p) => p.shop_id === shop.id).length);
		for (const p of byShop.items) expect(p.shop.slug).toBe(shop.slug);

		const organic = await allPages({ label: 'ab', limit: 100 });
		expect(organic.items).toHaveLength(visibleProducts().filter((p) => p.labels.includes('ab')).length);
		for (const p of organic.items) expect(p.labels).toContain('ab');

		expect((await search({ shop: 'no-such-shop' })).items).toEqual([]);
		expect((await search({ category: 'no-such-category' })).items).toEqual([]);
	});

	it('by distance from the visitor to the shop, which each result carries', async () => {
		const near = { lat: 47.3685, lng: 1.0085 }; // at the Ferme du Bois Joli, out of town
		const maxKm = 1.5;
		const inReach = new Set(
			shops
				.filter((s) => s.status === 'active' && s.latitude !== null && kilometres(near, { lat: s.latitude, lng: s.longitude! }) <= maxKm)
				.map((s) => s.id)
		);
		expect(inReach.size).toBeGreaterThan(0);
		expect(inReach.size).toBeLessThan(activeShopIds().size);
		const { items } = await allPages({ near, maxKm, limit: 100 });
		expect(items).toHaveLength(visibleProducts().filter((p) => inReach.has(p.shop_id)).length);
		for (const p of items) {
			const shop = shops.find((s) => s.id === p.shop.id)!;
			expect(p.distanceKm).toBeCloseTo(kilometres(near, { lat: shop.latitude!, lng: shop.longitude! }), 6);
			expect(p.distanceKm!).toBeLessThanOrEqual(maxKm);
		}
		const without = await search({ limit: 3 });
		for (const p of without.items) expect(p.distanceKm).toBeNull();
	});

	it('available for a pickup today: in stock, and the shop still open after its lead time', async () => {
		const local = new TZDate(NOW.getTime(), timezone);
		const minute = local.getHours() * 60 + local.getMinutes();
		const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
		const openToday = new Set(
			shops
				.filter(
					(s) =>
						s.status === 'active' &&
						s.opening_hours.some((p) => p.weekday === local.getDay() && toMinutes(p.closes) > minute + s.lead_minutes)
				)
				.map((s) => s.id)
		);
		expect(openToday.size).toBeGreaterThan(0);
		expect(openToday.size).toBeLessThan(activeShopIds().size);

		const soldOut = visibleProducts().find((p) => openToday.has(p.shop_id))!;
		await database.db.execute(sql`update products set sold_out_today = true where id = ${soldOut.id}`);
		const [emptied] = await rows<{ product_id: string }>(sql`
			update variants set stock = 0 where product_id = (
				select p.id from products p where p.shop_id = ${soldOut.shop_id} and p.id <> ${soldOut.id} and p.status = 'active'
				and not exists (select 1 from variants v where v.product_id = p.id and v.stock_mode <> 'tracked')
				order by p.id limit 1
			) returning product_id`);
		try {
			const { items } = await allPages({ availableToday: true, limit: 100 });
			expect(items.length).toBeGreaterThan(0);
			const ids = new Set(items.map((p) => p.id));
			expect(ids.has(soldOut.id)).toBe(false);
			expect(ids.has(emptied.product_id)).toBe(false);
			for (const p of items) {
				expect(openToday.has(p.shop.id)).toBe(true);
				expect(p.available).toBe(true);
			}
			const [{ count }] = await rows<{ count: number }>(sql`
				select count(*)::int as count from products p where p.status = 'active' and not p.sold_out_today
				and p.shop_id in ${sql.raw(`('${[...openToday].join("','")}')`)}
				and exists (select 1 from variants v where v.product_id = p.id and not v.archived
					and (v.stock_mode = 'unlimited' or (v.stock_mode = 'tracked' and v.stock > 0) or (v.stock_mode = 'on_order' and coalesce(v.lead_days, 0) = 0)))`);
			expect(items).toHaveLength(count);
		} finally {
			await database.db.execute(sql`update products set sold_out_today = false where id = ${soldOut.id}`);
			await database.db.execute(sql`update variants set stock = 10 where product_id = ${emptied.product_id}`);
		}
	});

	it('nobody can pick up after closing time: late in the evening nothing is available today', async () => {
		const late = new Date('2026-11-26T21:30:00Z'); // 22:30 in Paris
		const page = await searchProducts(database.db, territoryId, { availableToday: true, now: late });
		expect(page.items).toEqual([]);
	});

	it('by the price of the cheapest variant', async () => {
		const { items } = await allPages({ minPriceCents: 300, maxPriceCents: 800, limit: 100 });
		expect(items.length).toBeGreaterThan(0);
		for (const p of items) {
			expect(p.fromPriceCents).toBeGreaterThanOrEqual(300);
			expect(p.fromPriceCents).toBeLessThanOrEqual(800);
		}
		const [{ count }] = await rows<{ count: number }>(sql`
			select count(*)::int as count from products p join shops s on s.id = p.shop_id
			where p.status = 'active' and s.status = 'active'
			and (select min(price_cents) from variants v where v.product_id = p.id and not v.archived) between 300 and 800`);
		expect(items).toHaveLength(count);
	});

	it('combines filters with the words typed', async () => {
		const { items } = await search({ q: 'fromage', category: 'cremerie-fromages', maxPriceCents: 1500, near: CENTRE, maxKm: 5 });
		expect(items.length).toBeGreaterThan(0);
		for (const p of items) {
			expect(p.category?.slug).toBe('cremerie-fromages');
			expect(p.fromPriceCents).toBeLessThanOrEqual(1500);
		}
	});
});

describe('sorting and paging', () => {
	const near = CENTRE;
	const keyOf: Record<Exclude<SearchSort, 'relevance'>, (p: ProductHit) => number> = {
		price: (p) => p.fromPriceCents,
		unit_price: (p) => p.unitPrice?.cents ?? Infinity,
		distance: (p) => p.distanceKm ?? Infinity
	};

	it.each(['price', 'unit_price', 'distance'] as const)('sorts by %s, lowest first, ties by id', async (sort) => {
		const { items } = await allPages({ sort, near, limit: 100 });
		expect(items).toHaveLength(visibleProducts().length);
		for (let i = 1; i < items.length; i++) {
			const [a, b] = [keyOf[sort](items[i - 1]), keyOf[sort](items[i])];
			expect(a <= b, `${items[i - 1].name} (${a}) before ${items[i].name} (${b})`).toBe(true);
			if (a === b) expect(items[i - 1].id < items[i].id).toBe(true);
		}
		if (sort === 'unit_price') expect(items.at(-1)!.unitPrice).toBeNull();
	});

	it('sorts by relevance: full-text matches first, each ranked above weaker ones', async () => {
		const { items } = await search({ q: 'miel', limit: 100 });
		expect(items.length).toBeGreaterThan(5);
		const withWord = items.map((p) => /miel/i.test(p.name));
		// Names carrying the word come before products that mention it only in their description.
		expect(withWord.indexOf(false) === -1 || withWord.lastIndexOf(true) < withWord.indexOf(false) + 3).toBe(true);
	});

	it.each([
		{ sort: 'relevance' as const },
		{ sort: 'relevance' as const, q: 'miel' },
		{ sort: 'relevance' as const, q: 'pain' },
		{ sort: 'relevance' as const, q: 'fromaje' },
		{ sort: 'price' as const, q: 'fromage' },
		{ sort: 'price' as const },
		{ sort: 'unit_price' as const },
		{ sort: 'distance' as const, near }
	])('pages through %o without overlap or gap', async (params) => {
		const whole = await allPages({ ...params, limit: 100 });
		const paged = await allPages({ ...params, limit: 7 });
		expect(paged.pages.length).toBe(Math.ceil(whole.items.length / 7) || 1);
		for (const page of paged.pages.slice(0, -1)) expect(page).toHaveLength(7);
		const ids = paged.items.map((p) => p.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toEqual(whole.items.map((p) => p.id));
	});

	it('gives no cursor after the last page, even when it is full', async () => {
		const all = await allPages({ shop: 'fromagerie-la-cave-a-meules', limit: 100 });
		const exact = await search({ shop: 'fromagerie-la-cave-a-meules', limit: all.items.length });
		expect(exact.items).toHaveLength(all.items.length);
		expect(exact.nextCursor).toBeNull();
	});

	it('keeps its place when a product is added before the cursor', async () => {
		const first = await search({ sort: 'price', limit: 10 });
		const rest = await allPages({ sort: 'price', limit: 100, cursor: first.nextCursor! });
		const [cheap] = await rows<{ id: string }>(sql`
			insert into products (shop_id, territory_id, slug, name, vat_rate_bps)
			select shop_id, territory_id, 'tres-bon-marche', 'Très bon marché', 550 from products where id = ${first.items[0].id}
			returning id`);
		await database.db.execute(sql`insert into variants (product_id, name, price_cents, stock) values (${cheap.id}, 'Pièce', 1, 5)`);
		try {
			const again = await allPages({ sort: 'price', limit: 100, cursor: first.nextCursor! });
			expect(again.items.map((p) => p.id)).toEqual(rest.items.map((p) => p.id));
			expect((await search({ sort: 'price', limit: 1 })).items[0].id).toBe(cheap.id);
		} finally {
			await database.db.execute(sql`delete from products where id = ${cheap.id}`);
		}
	});

	it('carries whether each shop is open now, in the territory time zone', async () => {
		// Thursday 09:00 in Paris: open are the shops with a Thursday period around 09:00.
		const { items } = await allPages({ limit: 100 });
		const openShops = new Set(
			shops.filter((s) => s.opening_hours.some((p) => p.weekday === 4 && p.opens <= '09:00' && '09:00' < p.closes)).map((s) => s.id)
		);
		expect(openShops.size).toBeGreaterThan(0);
		for (const p of items) expect(p.openNow, p.shop.slug).toBe(openShops.has(p.shop.id));
	});
});

describe('bad input', () => {
	const fieldsOf = async (params: SearchParams) => {
		try {
			await search(params);
		} catch (error) {
			expect(error).toBeInstanceOf(InvalidInputError);
			expect((error as InvalidInputError).status).toBe(400);
			return Object.keys((error as InvalidInputError).fields);
		}
		throw new Error('accepted');
	};

	it('rejects what cannot be honoured, naming the parameter', async () => {
		expect(await fieldsOf({ sort: 'distance' })).toEqual(['sort']);
		expect(await fieldsOf({ maxKm: 3 })).toEqual(['maxKm']);
		expect(await fieldsOf({ minPriceCents: 900, maxPriceCents: 100 })).toEqual(['maxPrice']);
		expect(await fieldsOf({ q: 'x'.repeat(10_000) })).toEqual(['q']);
		expect(await fieldsOf({ cursor: 'not-a-cursor' })).toEqual(['cursor']);
		expect(await fieldsOf({ cursor: 'x'.repeat(5000) })).toEqual(['cursor']);
	});

	it('rejects a cursor of another sort or a forged one', async () => {
		const page = await search({ sort: 'price', limit: 2 });
		expect(await fieldsOf({ sort: 'unit_price', cursor: page.nextCursor! })).toEqual(['cursor']);
		const forged = Buffer.from(JSON.stringify(['price', 'drop', 'x']), 'utf8').toString('base64url');
		expect(await fieldsOf({ sort: 'price', cursor: forged })).toEqual(['cursor']);
	});

	it('words its messages in the language asked for', async () => {
		const message = async (locale: 'fr' | 'en') => {
			try {
				await searchProducts(database.db, territoryId, { sort: 'distance' }, locale);
			} catch (error) {
				return (error as InvalidInputError).fields.sort[0];
			}
		};
		expect(await message('fr')).not.toBe(await message('en'));
	});

	it('round-trips cursors, infinite keys included', () => {
		for (const sort of SEARCH_SORTS) {
			const cursor = { sort, key: sort === 'relevance' ? null : Infinity, id: '00000000-0000-4000-8000-000000000000' };
			expect(decodeSearchCursor(encodeSearchCursor(cursor))).toEqual(cursor);
		}
		const typos = { sort: 'relevance' as const, key: 0.5, id: '00000000-0000-4000-8000-000000000000', typos: true };
		expect(decodeSearchCursor(encodeSearchCursor(typos))).toEqual(typos);
		expect(decodeSearchCursor(encodeSearchCursor({ sort: 'price', key: 0.1 + 0.2, id: '00000000-0000-4000-8000-000000000000' }))?.key).toBe(
			0.1 + 0.2
		);
	});
});

describe('suggestions', () => {
	it('suggests products and shops as one types, names starting with the words first', async () => {
		const found = await suggest(database.db, territoryId, 'from');
		expect(found.length).toBeGreaterThan(2);
		expect(found.length).toBeLessThanOrEqual(8);
		expect(found.some((s) => s.kind === 'shop' && s.label === 'Fromagerie La Cave à Meules')).toBe(true);
		expect(found[0].label.toLowerCase().startsWith('from')).toBe(true);
		for (const s of found) {
			expect(s.url).toMatch(s.kind === 'shop' ? /^\/boutiques\/[a-z0-9-]+$/ : /^\/boutiques\/[a-z0-9-]+\/[a-z0-9-]+$/);
			expect(s.detail === null).toBe(s.kind === 'shop');
		}
	});

	it('folds accents and ligatures, and tolerates typos', async () => {
		expect((await suggest(database.db, territoryId, 'oeu')).map((s) => s.label)).toContain('Œufs frais de la ferme');
		expect((await suggest(database.db, territoryId, 'patisserie')).map((s) => s.label)).toContain('Pâtisserie Les Délices de Léonie');
		expect((await suggest(database.db, territoryId, 'roquefor')).map((s) => s.label)).toContain('Roquefort');
		expect((await suggest(database.db, territoryId, 'fromaje')).length).toBeGreaterThan(0);
	});

	it('needs two characters, respects the limit and takes any text', async () => {
		expect(await suggest(database.db, territoryId, 'p')).toEqual([]);
		expect(await suggest(database.db, territoryId, 'pa', 3)).toHaveLength(3);
		for (const q of ['%%', '__', '\\\\', "';--", 'x'.repeat(5000)])
			expect(Array.isArray(await suggest(database.db, territoryId, q))).toBe(true);
		expect(await suggest(database.db, territoryId, 'xqzwvkj')).toEqual([]);
	});

	it('leaves out pending shops and their products', async () => {
		const found = await suggest(database.db, territoryId, 'chocolaterie', 20);
		expect(found.some((s) => s.label.includes('Fève d')).valueOf()).toBe(false);
	});
});

describe('the short-lived cache of the routes', () => {
	it('answers a repeated search from memory until it expires, and keeps no failure', async () => {
		const cache = createSearchCache({ ttlMs: 200, maxEntries: 2 });
		const first = await cache.products(database.db, territoryId, { q: 'miel', limit: 100 });
		const roquefort = visibleProducts().find((p) => p.name === 'Roquefort')!;
		await database.db.execute(sql`update products set name = 'Miel de Roquefort' where id = ${roquefort.id}`);
		try {
			expect(await cache.products(database.db, territoryId, { q: 'miel', limit: 100 })).toBe(first);
			await new Promise((resolve) => setTimeout(resolve, 250));
			const fresh = await cache.products(database.db, territoryId, { q: 'miel', limit: 100 });
			expect(fresh).not.toBe(first);
			expect(fresh.items.map((p) => p.id)).toContain(roquefort.id);
		} finally {
			await database.db.execute(sql`update products set name = 'Roquefort' where id = ${roquefort.id}`);
		}
		await expect(cache.products(database.db, territoryId, { sort: 'distance' })).rejects.toBeInstanceOf(InvalidInputError);
		await expect(cache.products(database.db, territoryId, { sort: 'distance' })).rejects.toBeInstanceOf(InvalidInputError);
		const suggestions = await cache.suggestions(database.db, territoryId, 'Roq');
		expect(await cache.suggestions(database.db, territoryId, 'roq')).toBe(suggestions);
	});
});

describe('product lists built on the search', () => {
	it('lists a shop’s products as cards', async () => {
		const cards = await listProducts(database.db, territoryId, { shopSlug: 'fromagerie-la-cave-a-meules', limit: 100 });
		expect(cards.length).toBeGreaterThan(5);
		for (const card of cards) {
			expect(card.shop.slug).toBe('fromagerie-la-cave-a-meules');
			expect(Number.isInteger(card.fromPriceCents)).toBe(true);
		}
	});
});
