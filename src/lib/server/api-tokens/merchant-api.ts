import { and, asc, eq, gt, sql, type SQL } from 'drizzle-orm';
import { orders, pickupPoints, products, slots, variants } from '../db/schema/index.ts';
import type { Db } from '../db/client.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import { t, type Locale } from '../i18n.ts';
import { merchantOrder } from '../orders/board.ts';
import { reachableByEmail } from '../orders/emails.ts';
import type { OrderStatus } from '../orders/transitions.ts';
import { getShopProduct, type ProProduct } from '../catalog/pro-catalog.ts';
import { preparationOf, type AdjustResult } from '../preparation/adjust.ts';
import { localDay, pickingList } from '../preparation/picking.ts';
import { DEFAULT_TOLERANCE_BPS, isWeighed, toleranceBounds } from '../preparation/weight.ts';
import {
	changeVariantStock,
	setProductStatus,
	setSoldOutToday,
	setVariantStock,
	updateProduct,
	isUuid,
	type StockReason
} from '../catalog/manage.ts';

// What the merchant API reads, as it answers it: the same queries as the back office's pages
// (merchantOrder, getShopProduct) shaped for integrations, and keyset pages `{ items, nextCursor }`
// whose cursor is opaque to the client.

export const PAGE_DEFAULT = 50;
export const PAGE_MAX = 100;

