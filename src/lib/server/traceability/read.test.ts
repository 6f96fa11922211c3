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
		expect(await lotTraceability(database.db, territoryId, '00000000-0000-4000-8000-000000000000')).toBeNull();
	});
});
