import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDatabase } from '../../../../tests/setup/db.ts';
import { queryRows, type Database } from '../db/client.ts';
import { seedDemo } from '../db/seed/index.ts';
import { lotTraceability, producerProfile, productTraceability } from './read.ts';

let database: Database;
let territoryId: string;
beforeAll(async () => {
	database = await testDatabase();
	await seedDemo(database.db, { now: new Date('2026-11-26T08:00:00Z') });
	[{ id: territoryId }] = await queryRows<{ id: string }>(database.db, sql`select id from territories limit 1`);
});
afterAll(async () => database?.close());

describe('productTraceability', () => {
	it('returns producers, chain, lots and facts of a product; null for an unknown id or another territory', async () => {
		const [row] = await queryRows<{ id: string }>(
			database.db,
			sql`select pp.product_id as id from product_producers pp where pp.position = 0 limit 1`
		);
		const trace = await productTraceability(database.db, territoryId, row.id);
		expect(trace?.producers.length).toBeGreaterThan(0);
		expect(trace?.facts).toHaveProperty('isShortCircuit');
		expect(await productTraceability(database.db, territoryId, 'nope')).toBeNull();
		expect(await productTraceability(database.db, '00000000-0000-4000-8000-000000000000', row.id)).toBeNull();
		const producer = await producerProfile(database.db, territoryId, trace!.producers[0].slug);
		expect(producer?.id).toBe(trace!.producers[0].id);
		expect(await lotTraceability(database.db, territoryId, { lotId: '00000000-0000-4000-8000-000000000000' })).toBeNull();
	});

	it('reads a demo lot with its product, and a demo product bought from a producer-shop through its source', async () => {
		const [lot] = await queryRows<{ id: string; code: string; product_id: string }>(
			database.db,
			sql`select id, code, product_id from lots limit 1`
		);
		const read = await lotTraceability(database.db, territoryId, { lotId: lot.id });
		expect(read?.lot.code).toBe(lot.code);
		expect(read?.product.productId).toBe(lot.product_id);
		expect(read?.product.lots.some((l) => l.id === lot.id)).toBe(true);
		const byCode = await lotTraceability(database.db, territoryId, { productId: lot.product_id, code: lot.code });
		expect(byCode?.lot.id).toBe(lot.id);
		expect(await lotTraceability(database.db, territoryId, { productId: lot.product_id, code: 'NOPE' })).toBeNull();
		const [sourced] = await queryRows<{ id: string; source: string }>(
			database.db,
			sql`select product_id as id, source_product_id as source from product_sources limit 1`
		);
		const trace = await productTraceability(database.db, territoryId, sourced.id);
		const source = await productTraceability(database.db, territoryId, sourced.source);
		expect(trace?.source?.productId).toBe(sourced.source);
		expect(trace?.producers.map((p) => p.id)).toEqual(source?.producers.map((p) => p.id));
		expect(trace?.producers[0].sellerShop?.id).toBe(source?.shopId);
		expect(trace?.facts.originKm).not.toBeNull();
		// A certificate of the demo: number, certifier, expiry.
		const certified = (await productTraceability(database.db, territoryId, lot.product_id))!.producers.flatMap((p) => p.certifications);
		for (const c of certified) expect(c.certificateNumber && c.certifier && c.expiresOn).toBeTruthy();
	});
});
