import { z } from 'zod';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { orders, orderLines, orderAdjustments, orderSubstitutions, products, shops, stockMovements, variants } from '../db/schema/index.ts';
import type { Db } from '../db/client.ts';
import { queryRows } from '../db/client.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.ts';
import { isUuid } from '../catalog/queries.ts';
import { parseInput } from '../http/validate.ts';
import { t, type Locale } from '../i18n.ts';
import { lineTotalCents } from '../money/vat.ts';
import { quantityError, quantityRule } from '../checkout/quantity.ts';
import { customerOrder } from '../checkout/orders.ts';
import type { StatusEmailContext } from '../orders/emails.ts';
import { DEFAULT_TOLERANCE_BPS, MAX_WEIGHT_KG, isWeighed, kilos, parseWeight, toleranceBounds, withinTolerance } from './weight.ts';
import { queuePreparationEmail } from './emails.ts';

// Preparation changes on an accepted order: weighing a line, marking it unavailable, proposing a
// substitute that the customer accepts or refuses. Every change is ONE transaction that first
// locks the order row (`select … for update`, only while it is accepted or preparing), so the
// changes of one order — and a concurrent cancellation — queue instead of interleaving; then
// conditional updates (`… where removed_at is null`, `… where status = 'pending'`, stock
// `… where stock + d >= 0`), the stock movements (reason `weighing`, `item_unavailable`,
// `substitution`), the recomputed totals (subtotal = Σ lines not removed; total = subtotal +
// delivery fee, so the `orders_totals` CHECK holds) and one `order_adjustments` ledger row.

export type AdjustmentKind = (typeof orderAdjustments.kind.enumValues)[number];
export type PrepContext = StatusEmailContext & { locale: Locale };
type Actor = { kind: 'shop' | 'customer'; userId: string | null };

/** The states in which an order may still be changed. */
export const PREPARABLE = ['accepted', 'preparing'] as const;
export const isPreparable = (status: string) => (PREPARABLE as readonly string[]).includes(status);

type LockedOrder = { id: string; shopId: string; status: string; totalCents: number };

async function lockOrder(tx: Db, orderId: string, shopId: string | null): Promise<LockedOrder> {
	const where = shopId ? and(eq(orders.id, orderId), eq(orders.shopId, shopId)) : eq(orders.id, orderId);
	const [order] = await tx
		.select({ id: orders.id, shopId: orders.shopId, status: orders.status, totalCents: orders.totalCents })
		.from(orders)
		.where(where)
		.for('update');
	if (!order) throw new NotFoundError('order');
	if (!isPreparable(order.status)) throw new ConflictError('prep_error_order_closed', { status: order.status });
	return order;
}

async function lineOf(tx: Db, orderId: string, lineId: string) {
	if (!isUuid(lineId)) throw new NotFoundError('line');
	const [line] = await tx
		.select()
		.from(orderLines)
		.where(and(eq(orderLines.id, lineId), eq(orderLines.orderId, orderId)));
	if (!line) throw new NotFoundError('line');
	return line;
}

const effective = (l: { quantity: number; weighedQuantity: number | null }) => l.weighedQuantity ?? l.quantity;
const kgRound = (n: number) => Math.round(n * 1000) / 1000;

/** A line took stock at checkout (or at substitution) exactly when the order has movements on its variant. */
async function tookStock(tx: Db, orderId: string, variantId: string | null): Promise<boolean> {
	if (!variantId) return false;
	const [row] = await tx
		.select({ n: sql<number>`count(*)::int` })
		.from(stockMovements)
		.where(and(eq(stockMovements.orderId, orderId), eq(stockMovements.variantId, variantId)));
	return Number(row.n) > 0;
}

/** stock + delta, never below zero, with its movement; a shortage rolls the whole change back. */
async function moveStock(
	tx: Db,
	m: { variantId: string; shopId: string; orderId: string; delta: number; reason: string; actorUserId: string | null },
	shortKey = 'prep_error_stock_short'
) {
	const delta = kgRound(m.delta);
	if (delta === 0) return;
	const [moved] = await tx
		.update(variants)
		.set({ stock: sql`${variants.stock} + ${delta}::numeric` })
		.where(and(eq(variants.id, m.variantId), sql`${variants.stock} + ${delta}::numeric >= 0`))
		.returning({ id: variants.id });
	if (!moved) throw new ConflictError(shortKey);
	await tx.insert(stockMovements).values({ ...m, delta });
}

