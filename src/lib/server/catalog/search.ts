import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Db } from '../db/client.ts';
import type { OpeningPeriod } from '../db/schema/shops.ts';
import { InvalidInputError, type FieldErrors } from '../errors.ts';
import { t, type Locale } from '../i18n.ts';
import { isOpenOnClock, localClock, type LocalClock } from '../fulfilment/slots.ts';
import { cardOfSqlRow, sellerIsProducerSql, variantsJsonSql, type CardSqlRow, type ProductCard } from './queries.ts';
import { SHORT_CIRCUIT_MAX_INTERMEDIARIES } from '../traceability/rules.ts';

/**
 * Product search across every shop of a territory, on both engines.
 *
 * Matching: French full text over the weighted `products.search` document (name A, origin and
 * labels B, description and ingredients C; stemmed, unaccented). When the words find fewer than
 * `TYPO_WHEN_FEWER` products, typo tolerance joins in: trigram word similarity of the unaccented
 * name ("fromaje" → "Fromage blanc"). Both are served by GIN indexes (migration 0002); `unaccent`
 * also turns the ligature Œ into OE, so "oeufs" finds "Œufs". A broad word needs no typo
 * tolerance, and the trigram branch cost two thirds of a broad search (and matched noise:
 * "terroir" found "Terrine…"), so it runs only for the few searches that need it; which way a
 * search went is kept in its cursor, so every page of it matches the same way.
 * Ranking: full-text matches by `ts_rank` (weights A > B > C), above typo matches by similarity.
 *
 * Paging is keyset: each page ends with a cursor carrying the sort, the last sort key and id;
 * the next page starts strictly after that pair in the same total order (sort key, then id),
 * so pages never overlap nor skip, whatever is inserted meanwhile before the cursor.
 *
 * One query for the page: products, shops, categories, the sort key and the variants on sale.
 */

