import { eq, or } from 'drizzle-orm';
import { territories } from '../db/schema/index.ts';
import type { Db } from '../db/client.ts';

export type Territory = typeof territories.$inferSelect;

/**
 * The territory a request belongs to: the one whose `host` matches the request's host name,
 * else the default territory. Returns null before the first-run setup.
 */
export async function findTerritoryForHost(db: Db, host: string): Promise<Territory | null> {
	const hostname = host.split(':')[0].toLowerCase();
	const rows = await db
		.select()
		.from(territories)
		.where(or(eq(territories.host, hostname), eq(territories.isDefault, true)));
	return rows.find((t) => t.host === hostname) ?? rows.find((t) => t.isDefault) ?? null;
}

/**
 * A short in-memory cache, so a page view does not cost a territory query. Several app nodes
 * each keep their own; an operator's change shows within `ttlMs` everywhere.
 */
export function territoryCache(db: Db, ttlMs = 10_000) {
	const cache = new Map<string, { at: number; value: Territory | null }>();
	return {
		async get(host: string): Promise<Territory | null> {
			const hit = cache.get(host);
			if (hit && Date.now() - hit.at < ttlMs && hit.value) return hit.value;
			const value = await findTerritoryForHost(db, host);
			cache.set(host, { at: Date.now(), value });
			return value;
		},
		clear: () => cache.clear()
	};
}
