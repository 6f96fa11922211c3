import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDatabase } from '../../../../tests/setup/db.ts';
import { queryRows, type Database } from '../db/client.ts';
import { seedDemo } from '../db/seed/index.ts';
import { listTraders, rankTraders, type Trader } from './nearby.ts';
import { featuredProducts, localMonth } from '../catalog/seasonal.ts';
import { homeCatalogCache } from '../territories/home.ts';
import { distanceKm } from '../../geo.ts';

// The home page's data over the seeded demo territory, on the engine the suite runs on.
// A Thursday, 09:00 in Paris (winter time).
const NOW = new Date('2026-11-26T08:00:00Z');
const CENTRE = { latitude: 47.39, longitude: 0.98 };

let database: Database;
let territory: { id: string; timezone: string };
let traders: Trader[];

const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database.db, query);

beforeAll(async () => {
	database = await testDatabase();
	await seedDemo(database.db, { now: NOW });
	[territory] = await rows<{ id: string; timezone: string }>(sql`select id, timezone from territories`);
	traders = await listTraders(database.db, territory.id);
});

afterAll(async () => {
	await database?.close();
});

describe('listTraders', () => {
	it('lists every active shop once, with its count of active products', async () => {
		const expected = await rows<{ id: string; n: number }>(sql`
			select s.id, (select count(*)::int from products p where p.shop_id = s.id and p.status = 'active') as n
			from shops s where s.status = 'active'`);
		const shops = traders.filter((t) => t.kind === 'shop');
		expect(shops.map((s) => s.id).sort()).toEqual(expected.map((s) => s.id).sort());
		for (const { id, n } of expected) expect(shops.find((s) => s.id === id)!.productCount).toBe(Number(n));
	});

	it('lists the producers that are not a shop themselves, with the products made by them on sale', async () => {
		const producers = traders.filter((t) => t.kind === 'producer');
		const names = producers.map((p) => p.name);
		expect(names).toContain('GAEC des Trois Chênes');
		expect(names).toContain('Pêcherie Martin, pêcheur de Loire');
		// Farms selling on the platform are shops already.
		for (const shopName of ['Les Jardins de la Varenne', 'Ferme du Bois Joli', 'Le Rucher des Coteaux'])
			expect(names).not.toContain(shopName);
		const [{ n }] = await rows<{ n: number }>(sql`
			select count(*)::int as n from products p join product_producers pp on pp.product_id = p.id and pp.position = 0 join producers pr on pr.id = pp.producer_id join shops s on s.id = p.shop_id
			where pr.slug = 'gaec-des-trois-chenes' and p.status = 'active' and s.status = 'active'`);
		expect(producers.find((p) => p.slug === 'gaec-des-trois-chenes')!.productCount).toBe(Number(n));
		expect(Number(n)).toBeGreaterThan(0);
	});

	it('answers in one query', async () => {
		const execute = vi.spyOn(database.db, 'execute');
		await listTraders(database.db, territory.id);
		expect(execute).toHaveBeenCalledTimes(1);
		execute.mockRestore();
	});
});

