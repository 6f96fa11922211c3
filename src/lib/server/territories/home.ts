import type { Db } from '../db/client.ts';
import { listTraders, type Trader } from '../shops/nearby.ts';
import { featuredProducts, localMonth, type FeaturedProducts } from '../catalog/seasonal.ts';
import { listCategories } from '../catalog/queries.ts';

/**
 * What a territory's home page shows to every visitor alike: its shops and producers, the
 * products of the season, the categories. Three queries, run together; the per-visitor part
 * (distances, order, "open now") is computed from it on each request.
 */
export type HomeCatalog = {
	traders: Trader[];
	featured: FeaturedProducts;
	categories: { id: string; slug: string; name: string }[];
};

export async function loadHomeCatalog(db: Db, territory: { id: string; timezone: string }, now: Date): Promise<HomeCatalog> {
	const [traders, featured, categories] = await Promise.all([
		listTraders(db, territory.id),
		featuredProducts(db, territory.id, { month: localMonth(now, territory.timezone), limit: 8 }),
		listCategories(db, territory.id)
	]);
	return { traders, featured, categories };
}

/**
 * The home page is the most visited page: its shared part is kept for a few seconds per
 * territory (and per month of the season), in each app node, so a burst of visitors costs one
 * round of queries, not one per visitor. A merchant's change shows within `ttlMs`. Concurrent
 * requests on a miss share the same load; a failed load is not kept.
 */
export function homeCatalogCache(ttlMs = 15_000) {
	const byDb = new WeakMap<Db, Map<string, { at: number; value: Promise<HomeCatalog> }>>();
	return {
		get(db: Db, territory: { id: string; timezone: string }, now = new Date()): Promise<HomeCatalog> {
			let entries = byDb.get(db);
			if (!entries) byDb.set(db, (entries = new Map()));
			const key = `${territory.id}:${territory.timezone}:${monthOf(now, territory.timezone)}`;
			const hit = entries.get(key);
			if (hit && Date.now() - hit.at < ttlMs) return hit.value;
			for (const [other, entry] of entries) if (Date.now() - entry.at >= ttlMs) entries.delete(other);
			const value = loadHomeCatalog(db, territory, now);
			const entry = { at: Date.now(), value };
			entries.set(key, entry);
			value.catch(() => {
				if (entries.get(key) === entry) entries.delete(key);
			});
			return value;
		}
	};
}

/** The local month, read once a minute per time zone (a time zone conversion costs more than the rest of a cache hit). */
function monthOf(now: Date, timezone: string): number {
	const minute = Math.floor(now.getTime() / 60_000);
	const known = monthByZone.get(timezone);
	if (known?.minute === minute) return known.month;
	const month = localMonth(now, timezone);
	monthByZone.set(timezone, { minute, month });
	return month;
}
const monthByZone = new Map<string, { minute: number; month: number }>();

/** The process's cache (each test database gets its own entries). */
export const homeCatalog = homeCatalogCache();
