import { z } from 'zod';
import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import {
	checkouts,
	orders,
	orderLines,
	orderEvents,
	cartItems,
	variants,
	products,
	slots,
	shops,
	stockMovements,
	shopOrderCounters,
	type DeliveryAddress
} from '../db/schema/index.ts';
import type { Db } from '../db/client.ts';
import { ConflictError, InvalidInputError, type FieldErrors } from '../errors.ts';
import { parseInput } from '../http/validate.ts';
import { t, type Locale } from '../i18n.ts';
import { getCart, type CartShopGroup } from './cart.ts';
import { earliestStart, fulfilmentOptions, zoneFor, type ShopFulfilment } from './fulfilment.ts';
import { queueOrderConfirmation } from './emails.ts';
import { orderAccessToken, sha256 } from './order-token.ts';
import { shopTakesOrdersAt } from '../shops/availability.ts';

// Checkout: one customer action creates one order per shop of the cart, in ONE transaction:
// stock and slot capacity are taken by conditional updates (never below zero, never above
// capacity, whatever runs concurrently on any app node), each change is written to its ledger
// (stock movements, order events), order numbers come from a per-shop counter row (no gap, no
// duplicate), and the confirmation email is queued in the same transaction. Any failure rolls
// everything back. The Idempotency-Key makes a retried request return the same orders.
//
// Payment is "on site" (at pickup or delivery) for now; an online payment step will sit between
// the reservation and the confirmation without changing this shape.

const phone = z
	.string()
	.trim()
	.regex(/^\+?[0-9 .()-]{6,20}$/, 'error_phone_invalid');
const address = z.object({
	line1: z.string().trim().min(3, 'error_required').max(200, 'error_text_long'),
	line2: z.string().trim().max(200, 'error_text_long').optional(),
	postcode: z
		.string()
		.trim()
		.regex(/^\d{5}$/, 'error_postcode_invalid'),
	city: z.string().trim().min(1, 'error_required').max(100, 'error_text_long'),
	latitude: z.number().min(-90).max(90).optional(),
	longitude: z.number().min(-180).max(180).optional()
});

export const CheckoutInput = z.object({
	customer: z.object({
		name: z.string().trim().min(1, 'error_required').max(100, 'error_name_long'),
		email: z.string().trim().toLowerCase().max(254, 'error_email_invalid').pipe(z.email('error_email_invalid')),
		phone
	}),
	acceptTerms: z.literal(true, { error: 'error_terms_required' }),
	fulfilments: z
		.array(
			z.object({
				shopId: z.uuid(),
				method: z.enum(['pickup', 'pickup_point', 'delivery'], { error: 'error_fulfilment_method' }),
				slotId: z.uuid({ error: 'error_slot_required' }).optional(),
				pickupPointId: z.uuid({ error: 'error_pickup_point_required' }).optional(),
				address: address.optional()
			})
		)
		.min(1)
		.max(50),
	payment: z.object({ method: z.literal('on_site') }).default({ method: 'on_site' })
});
export type CheckoutRequest = z.infer<typeof CheckoutInput>;

export const IdempotencyKey = z.string().trim().min(8).max(200);

export type PlacedOrder = {
	id: string;
	number: number;
	shopId: string;
	shopName: string;
	status: string;
	totalCents: number;
	accessToken: string;
};
export type CheckoutResult = { checkoutId: string; replayed: boolean; orders: PlacedOrder[] };

export type CheckoutContext = {
	territoryId: string;
	cartId: string | null;
	userId: string | null;
	idempotencyKey: string;
	/** Secret that signs the customers' order links. */
	secret: string;
	/** Public URL, for the links in emails. */
	origin: string;
	locale: Locale;
	/** The territory's time zone, for the times written in emails. */
	timezone?: string;
	now?: Date;
};

/** Lines and slots that could not be taken: the 409 answer names each of them. */
export type Shortage =
	{ kind: 'line'; variantId: string; productName: string; available: number } | { kind: 'slot'; shopId: string; slotId: string };

