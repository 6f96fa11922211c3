import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { categories, products, shops, variants } from '../db/schema/index.ts';
import { NotFoundError } from '../errors.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import { missingFoodInfo, isFood, type FoodInfoItem } from './food-info.ts';
import { isUuid } from './manage.ts';
import { centsToEuroText } from './product-input.ts';
import { unitPrice, type UnitPrice } from './unit-price.ts';

/** Reading the catalogue of the merchant's own shop (back office): list with filters, one product to edit. */

/** At or under this many units a tracked variant is "low" in the list. */
export const LOW_STOCK = 3;
/** A shop's list shows at most this many products; search narrows it. */
export const LIST_LIMIT = 500;

export type StockState = 'sold_out' | 'low' | 'ok';

export const catalogFiltersSchema = z.object({
	q: z.string().trim().max(100).catch(''),
	category: z.union([z.uuid(), z.literal('')]).catch(''),
	status: z.enum(['active', 'archived', 'all']).catch('active'),
	stock: z.enum(['sold_out', 'low', 'ok', '']).catch('')
});
export type CatalogFilters = z.output<typeof catalogFiltersSchema>;

export type ProVariant = {
	id: string;
	name: string;
	sku: string | null;
	priceCents: number;
	netQuantity: number | null;
	netUnit: 'kg' | 'l' | null;
	stockMode: 'tracked' | 'unlimited' | 'on_order';
	stock: number;
	leadDays: number | null;
	unitPrice: UnitPrice | null;
};

export type ProListItem = {
	id: string;
	slug: string;
	name: string;
	status: 'active' | 'archived';
	soldOutToday: boolean;
	imageUrl: string | null;
	imageAlt: string | null;
	categoryName: string | null;
	variants: ProVariant[];
	stockState: StockState;
	/** Food information a buyer must see and that is missing (INCO art. 14). */
	missing: FoodInfoItem[];
};

function stockState(soldOutToday: boolean, vs: ProVariant[]): StockState {
	if (soldOutToday || !vs.length) return 'sold_out';
	if (vs.every((v) => v.stockMode === 'tracked' && v.stock <= 0)) return 'sold_out';
	if (vs.some((v) => v.stockMode === 'tracked' && v.stock <= LOW_STOCK)) return 'low';
	return 'ok';
}

async function liveVariants(db: Db, productIds: string[]): Promise<Map<string, ProVariant[]>> {
	const map = new Map<string, ProVariant[]>();
	if (!productIds.length) return map;
	const rows = await db
		.select()
		.from(variants)
		.where(and(inArray(variants.productId, productIds), eq(variants.archived, false)))
		.orderBy(asc(variants.position), asc(variants.id));
	for (const v of rows) {
		const netUnit = v.netUnit as 'kg' | 'l' | null;
		const view: ProVariant = {
			id: v.id,
			name: v.name,
			sku: v.sku,
			priceCents: v.priceCents,
			netQuantity: v.netQuantity,
			netUnit,
			stockMode: v.stockMode,
			stock: v.stock,
			leadDays: v.leadDays,
			unitPrice: unitPrice(v.priceCents, v.netQuantity, netUnit)
		};
		map.set(v.productId, [...(map.get(v.productId) ?? []), view]);
	}
	return map;
}

export async function listShopCatalog(db: Db, scope: ShopScope, filters: CatalogFilters): Promise<{ items: ProListItem[]; total: number }> {
	const where: SQL[] = [eq(products.shopId, scope.shopId)];
	if (filters.status !== 'all') where.push(eq(products.status, filters.status));
	if (filters.category) where.push(eq(products.categoryId, filters.category));
	if (filters.q) where.push(sql`unaccent(${products.name}) ilike unaccent(${'%' + filters.q.replace(/[\\%_]/g, (c) => `\\${c}`) + '%'})`);
	const [shop] = await db.select({ trade: shops.trade }).from(shops).where(eq(shops.id, scope.shopId));
	const rows = await db
		.select({ product: products, categoryName: categories.name, categorySlug: categories.slug })
		.from(products)
		.leftJoin(categories, eq(categories.id, products.categoryId))
		.where(and(...where))
		.orderBy(asc(products.name), asc(products.id))
		.limit(LIST_LIMIT);
	const vs = await liveVariants(
		db,
		rows.map((r) => r.product.id)
	);
	const items = rows.map(({ product: p, categoryName, categorySlug }): ProListItem => {
		const list = vs.get(p.id) ?? [];
		return {
			id: p.id,
			slug: p.slug,
			name: p.name,
			status: p.status,
			soldOutToday: p.soldOutToday,
			imageUrl: p.imageUrl,
			imageAlt: p.imageAlt,
			categoryName,
			variants: list,
			stockState: stockState(p.soldOutToday, list),
			missing: missingFoodInfo({ ...p, categorySlug, trade: shop?.trade ?? 'other', variants: list })
		};
	});
	const filtered = filters.stock ? items.filter((i) => i.stockState === filters.stock) : items;
	return { items: filtered, total: filtered.length };
}

