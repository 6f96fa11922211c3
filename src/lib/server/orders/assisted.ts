import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { carts, checkouts, notifications, orderEvents, orders, outboxEmails, products, variants } from '../db/schema/index.ts';
import type { Db } from '../db/client.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import { InvalidInputError, type FieldErrors } from '../errors.ts';
import { parseInput } from '../http/validate.ts';
import { t, type Locale } from '../i18n.ts';
import { addToCart } from '../checkout/cart.ts';
import { checkout } from '../checkout/checkout.ts';
import { fulfilmentOptions } from '../checkout/fulfilment.ts';
import { quantityRule } from '../checkout/quantity.ts';
import { NO_EMAIL_DOMAIN } from './emails.ts';

// The assisted order: the merchant records an order taken by phone or at the counter for a
// customer without internet. It goes through the customer's own checkout functions (cart, then
// checkout), so stock, slot capacity, lead time, numbering and idempotency follow exactly the
// same rules, in one transaction with the few things that differ:
// - the history says the shop created it (who, when);
// - a customer without email gets no email at all. The order needs an address (the checkout and
//   the schema require one), so it gets one in the reserved `.invalid` domain, which can never be
//   delivered, and every email to it is dropped (here for the confirmation, in emails.ts after).

const phone = z
	.string()
	.trim()
	.regex(/^\+?[0-9 .()-]{6,20}$/, 'error_phone_invalid');

export function assistedInput(locale: Locale) {
	return z.object({
		name: z.string().trim().min(1, t('error_required', locale)).max(100, t('error_name_long', locale)),
		phone,
		email: z
			.string()
			.trim()
			.toLowerCase()
			.max(254, t('error_email_invalid', locale))
			.pipe(z.union([z.literal(''), z.email(t('error_email_invalid', locale))]))
			.optional()
			.transform((e) => e || undefined),
		slotId: z.uuid({ error: t('error_slot_required', locale) }),
		idempotencyKey: z.uuid(),
		lines: z
			// The quantity itself is checked by the cart (its rules per unit and stock), whose
			// message is then shown on the product's own field.
			.array(z.object({ variantId: z.uuid(), quantity: z.union([z.number(), z.string().max(20).transform(Number)]) }))
			.min(1, t('orders_error_lines_required', locale))
			.max(200)
	});
}

/** A form's `q_<variantId>` fields (empty or zero = not ordered) to order lines. */
export function linesFromForm(form: Record<string, string | string[]>) {
	return Object.entries(form).flatMap(([key, value]) => {
		if (!key.startsWith('q_') || typeof value !== 'string' || value.trim() === '' || Number(value.replace(',', '.')) === 0) return [];
		return [{ variantId: key.slice(2), quantity: value.replace(',', '.') }];
	});
}

export type AssistedContext = { secret: string; origin: string; locale: Locale; timezone?: string; now?: Date };

/** What the merchant can sell on the form: the shop's active products and its free pickup slots. */
export async function assistedOrderForm(db: Db, scope: ShopScope, now = new Date()) {
	const [items, options] = await Promise.all([
		db
			.select({
				variantId: variants.id,
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
			.orderBy(asc(products.name), asc(variants.priceCents))
			.limit(500),
		fulfilmentOptions(db, scope.territoryId, [scope.shopId], now)
	]);
	return {
		items: items.map((i) => ({ ...i, step: quantityRule(i.unit).step, stock: i.stockMode === 'tracked' ? i.stock : null })),
		slots: options.get(scope.shopId)?.pickup?.slots ?? []
	};
}

/** Records the order; returns its id. A replayed form (same idempotency key) returns the same order. */
export async function assistedOrder(db: Db, scope: ShopScope, input: unknown, ctx: AssistedContext): Promise<string> {
	const l = ctx.locale;
	const data = parseInput(assistedInput(l), input, l);
	const key = `assisted:${data.idempotencyKey}`;
	const previous = await orderOfCheckout(db, scope, key);
	if (previous) return previous;

	// Only this shop's products: a variant id from the form is never trusted as it is.
	const ids = data.lines.map((line) => line.variantId);
	const own = await db
		.select({ id: variants.id })
		.from(variants)
		.innerJoin(products, eq(products.id, variants.productId))
		.where(and(inArray(variants.id, ids), eq(products.shopId, scope.shopId)));
	const foreign = ids.filter((id) => !own.some((o) => o.id === id));
	if (foreign.length)
		throw new InvalidInputError(Object.fromEntries(foreign.map((id) => [`q_${id}`, [t('orders_error_variant_not_yours', l)]])));

	const email = data.email ?? `client-${randomUUID()}@${NO_EMAIL_DOMAIN}`;
	return db.transaction(async (tx) => {
		let cartId: string | null = null;
		for (const line of data.lines) {
			try {
				cartId = await addToCart(tx, { territoryId: scope.territoryId, cartId }, line, l);
			} catch (e) {
				// The cart's messages name its own fields: show them on the product's quantity.
				if (e instanceof InvalidInputError) throw new InvalidInputError({ [`q_${line.variantId}`]: Object.values(e.fields).flat() });
				throw e;
			}
		}
		let placed;
		try {
			placed = await checkout(
				tx,
				{
					territoryId: scope.territoryId,
					cartId,
					userId: null,
					idempotencyKey: key,
					secret: ctx.secret,
					origin: ctx.origin,
					locale: l,
					timezone: ctx.timezone,
					now: ctx.now
				},
				{
					customer: { name: data.name, email, phone: data.phone },
					// The customer accepts the terms by ordering from the merchant, who records it.
					acceptTerms: true,
					fulfilments: [{ shopId: scope.shopId, method: 'pickup', slotId: data.slotId }]
				}
			);
		} catch (e) {
			if (e instanceof InvalidInputError) throw new InvalidInputError(renameCheckoutFields(e.fields), e.status);
			throw e;
		}
		const orderId = placed.orders[0].id;
		await tx
			.update(orderEvents)
			.set({ actorKind: 'shop', actorUserId: scope.userId })
			.where(and(eq(orderEvents.orderId, orderId), eq(orderEvents.toStatus, 'new')));
		if (!data.email) await tx.delete(outboxEmails).where(eq(outboxEmails.toAddress, email));
		// The shop took it itself: in its feed as read, and no phone rings for it.
		await tx.update(notifications).set({ readAt: new Date(), pushedAt: new Date() }).where(eq(notifications.orderId, orderId));
		if (cartId) await tx.delete(carts).where(eq(carts.id, cartId));
		return orderId;
	});
}

async function orderOfCheckout(db: Db, scope: ShopScope, key: string): Promise<string | null> {
	const [row] = await db
		.select({ id: orders.id })
		.from(orders)
		.innerJoin(checkouts, eq(checkouts.id, orders.checkoutId))
		.where(and(eq(checkouts.territoryId, scope.territoryId), eq(checkouts.idempotencyKey, key), eq(orders.shopId, scope.shopId)));
	return row?.id ?? null;
}

/** The checkout's field names (customer.name, fulfilments.0.slotId…) to this form's. */
function renameCheckoutFields(fields: FieldErrors): FieldErrors {
	const out: FieldErrors = {};
	for (const [key, messages] of Object.entries(fields)) {
		const name = key.startsWith('customer.')
			? key.slice('customer.'.length)
			: key.startsWith('fulfilments')
				? 'slotId'
				: key === 'cart'
					? 'lines'
					: key;
		(out[name] ??= []).push(...messages);
	}
	return out;
}
