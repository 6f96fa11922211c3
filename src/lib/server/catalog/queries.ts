import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { shops, products, variants, categories, producers, productProducers } from '../db/schema/index.ts';
import type { Db } from '../db/client.ts';
import { NotFoundError } from '../errors.ts';
import { unitPrice } from './unit-price.ts';
import { searchProducts, type ProductHit } from './search.ts';
import { isShortCircuit } from '../traceability/rules.ts';
import { netQuantitiesFrom } from './food-info.ts';

// Public catalog reads: only active shops and active products of one territory are visible.

export type ShopSummary = {
	id: string;
	slug: string;
	name: string;
	trade: string;
	description: string;
	address: string;
	postcode: string;
	city: string;
	latitude: number | null;
	longitude: number | null;
	imageUrl: string | null;
	openingHours: (typeof shops.$inferSelect)['openingHours'];
	productCount: number;
};

/** Active products of the shop row being selected (qualified by hand: drizzle drops the table name in subqueries). */
export const activeProductCount = sql<number>`(select count(*)::int from products p where p.shop_id = "shops"."id" and p.status = 'active')`;

const shopColumns = {
	id: shops.id,
	slug: shops.slug,
	name: shops.name,
	trade: shops.trade,
	description: shops.description,
	address: shops.address,
	postcode: shops.postcode,
	city: shops.city,
	latitude: shops.latitude,
	longitude: shops.longitude,
	imageUrl: shops.imageUrl,
	openingHours: shops.openingHours
};

export async function listShops(db: Db, territoryId: string, options: { q?: string; limit?: number } = {}): Promise<ShopSummary[]> {
	const filters = [eq(shops.territoryId, territoryId), eq(shops.status, 'active')];
	if (options.q) filters.push(or(ilike(shops.name, `%${escapeLike(options.q)}%`), ilike(shops.trade, `%${escapeLike(options.q)}%`))!);
	return db
		.select({
			...shopColumns,
			productCount: activeProductCount
		})
		.from(shops)
		.where(and(...filters))
		.orderBy(asc(shops.name))
		.limit(options.limit ?? 100);
}

export type ShopDetail = ShopSummary & {
	phone: string | null;
	email: string | null;
	minOrderCents: number;
	/** Vacation mode: the page stays visible, no order is taken (checkout refuses it). */
	onVacation: boolean;
	vacationMessage: string | null;
	legalName: string | null;
	siret: string | null;
};

export async function getShopBySlug(db: Db, territoryId: string, slug: string): Promise<ShopDetail> {
	const [shop] = await db
		.select({
			...shopColumns,
			phone: shops.phone,
			email: shops.email,
			minOrderCents: shops.minOrderCents,
			onVacation: shops.onVacation,
			vacationMessage: shops.vacationMessage,
			legalName: shops.legalName,
			siret: shops.siret,
			productCount: activeProductCount
		})
		.from(shops)
		.where(and(eq(shops.territoryId, territoryId), eq(shops.slug, slug), eq(shops.status, 'active')));
	if (!shop) throw new NotFoundError('shop');
	return shop;
}

export type VariantView = {
	id: string;
	name: string;
	sku: string | null;
	priceCents: number;
	unitPrice: { cents: number; per: 'kg' | 'l' } | null;
	stockMode: 'tracked' | 'unlimited' | 'on_order';
	/** Units available now; null when unlimited or made to order. */
	stock: number | null;
	leadDays: number | null;
};

export type ProductCard = {
	id: string;
	slug: string;
	name: string;
	unit: string;
	imageUrl: string | null;
	imageAlt: string | null;
	labels: string[];
	shop: { id: string; slug: string; name: string };
	category: { slug: string; name: string } | null;
	fromPriceCents: number;
	unitPrice: { cents: number; per: 'kg' | 'l' } | null;
	available: boolean;
	/** Great-circle km from the origin producer to the shop (stored by `traceability/facts.ts`); null = unknown. */
	originKm: number | null;
	/** Hands between producer and consumer (the shop counts unless it is the producer); null = unknown. */
	intermediaries: number | null;
	/** At most one intermediary (`traceability/rules.ts`). */
	shortCircuit: boolean;
	/** The selling shop counts as an intermediary (it is not the origin producer selling its own products). */
	shopIsIntermediary: boolean;
};

export type ProductListOptions = { q?: string; shopSlug?: string; categorySlug?: string; limit?: number };

/** The first product cards of a territory (a shop's, a category's): the first page of a search. */
export async function listProducts(db: Db, territoryId: string, options: ProductListOptions = {}): Promise<ProductHit[]> {
	const page = await searchProducts(db, territoryId, {
		q: options.q,
		shop: options.shopSlug,
		category: options.categorySlug,
		limit: options.limit
	});
	return page.items;
}

