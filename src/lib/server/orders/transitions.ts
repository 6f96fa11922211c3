import { z } from 'zod';
import { and, eq, sql } from 'drizzle-orm';
import { orders, orderEvents, orderStatusEnum, slots, stockMovements, variants } from '../db/schema/index.ts';
import type { Db } from '../db/client.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { isUuid } from '../catalog/queries.ts';
import { parseInput } from '../http/validate.ts';
import { t, type Locale } from '../i18n.ts';
import { queueStatusEmail, type StatusEmailContext } from './emails.ts';
import { displayNumber, issueInvoice } from '../invoices/issue.ts';

// The order state machine, in one place:
//
//   new → accepted → preparing → ready → completed      (the merchant moves it forward)
//   new → refused                                         (merchant, reason required)
//   new | accepted | preparing | ready → cancelled        (merchant, reason required)
//
// completed, cancelled and refused are final. Every change is ONE transaction: a conditional
// update (`… and status = <from>`) so that, whatever runs concurrently on any app node, exactly
// one of several identical requests wins; the loser gets a 409 and writes nothing. The same
// transaction writes the order event, gives the stock back and frees the slot when the order is
// cancelled or refused, and queues the customer's email in the outbox. Because no state is ever
// reached twice (there is no cycle), "one email per order and kind" follows from the single
// winner: the outbox needs no dedupe key for these emails.

export type OrderStatus = (typeof orderStatusEnum.enumValues)[number];
export const ORDER_STATUSES: readonly OrderStatus[] = orderStatusEnum.enumValues;

/** The forward path of an order, in the order a merchant walks it. */
export const FLOW: readonly OrderStatus[] = ['new', 'accepted', 'preparing', 'ready', 'completed'];
export const FINAL: readonly OrderStatus[] = ['completed', 'cancelled', 'refused'];

const MERCHANT_MOVES: Record<OrderStatus, readonly OrderStatus[]> = {
	new: ['accepted', 'refused', 'cancelled'],
	accepted: ['preparing', 'cancelled'],
	preparing: ['ready', 'cancelled'],
	ready: ['completed', 'cancelled'],
	completed: [],
	cancelled: [],
	refused: []
};

/** Who made a change, as the order's history names them (the customer's order page reads the same kinds). */
export type ActorKind = 'shop' | 'customer';

/** Whether `actor` may move an order from `from` to `to`. A customer may only cancel a new order. */
export function canTransition(from: OrderStatus, to: OrderStatus, actor: ActorKind = 'shop'): boolean {
	if (actor === 'customer') return from === 'new' && to === 'cancelled';
	return MERCHANT_MOVES[from].includes(to);
}

/** The one forward step the board's big button offers, if any. */
export function nextStep(status: OrderStatus): OrderStatus | null {
	const i = FLOW.indexOf(status);
	return i >= 0 && i < FLOW.length - 1 ? FLOW[i + 1] : null;
}

/** Refusing or cancelling tells the customer why: a reason is required. */
export const needsReason = (to: OrderStatus) => to === 'cancelled' || to === 'refused';

/** The order no longer holds stock nor a place in its slot. */
const releases = (to: OrderStatus) => to === 'cancelled' || to === 'refused';

export const REASON_MAX = 500;

/** The input of a move; messages in the request's language (our own keys are not zod's `error_…` ones). */
export function transitionInput(locale: Locale) {
	return z
		.object({
			to: z.enum(orderStatusEnum.enumValues, { error: t('orders_error_status_unknown', locale) }),
			/** The state the merchant's screen showed: if the order moved since, the move is refused. */
			from: z.enum(orderStatusEnum.enumValues, { error: t('orders_error_status_unknown', locale) }).optional(),
			reason: z
				.string()
				.trim()
				.max(REASON_MAX, t('orders_error_reason_long', locale))
				.optional()
				.transform((r) => (r ? r : undefined))
		})
		.superRefine((v, issue) => {
			if (needsReason(v.to) && !v.reason)
				issue.addIssue({ code: 'custom', path: ['reason'], message: t('orders_error_reason_required', locale) });
		});
}
export type TransitionRequest = z.output<ReturnType<typeof transitionInput>>;

export type TransitionResult = { orderId: string; from: OrderStatus; to: OrderStatus; eventId: string };

/** What a transition needs besides the input: the request's language and what the customer's email links to. */
export type TransitionContext = StatusEmailContext & { locale: Locale };

/**
 * The merchant moves one of their shop's orders. Another shop's order (or an unknown id) is a
 * 404, an illegal move a 409 naming both states, a move that lost a race a 409 as well.
 */
