import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDatabase } from '../../../../tests/setup/db.ts';
import { queryRows, type Database } from '../db/client.ts';
import { seedDemo } from '../db/seed/index.ts';
import { refreshProductFacts } from './facts.ts';
import { countIntermediaries, originDistanceKm } from './rules.ts';

// The SQL that stores each product's facts (earthdistance) agrees with the reference rules, on
// the engine the suite runs on.
let database: Database;
type Row = {
	id: string;
	origin_km: number | null;
	intermediaries: number | null;
	plat: number | null;
	plng: number | null;
	slat: number;
	slng: number;
	seller_is_producer: boolean | null;
	hands: number;
};
const facts = () =>
	queryRows<Row>(
		database.db,
		sql`select p.id, p.origin_km, p.intermediaries, pr.latitude as plat, pr.longitude as plng, s.latitude as slat, s.longitude as slng,
			pr.seller_shop_id = p.shop_id as seller_is_producer,
			(select count(*)::int from supply_chain_steps st where st.product_id = coalesce(ps.source_product_id, p.id) and st.role <> 'producer') as hands
		from products p join shops s on s.id = p.shop_id
		-- A product bought from a producer on the platform follows its source's origin and chain.
		left join product_sources ps on ps.product_id = p.id
		left join product_producers pp on pp.product_id = coalesce(
			(select own.product_id from product_producers own where own.product_id = p.id limit 1), ps.source_product_id) and pp.position = 0
		left join producers pr on pr.id = pp.producer_id`
	);

beforeAll(async () => {
	database = await testDatabase();
	await seedDemo(database.db, { now: new Date('2026-11-26T08:00:00Z') });
});
afterAll(async () => database?.close());

function expectRules(rows: Row[]) {
	for (const row of rows) {
		const origin = row.plat === null ? null : { latitude: row.plat, longitude: row.plng! };
		const reference = originDistanceKm(origin, { latitude: row.slat, longitude: row.slng });
		if (reference === null) expect(row.origin_km).toBeNull();
		else expect(Math.abs(row.origin_km! - reference)).toBeLessThanOrEqual(Math.max(0.2, reference * 0.005));
		const steps = Array.from({ length: row.hands }, () => ({ role: 'wholesaler' as const }));
		expect(row.intermediaries).toBe(
			countIntermediaries({ hasProducer: origin !== null, sellerIsProducer: row.seller_is_producer === true, steps })
		);
	}
}

describe('refreshProductFacts', () => {
	it('stores, for every demo product, the distance and intermediaries the rules give', async () => {
		const rows = await facts();
		expect(rows.filter((r) => r.origin_km !== null).length).toBeGreaterThan(50);
		expect(rows.some((r) => r.intermediaries === 0)).toBe(true);
		expect(rows.some((r) => r.intermediaries === 1)).toBe(true);
		expectRules(rows);
	});

	it('follows a supply-chain step and a producer that moves', async () => {
		const [product] = await queryRows<{ id: string; producer_id: string }>(
			database.db,
			sql`select pp.product_id as id, pp.producer_id from product_producers pp join producers pr on pr.id = pp.producer_id
				where pr.seller_shop_id is null limit 1`
		);
		await database.db.execute(sql`insert into supply_chain_steps (product_id, position, role, name, place)
			values (${product.id}, 0, 'producer', 'La ferme', 'Ici'), (${product.id}, 1, 'wholesaler', 'Grossiste du Centre', 'Tours')`);
		await database.db.execute(sql`update producers set latitude = 45.764, longitude = 4.8357 where id = ${product.producer_id}`);
		await refreshProductFacts(database.db, { productIds: [product.id] });
		const rows = (await facts()).filter((r) => r.id === product.id);
		expect(rows[0].intermediaries).toBe(2);
		expect(rows[0].origin_km).toBeGreaterThan(200);
		expectRules(rows);
	});
});