export type ProductDetail = ProductCard & {
	description: string;
	ingredients: string | null;
	vatRateBps: number;
	allergens: string[];
	storage: string | null;
	origin: string | null;
	ean: string | null;
	seasonalMonths: number[] | null;
	variants: VariantView[];
	producer: { id: string; slug: string; name: string; city: string; latitude: number; longitude: number } | null;
	shop: ProductCard['shop'] & { city: string; latitude: number | null; longitude: number | null };
	/** The latest lots (newest first, at most `LATEST_LOTS`). */
	lots: LotSummary[];
};

export type LotSummary = { code: string; producedOn: string | null; bestBefore: string | null };
/** How many lots the product page and API list (the traceability page lists them all). */
export const LATEST_LOTS = 3;

/**
 * A product of the territory with its variants and their stock now. Two prepared statements
 * (planned once per connection): the product with its shop, category and producer, then its
 * variants. `cache` (the routes' `productCache`) may serve the first part, never the variants.
 */
export async function getProduct(
	db: Db,
	territoryId: string,
	where: { id: string } | { shopSlug: string; slug: string },
	cache?: ProductCache
): Promise<ProductDetail> {
	const { row, variantRows } = await productAndVariants(db, territoryId, where, cache);
	return productDetail(row, toVariantViews(variantRows));
}

export type ProductPage = {
	product: ProductDetail;
	/** Each variant's net quantity as printed on a label ("500 g"). */
	netQuantities: { variant: string; quantity: string }[];
	/** The shop's weighing tolerance (basis points), told to buyers of goods sold by weight. */
	weighingToleranceBps: number;
};

/**
 * `getProduct` plus what only the product page shows, from the same statements: one round trip
 * when the product is cached. (The tolerance comes with the cached part, so a change shows
 * within the cache's few seconds; the order snapshots the shop's value when it is placed.)
 */
export async function getProductPage(
	db: Db,
	territoryId: string,
	where: { shopSlug: string; slug: string },
	cache: ProductCache | undefined,
	locale: 'fr' | 'en'
): Promise<ProductPage> {
	const { row, variantRows } = await productAndVariants(db, territoryId, where, cache);
	return {
		product: productDetail(row, toVariantViews(variantRows)),
		netQuantities: netQuantitiesFrom(variantRows, locale),
		weighingToleranceBps: row.weighingToleranceBps
	};
}

async function productAndVariants(
	db: Db,
	territoryId: string,
	where: { id: string } | { shopSlug: string; slug: string },
	cache?: ProductCache
) {
	if ('id' in where && !isUuid(where.id)) throw new NotFoundError('product');
	const row = cache ? await cache.product(db, territoryId, where) : await productRow(db, territoryId, where);
	if (!row) throw new NotFoundError('product');
	return { row, variantRows: await prepared(db).variantsOfProduct.execute({ productId: row.id }) };
}

type ProductRow = NonNullable<Awaited<ReturnType<typeof productRow>>>;

function productColumns() {
	return {
		id: products.id,
		slug: products.slug,
		name: products.name,
		unit: products.unit,
		imageUrl: products.imageUrl,
		imageAlt: products.imageAlt,
		labels: products.labels,
		soldOutToday: products.soldOutToday,
		description: products.description,
		ingredients: products.ingredients,
		vatRateBps: products.vatRateBps,
		allergens: products.allergens,
		storage: products.storage,
		origin: products.origin,
		ean: products.ean,
		seasonalMonths: products.seasonalMonths,
		originKm: products.originKm,
		intermediaries: products.intermediaries,
		sellerIsProducer: sql<boolean>`coalesce(${producers.sellerShopId} = ${shops.id}, false)`,
		// The latest lots, as a column of the same statement (the product page makes no extra query).
		lots: sql<
			LotSummary[]
		>`coalesce((select json_agg(json_build_object('code', l.code, 'producedOn', l.produced_on, 'bestBefore', l.best_before))
			from (select code, produced_on, best_before from lots where lots.product_id = "products"."id"
				order by created_at desc, code desc limit ${sql.raw(String(LATEST_LOTS))}) l), '[]'::json)`,
		shopId: shops.id,
		shopSlug: shops.slug,
		shopName: shops.name,
		shopCity: shops.city,
		shopLat: shops.latitude,
		shopLng: shops.longitude,
		weighingToleranceBps: shops.weighingToleranceBps,
		categorySlug: categories.slug,
		categoryName: categories.name,
		producerId: producers.id,
		producerSlug: producers.slug,
		producerName: producers.name,
		producerCity: producers.city,
		producerLat: producers.latitude,
		producerLng: producers.longitude
	};
}

