import { sql } from 'drizzle-orm';
import { TZDate } from '@date-fns/tz';
import { queryRows, type Db } from '../db/client.ts';
import { cardOfSqlRow, sellerIsProducerSql, variantsJsonSql, type CardSqlRow, type ProductCard } from './queries.ts';

/**
 * Products to feature on a territory's home: those in season this month (their
 * `seasonal_months` contain the current month in the territory's time zone), else the newest.
 * Spread across shops: each shop's first pick comes before any shop's second.
 */

export type FeaturedProducts = {
	/** 'seasonal' when the products are in season this month; 'recent' when none is and these are the newest. */
	kind: 'seasonal' | 'recent';
	items: ProductCard[];
};

/** The month (1–12) of an instant on the territory's clock. */
export function localMonth(now: Date, timezone: string): number {
	return new TZDate(now.getTime(), timezone).getMonth() + 1;
}

type Row = CardSqlRow & { in_season: boolean };

/** One query: the products picked, their shop and category, and their variants on sale. */
export async function featuredProducts(db: Db, territoryId: string, options: { month: number; limit?: number }): Promise<FeaturedProducts> {
	const limit = Math.min(Math.max(Math.trunc(options.limit ?? 8), 1), 48);
	const month = Math.trunc(options.month);
	const rows = await queryRows<Row>(
		db,
		sql`
		with candidate as materialized (
			select p.id, p.shop_id, p.created_at, coalesce(p.seasonal_months @> array[${month}::int], false) as in_season
			from products p join shops s on s.id = p.shop_id
			where p.territory_id = ${territoryId} and p.status = 'active' and s.status = 'active' and not p.sold_out_today
		),
		chosen as materialized (
			select id, in_season, row_number() over (
				order by in_season desc, rank_in_shop, created_at desc, id
			) as position
			from (
				select candidate.*, row_number() over (partition by shop_id order by in_season desc, created_at desc, id) as rank_in_shop
				from candidate
			) ranked
			order by in_season desc, rank_in_shop, created_at desc, id
			limit ${limit}
		)
		select p.id, p.slug, p.name, p.unit, p.image_url, p.image_alt, p.labels, p.sold_out_today, p.origin_km, p.intermediaries, ${sellerIsProducerSql('p')} as seller_is_producer, chosen.in_season,
			s.id as shop_id, s.slug as shop_slug, s.name as shop_name, c.slug as category_slug, c.name as category_name,
			${variantsJsonSql} as variants
		from chosen
		join products p on p.id = chosen.id
		join shops s on s.id = p.shop_id
		left join categories c on c.id = p.category_id
		order by chosen.position`
	);
	const inSeason = rows.length > 0 && rows[0].in_season;
	const items = rows.filter((row) => row.in_season === inSeason).map((row) => cardOfSqlRow(row));
	return { kind: inSeason ? 'seasonal' : 'recent', items };
}