export const SEARCH_SORTS = ['relevance', 'price', 'unit_price', 'distance'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export const SEARCH_MAX_LIMIT = 100;
export const SEARCH_DEFAULT_LIMIT = 24;
/** Longer queries are refused: nobody types 200 characters into a shop search. */
export const SEARCH_MAX_QUERY = 200;
/** A name whose best-matching stretch shares this share of the trigrams of the words typed matches. */
export const TYPO_THRESHOLD = 0.45;
/** Typo tolerance joins in when the words typed find fewer products than this (a default page). */
export const TYPO_WHEN_FEWER = 24;
/** Mean Earth radius, as in `#lib/geo.ts`. */
const EARTH_KM = 6371.0088;

export type LatLng = { lat: number; lng: number };

export type SearchParams = {
	q?: string;
	/** Category slug. */
	category?: string;
	/** Shop slug. */
	shop?: string;
	/** Label key: ab, label_rouge, aop… */
	label?: string;
	/** The visitor's position: distances are from each product's shop to it. */
	near?: LatLng;
	/** Only products of shops at most this far from `near` (kilometres, great circle). */
	maxKm?: number;
	/** Only short-circuit products: at most one intermediary (`traceability/rules.ts`). */
	shortCircuit?: boolean;
	/** Only products whose origin producer is at most this far from their shop (km, stored `origin_km`). */
	maxOriginKm?: number;
	/** Only products in stock (not sold out today) of shops still open today for a pickup. */
	availableToday?: boolean;
	/** Bounds on the price of the cheapest variant, integer cents incl. VAT. */
	minPriceCents?: number;
	maxPriceCents?: number;
	sort?: SearchSort;
	limit?: number;
	/** The `nextCursor` of the previous page (opaque). */
	cursor?: string;
	/** Also count every match (the results page shows it; the API does not pay for it). */
	withTotal?: boolean;
	/** The instant "today" and "open now" are read at (tests); the current time by default. */
	now?: Date;
};

export type ProductHit = ProductCard & {
	/** Whether the shop is open at this moment, in the territory's time zone. */
	openNow: boolean;
	/** Kilometres from the shop to `near`; null without `near` or when the shop has no position. */
	distanceKm: number | null;
};

export type SearchPage = {
	items: ProductHit[];
	nextCursor: string | null;
	/** With `withTotal`: how many products match in all (null on a page past the end). */
	total?: number | null;
};

/** "47.39,0.98" → { lat: 47.39, lng: 0.98 }; null unless two decimal degrees within range. */
export function parseLatLng(text: string): LatLng | null {
	const match = /^\s*(-?\d{1,3}(?:\.\d{1,12})?)\s*,\s*(-?\d{1,3}(?:\.\d{1,12})?)\s*$/.exec(text);
	if (!match) return null;
	const [lat, lng] = [Number(match[1]), Number(match[2])];
	return Math.abs(lat) <= 90 && Math.abs(lng) <= 180 ? { lat, lng } : null;
}

// ── Cursor ─────────────────────────────────────────────────────────────────────────────────

/**
 * Where a page ended: the sort it belongs to, the last sort key (null when sorted by id only), the
 * last id, and whether the search matched typos too (decided on its first page).
 */
type Cursor = { sort: SearchSort; key: number | null; id: string; typos?: boolean };

const cursorShape = z.tuple([z.enum(SEARCH_SORTS), z.union([z.number(), z.literal('Infinity'), z.null()]), z.guid()], z.literal(1));

export function encodeSearchCursor(cursor: Cursor): string {
	// JSON has no Infinity: products without a unit price or a shop position sort last with it.
	const key = cursor.key === Infinity ? 'Infinity' : cursor.key;
	return Buffer.from(JSON.stringify([cursor.sort, key, cursor.id, ...(cursor.typos ? [1] : [])]), 'utf8').toString('base64url');
}

/** The cursor a string encodes, or null when it is not one of ours. */
export function decodeSearchCursor(text: string): Cursor | null {
	if (text.length > 300) return null;
	try {
		const parsed = cursorShape.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
		if (!parsed.success) return null;
		const [sort, key, id, ...rest] = parsed.data;
		return { sort, key: key === 'Infinity' ? Infinity : key, id, ...(rest.length ? { typos: true } : {}) };
	} catch {
		return null;
	}
}

// ── Input rules that span several parameters ───────────────────────────────────────────────

/**
 * Rules no single parameter can check (each parameter's own format is checked by the API's or
 * the page's schema). Messages are in the request's language.
 */
export function searchParamErrors(params: SearchParams, locale: Locale): FieldErrors {
	const errors: FieldErrors = {};
	const add = (field: string, key: string) => (errors[field] ??= []).push(t(key, locale));
	if (params.q !== undefined && params.q.length > SEARCH_MAX_QUERY) add('q', 'search_error_query_long');
	if (params.sort === 'distance' && !params.near) add('sort', 'search_error_near_required');
	if (params.maxKm !== undefined && !params.near) add('maxKm', 'search_error_near_required');
	if (params.minPriceCents !== undefined && params.maxPriceCents !== undefined && params.minPriceCents > params.maxPriceCents) {
		add('maxPrice', 'search_error_price_range');
	}
	if (params.cursor !== undefined) {
		const cursor = decodeSearchCursor(params.cursor);
		if (!cursor || cursor.sort !== sortOf(params)) add('cursor', 'error_cursor_invalid');
	}
	return errors;
}

const sortOf = (params: SearchParams): SearchSort => params.sort ?? 'relevance';

// ── Search ─────────────────────────────────────────────────────────────────────────────────

type HitRow = CardSqlRow & {
	opening_hours: OpeningPeriod[];
	timezone: string;
	distance_km: number | null;
	sort_key: number | null;
	total?: number | string;
};

/**
 * One page of the active products of the active shops of a territory that match `params`.
 * Throws InvalidInputError (400) when parameters contradict each other or the cursor is not
 * one of this search's.
 */
export async function searchProducts(db: Db, territoryId: string, params: SearchParams, locale: Locale = 'fr'): Promise<SearchPage> {
	const errors = searchParamErrors(params, locale);
	if (Object.keys(errors).length) throw new InvalidInputError(errors, 400);
	const sort = sortOf(params);
	const limit = Math.min(Math.max(Math.trunc(params.limit ?? SEARCH_DEFAULT_LIMIT), 1), SEARCH_MAX_LIMIT);
	const cursor = params.cursor ? decodeSearchCursor(params.cursor) : null;
	const q = params.q?.trim() || undefined;
	const now = params.now ?? new Date();

	// Full text alone first (and always on later pages of such a search); typos only when the
	// words find too few products. The first page tells: a full page of words answers it, else
	// the number of words matches (counted only for pages shorter than the threshold).
	let typos = q !== undefined && (cursor?.typos ?? false);
	const decides = q !== undefined && !cursor && !typos;
	const countAll = Boolean(params.withTotal) || (decides && limit + 1 < TYPO_WHEN_FEWER);
	const run = (withTypos: boolean) => {
		const query = pageQuery({ territoryId, params, q, sort, limit, cursor, now, typos: withTypos, countAll });
		// pg_trgm's threshold is a setting, local to a transaction so that it holds whichever pooled
		// connection runs the query (JIT and parallel workers are off per connection, see db/client.ts).
		return withTypos
			? db.transaction(async (tx) => {
					await tx.execute(typoThreshold);
					return queryRows<HitRow>(tx as unknown as Db, query);
				})
			: queryRows<HitRow>(db, query);
	};
	let rows = await run(typos);
	const wordMatches = countAll ? (rows.length ? Number(rows[0].total) : 0) : rows.length;
	if (decides && wordMatches < TYPO_WHEN_FEWER) {
		typos = true;
		rows = await run(true);
	}
	const page = rows.slice(0, limit);
	// One reading of the clock per time zone (all of a territory's shops share one).
	const clocks = new Map<string, LocalClock>();
	const clockOf = (timezone: string) => clocks.get(timezone) ?? clocks.set(timezone, localClock(timezone, now)).get(timezone)!;
	const items = page.map((row) => toHit(row, clockOf(row.timezone)));
	const last = rows.length > limit ? page.at(-1) : undefined;
	const nextCursor = last
		? encodeSearchCursor({ sort, key: sort === 'relevance' && !q ? null : Number(last.sort_key), id: last.id, typos })
		: null;
	if (!params.withTotal) return { items, nextCursor };
	return { items, nextCursor, total: rows.length ? Number(rows[0].total) : params.cursor ? null : 0 };
}

/** The typo threshold of pg_trgm (read by its operator and its index scan), for one transaction. */
const typoThreshold = sql`select set_config('pg_trgm.word_similarity_threshold', ${String(TYPO_THRESHOLD)}, true)`;

type PageQueryInput = {
	territoryId: string;
	params: SearchParams;
	q: string | undefined;
	sort: SearchSort;
	limit: number;
	cursor: Cursor | null;
	now: Date;
	/** Match look-alike names too (trigram word similarity), below the full-text matches. */
	typos: boolean;
	/** Count every match (`total`, read on the first page). */
	countAll: boolean;
};

function pageQuery({ territoryId, params, q, sort, limit, cursor, now, typos, countAll }: PageQueryInput): SQL {
	const near = params.near;
	const needsPrice = sort === 'price' || sort === 'unit_price' || params.minPriceCents !== undefined || params.maxPriceCents !== undefined;

	// Shop-level conditions and the distance, computed once per shop rather than per product.
	const shopFilters: SQL[] = [sql`s.territory_id = ${territoryId}`, sql`s.status = 'active'`];
	if (params.shop) shopFilters.push(sql`s.slug = ${params.shop}`);
	if (params.availableToday) shopFilters.push(openForPickupTodaySql(now));
	const distance = near ? greatCircleKmSql(near) : sql`null::float8`;
	if (near && params.maxKm !== undefined) shopFilters.push(sql`${distance} <= ${params.maxKm}::float8`);

	// Words alone match in the narrow `product_search_docs` (active products only, migration 0013):
	// ranking reads every match's document, and there they fill far fewer pages. The product row is
	// joined only when a filter or the sort needs it. Typos match names, so they read `products`.
	const productFilters = Boolean(
		params.category || params.label || needsPrice || params.availableToday || params.shortCircuit || params.maxOriginKm !== undefined
	);
	const viaDocs = q !== undefined && !typos;
	const from = viaDocs
		? sql`product_search_docs d ${productFilters ? sql`join products p on p.id = d.product_id` : sql``}`
		: sql`products p`;
	const doc = viaDocs ? sql`d` : sql`p`;
	const filters: SQL[] = viaDocs
		? [sql`d.territory_id = ${territoryId}`]
		: [sql`p.territory_id = ${territoryId}`, sql`p.status = 'active'`];
	if (q)
		filters.push(
			typos
				? sql`(p.search @@ websearch_to_tsquery('french', f_unaccent(${q})) or f_unaccent(lower(${q})) <% f_unaccent(lower(p.name)))`
				: sql`d.search @@ websearch_to_tsquery('french', f_unaccent(${q}))`
		);
	if (params.category) filters.push(sql`c.slug = ${params.category}`);
	if (params.label) filters.push(sql`${params.label} = any(p.labels)`);
	if (params.minPriceCents !== undefined) filters.push(sql`cheapest.price_cents >= ${params.minPriceCents}::int`);
	if (params.maxPriceCents !== undefined) filters.push(sql`cheapest.price_cents <= ${params.maxPriceCents}::int`);
	if (params.availableToday) filters.push(inStockTodaySql(q !== undefined));
	// Stored facts, served by the index products_traceability (territory_id, intermediaries, origin_km).
	if (params.shortCircuit) filters.push(sql`p.intermediaries <= ${SHORT_CIRCUIT_MAX_INTERMEDIARIES}::int`);
	if (params.maxOriginKm !== undefined) filters.push(sql`p.origin_km <= ${params.maxOriginKm}::float8`);

	// Relevance sorts from the best score down; the other keys from the lowest up. Ties: by id.
	const descending = sort === 'relevance';
	const after = cursor
		? cursor.key === null
			? sql`and hit.id > ${cursor.id}::uuid`
			: descending
				? sql`and (hit.sort_key < ${String(cursor.key)}::float8 or (hit.sort_key = ${String(cursor.key)}::float8 and hit.id > ${cursor.id}::uuid))`
				: sql`and (hit.sort_key, hit.id) > (${String(cursor.key)}::float8, ${cursor.id}::uuid)`
		: sql``;
	const order = sql`hit.sort_key ${descending ? sql`desc` : sql`asc`}, hit.id`;

	// The page is chosen on narrow rows (id, sort key); only its rows are then read in full.
	return sql`
		with shop as materialized (
			select s.id, ${distance} as km
			from shops s
			${params.availableToday ? sql`join territories tr on tr.id = s.territory_id` : sql``}
			where ${sql.join(shopFilters, sql` and `)}
		),
		page as materialized (
			select hit.* from (
				select ${viaDocs ? sql`d.product_id` : sql`p.id`} as id, shop.km as distance_km, ${sortKeySql(sort, q, typos, doc)} as sort_key
					${countAll ? sql`, count(*) over () as total` : sql``}
				from ${from}
				join shop on shop.id = ${doc}.shop_id
				${params.category ? sql`join categories c on c.id = p.category_id` : sql``}
				${needsPrice ? cheapestVariantJoin : sql``}
				where ${sql.join(filters, sql` and `)}
			) hit
			where true ${after}
			order by ${order}
			limit ${limit + 1}
		)
		select hit.*, p.slug, p.name, p.unit, p.image_url, p.image_alt, p.labels, p.sold_out_today,
			p.origin_km, p.intermediaries, ${sellerIsProducerSql('p')} as seller_is_producer, s.id as shop_id, s.slug as shop_slug, s.name as shop_name, s.opening_hours,
			c.slug as category_slug, c.name as category_name, tr.timezone, ${variantsJsonSql} as variants
		from page hit
		join products p on p.id = hit.id
		join shops s on s.id = p.shop_id
		join territories tr on tr.id = p.territory_id
		left join categories c on c.id = p.category_id
		order by ${order}`;
}

/** Great-circle distance (haversine) in kilometres from the shop `s` to a point; null without a position. */
function greatCircleKmSql(near: LatLng): SQL {
	const lat = sql`${near.lat}::float8`;
	const lng = sql`${near.lng}::float8`;
	return sql`(2 * ${EARTH_KM}::float8 * asin(least(1, sqrt(
		power(sin(radians(s.latitude - ${lat}) / 2), 2) +
		cos(radians(${lat})) * cos(radians(s.latitude)) * power(sin(radians(s.longitude - ${lng}) / 2), 2)
	))))`;
}

/** The cheapest variant on sale, whose price the card shows (ties: the first in the shop's order). */
const cheapestVariantJoin = sql`left join lateral (
	select v.price_cents, v.net_quantity, v.net_unit from variants v
	where v.product_id = p.id and not v.archived
	order by v.price_cents, v.position, v.id limit 1
) cheapest on true`;

/**
 * The unit price of the cheapest variant, in cents per kg or litre, rounded half up exactly as
 * `unitPrice()` does (integers in thousandths); products without one sort last.
 */
const unitPriceSql = sql`(case when cheapest.net_unit is not null and round(cheapest.net_quantity * 1000) > 0
	then (2000::bigint * cheapest.price_cents + round(cheapest.net_quantity * 1000)::bigint) / (2 * round(cheapest.net_quantity * 1000)::bigint)
	end)`;

/** `doc`: the alias whose `search` document ranks (the narrow documents `d`, or the products `p`). */
function sortKeySql(sort: SearchSort, q: string | undefined, typos: boolean, doc: SQL): SQL {
	switch (sort) {
		case 'relevance': {
			// A full-text match (the words or their stems) scores 1 + its rank, above any name that
			// only looks alike (word similarity ≤ 1). `ts_rank` weighs where the words are (name A,
			// origin and labels B, description C) like `ts_rank_cd` but costs a third less: ranking
			// reads every match. Trigram similarity is computed for typo matches only.
			if (!q) return sql`null::float8`;
			const words = sql`1 + ts_rank(${doc}.search, websearch_to_tsquery('french', f_unaccent(${q})))::float8`;
			return typos
				? sql`(case when p.search @@ websearch_to_tsquery('french', f_unaccent(${q})) then ${words}
					else word_similarity(f_unaccent(lower(${q})), f_unaccent(lower(p.name)))::float8 end)`
				: words;
		}
		case 'price':
			return sql`coalesce(cheapest.price_cents, 0)::float8`;
		case 'unit_price':
			return sql`coalesce(${unitPriceSql}::float8, 'Infinity'::float8)`;
		case 'distance':
			return sql`coalesce(shop.km, 'Infinity'::float8)`;
	}
}

/**
 * A shop still open for a pickup today: an opening period today, on the territory's local clock,
 * that closes after the shop's preparation lead time from now.
 */
function openForPickupTodaySql(now: Date): SQL {
	const local = sql`(${now.toISOString()}::timestamptz at time zone tr.timezone)`;
	const closes = sql`(split_part(period->>'closes', ':', 1)::int * 60 + split_part(period->>'closes', ':', 2)::int)`;
	return sql`exists (
		select 1 from jsonb_array_elements(s.opening_hours) period
		where (period->>'weekday')::int = extract(dow from ${local})::int
		and ${closes} > extract(hour from ${local})::int * 60 + extract(minute from ${local})::int + s.lead_minutes
	)`;
}

/**
 * Not sold out, and a variant to hand over today: in stock, unlimited, or made to order without
 * notice. Among the few products matching words, one index probe each (a sub-select with LIMIT,
 * which the planner keeps as is); over the whole catalog, EXISTS, which it may run as one hash
 * join over the variants. Left to itself it picked the hash join for a few hundred matches too,
 * reading every variant of the territory.
 */
function inStockTodaySql(fewCandidates: boolean): SQL {
	const handOverToday = sql`v.product_id = p.id and not v.archived and (v.stock_mode = 'unlimited'
		or (v.stock_mode = 'tracked' and v.stock > 0) or (v.stock_mode = 'on_order' and coalesce(v.lead_days, 0) = 0))`;
	return fewCandidates
		? sql`(not p.sold_out_today and coalesce((select true from variants v where ${handOverToday} limit 1), false))`
		: sql`(not p.sold_out_today and exists (select 1 from variants v where ${handOverToday}))`;
}

function toHit(row: HitRow, clock: LocalClock): ProductHit {
	const card = cardOfSqlRow(row);
	return {
		...card,
		openNow: isOpenOnClock(row.opening_hours, clock),
		distanceKm: row.distance_km === null ? null : Number(row.distance_km)
	};
}

// ── What the filters offer ─────────────────────────────────────────────────────────────────

export type SearchFacets = {
	categories: { slug: string; name: string }[];
	shops: { slug: string; name: string }[];
	/** Label keys carried by at least one product on sale. */
	labels: string[];
};

/** The choices of the search filters: categories, active shops, labels in use (one query). */
export async function searchFacets(db: Db, territoryId: string): Promise<SearchFacets> {
	const [row] = await queryRows<SearchFacets>(
		db,
		sql`select
			coalesce((select json_agg(json_build_object('slug', c.slug, 'name', c.name) order by c.position, c.name)
				from categories c where c.territory_id = ${territoryId}), '[]') as categories,
			coalesce((select json_agg(json_build_object('slug', s.slug, 'name', s.name) order by s.name)
				from shops s where s.territory_id = ${territoryId} and s.status = 'active'), '[]') as shops,
			coalesce((select array_agg(distinct label order by label)
				from products p join shops s on s.id = p.shop_id, unnest(p.labels) label
				where p.territory_id = ${territoryId} and p.status = 'active' and s.status = 'active'), '{}') as labels`
	);
	return row;
}

// ── Suggestions as you type ────────────────────────────────────────────────────────────────

export type Suggestion = {
	kind: 'product' | 'shop';
	/** The product's or the shop's name. */
	label: string;
	/** The shop of a product; null for a shop. */
	detail: string | null;
	/** Its page on the site. */
	url: string;
};

export const SUGGEST_MAX_LIMIT = 20;

/**
 * Names of products and shops for the words typed so far: names starting with them first, then
 * names with a word starting with them, then names that look alike (typos). Two characters at least.
 */
export async function suggest(db: Db, territoryId: string, q: string, limit = 8): Promise<Suggestion[]> {
	const text = q.trim().slice(0, SEARCH_MAX_QUERY);
	if (text.length < 2) return [];
	const size = Math.min(Math.max(Math.trunc(limit), 1), SUGGEST_MAX_LIMIT);
	const typed = sql`f_unaccent(lower(${text}))`;
	const pattern = escapeLike(text.toLowerCase());
	const score = (name: SQL) => sql`(
		case when ${name} like f_unaccent(${pattern + '%'}) then 2
			when ${name} like f_unaccent(${'% ' + pattern + '%'}) then 1 else 0 end
		+ word_similarity(${typed}, ${name}))`;
	const matches = (name: SQL) => sql`(${name} like f_unaccent(${'%' + pattern + '%'}) or ${typed} <% ${name})`;
	const productName = sql`f_unaccent(lower(p.name))`;
	const shopName = sql`f_unaccent(lower(s.name))`;
	const rows = await queryRows<{ kind: 'product' | 'shop'; label: string; detail: string | null; shop_slug: string; slug: string | null }>(
		db,
		sql`
		(select 'product' as kind, p.name as label, s.name as detail, s.slug as shop_slug, p.slug, ${score(productName)} as score
			from products p join shops s on s.id = p.shop_id
			where p.territory_id = ${territoryId} and p.status = 'active' and s.status = 'active' and ${matches(productName)}
			order by score desc, p.name limit ${size})
		union all
		(select 'shop', s.name, null, s.slug, null, ${score(shopName)} as score
			from shops s
			where s.territory_id = ${territoryId} and s.status = 'active' and ${matches(shopName)}
			order by score desc, s.name limit ${size})
		order by score desc, label limit ${size}`
	);
	return rows.map((row) => ({
		kind: row.kind,
		label: row.label,
		detail: row.detail,
		url: row.kind === 'shop' ? `/boutiques/${row.shop_slug}` : `/boutiques/${row.shop_slug}/${row.slug}`
	}));
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

// ── A short-lived cache for the routes ─────────────────────────────────────────────────────

/**
 * Recent answers kept in memory for a few seconds, per process: a popular search costs one
 * query per period rather than one per request. Correct because a catalog read may already be
 * this stale (the API tells clients they may cache it for 30 s); stock and slots are checked
 * again at checkout. Least recently used answers go first when full.
 */
export function createSearchCache(options: { ttlMs?: number; maxEntries?: number } = {}) {
	const ttlMs = options.ttlMs ?? 5_000;
	const maxEntries = options.maxEntries ?? 1000;
	const entries = new Map<string, { at: number; value: Promise<unknown> }>();

	function remember<T>(key: string, compute: () => Promise<T>): Promise<T> {
		const now = Date.now();
		const hit = entries.get(key);
		entries.delete(key);
		if (hit && now - hit.at < ttlMs) {
			entries.set(key, hit);
			return hit.value as Promise<T>;
		}
		// The promise is shared, so simultaneous identical requests run one query; a failure is not kept.
		const value = compute();
		entries.set(key, { at: now, value });
		value.catch(() => {
			if (entries.get(key)?.value === value) entries.delete(key);
		});
		if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
		return value;
	}

	return {
		products(db: Db, territoryId: string, params: SearchParams, locale: Locale = 'fr'): Promise<SearchPage> {
			if (params.now || ttlMs <= 0) return searchProducts(db, territoryId, params, locale);
			const {
				q,
				category,
				shop,
				label,
				near,
				maxKm,
				availableToday,
				shortCircuit,
				maxOriginKm,
				minPriceCents,
				maxPriceCents,
				sort,
				limit,
				cursor,
				withTotal
			} = params;
			const key = JSON.stringify([
				'p',
				territoryId,
				locale,
				q?.trim(),
				category,
				shop,
				label,
				near?.lat,
				near?.lng,
				maxKm,
				availableToday,
				shortCircuit,
				maxOriginKm,
				minPriceCents,
				maxPriceCents,
				sort,
				limit,
				cursor,
				withTotal
			]);
			return remember(key, () => searchProducts(db, territoryId, params, locale));
		},
		suggestions(db: Db, territoryId: string, q: string, limit?: number): Promise<Suggestion[]> {
			if (ttlMs <= 0) return suggest(db, territoryId, q, limit);
			return remember(JSON.stringify(['s', territoryId, q.trim().toLowerCase(), limit]), () => suggest(db, territoryId, q, limit));
		},
		clear: () => entries.clear()
	};
}

/** The cache the pages and the API share. */
export const searchCache = createSearchCache();