/** Subtotal = Σ lines still in the order; total = subtotal + delivery fee. Returns the new total. */
async function recomputeTotals(tx: Db, orderId: string): Promise<number> {
	const [row] = await queryRows<{ total_cents: number }>(
		tx,
		sql`update ${orders} set
			subtotal_cents = s.sum, total_cents = s.sum + ${orders}.delivery_fee_cents, updated_at = now()
		from (select coalesce(sum(total_cents), 0)::int as sum from ${orderLines} where order_id = ${orderId} and removed_at is null) s
		where ${orders}.id = ${orderId}
		returning ${orders}.total_cents`
	);
	return Number(row.total_cents);
}

async function ledger(
	tx: Db,
	a: { orderId: string; lineId: string; kind: AdjustmentKind; before: number; after: number; detail: Record<string, unknown>; actor: Actor }
) {
	await tx.insert(orderAdjustments).values({
		orderId: a.orderId,
		lineId: a.lineId,
		kind: a.kind,
		totalBeforeCents: a.before,
		totalAfterCents: a.after,
		detail: a.detail,
		actorKind: a.actor.kind,
		actorUserId: a.actor.userId
	});
}

export type AdjustResult = { orderId: string; lineId: string; changed: boolean; totalCents: number };

// ——— Weighing ———

export function weighInput(locale: Locale) {
	return z.object({
		weight: z.unknown().transform((raw, ctx) => {
			const w = parseWeight(raw);
			const bad = (key: string) => {
				ctx.addIssue({ code: 'custom', message: t(key, locale) });
				return z.NEVER;
			};
			if (raw === undefined || raw === null || (typeof raw === 'string' && !raw.trim())) return bad('prep_error_weight_required');
			if (!Number.isFinite(w)) return bad('prep_error_weight_invalid');
			if (w <= 0) return bad('prep_error_weight_positive');
			if (w > MAX_WEIGHT_KG) return bad('prep_error_weight_huge');
			if (Math.abs(w * 1000 - Math.round(w * 1000)) > 1e-6) return bad('prep_error_weight_grams');
			return kgRound(w);
		})
	});
}

/**
 * The merchant enters what a weighed line really weighs. Within the tolerance announced at order,
 * the line's total follows (unit price × weight, to the cent), the order's totals are recomputed,
 * and the difference with what the line held is a `weighing` stock movement when the stock is
 * tracked. The same weight again changes nothing (a double submission writes nothing).
 */
export async function weighLine(
	db: Db,
	scope: ShopScope,
	orderId: string,
	lineId: string,
	input: unknown,
	locale: Locale
): Promise<AdjustResult> {
	const { weight } = parseInput(weighInput(locale), input, locale);
	if (!isUuid(orderId)) throw new NotFoundError('order');
	return db.transaction(async (tx) => {
		const order = await lockOrder(tx, orderId, scope.shopId);
		const line = await lineOf(tx, orderId, lineId);
		if (line.removedAt) throw new ConflictError('prep_error_line_removed');
		if (!isWeighed(line.unit)) throw new ConflictError('prep_error_not_weighed');
		const tolerance = line.toleranceBps ?? DEFAULT_TOLERANCE_BPS;
		if (!withinTolerance(line.quantity, weight, tolerance)) {
			const { min, max } = toleranceBounds(line.quantity, tolerance);
			const message = t('prep_error_weight_tolerance', locale, {
				weight: kilos(weight, locale),
				min: kilos(min / 1000, locale),
				max: kilos(max / 1000, locale)
			});
			throw new InvalidInputError({ weight: [message] });
		}
		if (line.weighedQuantity !== null && kgRound(line.weighedQuantity) === weight)
			return { orderId, lineId, changed: false, totalCents: order.totalCents };
		const previous = effective(line);
		const totalCents = lineTotalCents(line.unitPriceCents, weight);
		const [updated] = await tx
			.update(orderLines)
			.set({ weighedQuantity: weight, totalCents })
			.where(and(eq(orderLines.id, lineId), isNull(orderLines.removedAt)))
			.returning({ id: orderLines.id });
		if (!updated) throw new ConflictError('prep_error_line_removed');
		if (await tookStock(tx, orderId, line.variantId)) {
			await moveStock(tx, {
				variantId: line.variantId!,
				shopId: order.shopId,
				orderId,
				delta: previous - weight,
				reason: 'weighing',
				actorUserId: scope.userId
			});
		}
		const after = await recomputeTotals(tx, orderId);
		await ledger(tx, {
			orderId,
			lineId,
			kind: 'weighed',
			before: order.totalCents,
			after,
			detail: { quantity: line.quantity, weighed: weight, previous, lineTotalCents: totalCents },
			actor: { kind: 'shop', userId: scope.userId }
		});
		return { orderId, lineId, changed: true, totalCents: after };
	});
}

