import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { TZDate } from '@date-fns/tz';
import { testDatabase } from '../../../../../tests/setup/db.ts';
import type { Database } from '../client.ts';
import { isOpenAt, parseLocalTime } from '../../fulfilment/slots.ts';
import { pickupPointSlotPlan, shopSlotPlan } from '../../fulfilment/slot-plan.ts';
import * as schema from '../schema/index.ts';
import type { OpeningPeriod } from '../schema/shops.ts';
import { DEMO_ADMIN_EMAIL, DEMO_SLOT_DAYS, seedDemo } from './index.ts';
import { isFood, missingFoodInfo } from '../../catalog/food-info.ts';

// A Thursday morning in late November (winter time in Paris).
const NOW = new Date('2026-11-26T08:00:00Z');
const CENTRE = { latitude: 47.39, longitude: 0.98 };
const PARIS = 'Europe/Paris';
const DAY_MS = 24 * 60 * 60 * 1000;
const HORIZON = NOW.getTime() + DEMO_SLOT_DAYS * DAY_MS;
const NON_FOOD = ['florist', 'bookshop'];

type SlotRow = { kind: string; starts_at: string | Date; ends_at: string | Date; capacity: number };

/** Drivers differ: timestamps may come back as text. */
function instants<T extends SlotRow>(rows: T[]): (T & { startsAt: Date; endsAt: Date })[] {
	return rows.map((row) => ({ ...row, startsAt: new Date(row.starts_at), endsAt: new Date(row.ends_at) }));
}

const localDate = (at: Date | number) => new TZDate(typeof at === 'number' ? at : at.getTime(), PARIS).toDateString();

/**
 * The local dates of the 14-day window on which opening hours still have a full slot ahead of NOW:
 * written from the calendar, not from the slot generator, so the test does not trust it.
 */