export async function checkout(db: Db, ctx: CheckoutContext, input: unknown): Promise<CheckoutResult> {
	const keyCheck = IdempotencyKey.safeParse(ctx.idempotencyKey);
	if (!keyCheck.success) throw new InvalidInputError({ 'Idempotency-Key': [t('error_idempotency_key', ctx.locale)] });
	const data = parseInput(CheckoutInput, input, ctx.locale);
	const key = keyCheck.data;
	const requestHash = createHash('sha256')
		.update(JSON.stringify({ cart: ctx.cartId, data }))
		.digest('hex');

	const previous = await findCheckout(db, ctx.territoryId, key);
	if (previous) return replay(db, previous, requestHash, ctx);

	const plan = await prepare(db, ctx, data);

	try {
		return await db.transaction(async (tx) => {
			const [created] = await tx
				.insert(checkouts)
				.values({
					territoryId: ctx.territoryId,
					idempotencyKey: key,
					requestHash,
					userId: ctx.userId,
					customerName: data.customer.name,
					customerEmail: data.customer.email,
					customerPhone: data.customer.phone,
					paymentMethod: data.payment.method,
					totalCents: plan.reduce((s, p) => s + p.totalCents, 0)
				})
				.onConflictDoNothing()
				.returning({ id: checkouts.id });
			// Same key committed meanwhile by a concurrent request: answer with its orders.
			if (!created) throw new ReplayNeeded();

			const shortages: Shortage[] = [];
			for (const line of plan.flatMap((p) => p.group.lines).sort((a, b) => a.variantId.localeCompare(b.variantId))) {
				const [taken] = await tx
					.update(variants)
					.set({
						stock: sql`case when ${variants.stockMode} = 'tracked' then ${variants.stock} - ${line.quantity} else ${variants.stock} end`
					})
					.where(
						and(
							eq(variants.id, line.variantId),
							eq(variants.archived, false),
							sql`(${variants.stockMode} <> 'tracked' or ${variants.stock} >= ${line.quantity})`,
							sql`exists (select 1 from ${products} p join ${shops} s on s.id = p.shop_id
								where p.id = ${variants.productId} and p.status = 'active' and not p.sold_out_today and s.status = 'active'
								and not s.on_vacation)`
						)
					)
					.returning({ id: variants.id });
				if (!taken)
					shortages.push({
						kind: 'line',
						variantId: line.variantId,
						productName: line.productName,
						available: await available(tx, line.variantId)
					});
			}
			for (const p of plan) {
				if (!p.slotId) continue;
				const [reserved] = await tx
					.update(slots)
					.set({ reserved: sql`${slots.reserved} + 1` })
					.where(
						and(
							eq(slots.id, p.slotId),
							sql`${slots.reserved} < ${slots.capacity}`,
							sql`${slots.startsAt} >= ${p.earliest.toISOString()}`,
							shopTakesOrdersAt(p.group.shop.id, sql`${slots.startsAt}`)
						)
					)
					.returning({ id: slots.id });
				if (!reserved) shortages.push({ kind: 'slot', shopId: p.group.shop.id, slotId: p.slotId });
			}
			if (shortages.length) throw new ConflictError('error_checkout_short', shortages);

			const placed: PlacedOrder[] = [];
			for (const p of plan) {
				const [counter] = await tx
					.insert(shopOrderCounters)
					.values({ shopId: p.group.shop.id, lastNumber: 1 })
					.onConflictDoUpdate({ target: shopOrderCounters.shopId, set: { lastNumber: sql`${shopOrderCounters.lastNumber} + 1` } })
					.returning({ number: shopOrderCounters.lastNumber });
				const orderId = crypto.randomUUID();
				const accessToken = orderAccessToken(ctx.secret, orderId);
				await tx.insert(orders).values({
					id: orderId,
					checkoutId: created.id,
					territoryId: ctx.territoryId,
					shopId: p.group.shop.id,
					number: counter.number,
					fulfilment: p.method,
					slotId: p.slotId,
					pickupPointId: p.pickupPointId,
					deliveryAddress: p.address,
					deliveryFeeCents: p.deliveryFeeCents,
					subtotalCents: p.group.subtotalCents,
					totalCents: p.totalCents,
					customerName: data.customer.name,
					customerEmail: data.customer.email,
					customerPhone: data.customer.phone,
					userId: ctx.userId,
					paymentMethod: data.payment.method,
					accessTokenHash: sha256(accessToken)
				});
				await tx.insert(orderLines).values(
					p.group.lines.map((l) => ({
						orderId,
						variantId: l.variantId,
						productId: l.productId,
						productName: l.productName,
						variantName: l.variantName,
						unit: l.unit,
						quantity: l.quantity,
						unitPriceCents: l.unitPriceCents,
						vatRateBps: l.vatRateBps,
						totalCents: l.totalCents
					}))
				);
				const tracked = p.group.lines.filter((l) => l.stock !== null);
				if (tracked.length) {
					await tx.insert(stockMovements).values(
						tracked.map((l) => ({
							variantId: l.variantId,
							shopId: p.group.shop.id,
							delta: -l.quantity,
							reason: 'sale',
							orderId,
							actorUserId: ctx.userId
						}))
					);
				}
				await tx.insert(orderEvents).values({ orderId, fromStatus: null, toStatus: 'new', actorKind: 'customer', actorUserId: ctx.userId });
				await queueOrderConfirmation(tx, {
					orderId,
					accessToken,
					origin: ctx.origin,
					locale: ctx.locale,
					territoryId: ctx.territoryId,
					timezone: ctx.timezone
				});
				placed.push({
					id: orderId,
					number: counter.number,
					shopId: p.group.shop.id,
					shopName: p.group.shop.name,
					status: 'new',
					totalCents: p.totalCents,
					accessToken
				});
			}
			if (ctx.cartId) await tx.delete(cartItems).where(eq(cartItems.cartId, ctx.cartId));
			return { checkoutId: created.id, replayed: false, orders: placed };
		});
	} catch (e) {
		if (e instanceof ReplayNeeded || isUniqueViolation(e)) {
			const existing = await findCheckout(db, ctx.territoryId, key);
			if (existing) return replay(db, existing, requestHash, ctx);
		}
		throw e;
	}
}