// ——— Unavailable item ———

/** Takes a line out of the order (kept for the history): its stock back, totals recomputed. */
async function removeLine(
	tx: Db,
	order: LockedOrder,
	line: typeof orderLines.$inferSelect,
	reason: string,
	actor: Actor
): Promise<boolean> {
	const [removed] = await tx
		.update(orderLines)
		.set({ removedAt: new Date() })
		.where(and(eq(orderLines.id, line.id), isNull(orderLines.removedAt)))
		.returning({ id: orderLines.id });
	if (!removed) return false;
	if (await tookStock(tx, order.id, line.variantId)) {
		await moveStock(tx, {
			variantId: line.variantId!,
			shopId: order.shopId,
			orderId: order.id,
			delta: effective(line),
			reason,
			actorUserId: actor.userId
		});
	}
	return true;
}

async function pendingProposal(tx: Db, lineId: string) {
	const [p] = await tx
		.select({ id: orderSubstitutions.id })
		.from(orderSubstitutions)
		.where(and(eq(orderSubstitutions.lineId, lineId), eq(orderSubstitutions.status, 'pending')));
	return p ?? null;
}

/**
 * The merchant marks a line unavailable: it leaves the order (`removed_at`), its stock goes back,
 * the totals are recomputed and the customer is told by email. Marking it again changes nothing.
 */
export async function markUnavailable(db: Db, scope: ShopScope, orderId: string, lineId: string, ctx: PrepContext): Promise<AdjustResult> {
	if (!isUuid(orderId)) throw new NotFoundError('order');
	return db.transaction(async (tx) => {
		const order = await lockOrder(tx, orderId, scope.shopId);
		const line = await lineOf(tx, orderId, lineId);
		if (line.removedAt) return { orderId, lineId, changed: false, totalCents: order.totalCents };
		if (await pendingProposal(tx, lineId)) throw new ConflictError('prep_error_substitution_pending');
		const actor: Actor = { kind: 'shop', userId: scope.userId };
		await removeLine(tx, order, line, 'item_unavailable', actor);
		const after = await recomputeTotals(tx, orderId);
		const detail = { product: line.productName, variant: line.variantName, quantity: effective(line), unit: line.unit };
		await ledger(tx, { orderId, lineId, kind: 'removed', before: order.totalCents, after, detail, actor });
		await queuePreparationEmail(tx, orderId, { kind: 'item_unavailable', line, totalCents: after }, ctx);
		return { orderId, lineId, changed: true, totalCents: after };
	});
}

// ——— Substitution ———

export function proposeInput(locale: Locale) {
	return z.object({
		variantId: z.string({ error: t('prep_error_variant_required', locale) }).refine(isUuid, t('prep_error_variant_required', locale)),
		quantity: z.unknown().transform((raw, ctx) => {
			const q = parseWeight(raw);
			if (!Number.isFinite(q) || q <= 0) {
				ctx.addIssue({ code: 'custom', message: t('prep_error_quantity_invalid', locale) });
				return z.NEVER;
			}
			return q;
		})
	});
}

