import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { testDatabase } from '../../../../tests/setup/db.ts';
import type { Database } from '../db/client.ts';
import { hit } from './rate-limit.ts';
import { TooManyRequestsError } from '../errors.ts';

let database: Database;
beforeAll(async () => {
	database = await testDatabase();
});
afterAll(async () => {
	await database.close();
});

describe('rate limit', () => {
	it('lets the maximum through, then refuses with a retry delay', async () => {
		const rule = { max: 3, windowSeconds: 60 };
		const now = new Date('2026-11-26T10:00:10Z');
		for (let i = 0; i < 3; i++) await hit(database.db, 'k1', rule, now);
		const refused = await hit(database.db, 'k1', rule, now).catch((e) => e);
		expect(refused).toBeInstanceOf(TooManyRequestsError);
		expect(refused.retryAfterSeconds).toBe(50);
	});

	it('starts afresh in the next window', async () => {
		const rule = { max: 1, windowSeconds: 60 };
		await hit(database.db, 'k2', rule, new Date('2026-11-26T10:00:00Z'));
		await expect(hit(database.db, 'k2', rule, new Date('2026-11-26T10:00:30Z'))).rejects.toBeInstanceOf(TooManyRequestsError);
		await expect(hit(database.db, 'k2', rule, new Date('2026-11-26T10:01:00Z'))).resolves.toBeUndefined();
	});

	it('counts concurrent hits exactly: only the maximum pass', async () => {
		const rule = { max: 10, windowSeconds: 60 };
		const now = new Date('2026-11-26T11:00:00Z');
		const results = await Promise.allSettled(Array.from({ length: 40 }, () => hit(database.db, 'k3', rule, now)));
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
	});

	it('keeps keys apart', async () => {
		const rule = { max: 1, windowSeconds: 60 };
		const now = new Date('2026-11-26T12:00:00Z');
		await hit(database.db, 'a', rule, now);
		await expect(hit(database.db, 'b', rule, now)).resolves.toBeUndefined();
	});
});
