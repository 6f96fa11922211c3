import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditLog, categories, products, stockMovements, variants } from '../db/schema/index.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.ts';
import { parseInput } from '../http/validate.ts';
import { t, type Locale } from '../i18n.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import { slugify } from '../../slug.ts';
import { MAX_PRICE_CENTS, MAX_STOCK, productColumns, productInputSchema, type ProductInput, type VariantInput } from './product-input.ts';

/**
 * Writing the catalogue of one shop. Every function takes the merchant's ShopScope (never a shop
 * id from the client) and either the database or a caller's transaction: inside a transaction
 * the work runs in a savepoint, so an import or the onboarding wizard can compose several calls
 * and keep all-or-nothing. Stock changes only with a stock movement written in the same
 * transaction (`stock = Σ delta` for tracked variants).
 */

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** The database or a transaction opened by the caller. */
export type Executor = Db | Tx;

/** Why a stock movement was written by the catalogue (orders write 'order' / 'cancel'; a till through the API 'till_sale', 'loss'). */
export type StockReason = 'initial' | 'adjustment' | 'restock' | 'bulk' | 'import' | 'till_sale' | 'loss';

type WriteOptions = { locale?: Locale };

/**
 * Creates a product and its variants; the initial stock of tracked variants is written as an
 * 'initial' movement. Returns the new product's id.
 */
export async function createProduct(db: Executor, scope: ShopScope, input: unknown, options: WriteOptions = {}): Promise<string> {
	const locale = options.locale ?? 'fr';
	const product = parseInput(productInputSchema, input, locale);
	return db.transaction(async (tx) => {
		await checkCategory(tx, scope, product.categoryId, locale);
		const id = await insertProduct(tx, scope, product, 'active');
		for (const [position, variant] of product.variants.entries()) {
			await insertVariant(tx, scope, id, variant, position, 'initial');
		}
		await audit(tx, scope, 'product.created', { productId: id });
		return id;
	});
}

export type UpdateOptions = WriteOptions & {
	/** Variants of the product absent from the input are archived (default) or kept as they are. */
	archiveMissingVariants?: boolean;
	/** Reason written on the movements of stock changes (default 'adjustment'). */
	stockReason?: StockReason;
};

/**
 * Replaces a product's details and variants with the input. Variants are matched by id (an id
 * that is not one of this product's variants is refused); new rows are inserted; a changed stock
 * is written as a movement of the difference, computed on the locked row.
 */
export async function updateProduct(
	db: Executor,
	scope: ShopScope,
	productId: string,
	input: unknown,
	options: UpdateOptions = {}
): Promise<void> {
	const locale = options.locale ?? 'fr';
	const product = parseInput(productInputSchema, input, locale);
	await db.transaction(async (tx) => {
		await lockOwnProduct(tx, scope, productId);
		await checkCategory(tx, scope, product.categoryId, locale);
		await tx
			.update(products)
			.set({ ...productColumns(product), updatedAt: new Date() })
			.where(eq(products.id, productId));
		const existing = await tx
			.select({ id: variants.id })
			.from(variants)
			.where(eq(variants.productId, productId))
			.orderBy(asc(variants.id))
			.for('update');
		const known = new Set(existing.map((v) => v.id));
		const kept = new Set<string>();
		for (const [position, variant] of product.variants.entries()) {
			if (variant.id && !known.has(variant.id)) throw new NotFoundError('variant');
			if (variant.id) {
				kept.add(variant.id);
				await updateVariant(tx, scope, variant.id, variant, position, options.stockReason ?? 'adjustment');
			} else {
				await insertVariant(tx, scope, productId, variant, position, 'initial');
			}
		}
		if (options.archiveMissingVariants ?? true) {
			const missing = [...known].filter((id) => !kept.has(id));
			if (missing.length) await tx.update(variants).set({ archived: true }).where(inArray(variants.id, missing));
		}
		await audit(tx, scope, 'product.updated', { productId });
	});
}