/**
 * The merchant proposes another variant of the shop (with a quantity) in place of a line. The
 * price is the variant's current one, kept with the proposal: the customer accepts what they saw.
 * One pending proposal per line.
 */
export async function proposeSubstitution(
	db: Db,
	scope: ShopScope,
	orderId: string,
	lineId: string,
	input: unknown,
	ctx: PrepContext
): Promise<AdjustResult & { substitutionId: string }> {
	const { variantId, quantity } = parseInput(proposeInput(ctx.locale), input, ctx.locale);
	if (!isUuid(orderId)) throw new NotFoundError('order');
	return db.transaction(async (tx) => {
		const order = await lockOrder(tx, orderId, scope.shopId);
		const line = await lineOf(tx, orderId, lineId);
		if (line.removedAt) throw new ConflictError('prep_error_line_removed');
		const [v] = await tx
			.select({
				id: variants.id,
				name: variants.name,
				priceCents: variants.priceCents,
				productId: products.id,
				productName: products.name,
				unit: products.unit,
				vatRateBps: products.vatRateBps
			})
			.from(variants)
			.innerJoin(products, eq(products.id, variants.productId))
			.where(
				and(eq(variants.id, variantId), eq(products.shopId, scope.shopId), eq(products.status, 'active'), eq(variants.archived, false))
			);
		if (!v) throw new NotFoundError('variant');
		if (v.id === line.variantId) throw new InvalidInputError({ variantId: [t('prep_error_same_variant', ctx.locale)] });
		const qError = quantityError(v.unit, quantity);
		if (qError) throw new InvalidInputError({ quantity: [t(qError, ctx.locale, { max: quantityRule(v.unit).max })] });
		if (await pendingProposal(tx, lineId)) throw new ConflictError('prep_error_substitution_pending');
		const totalCents = lineTotalCents(v.priceCents, quantity);
		const [proposal] = await tx
			.insert(orderSubstitutions)
			.values({
				orderId,
				lineId,
				variantId: v.id,
				productId: v.productId,
				productName: v.productName,
				variantName: v.name,
				unit: v.unit,
				quantity,
				unitPriceCents: v.priceCents,
				vatRateBps: v.vatRateBps,
				totalCents,
				proposedBy: scope.userId
			})
			.returning({ id: orderSubstitutions.id });
		const detail = { product: v.productName, variant: v.name, quantity, unit: v.unit, totalCents, replaces: line.productName };
		const actor: Actor = { kind: 'shop', userId: scope.userId };
		await ledger(tx, { orderId, lineId, kind: 'substitution_proposed', before: order.totalCents, after: order.totalCents, detail, actor });
		await queuePreparationEmail(
			tx,
			orderId,
			{ kind: 'substitution_proposed', line, substitute: { ...detail, productName: v.productName, variantName: v.name } },
			ctx
		);
		return { orderId, lineId, changed: true, totalCents: order.totalCents, substitutionId: proposal.id };
	});
}

export const DecisionInput = z.object({
	substitutionId: z.string().refine(isUuid),
	decision: z.enum(['accept', 'refuse'])
});

/**
 * The customer answers a proposal from their order page (the link's secret is the key). Accept:
 * the substitute's stock is taken (refused if short, nothing written), the original line leaves
 * the order (its stock back) and the substitute becomes a new line. Refuse: the original line
 * leaves the order. The same answer again changes nothing; the other answer after one is a 409.
 */
