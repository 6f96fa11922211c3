import { and, asc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
	auditLog,
	lots,
	producers,
	productProducers,
	productSources,
	products,
	shops,
	supplyChainSteps,
	variants
} from '../db/schema/index.ts';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import { parseInput } from '../http/validate.ts';
import { t, type Locale } from '../i18n.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import type { Executor } from '../catalog/manage.ts';
import { refreshProductFacts } from './facts.ts';
import { chainInputSchema, lotInputSchema, producerIdsSchema, type LotInput } from './input.ts';
import { linkableProducers } from './producers.ts';

/**
 * A product's origin, written by its shop (SPEC §3.4): its producers (ordered, first = origin),
 * lots, supply-chain steps and sourcing link. Each write locks the shop's own product row (another
 * shop's id is "not found", nothing written) and refreshes the product's stored facts — and those
 * of the products bought from it — in the same transaction.
 */

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export type Options = { locale?: Locale };

/** Locks the shop's own product row: every write of its lots goes through it, so they queue per product. */
export async function lockOwnProduct(tx: Executor, scope: ShopScope, productId: string) {
	if (!UUID.test(productId)) throw new NotFoundError('product');
	const [row] = await tx
		.select({ id: products.id, name: products.name })
		.from(products)
		.where(and(eq(products.id, productId), eq(products.shopId, scope.shopId), eq(products.territoryId, scope.territoryId)))
		.for('update');
	if (!row) throw new NotFoundError('product');
	return row;
}

/** The product and the products bought from it: their facts follow its origin. */
async function refreshWithBuyers(tx: Executor, productId: string) {
	const buyers = await tx
		.select({ id: productSources.productId })
		.from(productSources)
		.where(eq(productSources.sourceProductId, productId));
	await refreshProductFacts(tx as unknown as Db, { productIds: [productId, ...buyers.map((b) => b.id)] });
}

export async function audit(tx: Executor, scope: ShopScope, action: string, data: Record<string, unknown>) {
	await tx.insert(auditLog).values({ territoryId: scope.territoryId, shopId: scope.shopId, actorUserId: scope.userId, action, data });
}

/** Replaces the product's producers with the given ordered list (first = origin). */
export async function setProductProducers(
	db: Executor,
	scope: ShopScope,
	productId: string,
	producerIds: unknown,
	options: Options = {}
): Promise<void> {
	const locale = options.locale ?? 'fr';
	const ids = parseInput(producerIdsSchema, producerIds, locale);
	await db.transaction(async (tx) => {
		await lockOwnProduct(tx, scope, productId);
		const known = new Set((await linkableProducers(tx, scope, ids)).map((p) => p.id));
		const unknown = ids.findIndex((id) => !known.has(id));
		if (unknown >= 0) throw new InvalidInputError({ [String(unknown)]: [t('trace_error_producer_unknown', locale)] });
		await tx.delete(productProducers).where(eq(productProducers.productId, productId));
		if (ids.length) await tx.insert(productProducers).values(ids.map((producerId, position) => ({ productId, producerId, position })));
		await refreshWithBuyers(tx, productId);
		await audit(tx, scope, 'product.producers_set', { productId, producerIds: ids });
	});
}

/** Replaces the product's supply chain with the given ordered steps (a loop is refused). */
export async function setSupplyChain(
	db: Executor,
	scope: ShopScope,
	productId: string,
	steps: unknown,
	options: Options = {}
): Promise<void> {
	const chain = parseInput(chainInputSchema, steps, options.locale ?? 'fr');
	await db.transaction(async (tx) => {
		await lockOwnProduct(tx, scope, productId);
		await tx.delete(supplyChainSteps).where(eq(supplyChainSteps.productId, productId));
		if (chain.length)
			await tx.insert(supplyChainSteps).values(
				chain.map((step, position) => ({
					productId,
					position,
					role: step.role,
					name: step.name,
					place: step.place,
					latitude: step.latitude ?? null,
					longitude: step.longitude ?? null
				}))
			);
		await refreshWithBuyers(tx, productId);
		await audit(tx, scope, 'product.chain_set', { productId, steps: chain.length });
	});
}

async function insertLot(tx: Executor, scope: ShopScope, productId: string, lot: LotInput, locale: Locale): Promise<string> {
	const [taken] = await tx
		.select({ id: lots.id })
		.from(lots)
		.where(and(eq(lots.productId, productId), eq(lots.code, lot.code)));
	if (taken) throw new InvalidInputError({ code: [t('trace_error_lot_code_taken', locale, { code: lot.code })] }, 409);
	const [row] = await tx
		.insert(lots)
		.values({
			productId,
			shopId: scope.shopId,
			code: lot.code,
			producedOn: lot.producedOn,
			bestBefore: lot.bestBefore,
			quantity: lot.quantity ?? null,
			note: lot.note
		})
		.onConflictDoNothing()
		.returning({ id: lots.id });
	// A concurrent request took the code between the check and the insert.
	if (!row) throw new InvalidInputError({ code: [t('trace_error_lot_code_taken', locale, { code: lot.code })] }, 409);
	await audit(tx, scope, 'lot.created', {
		productId,
		lotId: row.id,
		code: lot.code,
		producedOn: lot.producedOn,
		bestBefore: lot.bestBefore,
		quantity: lot.quantity ?? null
	});
	return row.id;
}