function encodeCursor(parts: string[]): string {
	return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

function decodeCursor(cursor: string | undefined, size: number, locale: Locale): string[] | null {
	if (!cursor) return null;
	try {
		const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
		if (Array.isArray(parts) && parts.length === size && parts.every((p) => typeof p === 'string' && p.length < 64)) return parts;
	} catch {
		// falls through to the field error
	}
	throw new InvalidInputError({ cursor: [t('api_error_cursor', locale)] }, 400);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type OrderListQuery = { status?: OrderStatus; since?: string; cursor?: string; limit: number };

/**
 * The shop's orders, oldest change first (`updatedAt`, then id): a client syncing keeps the last
 * `updatedAt` it saw and asks `since` it next time; `nextCursor` walks a long answer page by page.
 */
export async function listOrdersPage(db: Db, scope: ShopScope, q: OrderListQuery, locale: Locale) {
	const after = decodeCursor(q.cursor, 2, locale);
	if (after && (!UUID.test(after[1]) || Number.isNaN(Date.parse(after[0])))) {
		throw new InvalidInputError({ cursor: [t('api_error_cursor', locale)] }, 400);
	}
	const where: SQL[] = [eq(orders.shopId, scope.shopId)];
	if (q.status) where.push(eq(orders.status, q.status));
	if (q.since) where.push(sql`${orders.updatedAt} >= ${q.since}::timestamptz`);
	if (after) where.push(sql`(${orders.updatedAt}, ${orders.id}) > (${after[0]}::timestamptz, ${after[1]}::uuid)`);
	// One query for the page (the detail's lines and history are for GET /orders/{id}).
	const rows = await db
		.select({
			order: orders,
			key: sql<string>`${orders.updatedAt}::text`,
			slot: { startsAt: slots.startsAt, endsAt: slots.endsAt },
			pickupPointName: pickupPoints.name
		})
		.from(orders)
		.leftJoin(slots, eq(slots.id, orders.slotId))
		.leftJoin(pickupPoints, eq(pickupPoints.id, orders.pickupPointId))
		.where(and(...where))
		.orderBy(asc(orders.updatedAt), asc(orders.id))
		.limit(q.limit + 1);
	const page = rows.slice(0, q.limit);
	const items = page.map((r) =>
		orderSummary({
			...r.order,
			slot: r.slot?.startsAt ? r.slot : null,
			pickupPoint: r.pickupPointName ? { name: r.pickupPointName } : null
		})
	);
	const last = page.at(-1);
	return { items, nextCursor: rows.length > q.limit && last ? encodeCursor([last.key, last.order.id]) : null };
}

type OrderRow = typeof orders.$inferSelect & {
	slot: { startsAt: Date | null; endsAt: Date | null } | null;
	pickupPoint: { name: string } | null;
};

function orderSummary(o: OrderRow) {
	return {
		id: o.id,
		number: o.number,
		status: o.status,
		fulfilment: o.fulfilment,
		subtotalCents: o.subtotalCents,
		deliveryFeeCents: o.deliveryFeeCents,
		totalCents: o.totalCents,
		paymentMethod: o.paymentMethod,
		customer: { name: o.customerName, email: reachableByEmail(o.customerEmail) ? o.customerEmail : null, phone: o.customerPhone },
		slot: o.slot ? { startsAt: iso(o.slot.startsAt), endsAt: iso(o.slot.endsAt) } : null,
		pickupPoint: o.pickupPoint ? { name: o.pickupPoint.name } : null,
		deliveryAddress: o.deliveryAddress ?? null,
		createdAt: iso(o.createdAt),
		updatedAt: iso(o.updatedAt)
	};
}

/**
 * One order of the shop (404 for another shop's), with its lines, its history, and what its
 * preparation changed: the substitutes proposed (and the customer's answer) and the ledger of
 * weighings, removals and substitutions, as the order's page in the back office shows them.
 */
export async function orderView(db: Db, scope: ShopScope, orderId: string) {
	const o = await merchantOrder(db, scope, orderId);
	const prep = await preparationOf(db, o.id);
	const summary = orderSummary(o);
	return {
		...summary,
		lines: o.lines.map((l) => ({
			id: l.id,
			productId: l.productId,
			variantId: l.variantId,
			productName: l.productName,
			variantName: l.variantName,
			unit: l.unit,
			quantity: l.quantity,
			weighedQuantity: l.weighedQuantity ?? null,
			weightRange: weightRange(l),
			unitPriceCents: l.unitPriceCents,
			vatRateBps: l.vatRateBps,
			totalCents: l.totalCents,
			removed: l.removedAt !== null && l.removedAt !== undefined
		})),
		events: o.events.map((e) => ({ from: e.fromStatus, to: e.toStatus, actor: e.actorKind, reason: e.reason, at: iso(e.createdAt) })),
		substitutions: prep.substitutions.map((s) => ({
			id: s.id,
			lineId: s.lineId,
			status: s.status,
			variantId: s.variantId,
			productName: s.productName,
			variantName: s.variantName,
			unit: s.unit,
			quantity: s.quantity,
			unitPriceCents: s.unitPriceCents,
			totalCents: s.totalCents,
			newLineId: s.newLineId,
			proposedAt: iso(s.createdAt),
			decidedAt: iso(s.decidedAt)
		})),
		adjustments: prep.adjustments.map((a) => ({
			kind: a.kind,
			lineId: a.lineId,
			totalBeforeCents: a.totalBeforeCents,
			totalAfterCents: a.totalAfterCents,
			actor: a.actorKind,
			at: iso(a.createdAt)
		}))
	};
}

/**
 * The weights a line sold by the kg may be weighed at (kg, both inclusive): the tolerance announced
 * to the buyer at order, the same bounds `weighLine` enforces. Null for goods sold by the piece.
 */
function weightRange(l: { unit: string; quantity: number; toleranceBps: number | null }) {
	if (!isWeighed(l.unit)) return null;
	const { min, max } = toleranceBounds(l.quantity, l.toleranceBps ?? DEFAULT_TOLERANCE_BPS);
	return { min: min / 1000, max: max / 1000 };
}

/**
 * A preparation change's answer: whether this request changed anything (the same weight again, or
 * an item already removed, does not: a replay is harmless) and the order as it is now.
 */
export async function preparationAnswer(db: Db, scope: ShopScope, result: AdjustResult) {
	return { changed: result.changed, order: await orderView(db, scope, result.orderId) };
}

/** A new substitution proposal's answer: the proposal, and the order as it is now. */
export async function substitutionAnswer(db: Db, scope: ShopScope, result: AdjustResult & { substitutionId: string }) {
	const order = await orderView(db, scope, result.orderId);
	const substitution = order.substitutions.find((s) => s.id === result.substitutionId)!;
	return { changed: result.changed, substitution, order };
}

export type PickingListQuery = { date?: string; slotId?: string };

/**
 * The picking list of the back office's preparation page (`pickingList`), for a scale or a label
 * printer: one day (today in the territory's time zone when not given) and optionally one slot.
 */
export async function pickingListView(db: Db, scope: ShopScope, q: PickingListQuery, timezone: string) {
	const list = await pickingList(db, scope, { day: q.date ?? localDay(timezone), slotId: q.slotId }, timezone);
	return {
		date: list.day,
		slotId: list.slotId,
		totals: list.totals.map((t) => ({
			variantId: t.variantId,
			productName: t.productName,
			variantName: t.variantName,
			unit: t.unit,
			quantity: t.quantity,
			orders: t.orders
		})),
		orders: list.orders.map((o) => ({
			id: o.id,
			number: o.number,
			status: o.status,
			fulfilment: o.fulfilment,
			customer: { name: o.customerName, phone: o.customerPhone },
			slot: o.slotStartsAt ? { startsAt: iso(o.slotStartsAt), endsAt: iso(o.slotEndsAt) } : null,
			pickupPoint: o.pickupPointName ? { name: o.pickupPointName } : null,
			lines: o.lines.map((l) => ({
				id: l.id,
				productName: l.productName,
				variantName: l.variantName,
				unit: l.unit,
				quantity: l.quantity,
				weighedQuantity: l.weighedQuantity,
				totalCents: l.totalCents,
				pendingSubstitution: l.pendingSubstitution
			}))
		})),
		slots: list.slots.map((s) => ({ id: s.id, startsAt: iso(s.startsAt), endsAt: iso(s.endsAt) }))
	};
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export type ProductListQuery = { status?: 'active' | 'archived'; cursor?: string; limit: number };

/** The shop's products by id (a stable order for paging), each as `GET /products/{id}` answers it. */
export async function listProductsPage(db: Db, scope: ShopScope, q: ProductListQuery, locale: Locale) {
	const after = decodeCursor(q.cursor, 1, locale);
	if (after && !UUID.test(after[0])) throw new InvalidInputError({ cursor: [t('api_error_cursor', locale)] }, 400);
	const where: SQL[] = [eq(products.shopId, scope.shopId)];
	if (q.status) where.push(eq(products.status, q.status));
	if (after) where.push(gt(products.id, after[0]));
	const rows = await db
		.select({ id: products.id })
		.from(products)
		.where(and(...where))
		.orderBy(asc(products.id))
		.limit(q.limit + 1);
	const page = rows.slice(0, q.limit);
	const items = await Promise.all(page.map((r) => productView(db, scope, r.id)));
	const last = page.at(-1);
	return { items, nextCursor: rows.length > q.limit && last ? encodeCursor([last.id]) : null };
}

/** One product of the shop, in the shape the API writes it back (PATCH merges onto it). */
export async function productView(db: Db, scope: ShopScope, productId: string) {
	return productBody(await getShopProduct(db, scope, productId));
}

export function productBody(p: ProProduct) {
	return {
		id: p.id,
		slug: p.slug,
		status: p.status,
		soldOutToday: p.soldOutToday,
		name: p.name,
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
		seasonalMonths: p.seasonalMonths,
		imageUrl: p.imageUrl,
		variants: p.variants.map((v) => ({
			id: v.id,
			name: v.name,
			sku: v.sku,
			priceCents: v.priceCents,
			netQuantity: v.netQuantity,
			netUnit: v.netUnit,
			stockMode: v.stockMode,
			stock: v.stock,
			leadDays: v.leadDays
		}))
	};
}

/** The writable fields of a product as it is now: PATCH applies the client's fields on top. */
export function productInputOf(view: ReturnType<typeof productBody>) {
	const { id: _id, slug: _slug, status: _status, soldOutToday: _sold, imageUrl: _image, ...input } = view;
	return input;
}

/**
 * PATCH: the client's fields over the product as it is, checked by the one product schema. The
 * product row and its variants are locked before they are read, so a sale landing meanwhile is
 * not overwritten by the stock we read (the lock order of every catalogue write: product, then
 * variants by id).
 */
export async function patchProduct(db: Db, scope: ShopScope, productId: string, patch: Record<string, unknown>, locale: Locale) {
	const { status, soldOutToday, ...fields } = patch;
	if (!isUuid(productId)) throw new NotFoundError('product');
	await db.transaction(async (tx) => {
		const [own] = await tx
			.select({ id: products.id })
			.from(products)
			.where(and(eq(products.id, productId), eq(products.shopId, scope.shopId)))
			.for('update');
		if (!own) throw new NotFoundError('product');
		await tx.select({ id: variants.id }).from(variants).where(eq(variants.productId, productId)).orderBy(asc(variants.id)).for('update');
		if (Object.keys(fields).length) {
			const current = productInputOf(productBody(await getShopProduct(tx as unknown as Db, scope, productId)));
			await updateProduct(
				tx,
				scope,
				productId,
				{ ...current, ...fields, variants: mergeVariants(current.variants, fields.variants) },
				{ locale }
			);
		}
		if (status === 'active' || status === 'archived') await setProductStatus(tx, scope, productId, status);
		if (typeof soldOutToday === 'boolean') await setSoldOutToday(tx, scope, productId, soldOutToday);
	});
}

/**
 * A PATCH's `variants` replaces the list, but a listed variant keeps what the client left out
 * (its stock above all: leaving `stock` out must not zero it).
 */
function mergeVariants(current: ReturnType<typeof productBody>['variants'], patch: unknown): unknown {
	if (patch === undefined) return current;
	if (!Array.isArray(patch)) return patch;
	return patch.map((v: unknown) => {
		if (!v || typeof v !== 'object' || !('id' in v)) return v;
		const known = current.find((c) => c.id === v.id);
		return known ? { ...known, ...v } : v;
	});
}

export type StockChange = { delta?: number; set?: number; reason: StockReason };

/** A till's stock change: `set` is computed on the locked row, `delta` is a conditional update; both leave a movement. */
export async function changeStock(db: Db, scope: ShopScope, variantId: string, change: StockChange, locale: Locale) {
	if (change.set !== undefined) {
		await setVariantStock(db, scope, variantId, change.set, change.reason, { locale });
		const [row] = await db.select({ stock: variants.stock }).from(variants).where(eq(variants.id, variantId));
		return { variantId, stock: row.stock };
	}
	const stock = await changeVariantStock(db, scope, variantId, change.delta ?? 0, change.reason, { locale });
	return { variantId, stock };
}
