import { eq, inArray } from 'drizzle-orm';
import { shops } from '../db/schema/index.ts';
import type { Db } from '../db/client.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import { pickingFilters, pickingList } from './picking.ts';

/** The picking list of a request's query string (`jour`, `creneau`), with the shop's name. */
export async function pickingListFor(db: Db, scope: ShopScope, params: URLSearchParams, timezone: string) {
	const [list, [shop]] = await Promise.all([
		pickingList(db, scope, pickingFilters(params, timezone), timezone),
		db.select({ name: shops.name }).from(shops).where(eq(shops.id, scope.shopId))
	]);
	return { ...list, shopName: shop?.name ?? '' };
}

/** Each shop's weighing tolerance (basis points), for what buyers are told before ordering goods sold by the kg. */
export async function shopTolerances(db: Db, shopIds: string[]): Promise<Map<string, number>> {
	if (!shopIds.length) return new Map();
	const rows = await db.select({ id: shops.id, bps: shops.weighingToleranceBps }).from(shops).where(inArray(shops.id, shopIds));
	return new Map(rows.map((r) => [r.id, r.bps]));
}
