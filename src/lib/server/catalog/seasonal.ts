import { sql } from 'drizzle-orm';
import { TZDate } from '@date-fns/tz';
import { queryRows, type Db } from '../db/client.ts';
import { sellerIsProducerSql, toCard, type ProductCard, type VariantView } from './queries.ts';
import { unitPrice, type NetUnit } from './unit-price.ts';

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

type Row = {
	id: string;
	slug: string;
	name: string;
	unit: string;
	image_url: string | null;
	image_alt: string | null;
	labels: string[];
	sold_out_today: boolean;
	origin_km: number | null;
	intermediaries: number | null;
	seller_is_producer: boolean;
	in_season: boolean;
	shop_id: string;
	shop_slug: string;
	shop_name: string;
	category_slug: string | null;
	category_name: string | null;
	variants: {
		id: string;
		name: string;
		sku: string | null;
		priceCents: number;
		netQuantity: number | string | null;
		netUnit: NetUnit | null;
		stockMode: VariantView['stockMode'];
		stock: number | string;
		leadDays: number | null;
	}[];
};

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
			coalesce((
				select json_agg(json_build_object(
					'id', v.id, 'name', v.name, 'sku', v.sku, 'priceCents', v.price_cents, 'netQuantity', v.net_quantity,
					'netUnit', v.net_unit, 'stockMode', v.stock_mode, 'stock', v.stock, 'leadDays', v.lead_days
				) order by v.position, v.price_cents)
				from variants v where v.product_id = p.id and not v.archived
			), '[]'::json) as variants
		from chosen
		join products p on p.id = chosen.id
		join shops s on s.id = p.shop_id
		left join categories c on c.id = p.category_id
		order by chosen.position`
	);
	const inSeason = rows.length > 0 && rows[0].in_season;
	const items = rows
		.filter((row) => row.in_season === inSeason)
		.map((row) =>
			toCard(
				{
					id: row.id,
					slug: row.slug,
					name: row.name,
					unit: row.unit,
					imageUrl: row.image_url,
					imageAlt: row.image_alt,
					labels: row.labels,
					soldOutToday: row.sold_out_today,
					shopId: row.shop_id,
					shopSlug: row.shop_slug,
					shopName: row.shop_name,
					categorySlug: row.category_slug,
					categoryName: row.category_name,
					originKm: row.origin_km,
					intermediaries: row.intermediaries,
					sellerIsProducer: row.seller_is_producer
				},
				row.variants.map(toVariantView)
			)
		);
	return { kind: inSeason ? 'seasonal' : 'recent', items };
}

function toVariantView(v: Row['variants'][number]): VariantView {
	const netQuantity = v.netQuantity === null ? null : Number(v.netQuantity);
	return {
		id: v.id,
		name: v.name,
		sku: v.sku,
		priceCents: v.priceCents,
		unitPrice: unitPrice(v.priceCents, netQuantity, v.netUnit),
		stockMode: v.stockMode,
		stock: v.stockMode === 'tracked' ? Number(v.stock) : null,
		leadDays: v.leadDays
	};
}
