import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { shops, products, variants, categories, producers } from '../db/schema/index.ts';
import type { Db } from '../db/client.ts';
import { NotFoundError } from '../errors.ts';
import { unitPrice } from './unit-price.ts';
import { searchProducts, type ProductHit } from './search.ts';

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
};

export async function getProduct(
	db: Db,
	territoryId: string,
	where: { id: string } | { shopSlug: string; slug: string }
): Promise<ProductDetail> {
	const filters = [eq(products.territoryId, territoryId), eq(products.status, 'active'), eq(shops.status, 'active')];
	if ('id' in where) {
		if (!isUuid(where.id)) throw new NotFoundError('product');
		filters.push(eq(products.id, where.id));
	} else filters.push(eq(shops.slug, where.shopSlug), eq(products.slug, where.slug));
	const [row] = await db
		.select({
			product: products,
			shopId: shops.id,
			shopSlug: shops.slug,
			shopName: shops.name,
			shopCity: shops.city,
			shopLat: shops.latitude,
			shopLng: shops.longitude,
			categorySlug: categories.slug,
			categoryName: categories.name,
			producer: {
				id: producers.id,
				slug: producers.slug,
				name: producers.name,
				city: producers.city,
				latitude: producers.latitude,
				longitude: producers.longitude
			}
		})
		.from(products)
		.innerJoin(shops, eq(shops.id, products.shopId))
		.leftJoin(categories, eq(categories.id, products.categoryId))
		.leftJoin(producers, eq(producers.id, products.producerId))
		.where(and(...filters));
	if (!row) throw new NotFoundError('product');
	const p = row.product;
	const vs = (await variantsOf(db, [p.id])).get(p.id) ?? [];
	const card = toCard(
		{
			...p,
			shopId: row.shopId,
			shopSlug: row.shopSlug,
			shopName: row.shopName,
			categorySlug: row.categorySlug,
			categoryName: row.categoryName
		},
		vs
	);
	return {
		...card,
		shop: { ...card.shop, city: row.shopCity, latitude: row.shopLat, longitude: row.shopLng },
		description: p.description,
		ingredients: p.ingredients,
		vatRateBps: p.vatRateBps,
		allergens: p.allergens,
		storage: p.storage,
		origin: p.origin,
		ean: p.ean,
		seasonalMonths: p.seasonalMonths,
		variants: vs,
		producer: row.producer?.id ? row.producer : null
	};
}

/** The variants on sale of some products, by product, in the shop's order. */
export async function variantsOf(db: Db, productIds: string[]): Promise<Map<string, VariantView[]>> {
	const map = new Map<string, VariantView[]>();
	if (productIds.length === 0) return map;
	const rows = await db
		.select()
		.from(variants)
		.where(and(inArray(variants.productId, productIds), eq(variants.archived, false)))
		.orderBy(asc(variants.position), asc(variants.priceCents));
	for (const v of rows) {
		const view: VariantView = {
			id: v.id,
			name: v.name,
			sku: v.sku,
			priceCents: v.priceCents,
			unitPrice: unitPrice(v.priceCents, v.netQuantity, v.netUnit as 'kg' | 'l' | null),
			stockMode: v.stockMode,
			stock: v.stockMode === 'tracked' ? v.stock : null,
			leadDays: v.leadDays
		};
		map.set(v.productId, [...(map.get(v.productId) ?? []), view]);
	}
	return map;
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
};

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
		available: !r.soldOutToday && vs.some((v) => v.stock === null || v.stock > 0)
	};
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
