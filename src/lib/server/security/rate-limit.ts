import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.ts';
import { TooManyRequestsError } from '../errors.ts';

export type RateRule = { max: number; windowSeconds: number };

/** Limits of the sensitive actions, one place. */
export const rateRules = {
	signIn: { max: 10, windowSeconds: 300 },
	signUp: { max: 10, windowSeconds: 3600 },
	magicLink: { max: 5, windowSeconds: 900 },
	passwordReset: { max: 5, windowSeconds: 900 },
	checkout: { max: 30, windowSeconds: 60 }
} satisfies Record<string, RateRule>;

/**
 * Counts one hit on `key` and throws TooManyRequestsError past the rule's maximum.
 * One atomic upsert on a fixed window, in the database, so the limit holds across app nodes
 * and concurrent requests. (Rate-limit libraries we looked at need Redis or a pg Pool, not PGlite.)
 */
export async function hit(db: Db, key: string, rule: RateRule, now = new Date()): Promise<void> {
	const windowStart = new Date(Math.floor(now.getTime() / (rule.windowSeconds * 1000)) * rule.windowSeconds * 1000);
	const rows = await queryRows<{ count: number }>(
		db,
		sql`
		insert into rate_limit_hits (key, window_start, count) values (${key}, ${windowStart.toISOString()}, 1)
		on conflict (key) do update set
			count = case when rate_limit_hits.window_start = excluded.window_start then rate_limit_hits.count + 1 else 1 end,
			window_start = excluded.window_start
		returning count`
	);
	const count = Number(rows[0]?.count ?? 0);
	if (count > rule.max) {
		const retry = Math.ceil((windowStart.getTime() + rule.windowSeconds * 1000 - now.getTime()) / 1000);
		throw new TooManyRequestsError(Math.max(1, retry));
	}
}

/**
 * Throws TooManyRequestsError when `key` already has the rule's maximum in the current window,
 * without counting a hit: for limits that count failures only (see `signIn`).
 */
export async function refuseIfLimited(db: Db, key: string, rule: RateRule, now = new Date()): Promise<void> {
	const windowStart = new Date(Math.floor(now.getTime() / (rule.windowSeconds * 1000)) * rule.windowSeconds * 1000);
	const rows = await queryRows<{ count: number }>(
		db,
		sql`select count from rate_limit_hits where key = ${key} and window_start = ${windowStart.toISOString()}`
	);
	if (Number(rows[0]?.count ?? 0) >= rule.max) {
		const retry = Math.ceil((windowStart.getTime() + rule.windowSeconds * 1000 - now.getTime()) / 1000);
		throw new TooManyRequestsError(Math.max(1, retry));
	}
}