function expectedDays(hours: OpeningPeriod[], slotMinutes: number): string[] {
	const days: string[] = [];
	const local = new TZDate(NOW.getTime(), PARIS);
	const nowMinutes = local.getHours() * 60 + local.getMinutes();
	for (let offset = 0; offset < DEMO_SLOT_DAYS; offset++) {
		const day = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + offset, 12, 0, PARIS);
		const open = hours.some(
			(period) =>
				period.weekday === day.getDay() &&
				parseLocalTime(period.closes) - parseLocalTime(period.opens) >= slotMinutes &&
				(offset > 0 || parseLocalTime(period.closes) - slotMinutes >= nowMinutes)
		);
		if (open) days.push(day.toDateString());
	}
	return days;
}

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
			`select count(*) filter (where exists (select 1 from product_producers pp where pp.product_id = p.id))::int as linked, count(*)::int as food
			 from products p join shops s on s.id = p.shop_id
			 where s.trade not in ('florist', 'bookshop') and p.vat_rate_bps in (550, 1000)`
		);
		expect(linked / food).toBeGreaterThan(0.4);
		expect(linked / food).toBeLessThan(0.75);
	});

	it('gives at least half of the food products their traceability (a producer, a source or a supply chain)', async () => {
		const [row] = await query<{
			traced: number;
			food: number;
			lots: number;
			chains: number;
			sources: number;
			expired: number;
			long: number;
		}>(
			`select count(*) filter (where exists (select 1 from product_producers pp where pp.product_id = p.id)
					or exists (select 1 from supply_chain_steps st where st.product_id = p.id)
					or exists (select 1 from product_sources ps where ps.product_id = p.id))::int as traced,
				count(*)::int as food,
				(select count(*)::int from lots) as lots,
				(select count(distinct product_id)::int from supply_chain_steps where role in ('cooperative', 'wholesaler')) as chains,
				(select count(*)::int from product_sources) as sources,
				(select count(*)::int from producer_certifications where expires_on < current_date) as expired,
				count(*) filter (where p.intermediaries > 1)::int as long
			 from products p join shops s on s.id = p.shop_id
			 where s.trade not in ('florist', 'bookshop') and p.vat_rate_bps in (550, 1000)`
		);
		expect(row.traced / row.food).toBeGreaterThanOrEqual(0.5);
		expect(row.lots).toBeGreaterThan(10);
		expect(row.chains).toBeGreaterThan(3);
		expect(row.sources).toBe(1);
		expect(row.expired).toBe(1);
		expect(row.long).toBeGreaterThan(0);
		// Every labelled producer has its certificate (number, certifier, expiry).
		const [missing] = await query<{ n: number }>(
			`select count(*)::int as n from producers pr, unnest(pr.labels) as l(label)
			 where not exists (select 1 from producer_certifications c where c.producer_id = pr.id and c.label = l.label
				and c.certificate_number is not null and c.certifier is not null and c.expires_on is not null)`
		);
		expect(missing.n).toBe(0);
	});

	it('uses only the regulated allergens and the known quality labels', async () => {
		const products = await query<{ allergens: string[]; labels: string[]; image_url: string; slug: string }>(
			'select allergens, labels, image_url, slug from products'
		);
		for (const product of products) {
			// 'none' alone is the explicit declaration that the product contains none of them.
			if (product.allergens[0] !== 'none' || product.allergens.length > 1)
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

	it('opens pickup slots at the shops for the next 14 days, none in the past, inside opening hours', async () => {
		const rows = await query<
			SlotRow & { slot_capacity: number; slot_minutes: number; opening_hours: OpeningPeriod[]; status: string; offers_pickup: boolean }
		>(
			`select p.kind, p.starts_at, p.ends_at, p.capacity, s.slot_capacity, s.slot_minutes, s.opening_hours, s.status, s.offers_pickup
			 from slots p join shops s on s.id = p.shop_id where p.kind = 'shop_pickup'`
		);
		const slots = instants(rows);
		expect(slots.length).toBeGreaterThan(0);
		for (const slot of slots) {
			expect(slot.status).toBe('active');
			expect(slot.offers_pickup).toBe(true);
			expect(slot.startsAt.getTime()).toBeGreaterThanOrEqual(NOW.getTime());
			expect(slot.startsAt.getTime()).toBeLessThan(HORIZON);
			expect(slot.endsAt.getTime() - slot.startsAt.getTime()).toBe(slot.slot_minutes * 60_000);
			expect(slot.capacity).toBe(slot.slot_capacity);
			expect(isOpenAt(slot.opening_hours, PARIS, slot.startsAt)).toBe(true);
		}
		expect(new Set(slots.map((slot) => localDate(slot.startsAt))).size).toBe(DEMO_SLOT_DAYS);
		const [{ offering, withSlots, deliveryOnly }] = await query<{ offering: number; withSlots: number; deliveryOnly: number }>(
			`select count(*) filter (where s.offers_pickup)::int as offering,
			        count(*) filter (where exists (select 1 from slots p where p.shop_id = s.id and p.kind = 'shop_pickup'))::int as "withSlots",
			        count(*) filter (where not s.offers_pickup)::int as "deliveryOnly"
			 from shops s where s.status = 'active'`
		);
		expect(withSlots).toBe(offering);
		expect(deliveryOnly).toBeLessThanOrEqual(1);
	});

	it('has shared pickup points in town, each with slots for the next 14 days inside its hours', async () => {
		const points = await query<{
			id: string;
			name: string;
			latitude: number;
			longitude: number;
			postcode: string;
			active: boolean;
			slot_minutes: number;
			slot_capacity: number;
			opening_hours: OpeningPeriod[];
		}>(
			'select id, name, latitude, longitude, postcode, active, slot_minutes, slot_capacity, opening_hours from pickup_points order by slug'
		);
		expect(points.length).toBeGreaterThanOrEqual(2);
		expect(points.map((point) => point.name)).toContain('Mairie de Saint-Aubin — accueil');
		for (const point of points) {
			expect(point.active).toBe(true);
			expect(point.postcode).toBe('37285');
			expect(kilometres(CENTRE, point)).toBeLessThan(1.5);
			expect(point.slot_minutes).toBe(60);
			expect(point.slot_capacity).toBeGreaterThanOrEqual(10);
			expect(point.slot_capacity).toBeLessThanOrEqual(20);
			const slots = instants(
				await query<SlotRow & { shop_id: string | null }>(
					`select kind, shop_id, starts_at, ends_at, capacity from slots where pickup_point_id = '${point.id}'`
				)
			);
			for (const slot of slots) {
				expect(slot).toMatchObject({ kind: 'pickup_point', shop_id: null, capacity: point.slot_capacity });
				expect(slot.startsAt.getTime()).toBeGreaterThanOrEqual(NOW.getTime());
				expect(slot.startsAt.getTime()).toBeLessThan(HORIZON);
				expect(slot.endsAt.getTime() - slot.startsAt.getTime()).toBe(60 * 60_000);
				expect(isOpenAt(point.opening_hours, PARIS, slot.startsAt)).toBe(true);
				// The slot ends inside the same opening period (closing time included).
				expect(isOpenAt(point.opening_hours, PARIS, new Date(slot.endsAt.getTime() - 60_000))).toBe(true);
			}
			const days = [...new Set(slots.map((slot) => localDate(slot.startsAt)))];
			expect(days.sort()).toEqual(expectedDays(point.opening_hours, 60).sort());
		}
	});

	it('gives nearly every demo food product the food information a buyer must see (INCO)', async () => {
		const rows = await query<{
			id: string;
			name: string;
			ingredients: string | null;
			allergens: string[];
			storage: string | null;
			origin: string | null;
			unit: string;
			category_slug: string | null;
			trade: string;
			net_quantity: string | number | null;
		}>(
			`select p.id, p.name, p.ingredients, p.allergens, p.storage, p.origin, p.unit, c.slug as category_slug, s.trade, v.net_quantity
			 from products p join shops s on s.id = p.shop_id left join categories c on c.id = p.category_id
			 join variants v on v.product_id = p.id and not v.archived where p.status = 'active'`
		);
		const byProduct = new Map<string, (typeof rows)[number] & { variants: { netQuantity: number | null }[] }>();
		for (const row of rows) {
			const product = byProduct.get(row.id) ?? { ...row, variants: [] };
			product.variants.push({ netQuantity: row.net_quantity === null ? null : Number(row.net_quantity) });
			byProduct.set(row.id, product);
		}
		const food = [...byProduct.values()].map((p) => ({ ...p, categorySlug: p.category_slug })).filter((p) => isFood(p));
		const incomplete = food.filter((p) => missingFoodInfo(p).length > 0);
		expect(food.length).toBeGreaterThan(250);
		const names = incomplete.map((p) => `${p.name}: ${missingFoodInfo(p).join(', ')}`);
		expect(incomplete.length / food.length, names.join('; ')).toBeLessThanOrEqual(0.05);
	});

	it('links most food shops to one or two pickup points', async () => {
		const shops = await query<{ trade: string; status: string; points: number }>(
			`select s.trade, s.status, count(l.pickup_point_id)::int as points
			 from shops s left join shop_pickup_points l on l.shop_id = s.id
			 left join pickup_points p on p.id = l.pickup_point_id and p.territory_id = s.territory_id
			 group by s.id`
		);
		for (const shop of shops) expect(shop.points).toBeLessThanOrEqual(2);
		const food = shops.filter((shop) => shop.status === 'active' && !NON_FOOD.includes(shop.trade));
		const linked = food.filter((shop) => shop.points > 0);
		expect(linked.length / food.length).toBeGreaterThan(0.6);
		const [{ strays }] = await query<{ strays: number }>(
			`select count(*)::int as strays from shop_pickup_points l join shops s on s.id = l.shop_id
			 join pickup_points p on p.id = l.pickup_point_id where p.territory_id <> s.territory_id`
		);
		expect(strays).toBe(0);
		// Every point serves at least one active shop.
		const [{ unused }] = await query<{ unused: number }>(
			`select count(*)::int as unused from pickup_points p where not exists (
			   select 1 from shop_pickup_points l join shops s on s.id = l.shop_id where l.pickup_point_id = p.id and s.status = 'active')`
		);
		expect(unused).toBe(0);
	});

	it('lets a few shops deliver in their zones, in one-hour windows inside their delivery hours', async () => {
		const zones = await query<{
			shop_id: string;
			postcodes: string[];
			radius_km: number | null;
			fee_cents: number;
			min_order_cents: number;
		}>('select shop_id, postcodes, radius_km, fee_cents, min_order_cents from delivery_zones');
		for (const zone of zones) {
			// A zone is a list of postcodes or a radius, not both.
			expect(zone.postcodes.length > 0).toBe(zone.radius_km === null);
			for (const postcode of zone.postcodes) expect(postcode).toMatch(/^37\d{3}$/);
			expect(zone.fee_cents).toBeGreaterThanOrEqual(250);
			expect(zone.fee_cents).toBeLessThanOrEqual(500);
			expect(zone.min_order_cents).toBeGreaterThanOrEqual(2000);
			expect(zone.min_order_cents).toBeLessThanOrEqual(4000);
		}
		expect(zones.some((zone) => zone.radius_km !== null)).toBe(true);
		expect(zones.some((zone) => zone.postcodes.includes('37285'))).toBe(true);
		expect(new Set(zones.flatMap((zone) => zone.postcodes)).size).toBeGreaterThanOrEqual(3);

		const shops = await query<{ id: string; trade: string; status: string; delivery_hours: OpeningPeriod[]; delivery_capacity: number }>(
			'select id, trade, status, delivery_hours, delivery_capacity from shops'
		);
		const delivering = shops.filter((shop) => zones.some((zone) => zone.shop_id === shop.id));
		expect(delivering.length).toBeGreaterThanOrEqual(4);
		expect(delivering.length).toBeLessThanOrEqual(6);
		expect(delivering.map((shop) => shop.trade)).toEqual(expect.arrayContaining(['greengrocer', 'butcher', 'wine_shop', 'florist']));
		const slots = instants(
			await query<SlotRow & { shop_id: string; pickup_point_id: string | null }>(
				`select kind, shop_id, pickup_point_id, starts_at, ends_at, capacity from slots where kind = 'delivery'`
			)
		);
		for (const shop of shops) {
			const own = slots.filter((slot) => slot.shop_id === shop.id);
			if (!delivering.includes(shop)) {
				expect(own).toEqual([]);
				continue;
			}
			expect(shop.status).toBe('active');
			expect(shop.delivery_capacity).toBeGreaterThanOrEqual(3);
			expect(shop.delivery_capacity).toBeLessThanOrEqual(6);
			expect(own.length).toBeGreaterThan(0);
			for (const slot of own) {
				expect(slot.pickup_point_id).toBeNull();
				expect(slot.capacity).toBe(shop.delivery_capacity);
				expect(slot.startsAt.getTime()).toBeGreaterThanOrEqual(NOW.getTime());
				expect(slot.startsAt.getTime()).toBeLessThan(HORIZON);
				expect(slot.endsAt.getTime() - slot.startsAt.getTime()).toBe(60 * 60_000);
				expect(isOpenAt(shop.delivery_hours, PARIS, slot.startsAt)).toBe(true);
				expect(isOpenAt(shop.delivery_hours, PARIS, new Date(slot.endsAt.getTime() - 60_000))).toBe(true);
			}
			expect([...new Set(own.map((slot) => localDate(slot.startsAt)))].sort()).toEqual(expectedDays(shop.delivery_hours, 60).sort());
		}
		// A shop without pickup at the shop delivers.
		const [{ stranded }] = await query<{ stranded: number }>(
			`select count(*)::int as stranded from shops s where not s.offers_pickup and not exists (select 1 from delivery_zones z where z.shop_id = s.id)`
		);
		expect(stranded).toBe(0);
	});

	it('gives every slot the owner its kind requires, and all three kinds', async () => {
		const kinds = await query<{ kind: string; n: number; wrong: number }>(
			`select kind::text, count(*)::int as n,
			        count(*) filter (where case when kind = 'pickup_point' then pickup_point_id is null or shop_id is not null
			                                    else shop_id is null or pickup_point_id is not null end)::int as wrong
			 from slots group by kind order by kind`
		);
		expect(kinds.map((kind) => kind.kind)).toEqual(['delivery', 'pickup_point', 'shop_pickup']);
		for (const kind of kinds) {
			expect(kind.n).toBeGreaterThan(0);
			expect(kind.wrong).toBe(0);
		}
		const [{ reserved }] = await query<{ reserved: number }>('select count(*)::int as reserved from slots where reserved <> 0');
		expect(reserved).toBe(0);
	});

	it('sets minimum orders and each shop’s own terms of sale', async () => {
		const shops = await query<{
			name: string;
			legal_name: string;
			siret: string;
			min_order_cents: number;
			offers_pickup: boolean;
			terms_of_sale: string;
			delivers: boolean;
			trade: string;
		}>(
			`select s.name, s.legal_name, s.siret, s.min_order_cents, s.offers_pickup, s.terms_of_sale, s.trade,
			        exists (select 1 from delivery_zones z where z.shop_id = s.id) as delivers
			 from shops s`
		);
		const withMinimum = shops.filter((shop) => shop.min_order_cents > 0);
		expect(withMinimum.length).toBeGreaterThanOrEqual(2);
		expect(withMinimum.length).toBeLessThan(shops.length / 3);
		for (const shop of withMinimum) {
			expect(shop.min_order_cents).toBeGreaterThanOrEqual(1000);
			expect(shop.min_order_cents).toBeLessThanOrEqual(1500);
		}
		for (const shop of shops) {
			const terms = shop.terms_of_sale;
			expect(terms).toMatch(/^# Conditions générales de vente — /);
			expect(terms).toContain(shop.legal_name);
			expect(terms).toContain(`SIRET ${shop.siret}`);
			expect(terms).toContain('L221-28');
			expect(terms).toContain('au retrait ou à la livraison');
			expect(terms.includes('Retrait à la boutique')).toBe(shop.offers_pickup);
			expect(terms.includes('Livraison par nos soins')).toBe(shop.delivers);
			expect(terms.includes('14 jours')).toBe(['wine_shop', 'bookshop', 'grocery', 'beekeeper', 'chocolatier'].includes(shop.trade));
		}
		expect(new Set(shops.map((shop) => shop.terms_of_sale)).size).toBe(shops.length);
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
			const fulfilment = (on: Database) =>
				query(
					`select (select json_agg(json_build_object('id', id, 'kind', kind, 'shop', shop_id, 'point', pickup_point_id, 'at', starts_at) order by id) from slots) as slots,
					        (select json_agg(json_build_object('id', id, 'shop', shop_id, 'postcodes', postcodes, 'fee', fee_cents) order by id) from delivery_zones) as zones,
					        (select json_agg(json_build_object('shop', shop_id, 'point', pickup_point_id) order by shop_id, pickup_point_id) from shop_pickup_points) as links,
					        (select json_agg(json_build_object('id', id, 'terms', terms_of_sale) order by id) from shops) as shops`,
					on
				);
			expect(await fulfilment(other)).toEqual(await fulfilment(database));
		} finally {
			await other.close();
		}
	});

	it('is topped up a day later by the same slot plan, adding only the new day and keeping reservations', async () => {
		const { db } = database;
		await db.execute(sql.raw(`update slots set reserved = 1 where id = (select id from slots order by starts_at, id limit 1)`));
		const tomorrow = new Date(NOW.getTime() + DAY_MS);
		const window = { timezone: PARIS, from: tomorrow, days: DEMO_SLOT_DAYS };
		const [shops, zones, points] = await Promise.all([
			db
				.select()
				.from(schema.shops)
				.where(sql`${schema.shops.status} = 'active'`),
			db.select({ shopId: schema.deliveryZones.shopId }).from(schema.deliveryZones),
			db
				.select()
				.from(schema.pickupPoints)
				.where(sql`${schema.pickupPoints.active}`)
		]);
		const planned = [
			...points.flatMap((point) => pickupPointSlotPlan(point, window)),
			...shops.flatMap((shop) =>
				shopSlotPlan(
					shop,
					zones.some((zone) => zone.shopId === shop.id),
					window
				)
			)
		];
		const before = await query<{ n: number }>('select count(*)::int as n from slots');
		const added = await db.insert(schema.slots).values(planned).onConflictDoNothing().returning({ startsAt: schema.slots.startsAt });
		expect(added.length).toBeGreaterThan(0);
		// Only the 15th day is new: the window moved by one day.
		const newDay = localDate(NOW.getTime() + DEMO_SLOT_DAYS * DAY_MS);
		expect(new Set(added.map((slot) => localDate(slot.startsAt)))).toEqual(new Set([newDay]));
		const [{ n }] = await query<{ n: number }>('select count(*)::int as n from slots');
		expect(n).toBe(before[0].n + added.length);
		const [{ kept }] = await query<{ kept: number }>('select count(*)::int as kept from slots where reserved = 1');
		expect(kept).toBe(1);
		// Again: nothing more.
		expect(await db.insert(schema.slots).values(planned).onConflictDoNothing().returning({ id: schema.slots.id })).toEqual([]);
	});
});