describe('rankTraders', () => {
	it('sorts by distance from a point, nearest first, the distance being the great circle', () => {
		const from = { latitude: 47.4115, longitude: 0.9635 };
		const ranked = rankTraders(traders, { from, sortBy: 'distance', timezone: territory.timezone, now: NOW });
		expect(ranked[0].name).toBe('Les Jardins de la Varenne');
		for (let i = 1; i < ranked.length; i++) expect(ranked[i].distanceKm!).toBeGreaterThanOrEqual(ranked[i - 1].distanceKm!);
		const bakery = ranked.find((t) => t.slug === 'boulangerie-au-pain-d-antan')!;
		expect(bakery.distanceKm).toBeCloseTo(distanceKm(from, { latitude: bakery.latitude!, longitude: bakery.longitude! }), 9);
	});

	it('sorts by name, French order, with distances from the centre', () => {
		const ranked = rankTraders(traders, { from: CENTRE, sortBy: 'name', timezone: territory.timezone, now: NOW });
		const names = ranked.map((t) => t.name);
		expect(names).toEqual([...names].sort(new Intl.Collator('fr', { sensitivity: 'base', numeric: true }).compare));
		expect(ranked.every((t) => t.distanceKm !== null)).toBe(true);
	});

	it('puts those without a position last, and has no distance without a reference point', () => {
		const lost: Trader = { ...traders[0], id: 'x', name: 'AAA sans adresse', latitude: null, longitude: null };
		const ranked = rankTraders([lost, ...traders], { from: CENTRE, sortBy: 'distance', timezone: territory.timezone, now: NOW });
		expect(ranked.at(-1)!.name).toBe('AAA sans adresse');
		expect(ranked.at(-1)!.distanceKm).toBeNull();
		expect(
			rankTraders(traders, { from: null, sortBy: 'name', timezone: territory.timezone, now: NOW }).every((t) => t.distanceKm === null)
		).toBe(true);
	});

	it('says which shops are open now on the local clock; null for producers and shops without a counter', () => {
		const at = (now: Date) => rankTraders(traders, { from: null, sortBy: 'name', timezone: territory.timezone, now });
		const bakery = (now: Date) => at(now).find((t) => t.slug === 'boulangerie-au-pain-d-antan')!.openNow;
		expect(bakery(NOW)).toBe(true); // Thursday 09:00 Paris
		expect(bakery(new Date('2026-11-26T12:30:00Z'))).toBe(false); // 13:30, lunch break
		expect(bakery(new Date('2026-11-30T08:00:00Z'))).toBe(false); // a Monday
		// The bakery opens at 07:00 local time: 05:30 UTC is 07:30 in summer (open), 06:30 in winter (not yet).
		expect(bakery(new Date('2026-07-02T05:30:00Z'))).toBe(true);
		expect(bakery(new Date('2026-12-03T05:30:00Z'))).toBe(false);
		expect(at(NOW).find((t) => t.slug === 'ferme-du-bois-joli')!.openNow).toBeNull();
		expect(
			at(NOW)
				.filter((t) => t.kind === 'producer')
				.every((t) => t.openNow === null)
		).toBe(true);
	});
});

describe('featuredProducts', () => {
	it('features products in season this month in the territory, from as many shops as possible, in one query', async () => {
		const month = localMonth(NOW, territory.timezone);
		expect(month).toBe(11);
		const execute = vi.spyOn(database.db, 'execute');
		const featured = await featuredProducts(database.db, territory.id, { month, limit: 8 });
		expect(execute).toHaveBeenCalledTimes(1);
		execute.mockRestore();
		expect(featured.kind).toBe('seasonal');
		expect(featured.items).toHaveLength(8);
		const seasons = await rows<{ id: string; seasonal_months: number[] | null }>(
			sql`select id, seasonal_months from products where id::text = any(string_to_array(${featured.items.map((p) => p.id).join(',')}, ','))`
		);
		for (const product of seasons) expect(product.seasonal_months).toContain(11);
		const [{ shops }] = await rows<{ shops: number }>(sql`
			select count(distinct p.shop_id)::int as shops from products p join shops s on s.id = p.shop_id
			where p.status = 'active' and s.status = 'active' and 11 = any(p.seasonal_months) and not p.sold_out_today`);
		expect(new Set(featured.items.map((p) => p.shop.id)).size).toBe(Math.min(8, Number(shops)));
		for (const card of featured.items) expect(card.fromPriceCents).toBeGreaterThan(0);
	});

	it('falls back on the newest products when none is in season', async () => {
		await database.db.execute(sql`update products set seasonal_months = array[13] where seasonal_months is not null`);
		const featured = await featuredProducts(database.db, territory.id, { month: 11, limit: 4 });
		expect(featured.kind).toBe('recent');
		expect(featured.items).toHaveLength(4);
		const [newest] = await rows<{ id: string }>(sql`
			select p.id from products p join shops s on s.id = p.shop_id
			where p.status = 'active' and s.status = 'active' and not p.sold_out_today order by p.created_at desc, p.id limit 1`);
		expect(featured.items.map((p) => p.id)).toContain(newest.id);
	});
});

describe('homeCatalogCache', () => {
	it('serves repeated visits from memory within its lifetime, and reloads after', async () => {
		const cache = homeCatalogCache(60_000);
		const execute = vi.spyOn(database.db, 'execute');
		const select = vi.spyOn(database.db, 'select');
		const first = await cache.get(database.db, territory, NOW);
		const calls = execute.mock.calls.length + select.mock.calls.length;
		expect(calls).toBe(3);
		await Promise.all(Array.from({ length: 20 }, () => cache.get(database.db, territory, NOW)));
		expect(execute.mock.calls.length + select.mock.calls.length).toBe(calls);
		expect(first.traders.length).toBe(traders.length);
		const expired = homeCatalogCache(0);
		await expired.get(database.db, territory, NOW);
		await expired.get(database.db, territory, NOW);
		expect(execute.mock.calls.length + select.mock.calls.length).toBe(calls + 6);
		execute.mockRestore();
		select.mockRestore();
	});
});
