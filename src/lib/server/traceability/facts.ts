import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';

/**
 * Writes each product's computed traceability facts (`products.origin_km`, `products.intermediaries`)
 * by the rules of `rules.ts`, in SQL so a whole territory is refreshed in one statement. Call it in
 * the transaction that changed a product's producers, chain, source, or a producer's or shop's
 * position. The distance uses the `earthdistance` extension (on both engines).
 *
 * `which`: the products to refresh — ids, or every product of a territory.
 */
export async function refreshProductFacts(db: Db, which: { productIds: string[] } | { territoryId: string }): Promise<void> {
	if ('productIds' in which && which.productIds.length === 0) return;
	const target: SQL =
		'productIds' in which
			? sql`p.id in (${sql.join(
					which.productIds.map((id) => sql`${id}::uuid`),
					sql`, `
				)})`
			: sql`p.territory_id = ${which.territoryId}::uuid`;
	await db.execute(sql`
		with origin as (
			-- The product's own first producer, else (bought from a producer on the platform) its source's.
			select p.id as product_id, p.shop_id, coalesce(own.producer_id, src.producer_id) as producer_id,
				(select count(*) from supply_chain_steps st
					where st.product_id = coalesce(ps.source_product_id, p.id) and st.role <> 'producer')::int as hands
			from products p
			left join product_producers own on own.product_id = p.id and own.position = 0
			left join product_sources ps on ps.product_id = p.id
			left join product_producers src on src.product_id = ps.source_product_id and src.position = 0
			where ${target}
		)
		update products p set
			origin_km = case when pr.id is null or s.latitude is null or s.longitude is null then null
				else round((earth_distance(ll_to_earth(pr.latitude, pr.longitude), ll_to_earth(s.latitude, s.longitude)) / 1000.0)::numeric, 1)::float8 end,
			intermediaries = case when pr.id is null then null
				else o.hands + case when pr.seller_shop_id is not distinct from p.shop_id then 0 else 1 end end
		from origin o
		join shops s on s.id = o.shop_id
		left join producers pr on pr.id = o.producer_id
		where p.id = o.product_id`);
}