/**
 * For imports: the product owning one of the input's SKUs (in this shop) is updated, its
 * variants matched by SKU and the others kept; otherwise the product is created.
 */
export async function upsertProductBySku(
	db: Executor,
	scope: ShopScope,
	input: unknown,
	options: WriteOptions & { stockReason?: StockReason } = {}
): Promise<{ id: string; created: boolean }> {
	const locale = options.locale ?? 'fr';
	const product = parseInput(productInputSchema, input, locale);
	const skus = product.variants.map((v) => v.sku).filter((s): s is string => s !== null);
	return db.transaction(async (tx) => {
		const owners = skus.length
			? await tx
					.select({ productId: variants.productId, variantId: variants.id, sku: variants.sku })
					.from(variants)
					.innerJoin(products, eq(products.id, variants.productId))
					.where(and(eq(products.shopId, scope.shopId), inArray(variants.sku, skus), isNotNull(variants.sku)))
					.orderBy(asc(products.createdAt))
			: [];
		if (!owners.length) return { id: await createProduct(tx, scope, product, options), created: true };
		const productId = owners[0].productId;
		const bySku = new Map(owners.filter((o) => o.productId === productId).map((o) => [o.sku, o.variantId]));
		const withIds = { ...product, variants: product.variants.map((v) => ({ ...v, id: (v.sku && bySku.get(v.sku)) || undefined })) };
		await updateProduct(tx, scope, productId, withIds, {
			locale,
			archiveMissingVariants: false,
			stockReason: options.stockReason ?? 'import'
		});
		return { id: productId, created: false };
	});
}

/** Archives (hidden from the storefront, kept for past orders) or brings back a product. */
export async function setProductStatus(db: Executor, scope: ShopScope, productId: string, status: 'active' | 'archived'): Promise<void> {
	await db.transaction(async (tx) => {
		await lockOwnProduct(tx, scope, productId);
		await tx.update(products).set({ status, updatedAt: new Date() }).where(eq(products.id, productId));
		await audit(tx, scope, status === 'archived' ? 'product.archived' : 'product.unarchived', { productId });
	});
}

/** The one-tap "sold out today" switch; it does not touch stock (the counter is empty, not the books). */
export async function setSoldOutToday(db: Executor, scope: ShopScope, productId: string, soldOut: boolean): Promise<void> {
	await db.transaction(async (tx) => {
		await lockOwnProduct(tx, scope, productId);
		await tx.update(products).set({ soldOutToday: soldOut, updatedAt: new Date() }).where(eq(products.id, productId));
		await audit(tx, scope, soldOut ? 'product.sold_out_today' : 'product.back_on_sale', { productId });
	});
}

/**
 * Sets the stock of one tracked variant of the shop (restock after a delivery, a count at the
 * counter), writing the difference as a movement with the reason. Also lifts "sold out today",
 * which a restock contradicts.
 */
export async function setVariantStock(
	db: Executor,
	scope: ShopScope,
	variantId: string,
	stock: number,
	reason: StockReason = 'restock',
	options: WriteOptions = {}
): Promise<void> {
	checkStock(stock, options.locale ?? 'fr');
	await db.transaction(async (tx) => {
		const productId = await lockTrackedVariant(tx, scope, variantId, options.locale ?? 'fr');
		await moveStockTo(tx, scope, variantId, stock, reason);
		if (reason === 'restock' && stock > 0) {
			await tx.update(products).set({ soldOutToday: false, updatedAt: new Date() }).where(eq(products.id, productId));
		}
	});
}

/**
 * Adds `delta` (negative: a sale at the till, a loss) to one tracked variant's stock, with its
 * movement, on the locked row; refused (409, nothing written) if the stock would go below zero.
 * Returns the new stock.
 */
