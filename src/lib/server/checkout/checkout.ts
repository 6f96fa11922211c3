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
	outboxEmails,
	type DeliveryAddress
} from '../db/schema/index.ts';
import type { Db } from '../db/client.ts';
import { ConflictError, InvalidInputError, NotFoundError, type FieldErrors } from '../errors.ts';
import { parseInput } from '../http/validate.ts';
import { t, type Locale } from '../i18n.ts';
import { getCart, type CartShopGroup, type CartView } from './cart.ts';
import { earliestStart, fulfilmentOptions, zoneFor, type ShopFulfilment } from './fulfilment.ts';
import { orderConfirmationEmail } from './emails.ts';
import { orderEmailKey } from '../notifications/outbox.ts';
import { queryRows } from '../db/client.ts';
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
	/** An unknown cart: read as an empty one (422, the pages), or a 404 (the API). */
	unknownCart?: 'empty' | 'not_found';
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

	// The cart is read once, here, and serves every check and write below.
	const cart = await getCart(db, ctx.territoryId, ctx.cartId);
	if (!cart.id && ctx.unknownCart === 'not_found') throw new NotFoundError('cart');
	const previous = await findCheckout(db, ctx.territoryId, key);
	if (previous) return replay(db, previous, requestHash, ctx);

	const plan = await prepare(db, ctx, data, cart);

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
			if (ctx.cartId) await tx.delete(cartItems).where(eq(cartItems.cartId, ctx.cartId));

			const placed = await writeOrders(tx, ctx, data, plan, created.id);
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

/**
 * Writes every shop's order, its lines, stock movements, first event and confirmation email in
 * ONE statement, which is also the one that takes the order numbers: the per-shop counter rows
 * are locked from this statement to COMMIT only (one round trip), instead of through the whole
 * transaction. Still gap-free and unique: the numbers are taken in the same transaction as
 * everything else and roll back with it. Counters are taken in shop-id order, so two checkouts
 * sharing two shops never deadlock. The emails are built here from the data at hand, with a
 * placeholder for the number that the statement replaces.
 */