export async function transitionOrder(
	db: Db,
	scope: ShopScope,
	orderId: string,
	input: unknown,
	ctx: TransitionContext
): Promise<TransitionResult> {
	const request = parseInput(transitionInput(ctx.locale), input, ctx.locale);
	if (!isUuid(orderId)) throw new NotFoundError('order');
	const [current] = await db
		.select({ status: orders.status })
		.from(orders)
		.where(and(eq(orders.id, orderId), eq(orders.shopId, scope.shopId)));
	if (!current) throw new NotFoundError('order');
	const from = request.from ?? current.status;
	return applyTransition(db, { orderId, shopId: scope.shopId, from }, request, { kind: 'shop', userId: scope.userId }, ctx);
}

type Actor = { kind: ActorKind; userId: string | null };

/**
 * The transaction behind every state change. `from` is the status the caller saw: if the order
 * moved meanwhile, the conditional update matches nothing and the change is refused (409)
 * rather than applied on top of a state nobody looked at.
 */
export async function applyTransition(
	db: Db,
	target: { orderId: string; shopId: string; from: OrderStatus },
	request: TransitionRequest,
	actor: Actor,
	ctx: TransitionContext
): Promise<TransitionResult> {
	const { orderId, shopId, from } = target;
	const { to } = request;
	if (!canTransition(from, to, actor.kind)) throw illegal(from, to);
	return db.transaction(async (tx) => {
		const [moved] = await tx
			.update(orders)
			.set({ status: to, updatedAt: new Date() })
			.where(and(eq(orders.id, orderId), eq(orders.shopId, shopId), eq(orders.status, from)))
			.returning({ slotId: orders.slotId });
		if (!moved) {
			const [now] = await tx.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId));
			if (!now) throw new NotFoundError('order');
			throw new ConflictError('orders_error_changed_meanwhile', { from, to, current: now.status });
		}
		const [event] = await tx
			.insert(orderEvents)
			.values({ orderId, fromStatus: from, toStatus: to, actorKind: actor.kind, actorUserId: actor.userId, reason: request.reason ?? null })
			.returning({ id: orderEvents.id });
		if (releases(to)) await release(tx, { orderId, shopId, slotId: moved.slotId, actorUserId: actor.userId });
		// The sale is done: its invoice is numbered in this same transaction (no gap if anything fails),
		// and the customer's email carries the link to download it. The shop's invoice counter stays
		// locked while that email is queued: a few statements, and only this shop's completions wait.
		const invoice = to === 'completed' ? await issueInvoice(tx, orderId) : null;
		if (actor.kind === 'shop')
			await queueStatusEmail(tx, orderId, to, request.reason ?? null, {
				...ctx,
				invoiceNumber: invoice ? displayNumber(invoice) : undefined
			});
		return { orderId, from, to, eventId: event.id };
	});
}

function illegal(from: OrderStatus, to: OrderStatus): ConflictError {
	if (FINAL.includes(from)) return new ConflictError('orders_error_final', { from, to });
	return new ConflictError('orders_error_illegal_transition', { from, to });
}

/**
 * Gives back what the order held: the stock it took at checkout, net of what preparation changed
 * (weighing, removed items, substitutions — all movements carry the order id), one movement per
 * variant with reason `order_cancelled`, and its place in the slot. Only lines whose stock is
 * tracked took stock, and those are exactly the ones with movements.
 */
async function release(tx: Db, o: { orderId: string; shopId: string; slotId: string | null; actorUserId: string | null }) {
	const sold = await tx
		.select({ variantId: stockMovements.variantId, taken: sql<string>`-sum(${stockMovements.delta})` })
		.from(stockMovements)
		.where(eq(stockMovements.orderId, o.orderId))
		.groupBy(stockMovements.variantId)
		// A fixed order of row locks: two releases touching the same variants cannot deadlock.
		.orderBy(stockMovements.variantId);
	for (const m of sold) {
		const quantity = Number(m.taken);
		if (!(quantity > 0)) continue;
		await tx
			.update(variants)
			.set({ stock: sql`${variants.stock} + ${quantity}` })
			.where(eq(variants.id, m.variantId));
		await tx.insert(stockMovements).values({
			variantId: m.variantId,
			shopId: o.shopId,
			delta: quantity,
			reason: 'order_cancelled',
			orderId: o.orderId,
			actorUserId: o.actorUserId
		});
	}
	if (o.slotId) {
		await tx
			.update(slots)
			.set({ reserved: sql`${slots.reserved} - 1` })
			.where(and(eq(slots.id, o.slotId), sql`${slots.reserved} > 0`));
	}
}
