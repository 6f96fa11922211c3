import { sql, type SQL } from 'drizzle-orm';

// One rule, used wherever a slot is offered or taken: a shop on vacation takes no order, and a
// shop takes none for a local day inside one of its exceptional closures (shop_closures). The
// local day of a slot is read in the territory's time zone, like the opening hours it was cut from.

/**
 * SQL condition: the shop `shopId` hands over orders at `startsAt` — not on vacation, not closed
 * that local day. Both arguments are SQL (a column or a parameter).
 */
export function shopTakesOrdersAt(shopId: SQL | string, startsAt: SQL): SQL {
	const id = typeof shopId === 'string' ? sql`${shopId}::uuid` : shopId;
	return sql`exists (
		select 1 from shops av_s join territories av_t on av_t.id = av_s.territory_id
		where av_s.id = ${id} and not av_s.on_vacation
			and not exists (
				select 1 from shop_closures av_c
				where av_c.shop_id = av_s.id
					and (${startsAt} at time zone av_t.timezone)::date between av_c.starts_on and av_c.ends_on
			)
	)`;
}

/** SQL condition: the shop `shopId` is not on vacation (it takes no order at all). */
export function shopNotOnVacation(shopId: SQL | string): SQL {
	const id = typeof shopId === 'string' ? sql`${shopId}::uuid` : shopId;
	return sql`exists (select 1 from shops av_v where av_v.id = ${id} and not av_v.on_vacation)`;
}