async function writeOrders(
	tx: Db,
	ctx: CheckoutContext,
	data: CheckoutRequest,
	plan: PlannedOrder[],
	checkoutId: string
): Promise<PlacedOrder[]> {
	const numberMark = `⟦n:${crypto.randomUUID()}⟧`;
	const made = plan.map((p) => {
		const id = crypto.randomUUID();
		return { p, id, accessToken: orderAccessToken(ctx.secret, id) };
	});
	const orderRows = made.map(({ p, id, accessToken }) => ({
		id,
		shop_id: p.group.shop.id,
		fulfilment: p.method,
		slot_id: p.slotId,
		pickup_point_id: p.pickupPointId,
		delivery_address: p.address,
		delivery_fee_cents: p.deliveryFeeCents,
		subtotal_cents: p.group.subtotalCents,
		total_cents: p.totalCents,
		access_token_hash: sha256(accessToken)
	}));
	const lineRows = made.flatMap(({ p, id }) =>
		p.group.lines.map((l) => ({
			order_id: id,
			shop_id: p.group.shop.id,
			variant_id: l.variantId,
			product_id: l.productId,
			product_name: l.productName,
			variant_name: l.variantName,
			unit: l.unit,
			quantity: l.quantity,
			unit_price_cents: l.unitPriceCents,
			vat_rate_bps: l.vatRateBps,
			total_cents: l.totalCents
		}))
	);
	const movementRows = made.flatMap(({ p, id }) =>
		p.group.lines
			.filter((l) => l.stock !== null)
			.map((l) => ({ variant_id: l.variantId, shop_id: p.group.shop.id, delta: -l.quantity, order_id: id }))
	);
	const emailRows = made.map(({ p, id, accessToken }) => {
		const email = orderConfirmationEmail(
			{
				id,
				number: numberMark,
				customerName: data.customer.name,
				fulfilment: p.method,
				deliveryAddress: p.address,
				deliveryFeeCents: p.deliveryFeeCents,
				totalCents: p.totalCents,
				lines: p.group.lines,
				shop: { name: p.group.shop.name, ...p.place },
				slot: p.slot,
				pickupPoint: p.pickupPoint
			},
			{ accessToken, origin: ctx.origin, locale: ctx.locale, timezone: ctx.timezone }
		);
		return { shop_id: p.group.shop.id, subject: email.subject, text: email.text, dedupe_key: orderEmailKey(id, 'confirmation') };
	});
	const json = (rows: unknown[]) => JSON.stringify(rows);
	const numbers = await queryRows<{ shop_id: string; number: number }>(
		tx,
		sql`with numbered as (
			insert into ${shopOrderCounters} (shop_id, last_number)
			select x.shop_id, 1 from json_to_recordset(${json(orderRows)}::json) as x(shop_id uuid) order by x.shop_id
			on conflict (shop_id) do update set last_number = ${shopOrderCounters}.last_number + 1
			returning shop_id, last_number
		), new_orders as (
			insert into ${orders} (id, checkout_id, territory_id, shop_id, number, fulfilment, slot_id, pickup_point_id, delivery_address,
				delivery_fee_cents, subtotal_cents, total_cents, customer_name, customer_email, customer_phone, user_id, payment_method, access_token_hash)
			select x.id, ${checkoutId}::uuid, ${ctx.territoryId}::uuid, x.shop_id, n.last_number, x.fulfilment::fulfilment, x.slot_id, x.pickup_point_id,
				x.delivery_address, x.delivery_fee_cents, x.subtotal_cents, x.total_cents, ${data.customer.name}::text, ${data.customer.email}::text,
				${data.customer.phone}::text, ${ctx.userId}::text, ${data.payment.method}::text, x.access_token_hash
			from json_to_recordset(${json(orderRows)}::json) as x(id uuid, shop_id uuid, fulfilment text, slot_id uuid, pickup_point_id uuid,
				delivery_address jsonb, delivery_fee_cents int, subtotal_cents int, total_cents int, access_token_hash text)
			join numbered n on n.shop_id = x.shop_id
		), new_lines as (
			insert into ${orderLines} (order_id, variant_id, product_id, product_name, variant_name, unit, quantity, unit_price_cents, vat_rate_bps, total_cents,
				tolerance_bps)
			select x.order_id, x.variant_id, x.product_id, x.product_name, x.variant_name, x.unit, x.quantity, x.unit_price_cents, x.vat_rate_bps,
				x.total_cents, case when x.unit = 'kg' then s.weighing_tolerance_bps end
			from json_to_recordset(${json(lineRows)}::json) as x(order_id uuid, shop_id uuid, variant_id uuid, product_id uuid, product_name text,
				variant_name text, unit text, quantity numeric, unit_price_cents int, vat_rate_bps int, total_cents int)
			join ${shops} s on s.id = x.shop_id
		), new_movements as (
			insert into ${stockMovements} (variant_id, shop_id, delta, reason, order_id, actor_user_id)
			select x.variant_id, x.shop_id, x.delta, 'sale', x.order_id, ${ctx.userId}::text
			from json_to_recordset(${json(movementRows)}::json) as x(variant_id uuid, shop_id uuid, delta numeric, order_id uuid)
		), new_events as (
			insert into ${orderEvents} (order_id, from_status, to_status, actor_kind, actor_user_id)
			select x.id, null::order_status, 'new'::order_status, 'customer', ${ctx.userId}::text from json_to_recordset(${json(orderRows)}::json) as x(id uuid)
		), new_emails as (
			insert into ${outboxEmails} (territory_id, to_address, subject, text, kind, dedupe_key)
			select ${ctx.territoryId}::uuid, ${data.customer.email}::text, replace(x.subject, ${numberMark}::text, n.last_number::text),
				replace(x.text, ${numberMark}::text, n.last_number::text), 'order_confirmation', x.dedupe_key
			from json_to_recordset(${json(emailRows)}::json) as x(shop_id uuid, subject text, text text, dedupe_key text)
			join numbered n on n.shop_id = x.shop_id
			on conflict (dedupe_key) do nothing
		)
		select shop_id, last_number as number from numbered`
	);
	const numberOf = new Map(numbers.map((r) => [r.shop_id, Number(r.number)]));
	return made.map(({ p, id, accessToken }) => ({
		id,
		number: numberOf.get(p.group.shop.id)!,
		shopId: p.group.shop.id,
		shopName: p.group.shop.name,
		status: 'new',
		totalCents: p.totalCents,
		accessToken
	}));
}

