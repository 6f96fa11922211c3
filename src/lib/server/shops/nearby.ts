import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.ts';
import type { OpeningPeriod } from '../db/schema/shops.ts';
import { isOpenAt } from '../fulfilment/slots.ts';
import { distanceKm } from '../../geo.ts';

/**
 * The shops and producers of a territory, for the home page's "near you" list and map.
 *
 * Producers listed are the farms and workshops that do not sell on the platform themselves: a
 * producer record at the very place of the shop it belongs to is that shop (a farm selling its own
 * produce), already listed as a shop. The schema has no flag for this yet, hence the test on
 * position (within about 100 m).
 */

export type TraderKind = 'shop' | 'producer';

export type Trader = {
	kind: TraderKind;
	id: string;
	slug: string;
	name: string;
	/** Trade key of a shop (bakery, butcher…); null for a producer. */
	trade: string | null;
	city: string;
	latitude: number | null;
	longitude: number | null;
	/** Weekly opening periods of a shop, local time; empty for a producer or a shop without a counter. */
	openingHours: OpeningPeriod[];
	/** Active products on sale: a shop's own, or those of active shops made by the producer. */
	productCount: number;
};

/** Listed at most: a territory's home is a town's worth of shops, not a directory. */
export const TRADERS_MAX = 300;

type TraderRow = {
	kind: TraderKind;
	id: string;
	slug: string;
	name: string;
	trade: string | null;
	city: string;
	latitude: number | null;
	longitude: number | null;
	opening_hours: OpeningPeriod[];
	product_count: number;
};

/** The active shops and the producers of a territory, with their product counts: one query. */
export async function listTraders(db: Db, territoryId: string): Promise<Trader[]> {
	const rows = await queryRows<TraderRow>(
		db,
		sql`
		with counts as materialized (
			select p.shop_id, pp.producer_id, count(*)::int as n
			from products p join shops s on s.id = p.shop_id
			left join product_producers pp on pp.product_id = p.id and pp.position = 0
			where p.territory_id = ${territoryId} and p.status = 'active' and s.status = 'active'
			group by p.shop_id, pp.producer_id
		)
		(select 'shop' as kind, s.id, s.slug, s.name, s.trade, s.city, s.latitude, s.longitude, s.opening_hours,
			coalesce((select sum(n) from counts where counts.shop_id = s.id), 0)::int as product_count
		from shops s
		where s.territory_id = ${territoryId} and s.status = 'active'
		order by s.name limit ${TRADERS_MAX})
		union all
		(select 'producer', pr.id, pr.slug, pr.name, null, pr.city, pr.latitude, pr.longitude, '[]'::jsonb,
			coalesce((select sum(n) from counts where counts.producer_id = pr.id), 0)::int
		from producers pr
		left join shops own on own.id = pr.shop_id
		where pr.territory_id = ${territoryId}
			and (own.id is null or own.status = 'active')
			and not coalesce(abs(own.latitude - pr.latitude) < 0.001 and abs(own.longitude - pr.longitude) < 0.001, false)
		order by pr.name limit ${TRADERS_MAX})`
	);
	return rows.map((row) => ({
		kind: row.kind,
		id: row.id,
		slug: row.slug,
		name: row.name,
		trade: row.trade,
		city: row.city,
		latitude: row.latitude === null ? null : Number(row.latitude),
		longitude: row.longitude === null ? null : Number(row.longitude),
		openingHours: row.opening_hours,
		productCount: Number(row.product_count)
	}));
}

export type LatLng = { latitude: number; longitude: number };

/** Whether a shop's counter is open: null for a producer, or a shop that only sells on order (no opening hours). */
export type OpenState = boolean | null;

export type NearbyTrader = Omit<Trader, 'openingHours'> & {
	/** Kilometres from the reference point; null without one or without a position. */
	distanceKm: number | null;
	openNow: OpenState;
};

export type RankOptions = {
	/** Distances are measured from here (the visitor, or the territory's centre). */
	from: LatLng | null;
	/** 'distance': nearest first (those without a position last); 'name': alphabetical. */
	sortBy: 'distance' | 'name';
	/** The territory's IANA time zone, for "open now". */
	timezone: string;
	now: Date;
};

const byName = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Distances, "open now" and the order of the list: plain computation on the cached traders. */
export function rankTraders(traders: readonly Trader[], options: RankOptions): NearbyTrader[] {
	const open = openStates(traders, options.timezone, options.now);
	const ranked = traders.map(({ openingHours: _hours, ...trader }, index) => ({
		...trader,
		distanceKm:
			options.from && trader.latitude !== null && trader.longitude !== null
				? distanceKm(options.from, { latitude: trader.latitude, longitude: trader.longitude })
				: null,
		openNow: open[index]
	}));
	const nameOrder = (a: NearbyTrader, b: NearbyTrader) => byName.compare(a.name, b.name) || a.id.localeCompare(b.id);
	if (options.sortBy === 'name') return ranked.sort(nameOrder);
	return ranked.sort((a, b) => (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) || nameOrder(a, b));
}

/**
 * Whether each trader is open, by position in the list. Reading the local clock costs a time
 * zone conversion per shop, and the answer only changes from one minute to the next: it is
 * computed once per minute for a given list (the home page's cached one), not on every view.
 */
function openStates(traders: readonly Trader[], timezone: string, now: Date): OpenState[] {
	const minute = Math.floor(now.getTime() / 60_000);
	const known = openStatesByList.get(traders);
	if (known && known.minute === minute && known.timezone === timezone) return known.states;
	const states = traders.map((trader) =>
		trader.kind === 'shop' && trader.openingHours.length > 0 ? isOpenAt(trader.openingHours, timezone, now) : null
	);
	openStatesByList.set(traders, { minute, timezone, states });
	return states;
}
const openStatesByList = new WeakMap<readonly Trader[], { minute: number; timezone: string; states: OpenState[] }>();