export async function changeVariantStock(
	db: Executor,
	scope: ShopScope,
	variantId: string,
	delta: number,
	reason: StockReason,
	options: WriteOptions = {}
): Promise<number> {
	return db.transaction(async (tx) => {
		const productId = await lockTrackedVariant(tx, scope, variantId, options.locale ?? 'fr');
		const [moved] = await tx
			.update(variants)
			.set({ stock: sql`${variants.stock} + ${delta}` })
			.where(and(eq(variants.id, variantId), sql`${variants.stock} + ${delta} >= 0`, sql`${variants.stock} + ${delta} <= ${MAX_STOCK}`))
			.returning({ stock: variants.stock });
		if (!moved) throw new ConflictError('api_error_stock_below_zero');
		await tx.insert(stockMovements).values({ variantId, shopId: scope.shopId, delta, reason, actorUserId: scope.userId });
		if (reason === 'restock' && delta > 0) {
			await tx.update(products).set({ soldOutToday: false, updatedAt: new Date() }).where(eq(products.id, productId));
		}
		return moved.stock;
	});
}

/** Makes an archived copy (name marked as a copy, no SKU, no stock) for the merchant to adjust. */
export async function duplicateProduct(db: Executor, scope: ShopScope, productId: string, options: WriteOptions = {}): Promise<string> {
	const locale = options.locale ?? 'fr';
	return db.transaction(async (tx) => {
		const source = await lockOwnProduct(tx, scope, productId);
		const rows = await tx
			.select()
			.from(variants)
			.where(and(eq(variants.productId, productId), eq(variants.archived, false)))
			.orderBy(asc(variants.position));
		const name = t('catalog_copy_name', locale, { name: source.name }).slice(0, 120);
		const id = await insertProduct(
			tx,
			scope,
			{
				...source,
				name,
				allergens: source.allergens as ProductInput['allergens'],
				labels: source.labels as ProductInput['labels'],
				vatRateBps: source.vatRateBps as ProductInput['vatRateBps'],
				seasonalMonths: source.seasonalMonths ?? [],
				variants: []
			},
			'archived'
		);
		if (rows.length) {
			await tx.insert(variants).values(
				rows.map((v, position) => ({
					productId: id,
					name: v.name,
					sku: null,
					priceCents: v.priceCents,
					netQuantity: v.netQuantity,
					netUnit: v.netUnit,
					stockMode: v.stockMode,
					stock: 0,
					leadDays: v.leadDays,
					position
				}))
			);
		}
		await tx
			.update(products)
			.set({ imageUrl: source.imageUrl, imageAlt: source.imageAlt, imageId: source.imageId })
			.where(eq(products.id, id));
		await audit(tx, scope, 'product.duplicated', { productId: id, from: productId });
		return id;
	});
}

export type BulkAction =
	| { kind: 'price_percent'; percent: number }
	| { kind: 'price_amount'; cents: number }
	| { kind: 'stock'; stock: number }
	| { kind: 'archive' }
	| { kind: 'unarchive' };

/**
 * One change applied to several products of the shop, all or nothing: an id that is not one of
 * the shop's products refuses the whole edit, and so does a price that would become negative or
 * absurd. Prices change on every live variant; stock is set on tracked variants (reason 'bulk').
 * Rows are locked in id order so concurrent bulk edits queue instead of deadlocking.
 */