/** Everything checked, nothing written: the cart, each shop's fulfilment, minimums, slots, zones. */
async function prepare(db: Db, ctx: Omit<CheckoutContext, 'idempotencyKey'>, data: CheckoutRequest): Promise<PlannedOrder[]> {
	const now = ctx.now ?? new Date();
	const cart = await getCart(db, ctx.territoryId, ctx.cartId);
	if (cart.groups.length === 0) throw new InvalidInputError({ cart: [t('error_cart_empty', ctx.locale)] });
	const options = await fulfilmentOptions(
		db,
		ctx.territoryId,
		cart.groups.map((g) => g.shop.id),
		now
	);
	return planOrders(db, cart.groups, options, data, ctx, now);
}

export type ReviewedOrder = {
	shop: CartShopGroup['shop'];
	lines: CartShopGroup['lines'];
	method: PlannedOrder['method'];
	slotId: string | null;
	pickupPointId: string | null;
	address: DeliveryAddress | null;
	subtotalCents: number;
	deliveryFeeCents: number;
	totalCents: number;
};

/**
 * The summary step before ordering (Code civil art. 1127-2: the customer checks the order and
 * its total before confirming it). Same checks as checkout, nothing written.
 */
export async function reviewCheckout(
	db: Db,
	ctx: Omit<CheckoutContext, 'idempotencyKey'>,
	input: unknown
): Promise<{ request: CheckoutRequest; orders: ReviewedOrder[]; totalCents: number }> {
	const data = parseInput(CheckoutInput, input, ctx.locale);
	const plan = await prepare(db, ctx, data);
	const reviewed = plan.map((p) => ({
		shop: p.group.shop,
		lines: p.group.lines,
		method: p.method,
		slotId: p.slotId,
		pickupPointId: p.pickupPointId,
		address: p.address,
		subtotalCents: p.group.subtotalCents,
		deliveryFeeCents: p.deliveryFeeCents,
		totalCents: p.totalCents
	}));
	return { request: data, orders: reviewed, totalCents: reviewed.reduce((s, o) => s + o.totalCents, 0) };
}

