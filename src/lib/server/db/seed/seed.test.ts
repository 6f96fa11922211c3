import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { TZDate } from '@date-fns/tz';
import { testDatabase } from '../../../../../tests/setup/db.ts';
import type { Database } from '../client.ts';
import { isOpenAt } from '../../fulfilment/slots.ts';
import type { OpeningPeriod } from '../schema/shops.ts';
import { DEMO_ADMIN_EMAIL, DEMO_SLOT_DAYS, seedDemo } from './index.ts';

// A Thursday morning in late November (winter time in Paris).
const NOW = new Date('2026-11-26T08:00:00Z');
const CENTRE = { latitude: 47.39, longitude: 0.98 };

const ALLERGENS = [
	'gluten',
	'crustaceans',
	'eggs',
	'fish',
	'peanuts',
	'soybeans',
	'milk',
	'nuts',
	'celery',
	'mustard',
	'sesame',
	'sulphites',
	'lupin',
	'molluscs'
];
const LABELS = ['ab', 'label_rouge', 'aop', 'igp', 'nature_progres', 'hve'];

/** The Luhn checksum, written again here so the test does not trust the seed's own helper. */
function passesLuhn(digits: string): boolean {
	let sum = 0;
	[...digits].reverse().forEach((char, index) => {
		let digit = Number(char);
		if (index % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
		sum += digit;
	});
	return sum % 10 === 0;
}

function kilometres(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
	const rad = Math.PI / 180;
	const h =
		Math.sin(((b.latitude - a.latitude) * rad) / 2) ** 2 +
		Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(((b.longitude - a.longitude) * rad) / 2) ** 2;
	return 2 * 6371 * Math.asin(Math.sqrt(h));
}

let database: Database;

/** Plain SQL on either engine (PGlite or PostgreSQL). */
async function query<T>(text: string, on: Database = database): Promise<T[]> {
	// Both drivers answer with a result carrying `rows`; the shared Db type does not say so.
	const result = (await on.db.execute(sql.raw(text))) as unknown as { rows: T[] };
	return result.rows;
}

beforeAll(async () => {
	database = await testDatabase();
	const started = performance.now();
	await seedDemo(database.db, { now: NOW });
	console.info(`Demo territory seeded in ${Math.round(performance.now() - started)} ms`);
});

afterAll(async () => {
	await database?.close();
});

describe('the demo territory', () => {
	it('is the default territory, Saint-Aubin-sur-Loire, in Paris time', async () => {
		const [territory] = await query<{ slug: string; name: string; is_default: boolean; timezone: string; legal: Record<string, string> }>(
			'select slug, name, is_default, timezone, legal from territories'
		);
		expect(territory).toMatchObject({ slug: 'saint-aubin', name: 'Saint-Aubin-sur-Loire', is_default: true, timezone: 'Europe/Paris' });
		expect(Object.keys(territory.legal).sort()).toEqual(['notice', 'privacy', 'terms']);
		const [{ count }] = await query<{ count: number }>('select count(*)::int as count from categories');
		expect(count).toBeGreaterThanOrEqual(12);
	});

	it('has at least 12 active shops of at least 10 different trades, and one waiting for approval', async () => {
		const shops = await query<{ trade: string; status: string }>('select trade, status from shops');
		const active = shops.filter((shop) => shop.status === 'active');
		expect(active.length).toBeGreaterThanOrEqual(12);
		expect(new Set(active.map((shop) => shop.trade)).size).toBeGreaterThanOrEqual(10);
		expect(shops.filter((shop) => shop.status === 'pending')).toHaveLength(1);
	});

	it('gives every shop a SIRET that passes the Luhn check and the VAT number of its SIREN', async () => {
		const shops = await query<{ siret: string; vat_number: string }>('select siret, vat_number from shops');
		for (const { siret, vat_number } of shops) {
			expect(siret).toMatch(/^\d{14}$/);
			expect(passesLuhn(siret)).toBe(true);
			const siren = siret.slice(0, 9);
			expect(passesLuhn(siren)).toBe(true);
			const key = (12 + 3 * (Number(siren) % 97)) % 97;
			expect(vat_number).toBe(`FR${String(key).padStart(2, '0')}${siren}`);
		}
	});

	it('places shops in town and external producers 5 to 40 km away', async () => {
		const shops = await query<{ latitude: number; longitude: number }>('select latitude, longitude from shops');
		for (const shop of shops) expect(kilometres(CENTRE, shop)).toBeLessThan(3.5);
		const producers = await query<{ latitude: number; longitude: number; sells_itself: boolean }>(
			`select p.latitude, p.longitude, exists (select 1 from shops s where s.id = p.shop_id and s.latitude = p.latitude) as sells_itself
			 from producers p`
		);
		expect(producers.length).toBeGreaterThanOrEqual(4);
		const external = producers.filter((producer) => !producer.sells_itself);
		expect(external.length).toBeGreaterThanOrEqual(4);
		for (const producer of external) {
			expect(kilometres(CENTRE, producer)).toBeGreaterThanOrEqual(5);
			expect(kilometres(CENTRE, producer)).toBeLessThanOrEqual(40);
		}
	});

	it('has at least 300 active products in active shops, each with 1 to 3 variants', async () => {
		const [{ count }] = await query<{ count: number }>(
			`select count(*)::int as count from products p join shops s on s.id = p.shop_id where p.status = 'active' and s.status = 'active'`
		);
		expect(count).toBeGreaterThanOrEqual(300);
		const variantCounts = await query<{ n: number }>(
			'select count(v.id)::int as n from products p left join variants v on v.product_id = p.id group by p.id'
		);
		for (const { n } of variantCounts) expect(n === 1 || n === 2 || n === 3).toBe(true);
	});

	it('links about half of the food products to a producer', async () => {
		const [{ linked, food }] = await query<{ linked: number; food: number }>(
			`select count(*) filter (where p.producer_id is not null)::int as linked, count(*)::int as food
			 from products p join shops s on s.id = p.shop_id
			 where s.trade not in ('florist', 'bookshop') and p.vat_rate_bps in (550, 1000)`
		);
		expect(linked / food).toBeGreaterThan(0.4);
		expect(linked / food).toBeLessThan(0.75);
	});

	it('uses only the regulated allergens and the known quality labels', async () => {
		const products = await query<{ allergens: string[]; labels: string[]; image_url: string; slug: string }>(
			'select allergens, labels, image_url, slug from products'
		);
		for (const product of products) {
			for (const allergen of product.allergens) expect(ALLERGENS).toContain(allergen);
			for (const label of product.labels) expect(LABELS).toContain(label);
			expect(product.image_url).toMatch(new RegExp(`^/illustrations/[a-z]+/${product.slug}\\.svg$`));
		}
	});

	it('states a net quantity and unit together, for the unit price', async () => {
		const [{ count }] = await query<{ count: number }>(
			'select count(*)::int as count from variants where (net_quantity is null) <> (net_unit is null) or price_cents <= 0'
		);
		expect(count).toBe(0);
	});

	it('keeps every tracked stock equal to the sum of its stock movements', async () => {
		const mismatches = await query<{ id: string }>(
			`select v.id from variants v left join stock_movements m on m.variant_id = v.id
			 group by v.id, v.stock, v.stock_mode
			 having (v.stock_mode = 'tracked' and v.stock <> coalesce(sum(m.delta), 0))
			     or (v.stock_mode <> 'tracked' and count(m.id) > 0)`
		);
		expect(mismatches).toEqual([]);
		const modes = await query<{ stock_mode: string; n: number; min: number; max: number; lead: number | null }>(
			`select stock_mode, count(*)::int as n, min(stock)::float8 as min, max(stock)::float8 as max, min(lead_days) as lead from variants group by stock_mode`
		);
		const byMode = Object.fromEntries(modes.map((mode) => [mode.stock_mode, mode]));
		expect(byMode.tracked.n).toBeGreaterThan(byMode.unlimited.n + byMode.on_order.n);
		expect(byMode.tracked.min).toBeGreaterThanOrEqual(5);
		expect(byMode.tracked.max).toBeLessThanOrEqual(60);
		expect(byMode.on_order.lead).toBeGreaterThanOrEqual(1);
	});

	it('opens pickup slots for the next 14 days, none in the past, inside opening hours', async () => {
		const rows = await query<{
			starts_at: string | Date;
			capacity: number;
			slot_capacity: number;
			opening_hours: OpeningPeriod[];
			status: string;
		}>(`select p.starts_at, p.capacity, s.slot_capacity, s.opening_hours, s.status from slots p join shops s on s.id = p.shop_id`);
		// Drivers differ: timestamps may come back as text.
		const slots = rows.map((row) => ({ ...row, starts_at: new Date(row.starts_at) }));
		expect(slots.length).toBeGreaterThan(0);
		expect(slots.every((slot) => slot.status === 'active')).toBe(true);
		const horizon = NOW.getTime() + DEMO_SLOT_DAYS * 24 * 60 * 60 * 1000;
		for (const slot of slots) {
			expect(slot.starts_at.getTime()).toBeGreaterThanOrEqual(NOW.getTime());
			expect(slot.starts_at.getTime()).toBeLessThan(horizon);
			expect(slot.capacity).toBe(slot.slot_capacity);
			expect(isOpenAt(slot.opening_hours, 'Europe/Paris', slot.starts_at)).toBe(true);
		}
		const localDays = new Set(slots.map((slot) => new TZDate(slot.starts_at.getTime(), 'Europe/Paris').toDateString()));
		expect(localDays.size).toBe(DEMO_SLOT_DAYS);
		const [{ active, withSlots }] = await query<{ active: number; withSlots: number }>(
			`select count(*)::int as active, count(*) filter (where exists (select 1 from slots p where p.shop_id = s.id))::int as "withSlots"
			 from shops s where s.status = 'active'`
		);
		expect(withSlots).toBe(active);
	});

	it('creates the demo accounts with their roles', async () => {
		const members = await query<{ email: string; role: string | null; shop: string | null; territory: boolean; provider: string }>(
			`select u.email, m.role, s.slug as shop, m.territory_id is not null as territory, a.provider_id as provider
			 from "user" u join account a on a.user_id = u.id left join memberships m on m.user_id = u.id left join shops s on s.id = m.shop_id`
		);
		const find = (email: string) => members.find((member) => member.email === email);
		expect(find('operateur@saint-aubin.demo')).toMatchObject({ role: 'operator', territory: true });
		expect(find('boulangerie@saint-aubin.demo')).toMatchObject({ role: 'shop_owner', shop: 'boulangerie-au-pain-d-antan' });
		expect(find('fromagerie-la-cave-a-meules@saint-aubin.demo')).toMatchObject({ role: 'shop_owner', shop: 'fromagerie-la-cave-a-meules' });
		expect(find(DEMO_ADMIN_EMAIL)).toMatchObject({ role: 'platform_admin', territory: false });
		expect(find('client@saint-aubin.demo')).toMatchObject({ role: null });
		expect(members.every((member) => member.provider === 'credential')).toBe(true);
		const [{ owners, shops }] = await query<{ owners: number; shops: number }>(
			`select (select count(*)::int from memberships where role = 'shop_owner') as owners, (select count(*)::int from shops) as shops`
		);
		expect(owners).toBe(shops);
	});

	it('does nothing the second time and still returns the logins', async () => {
		const counts = () =>
			query<Record<string, number>>(
				`select (select count(*)::int from territories) t, (select count(*)::int from shops) s, (select count(*)::int from products) p,
				        (select count(*)::int from variants) v, (select count(*)::int from slots) ps, (select count(*)::int from "user") u`
			);
		const before = await counts();
		const logins = await seedDemo(database.db, { now: new Date(NOW.getTime() + 86_400_000) });
		expect(await counts()).toEqual(before);
		expect(logins).toEqual({
			password: 'echoppe-demo-2026',
			operator: 'operateur@saint-aubin.demo',
			merchant: 'boulangerie@saint-aubin.demo',
			consumer: 'client@saint-aubin.demo'
		});
	});

	it('gives the same data on another fresh database', async () => {
		const other = await testDatabase();
		try {
			await seedDemo(other.db, { now: NOW });
			const snapshot = (on: Database) =>
				query(
					`select v.id, v.sku, v.stock, v.price_cents, p.slug from variants v join products p on p.id = v.product_id order by v.id`,
					on
				);
			expect(await snapshot(other)).toEqual(await snapshot(database));
		} finally {
			await other.close();
		}
	});
});