/** How many active products of the shop still lack food information a buyer must see (the INCO rule of food-info.ts). */
export async function countIncompleteFoodProducts(db: Db, scope: ShopScope): Promise<number> {
	const [shop] = await db.select({ trade: shops.trade }).from(shops).where(eq(shops.id, scope.shopId));
	const rows = await db
		.select({
			id: products.id,
			name: products.name,
			ingredients: products.ingredients,
			allergens: products.allergens,
			storage: products.storage,
			origin: products.origin,
			unit: products.unit,
			categorySlug: categories.slug
		})
		.from(products)
		.leftJoin(categories, eq(categories.id, products.categoryId))
		.where(and(eq(products.shopId, scope.shopId), eq(products.status, 'active')));
	const vs = await liveVariants(
		db,
		rows.map((r) => r.id)
	);
	return rows.filter((p) => missingFoodInfo({ ...p, trade: shop?.trade ?? 'other', variants: vs.get(p.id) ?? [] }).length > 0).length;
}

export type ProProduct = ProListItem & {
	description: string;
	categoryId: string | null;
	unit: string;
	vatRateBps: number;
	allergens: string[];
	labels: string[];
	ingredients: string | null;
	storage: string | null;
	origin: string | null;
	ean: string | null;
	seasonalMonths: number[];
	food: boolean;
	shopSlug: string;
};

/** One product of the scope's shop; another shop's id is "not found". */
export async function getShopProduct(db: Db, scope: ShopScope, productId: string): Promise<ProProduct> {
	if (!isUuid(productId)) throw new NotFoundError('product');
	const [row] = await db
		.select({ product: products, categoryName: categories.name, categorySlug: categories.slug, trade: shops.trade, shopSlug: shops.slug })
		.from(products)
		.innerJoin(shops, eq(shops.id, products.shopId))
		.leftJoin(categories, eq(categories.id, products.categoryId))
		.where(and(eq(products.id, productId), eq(products.shopId, scope.shopId)));
	if (!row) throw new NotFoundError('product');
	const p = row.product;
	const list = (await liveVariants(db, [p.id])).get(p.id) ?? [];
	return {
		id: p.id,
		slug: p.slug,
		name: p.name,
		status: p.status,
		soldOutToday: p.soldOutToday,
		imageUrl: p.imageUrl,
		imageAlt: p.imageAlt,
		categoryName: row.categoryName,
		variants: list,
		stockState: stockState(p.soldOutToday, list),
		missing: missingFoodInfo({ ...p, categorySlug: row.categorySlug, trade: row.trade, variants: list }),
		description: p.description,
		categoryId: p.categoryId,
		unit: p.unit,
		vatRateBps: p.vatRateBps,
		allergens: p.allergens,
		labels: p.labels,
		ingredients: p.ingredients,
		storage: p.storage,
		origin: p.origin,
		ean: p.ean,
		seasonalMonths: p.seasonalMonths ?? [],
		food: isFood({ categorySlug: row.categorySlug, trade: row.trade }),
		shopSlug: row.shopSlug
	};
}

/** A product as the flat values of the product form (the shape productFormToRaw reads back). */
export function productFormValues(p: ProProduct): Record<string, string | string[]> {
	const decimal = (n: number | null) => (n === null ? '' : String(n).replace('.', ','));
	const values: Record<string, string | string[]> = {
		name: p.name,
		description: p.description,
		categoryId: p.categoryId ?? '',
		unit: p.unit,
		vatRateBps: String(p.vatRateBps),
		allergens: p.allergens.filter((a) => a !== 'none'),
		allergensNone: p.allergens.includes('none') ? 'on' : '',
		labels: p.labels,
		ingredients: p.ingredients ?? '',
		storage: p.storage ?? '',
		origin: p.origin ?? '',
		ean: p.ean ?? '',
		seasonalMonths: p.seasonalMonths.map(String)
	};
	p.variants.forEach((v, i) => {
		values[`variants.${i}.id`] = v.id;
		values[`variants.${i}.name`] = v.name;
		values[`variants.${i}.sku`] = v.sku ?? '';
		values[`variants.${i}.price`] = centsToEuroText(v.priceCents);
		values[`variants.${i}.netQuantity`] = decimal(v.netQuantity);
		values[`variants.${i}.netUnit`] = v.netUnit ?? '';
		values[`variants.${i}.stockMode`] = v.stockMode;
		values[`variants.${i}.stock`] = decimal(v.stock);
		values[`variants.${i}.leadDays`] = v.leadDays === null ? '' : String(v.leadDays);
	});
	return values;
}

/** The shop's territory categories, and whether the shop's trade sells food (for the form's hints). */
export async function formChoices(db: Db, scope: ShopScope) {
	const list = await db
		.select({ id: categories.id, slug: categories.slug, name: categories.name })
		.from(categories)
		.where(eq(categories.territoryId, scope.territoryId))
		.orderBy(asc(categories.position), asc(categories.name));
	return { categories: list };
}