/** Everything checked, nothing written: the cart, each shop's fulfilment, minimums, slots, zones. */
async function prepare(
	db: Db,
	ctx: Omit<CheckoutContext, 'idempotencyKey'>,
	data: CheckoutRequest,
	cart: CartView
): Promise<PlannedOrder[]> {
	const now = ctx.now ?? new Date();
	if (cart.groups.length === 0) throw new InvalidInputError({ cart: [t('error_cart_empty', ctx.locale)] });
	const options = await fulfilmentOptions(
		db,
		ctx.territoryId,
		cart.groups.map((g) => g.shop.id),
		now,
		{ withSlots: false }
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
	const cart = await getCart(db, ctx.territoryId, ctx.cartId);
	const plan = await prepare(db, ctx, data, cart);
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
	/** For the confirmation email: the shop's address, the chosen slot and pickup point. */
	place: ShopFulfilment['place'];
	slot: { startsAt: Date; endsAt: Date } | null;
	pickupPoint: { name: string; address: string; postcode: string; city: string } | null;
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
	// Every chosen slot in one read; each is checked below against its owner, kind and lead time.
	const chosen = await slotsByIds(
		db,
		data.fulfilments.flatMap((f) => (f.slotId ? [f.slotId] : [])),
		groups.map((g) => g.shop.id)
	);
	// A slot of the given owner and kind, late enough, on a day the ordering shop hands orders over
	// (not on vacation, not closed: shops/availability.ts); capacity is taken later, atomically.
	const slotOf = (
		slotId: string,
		owner: { shopId?: string; pickupPointId?: string; kind: string },
		earliest: Date,
		orderingShopId: string
	) => {
		const slot = chosen.get(slotId);
		const ownerMatches = owner.shopId ? slot?.shopId === owner.shopId : slot?.pickupPointId === owner.pickupPointId;
		const open = slot?.openFor.includes(orderingShopId);
		return slot && ownerMatches && open && slot.kind === owner.kind && slot.startsAt >= earliest ? slot : null;
	};
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
			earliest,
			place: opts.place,
			slot: null,
			pickupPoint: null
		};
		if (f.method === 'pickup') {
			const slot = f.slotId ? slotOf(f.slotId, { shopId: group.shop.id, kind: 'shop_pickup' }, earliest, group.shop.id) : null;
			if (!opts.pickup) add(field('method'), 'error_fulfilment_method');
			else if (!f.slotId) add(field('slotId'), 'error_slot_required');
			else if (!slot) add(field('slotId'), 'error_slot_unavailable');
			plan.push({ ...base, slot });
		} else if (f.method === 'pickup_point') {
			const point = f.pickupPointId ? opts.pickupPoints.find((p) => p.id === f.pickupPointId) : undefined;
			const slot = point && f.slotId ? slotOf(f.slotId, { pickupPointId: point.id, kind: 'pickup_point' }, earliest, group.shop.id) : null;
			if (!point) add(field('pickupPointId'), 'error_pickup_point_required');
			else if (!f.slotId) add(field('slotId'), 'error_slot_required');
			else if (!slot) add(field('slotId'), 'error_slot_unavailable');
			plan.push({ ...base, pickupPointId: point?.id ?? null, slot, pickupPoint: point ?? null });
		} else {
			const zone = f.address && opts.delivery ? zoneFor(opts.delivery.zones, f.address, opts.place) : null;
			const slot = f.slotId ? slotOf(f.slotId, { shopId: group.shop.id, kind: 'delivery' }, earliest, group.shop.id) : null;
			if (!opts.delivery) add(field('method'), 'error_fulfilment_method');
			else if (!f.address) add(field('address'), 'error_address_required');
			else if (!zone) add(field('address.postcode'), 'error_address_outside_zones', { shop: group.shop.name });
			else if (group.subtotalCents < zone.minOrderCents) add(field('method'), 'error_delivery_minimum', { shop: group.shop.name });
			if (opts.delivery && !f.slotId) add(field('slotId'), 'error_slot_required');
			else if (f.slotId && !slot) add(field('slotId'), 'error_slot_unavailable');
			const fee = zone?.feeCents ?? 0;
			plan.push({ ...base, address: f.address ?? null, deliveryFeeCents: fee, totalCents: group.subtotalCents + fee, slot });
		}
	}
	if (Object.keys(errors).length) throw new InvalidInputError(errors);
	if (shortages.length) throw new ConflictError('error_checkout_short', shortages);
	return plan;
}

/**
 * The chosen slots (capacity is taken later, atomically), each with the shops of the cart that hand
 * orders over at its start (`openFor`: not on vacation, not closed that day).
 */
async function slotsByIds(db: Db, ids: string[], shopIds: string[]) {
	if (ids.length === 0 || shopIds.length === 0)
		return new Map<
			string,
			{ id: string; shopId: string | null; pickupPointId: string | null; kind: string; startsAt: Date; endsAt: Date; openFor: string[] }
		>();
	const cartShops = sql.join(
		shopIds.map((id) => sql`${id}::uuid`),
		sql`, `
	);
	const rows = await db
		.select({
			id: slots.id,
			shopId: slots.shopId,
			pickupPointId: slots.pickupPointId,
			kind: slots.kind,
			startsAt: slots.startsAt,
			endsAt: slots.endsAt,
			openFor: sql<
				string[]
			>`array(select cs.id::text from unnest(array[${cartShops}]) as cs(id) where ${shopTakesOrdersAt(sql`cs.id`, sql`${slots.startsAt}`)})`
		})
		.from(slots)
		.where(inArray(slots.id, [...new Set(ids)]));
	return new Map(rows.map((r) => [r.id, r]));
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