class ReplayNeeded extends Error {}

function isUniqueViolation(e: unknown): boolean {
	const codeOf = (x: unknown) => (x && typeof x === 'object' && 'code' in x ? String((x as { code: unknown }).code) : '');
	return codeOf(e) === '23505' || codeOf((e as { cause?: unknown })?.cause) === '23505';
}

async function available(tx: Db, variantId: string): Promise<number> {
	const [v] = await tx
		.select({
			stock: variants.stock,
			mode: variants.stockMode,
			archived: variants.archived,
			status: products.status,
			soldOut: products.soldOutToday
		})
		.from(variants)
		.innerJoin(products, eq(products.id, variants.productId))
		.where(eq(variants.id, variantId));
	if (!v || v.archived || v.status !== 'active' || v.soldOut) return 0;
	return v.mode === 'tracked' ? v.stock : 0;
}

type PlannedOrder = {
	group: CartShopGroup;
	method: 'pickup' | 'pickup_point' | 'delivery';
	slotId: string | null;
	pickupPointId: string | null;
	address: DeliveryAddress | null;
	deliveryFeeCents: number;
	totalCents: number;
	earliest: Date;
};

/**
 * Checks every shop's part before touching anything: a fulfilment chosen for each shop of the
 * cart, the slot belongs to that shop (or pickup point) and is far enough ahead, the address is
 * inside a delivery zone, minimum orders are met, nothing unavailable is left in the cart.
 */
async function planOrders(
	db: Db,
	groups: CartShopGroup[],
	options: Map<string, ShopFulfilment>,
	data: CheckoutRequest,
	ctx: Omit<CheckoutContext, 'idempotencyKey'>,
	now: Date
): Promise<PlannedOrder[]> {
	const errors: FieldErrors = {};
	const add = (field: string, key: string, params: Record<string, unknown> = {}) => (errors[field] ??= []).push(t(key, ctx.locale, params));
	const plan: PlannedOrder[] = [];
	// Lines that went short since they were put in the cart: the same 409 as a shortage found in
	// the transaction, so the answer does not depend on timing.
	const shortages: Shortage[] = [];
	data.fulfilments.forEach((f, i) => {
		if (!groups.some((g) => g.shop.id === f.shopId)) add(`fulfilments.${i}.shopId`, 'error_fulfilment_unknown_shop');
	});
	const shopCoords = await db
		.select({ id: shops.id, latitude: shops.latitude, longitude: shops.longitude, postcode: shops.postcode })
		.from(shops)
		.where(
			inArray(
				shops.id,
				groups.map((g) => g.shop.id)
			)
		);
	for (const group of groups) {
		const i = data.fulfilments.findIndex((f) => f.shopId === group.shop.id);
		const field = (name: string) => `fulfilments.${i}.${name}`;
		for (const line of group.lines.filter((l) => !l.available)) {
			shortages.push({ kind: 'line', variantId: line.variantId, productName: line.productName, available: Math.max(0, line.stock ?? 0) });
		}
		if (group.missingForMinimumCents > 0) add(`cart.${group.shop.id}`, 'error_min_order', { shop: group.shop.name });
		if (i < 0) {
			add(`fulfilments.${group.shop.id}`, 'error_fulfilment_missing', { shop: group.shop.name });
			continue;
		}
		const f = data.fulfilments[i];
		const opts = options.get(group.shop.id)!;
		if (opts.onVacation) {
			add(`fulfilments.${i}.method`, 'wizard_error_shop_on_vacation', { shop: group.shop.name });
			continue;
		}
		const earliest = earliestStart(now, opts.leadMinutes);
		const base = {
			group,
			method: f.method,
			slotId: f.slotId ?? null,
			pickupPointId: null,
			address: null,
			deliveryFeeCents: 0,
			totalCents: group.subtotalCents,
			earliest
		};
		if (f.method === 'pickup') {
			if (!opts.pickup) add(field('method'), 'error_fulfilment_method');
			else if (!f.slotId) add(field('slotId'), 'error_slot_required');
			else if (!(await slotOf(db, f.slotId, { shopId: group.shop.id, kind: 'shop_pickup' }, earliest, group.shop.id)))
				add(field('slotId'), 'error_slot_unavailable');
			plan.push(base);
		} else if (f.method === 'pickup_point') {
			const point = f.pickupPointId ? opts.pickupPoints.find((p) => p.id === f.pickupPointId) : undefined;
			if (!point) add(field('pickupPointId'), 'error_pickup_point_required');
			else if (!f.slotId) add(field('slotId'), 'error_slot_required');
			else if (!(await slotOf(db, f.slotId, { pickupPointId: point.id, kind: 'pickup_point' }, earliest, group.shop.id)))
				add(field('slotId'), 'error_slot_unavailable');
			plan.push({ ...base, pickupPointId: point?.id ?? null });
		} else {
			const coords = shopCoords.find((s) => s.id === group.shop.id) ?? { latitude: null, longitude: null, postcode: undefined };
			const zone = f.address && opts.delivery ? zoneFor(opts.delivery.zones, f.address, coords) : null;
			if (!opts.delivery) add(field('method'), 'error_fulfilment_method');
			else if (!f.address) add(field('address'), 'error_address_required');
			else if (!zone) add(field('address.postcode'), 'error_address_outside_zones', { shop: group.shop.name });
			else if (group.subtotalCents < zone.minOrderCents) add(field('method'), 'error_delivery_minimum', { shop: group.shop.name });
			if (opts.delivery && !f.slotId) add(field('slotId'), 'error_slot_required');
			else if (f.slotId && !(await slotOf(db, f.slotId, { shopId: group.shop.id, kind: 'delivery' }, earliest, group.shop.id)))
				add(field('slotId'), 'error_slot_unavailable');
			const fee = zone?.feeCents ?? 0;
			plan.push({ ...base, address: f.address ?? null, deliveryFeeCents: fee, totalCents: group.subtotalCents + fee });
		}
	}
	if (Object.keys(errors).length) throw new InvalidInputError(errors);
	if (shortages.length) throw new ConflictError('error_checkout_short', shortages);
	return plan;
}