export async function bulkEditProducts(
	db: Executor,
	scope: ShopScope,
	productIds: string[],
	action: BulkAction,
	options: WriteOptions = {}
): Promise<{ products: number; variants: number }> {
	const locale = options.locale ?? 'fr';
	const ids = [...new Set(productIds)].sort();
	if (!ids.length) throw new InvalidInputError({ productIds: [t('error_catalog_bulk_empty', locale)] });
	if (action.kind === 'stock') checkStock(action.stock, locale);
	if (!ids.every(isUuid)) throw new NotFoundError('product');
	return db.transaction(async (tx) => {
		const owned = await tx
			.select({ id: products.id })
			.from(products)
			.where(and(inArray(products.id, ids), eq(products.shopId, scope.shopId)))
			.orderBy(asc(products.id))
			.for('update');
		if (owned.length !== ids.length) throw new NotFoundError('product');
		if (action.kind === 'archive' || action.kind === 'unarchive') {
			await tx
				.update(products)
				.set({ status: action.kind === 'archive' ? 'archived' : 'active', updatedAt: new Date() })
				.where(inArray(products.id, ids));
			await audit(tx, scope, `product.bulk_${action.kind}`, { productIds: ids });
			return { products: ids.length, variants: 0 };
		}
		const rows = await tx
			.select({ id: variants.id, priceCents: variants.priceCents, stockMode: variants.stockMode })
			.from(variants)
			.where(and(inArray(variants.productId, ids), eq(variants.archived, false)))
			.orderBy(asc(variants.id))
			.for('update');
		let changed = 0;
		if (action.kind === 'stock') {
			for (const row of rows) {
				if (row.stockMode !== 'tracked') continue;
				await moveStockTo(tx, scope, row.id, action.stock, 'bulk');
				changed++;
			}
		} else {
			for (const row of rows) {
				const price = newPrice(row.priceCents, action);
				if (price < 0) throw new InvalidInputError({ value: [t('error_catalog_price_negative', locale)] });
				if (price > MAX_PRICE_CENTS) throw new InvalidInputError({ value: [t('error_catalog_price_absurd', locale)] });
				if (price === row.priceCents) continue;
				await tx.update(variants).set({ priceCents: price }).where(eq(variants.id, row.id));
				changed++;
			}
			await tx.update(products).set({ updatedAt: new Date() }).where(inArray(products.id, ids));
		}
		await audit(tx, scope, `product.bulk_${action.kind}`, { productIds: ids, action });
		return { products: ids.length, variants: changed };
	});
}

/** A price after a bulk change: percentages round half away from zero to the cent. */
export function newPrice(
	priceCents: number,
	action: { kind: 'price_percent'; percent: number } | { kind: 'price_amount'; cents: number }
): number {
	if (action.kind === 'price_amount') return priceCents + action.cents;
	return Math.round((priceCents * (100 + action.percent)) / 100);
}

// —— internals ——

/** Inserts the product under a slug free in this shop: name, then name-2, name-3… */
async function insertProduct(
	tx: Tx,
	scope: ShopScope,
	p: Omit<ProductInput, 'variants'> & { variants: unknown[] },
	status: 'active' | 'archived'
) {
	const base = slugify(p.name) || 'produit';
	const taken = await tx
		.select({ slug: products.slug })
		.from(products)
		.where(and(eq(products.shopId, scope.shopId), sql`(${products.slug} = ${base} or ${products.slug} like ${base + '-%'})`));
	const used = new Set(taken.map((r) => r.slug));
	for (let n = 1; ; n++) {
		const slug = n === 1 ? base : `${base}-${n}`;
		if (used.has(slug)) continue;
		// A concurrent insert may take the same slug between our read and write: try the next one.
		const [row] = await tx
			.insert(products)
			.values({ ...productColumns(p), shopId: scope.shopId, territoryId: scope.territoryId, slug, status })
			.onConflictDoNothing({ target: [products.shopId, products.slug] })
			.returning({ id: products.id });
		if (row) return row.id;
	}
}

async function insertVariant(tx: Tx, scope: ShopScope, productId: string, v: VariantInput, position: number, reason: StockReason) {
	const [row] = await tx
		.insert(variants)
		.values({ productId, position, ...variantColumns(v), stock: 0 })
		.returning({ id: variants.id });
	if (v.stockMode === 'tracked' && v.stock > 0) await moveStockTo(tx, scope, row.id, v.stock, reason);
	return row.id;
}