export async function decideSubstitution(
	db: Db,
	orderId: string,
	accessToken: string | null | undefined,
	input: unknown
): Promise<AdjustResult> {
	const order0 = await customerOrder(db, orderId, accessToken);
	const parsed = DecisionInput.safeParse(input);
	if (!parsed.success) throw new NotFoundError('substitution');
	const { substitutionId, decision } = parsed.data;
	const wanted = decision === 'accept' ? 'accepted' : 'refused';
	return db.transaction(async (tx) => {
		const [proposal] = await tx
			.select()
			.from(orderSubstitutions)
			.where(and(eq(orderSubstitutions.id, substitutionId), eq(orderSubstitutions.orderId, order0.id)));
		if (!proposal) throw new NotFoundError('substitution');
		const order = await lockOrder(tx, order0.id, null);
		const [decided] = await tx
			.update(orderSubstitutions)
			.set({ status: wanted, decidedAt: new Date() })
			.where(and(eq(orderSubstitutions.id, substitutionId), eq(orderSubstitutions.status, 'pending')))
			.returning({ id: orderSubstitutions.id });
		if (!decided) {
			const [now] = await tx
				.select({ status: orderSubstitutions.status })
				.from(orderSubstitutions)
				.where(eq(orderSubstitutions.id, substitutionId));
			if (now.status === wanted) return { orderId, lineId: proposal.lineId, changed: false, totalCents: order.totalCents };
			throw new ConflictError('prep_error_substitution_decided');
		}
		const actor: Actor = { kind: 'customer', userId: null };
		const line = await lineOf(tx, order.id, proposal.lineId);
		let newLineId: string | null = null;
		if (decision === 'accept') {
			const [variant] = await tx.select({ stockMode: variants.stockMode }).from(variants).where(eq(variants.id, proposal.variantId));
			if (variant?.stockMode === 'tracked') {
				await moveStock(
					tx,
					{
						variantId: proposal.variantId,
						shopId: order.shopId,
						orderId: order.id,
						delta: -proposal.quantity,
						reason: 'substitution',
						actorUserId: null
					},
					'prep_error_substitute_short'
				);
			}
			const [shop] = await tx.select({ tolerance: shops.weighingToleranceBps }).from(shops).where(eq(shops.id, order.shopId));
			const [added] = await tx
				.insert(orderLines)
				.values({
					orderId: order.id,
					variantId: proposal.variantId,
					productId: proposal.productId,
					productName: proposal.productName,
					variantName: proposal.variantName,
					unit: proposal.unit,
					quantity: proposal.quantity,
					unitPriceCents: proposal.unitPriceCents,
					vatRateBps: proposal.vatRateBps,
					totalCents: proposal.totalCents,
					toleranceBps: isWeighed(proposal.unit) ? shop.tolerance : null
				})
				.returning({ id: orderLines.id });
			newLineId = added.id;
			await tx.update(orderSubstitutions).set({ newLineId }).where(eq(orderSubstitutions.id, substitutionId));
		}
		await removeLine(tx, order, line, decision === 'accept' ? 'substitution' : 'item_unavailable', actor);
		const after = await recomputeTotals(tx, order.id);
		const detail = {
			product: proposal.productName,
			variant: proposal.variantName,
			quantity: proposal.quantity,
			unit: proposal.unit,
			replaces: line.productName,
			newLineId
		};
		await ledger(tx, {
			orderId: order.id,
			lineId: line.id,
			kind: `substitution_${wanted}`,
			before: order.totalCents,
			after,
			detail,
			actor
		});
		return { orderId: order.id, lineId: line.id, changed: true, totalCents: after };
	});
}

// ——— Reading ———

/** The order's preparation history and its proposals, for the merchant's and the customer's pages. */
export async function preparationOf(db: Db, orderId: string) {
	const [adjustments, substitutions] = await Promise.all([
		db.select().from(orderAdjustments).where(eq(orderAdjustments.orderId, orderId)).orderBy(orderAdjustments.createdAt),
		db.select().from(orderSubstitutions).where(eq(orderSubstitutions.orderId, orderId)).orderBy(orderSubstitutions.createdAt)
	]);
	return { adjustments, substitutions };
}

/** What the merchant can propose as a substitute: the shop's active, unarchived variants. */
export async function substituteChoices(db: Db, scope: ShopScope) {
	return db
		.select({
			id: variants.id,
			productName: products.name,
			variantName: variants.name,
			unit: products.unit,
			priceCents: variants.priceCents,
			stockMode: variants.stockMode,
			stock: variants.stock
		})
		.from(variants)
		.innerJoin(products, eq(products.id, variants.productId))
		.where(and(eq(products.shopId, scope.shopId), eq(products.status, 'active'), eq(variants.archived, false)))
		.orderBy(products.name, variants.name)
		.limit(500);
}