/**
 * A slot of the given owner and kind, starting late enough, on a day the ordering shop hands orders
 * over (not on vacation, not closed); capacity is taken later, atomically.
 */
async function slotOf(
	db: Db,
	slotId: string,
	owner: { shopId?: string; pickupPointId?: string; kind: string },
	earliest: Date,
	orderingShopId: string
): Promise<boolean> {
	const [row] = await db
		.select({ id: slots.id })
		.from(slots)
		.where(
			and(
				eq(slots.id, slotId),
				owner.shopId ? eq(slots.shopId, owner.shopId) : eq(slots.pickupPointId, owner.pickupPointId!),
				sql`${slots.kind} = ${owner.kind}`,
				sql`${slots.startsAt} >= ${earliest.toISOString()}`,
				shopTakesOrdersAt(orderingShopId, sql`${slots.startsAt}`)
			)
		);
	return Boolean(row);
}

async function findCheckout(db: Db, territoryId: string, key: string) {
	const [row] = await db
		.select({ id: checkouts.id, requestHash: checkouts.requestHash })
		.from(checkouts)
		.where(and(eq(checkouts.territoryId, territoryId), eq(checkouts.idempotencyKey, key)));
	return row ?? null;
}

async function replay(
	db: Db,
	previous: { id: string; requestHash: string },
	requestHash: string,
	ctx: CheckoutContext
): Promise<CheckoutResult> {
	if (previous.requestHash !== requestHash) throw new ConflictError('error_idempotency_mismatch');
	const rows = await db
		.select({
			id: orders.id,
			number: orders.number,
			shopId: orders.shopId,
			shopName: shops.name,
			status: orders.status,
			totalCents: orders.totalCents
		})
		.from(orders)
		.innerJoin(shops, eq(shops.id, orders.shopId))
		.where(eq(orders.checkoutId, previous.id))
		.orderBy(asc(shops.name));
	return { checkoutId: previous.id, replayed: true, orders: rows.map((r) => ({ ...r, accessToken: orderAccessToken(ctx.secret, r.id) })) };
}