/** Adds a lot to one of the shop's products. A code already used for this product is refused. */
export async function addLot(db: Executor, scope: ShopScope, productId: string, input: unknown, options: Options = {}): Promise<string> {
	const locale = options.locale ?? 'fr';
	const lot = parseInput(lotInputSchema, input, locale);
	return db.transaction(async (tx) => {
		await lockOwnProduct(tx, scope, productId);
		return insertLot(tx, scope, productId, lot, locale);
	});
}

/** Parses a lot typed at restock (all fields empty = no lot). Validate before writing any stock. */
export function parseRestockLot(input: Record<string, unknown>, locale: Locale): LotInput | null {
	const fields = { code: input.lotCode, producedOn: input.lotProducedOn, bestBefore: input.lotBestBefore, quantity: input.lotQuantity };
	if (Object.values(fields).every((v) => v === undefined || (typeof v === 'string' && v.trim() === ''))) return null;
	try {
		return parseInput(lotInputSchema, fields, locale);
	} catch (e) {
		if (!(e instanceof InvalidInputError)) throw e;
		const prefixed = Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [`lot${k[0].toUpperCase()}${k.slice(1)}`, v]));
		throw new InvalidInputError(prefixed);
	}
}

/** Adds a lot to the product of one of the shop's variants (the catalogue's restock); in the caller's transaction. */
export async function addLotForVariant(
	db: Executor,
	scope: ShopScope,
	variantId: string,
	lot: LotInput,
	options: Options = {}
): Promise<string> {
	const locale = options.locale ?? 'fr';
	if (!UUID.test(variantId)) throw new NotFoundError('variant');
	return db.transaction(async (tx) => {
		const [row] = await tx
			.select({ productId: variants.productId })
			.from(variants)
			.innerJoin(products, eq(products.id, variants.productId))
			.where(and(eq(variants.id, variantId), eq(products.shopId, scope.shopId)));
		if (!row) throw new NotFoundError('variant');
		await lockOwnProduct(tx, scope, row.productId);
		try {
			return await insertLot(tx, scope, row.productId, lot, locale);
		} catch (e) {
			if (e instanceof InvalidInputError && e.fields.code) throw new InvalidInputError({ lotCode: e.fields.code }, 409);
			throw e;
		}
	});
}

/**
 * Products the shop may buy from: active products of other shops of the territory that sell
 * their own production (they have a producer record as seller), and are not themselves bought.
 */
export async function sourceCandidates(db: Executor, scope: ShopScope) {
	return db
		.select({ id: products.id, name: products.name, shopName: shops.name, producerName: producers.name })
		.from(products)
		.innerJoin(shops, eq(shops.id, products.shopId))
		.innerJoin(producers, eq(producers.sellerShopId, shops.id))
		.where(
			and(
				eq(products.territoryId, scope.territoryId),
				ne(products.shopId, scope.shopId),
				eq(products.status, 'active'),
				eq(shops.status, 'active'),
				isNotNull(producers.sellerShopId),
				sql`not exists (select 1 from product_sources s where s.product_id = ${products.id})`
			)
		)
		.orderBy(asc(shops.name), asc(products.name));
}

/** Sets (or, with null, removes) the product a shop's product is bought from; its origin then follows the source. */
export async function setProductSource(
	db: Executor,
	scope: ShopScope,
	productId: string,
	sourceProductId: string | null,
	options: Options = {}
): Promise<void> {
	const locale = options.locale ?? 'fr';
	await db.transaction(async (tx) => {
		await lockOwnProduct(tx, scope, productId);
		if (sourceProductId === null) {
			await tx.delete(productSources).where(eq(productSources.productId, productId));
		} else {
			const refuse = () => new InvalidInputError({ sourceProductId: [t('trace_error_source_unknown', locale)] });
			if (!UUID.test(sourceProductId)) throw refuse();
			const [candidate] = (await sourceCandidates(tx, scope)).filter((c) => c.id === sourceProductId);
			if (!candidate) throw refuse();
			const [bought] = await tx
				.select({ id: productSources.productId })
				.from(productSources)
				.where(eq(productSources.sourceProductId, productId));
			if (bought) throw new InvalidInputError({ sourceProductId: [t('trace_error_source_is_source', locale)] });
			await tx
				.insert(productSources)
				.values({ productId, sourceProductId })
				.onConflictDoUpdate({ target: productSources.productId, set: { sourceProductId } });
		}
		await refreshProductFacts(tx as unknown as Db, { productIds: [productId] });
		await audit(tx, scope, 'product.source_set', { productId, sourceProductId });
	});
}

/** Product ids of a shop (after its position changed, their distances are refreshed). */
export async function refreshShopFacts(tx: Executor, shopId: string): Promise<void> {
	const rows = await tx.select({ id: products.id }).from(products).where(eq(products.shopId, shopId));
	await refreshProductFacts(tx as unknown as Db, { productIds: rows.map((r) => r.id) });
}