async function updateVariant(tx: Tx, scope: ShopScope, variantId: string, v: VariantInput, position: number, reason: StockReason) {
	await tx
		.update(variants)
		.set({ ...variantColumns(v), position, archived: false })
		.where(eq(variants.id, variantId));
	// Stock leaving tracking is zeroed through the ledger, so Σ delta stays equal to stock.
	await moveStockTo(tx, scope, variantId, v.stockMode === 'tracked' ? v.stock : 0, reason);
}

function variantColumns(v: VariantInput) {
	return {
		name: v.name,
		sku: v.sku,
		priceCents: v.priceCents,
		netQuantity: v.netQuantity,
		netUnit: v.netUnit,
		stockMode: v.stockMode,
		leadDays: v.leadDays
	};
}

/**
 * Sets a variant's stock to `target` on the locked row and writes the difference as a movement
 * (nothing when unchanged). The conditional update keeps the CHECK's promise even if a caller
 * forgot the lock.
 */
async function moveStockTo(tx: Tx, scope: ShopScope, variantId: string, target: number, reason: StockReason) {
	const [row] = await tx.select({ stock: variants.stock }).from(variants).where(eq(variants.id, variantId)).for('update');
	const delta = Math.round((target - row.stock) * 1000) / 1000;
	if (delta === 0) return;
	await tx
		.update(variants)
		.set({ stock: sql`${variants.stock} + ${delta}` })
		.where(and(eq(variants.id, variantId), sql`${variants.stock} + ${delta} >= 0`));
	await tx.insert(stockMovements).values({ variantId, shopId: scope.shopId, delta, reason, actorUserId: scope.userId });
}

/**
 * Before a stock change: one of the scope's variants (else "not found"), its product locked first
 * (the order every catalogue write takes, so a restock and a bulk edit of the same product queue
 * instead of deadlocking), refused if its stock is not tracked. Returns the product id.
 */
async function lockTrackedVariant(tx: Tx, scope: ShopScope, variantId: string, locale: Locale): Promise<string> {
	if (!isUuid(variantId)) throw new NotFoundError('variant');
	const [row] = await tx
		.select({ productId: variants.productId, stockMode: variants.stockMode })
		.from(variants)
		.innerJoin(products, eq(products.id, variants.productId))
		.where(and(eq(variants.id, variantId), eq(products.shopId, scope.shopId)));
	if (!row) throw new NotFoundError('variant');
	await lockOwnProduct(tx, scope, row.productId);
	if (row.stockMode !== 'tracked') throw new InvalidInputError({ stock: [t('error_catalog_stock_not_tracked', locale)] });
	return row.productId;
}

/** Locks one of the scope's products; another shop's id is "not found" (its existence is not revealed). */
async function lockOwnProduct(tx: Tx, scope: ShopScope, productId: string) {
	if (!isUuid(productId)) throw new NotFoundError('product');
	const [row] = await tx
		.select()
		.from(products)
		.where(and(eq(products.id, productId), eq(products.shopId, scope.shopId)))
		.for('update');
	if (!row) throw new NotFoundError('product');
	return row;
}

async function checkCategory(tx: Tx, scope: ShopScope, categoryId: string | null, locale: Locale) {
	if (!categoryId) return;
	const [row] = await tx
		.select({ id: categories.id })
		.from(categories)
		.where(and(eq(categories.id, categoryId), eq(categories.territoryId, scope.territoryId)));
	if (!row) throw new InvalidInputError({ categoryId: [t('error_catalog_category', locale)] });
}

function checkStock(stock: number, locale: Locale) {
	if (!Number.isFinite(stock) || stock < 0 || stock > MAX_STOCK || Math.abs(stock * 1000 - Math.round(stock * 1000)) > 1e-6) {
		throw new InvalidInputError({ stock: [t('error_catalog_stock_invalid', locale)] });
	}
}

async function audit(tx: Tx, scope: ShopScope, action: string, data: Record<string, unknown>) {
	await tx.insert(auditLog).values({ territoryId: scope.territoryId, shopId: scope.shopId, actorUserId: scope.userId, action, data });
}

export const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