function productQuery(db: Db, where: SQL) {
	return (
		db
			.select(productColumns())
			.from(products)
			.innerJoin(shops, eq(shops.id, products.shopId))
			.leftJoin(categories, eq(categories.id, products.categoryId))
			// The origin producer: the first linked one.
			.leftJoin(productProducers, and(eq(productProducers.productId, products.id), eq(productProducers.position, 0)))
			.leftJoin(producers, eq(producers.id, productProducers.producerId))
			.where(
				and(eq(products.territoryId, sql.placeholder('territoryId')), eq(products.status, 'active'), eq(shops.status, 'active'), where)
			)
	);
}

/** The statements of the product page and API, prepared once per database handle. */
const preparedByDb = new WeakMap<Db, ReturnType<typeof prepare>>();
function prepare(db: Db) {
	return {
		productById: productQuery(db, eq(products.id, sql.placeholder('id'))).prepare('catalog_product_by_id'),
		productBySlug: productQuery(db, and(eq(shops.slug, sql.placeholder('shopSlug')), eq(products.slug, sql.placeholder('slug')))!).prepare(
			'catalog_product_by_slug'
		),
		variantsOfProduct: db
			.select()
			.from(variants)
			.where(and(eq(variants.productId, sql.placeholder('productId')), eq(variants.archived, false)))
			.orderBy(asc(variants.position), asc(variants.priceCents))
			.prepare('catalog_variants_of_product')
	};
}
function prepared(db: Db) {
	let statements = preparedByDb.get(db);
	if (!statements) preparedByDb.set(db, (statements = prepare(db)));
	return statements;
}

async function productRow(db: Db, territoryId: string, where: { id: string } | { shopSlug: string; slug: string }) {
	const statements = prepared(db);
	const [row] =
		'id' in where
			? await statements.productById.execute({ territoryId, id: where.id })
			: await statements.productBySlug.execute({ territoryId, shopSlug: where.shopSlug, slug: where.slug });
	return row ?? null;
}

function productDetail(row: ProductRow, vs: VariantView[]): ProductDetail {
	const card = toCard(row, vs);
	return {
		...card,
		shop: { ...card.shop, city: row.shopCity, latitude: row.shopLat, longitude: row.shopLng },
		description: row.description,
		ingredients: row.ingredients,
		vatRateBps: row.vatRateBps,
		allergens: row.allergens,
		storage: row.storage,
		origin: row.origin,
		ean: row.ean,
		seasonalMonths: row.seasonalMonths,
		lots: row.lots,
		variants: vs,
		producer: row.producerId
			? {
					id: row.producerId,
					slug: row.producerSlug!,
					name: row.producerName!,
					city: row.producerCity!,
					latitude: row.producerLat!,
					longitude: row.producerLng!
				}
			: null
	};
}

export type ProductCache = ReturnType<typeof createProductCache>;

/**
 * The descriptive part of recent products (name, description, shop, category, producer — not
 * the variants), kept in memory a few seconds per process for the product page and API: a
 * popular product costs one small query (its variants, so prices and stock are always read
 * fresh) instead of two. A change of name, description or status shows within `ttlMs`, as a
 * search result may already be that stale (`searchCache`); whether it can still be bought is
 * checked again, against the database, by the cart and the checkout. Unknown products are not
 * kept (a new product shows at once). Least recently used entries go first when full.
 */
export function createProductCache(options: { ttlMs?: number; maxEntries?: number } = {}) {
	const ttlMs = options.ttlMs ?? 5_000;
	const maxEntries = options.maxEntries ?? 5_000;
	const entries = new Map<string, { db: Db; at: number; row: ProductRow }>();
	return {
		async product(db: Db, territoryId: string, where: { id: string } | { shopSlug: string; slug: string }): Promise<ProductRow | null> {
			const key = 'id' in where ? `${territoryId} ${where.id}` : `${territoryId} ${where.shopSlug}/${where.slug}`;
			const now = Date.now();
			const hit = entries.get(key);
			if (hit && hit.db === db && now - hit.at < ttlMs) {
				entries.delete(key);
				entries.set(key, hit);
				return hit.row;
			}
			const row = await productRow(db, territoryId, where);
			entries.delete(key);
			if (row) {
				entries.set(key, { db, at: now, row });
				if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
			}
			return row;
		},
		clear: () => entries.clear()
	};
}

/** The one cache of the routes (product page and API). */
export const productCache = createProductCache();

/** The variants on sale of some products, by product, in the shop's order. */
export async function variantsOf(db: Db, productIds: string[]): Promise<Map<string, VariantView[]>> {
	const map = new Map<string, VariantView[]>();
	if (productIds.length === 0) return map;
	const rows = await db
		.select()
		.from(variants)
		.where(and(inArray(variants.productId, productIds), eq(variants.archived, false)))
		.orderBy(asc(variants.position), asc(variants.priceCents));
	for (const v of rows) map.set(v.productId, [...(map.get(v.productId) ?? []), variantView(v)]);
	return map;
}

function toVariantViews(rows: (typeof variants.$inferSelect)[]): VariantView[] {
	return rows.map(variantView);
}

/**
 * The variants on sale of the product `p` as one JSON column, in the shop's order: a list query
 * carries them in its own statement instead of a second round trip (`variantsFromJson` reads it).
 */
export const variantsJsonSql = sql`coalesce((select json_agg(json_build_object('id', v.id, 'name', v.name, 'sku', v.sku,
	'priceCents', v.price_cents, 'netQuantity', v.net_quantity, 'netUnit', v.net_unit, 'stockMode', v.stock_mode,
	'stock', v.stock, 'leadDays', v.lead_days) order by v.position, v.price_cents)
	from variants v where v.product_id = p.id and not v.archived), '[]'::json)`;

type VariantJson = Pick<
	typeof variants.$inferSelect,
	'id' | 'name' | 'sku' | 'priceCents' | 'netQuantity' | 'netUnit' | 'stockMode' | 'stock' | 'leadDays'
>;

/** The variant views of a `variantsJsonSql` column (numbers arrive as JSON numbers). */
export function variantsFromJson(rows: VariantJson[]): VariantView[] {
	return rows.map(variantView);
}

function variantView(v: VariantJson): VariantView {
	return {
		id: v.id,
		name: v.name,
		sku: v.sku,
		priceCents: v.priceCents,
		unitPrice: unitPrice(v.priceCents, v.netQuantity, v.netUnit as 'kg' | 'l' | null),
		stockMode: v.stockMode,
		stock: v.stockMode === 'tracked' ? v.stock : null,
		leadDays: v.leadDays
	};
}

export type CardRow = {
	id: string;
	slug: string;
	name: string;
	unit: string;
	imageUrl: string | null;
	imageAlt: string | null;
	labels: string[];
	soldOutToday: boolean;
	shopId: string;
	shopSlug: string;
	shopName: string;
	categorySlug: string | null;
	categoryName: string | null;
	originKm: number | null;
	intermediaries: number | null;
	sellerIsProducer: boolean;
};

/** The shop is the origin producer (own first producer selling as this shop), for the search and listings' SQL. */
export const sellerIsProducerSql = (product: string) =>
	sql.raw(`coalesce((select pr.seller_shop_id = ${product}.shop_id from product_producers pp join producers pr on pr.id = pp.producer_id
		where pp.product_id = ${product}.id and pp.position = 0), false)`);

/** A product card from its row and variants: the cheapest variant gives the price shown. */
export function toCard(r: CardRow, vs: VariantView[]): ProductCard {
	const cheapest = vs.reduce<VariantView | undefined>((a, v) => (!a || v.priceCents < a.priceCents ? v : a), undefined);
	return {
		id: r.id,
		slug: r.slug,
		name: r.name,
		unit: r.unit,
		imageUrl: r.imageUrl,
		imageAlt: r.imageAlt,
		labels: r.labels,
		shop: { id: r.shopId, slug: r.shopSlug, name: r.shopName },
		category: r.categorySlug ? { slug: r.categorySlug, name: r.categoryName ?? '' } : null,
		fromPriceCents: cheapest?.priceCents ?? 0,
		unitPrice: cheapest?.unitPrice ?? null,
		available: !r.soldOutToday && vs.some((v) => v.stock === null || v.stock > 0),
		originKm: r.originKm === null ? null : Number(r.originKm),
		intermediaries: r.intermediaries,
		shortCircuit: isShortCircuit(r.intermediaries),
		shopIsIntermediary: !r.sellerIsProducer
	};
}

/**
 * A card's columns as a raw SQL statement selects them (snake_case), with its variants on sale
 * as a `variantsJsonSql` column: what the search and the territory home's picks read.
 */
export type CardSqlRow = {
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
	shop_id: string;
	shop_slug: string;
	shop_name: string;
	category_slug: string | null;
	category_name: string | null;
	variants: VariantJson[];
};

/** The product card of a raw SQL row (see `CardSqlRow`). */
export function cardOfSqlRow(row: CardSqlRow): ProductCard {
	return toCard(
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
		variantsFromJson(row.variants)
	);
}

export async function listCategories(db: Db, territoryId: string) {
	return db
		.select({ id: categories.id, slug: categories.slug, name: categories.name })
		.from(categories)
		.where(eq(categories.territoryId, territoryId))
		.orderBy(asc(categories.position), asc(categories.name));
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
export const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
