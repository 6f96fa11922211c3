import { z } from 'zod';
import { TZDate } from '@date-fns/tz';
import type { Db } from '../db/client.ts';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import { t, type Locale } from '../i18n.ts';
import { rateRules } from '../security/rate-limit.ts';
import { AddItemInput, SetQuantityInput, getCart, type CartView } from '../checkout/cart.ts';
import { CheckoutInput, IdempotencyKey, type PlacedOrder } from '../checkout/checkout.ts';
import type { CustomerOrder } from '../checkout/orders.ts';
import { component, requestComponent, defineOperation, problemResponse, Problem, type SecurityScheme, type Tag } from './openapi.ts';
import { calendarDay } from './validate.ts';

/**
 * The cart, checkout and customer-order API: path, query, header and body schemas (the bodies
 * are the domain's own input schemas), response shapes, operations, and the few mappings from
 * domain values to what the API answers.
 */

export const cartTags: Tag[] = [
	{
		name: 'cart',
		description:
			'One anonymous cart across all the shops of the territory. `POST /api/v1/carts` gives its id (a UUID): that id is the ' +
			'only key to the cart — whoever holds it can read, change and check it out — so keep it private, like a session token. ' +
			'Lines are grouped per shop with the subtotal and what is missing to reach the shop’s minimum order. ' +
			'Send `Content-Type: application/json` with every POST, PATCH and DELETE, even without a body: a write without a ' +
			'content type is refused (403) as a possible cross-site form post.'
	},
	{
		name: 'checkout',
		description:
			'Pickup slots, then one checkout that places one order per shop of the cart, atomically: stock and slot places are taken ' +
			'together or not at all. Payment is on site (at pickup or delivery).'
	},
	{
		name: 'orders',
		description:
			'A customer’s order, reachable without an account with the `accessToken` given at checkout (and in the confirmation email): ' +
			'`Authorization: Bearer <token>` or `?token=<token>`. A wrong token answers 404, as an unknown order does.'
	}
];

const id = () => z.guid();
const cents = (description: string) =>
	z
		.int()
		.min(0)
		.meta({ description: `${description}, in integer euro cents, VAT included.` });
const instant = (description: string) => z.iso.datetime({ offset: true }).meta({ description: `${description} (ISO 8601, UTC).` });

// ── Slots ──────────────────────────────────────────────────────────────────────────────────

export const Slot = component(
	'Slot',
	z.object({
		id: id(),
		startsAt: instant('Start'),
		endsAt: instant('End'),
		remaining: z.int().min(1).meta({ description: 'Orders the slot can still take.' })
	}),
	'A pickup slot with room left. Pass its id as `slotId` at checkout.'
);

export const SlotList = component('SlotList', z.object({ items: z.array(Slot) }), 'Pickup slots, soonest first.');

/** Longest span of days a slot list covers, both ends included. */
export const MAX_SLOT_DAYS = 31;
const DEFAULT_SLOT_DAYS = 7;

export const slotListQuery = z.object({
	from: calendarDay().optional().meta({ description: 'First day, `YYYY-MM-DD` in the territory’s time zone. Default: today.' }),
	to: calendarDay()
		.optional()
		.meta({
			description: `Last day, included. Default: ${DEFAULT_SLOT_DAYS - 1} days after \`from\`. At most ${MAX_SLOT_DAYS - 1} days after \`from\`.`
		})
});

const dayNumber = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000;
const isoDay = (dayNo: number) => new Date(dayNo * 86_400_000).toISOString().slice(0, 10);
const localMidnight = (isoDate: string, timezone: string) => {
	const [y, m, d] = isoDate.split('-').map(Number);
	return new Date(new TZDate(y, m - 1, d, timezone).getTime());
};

/** The instants a slot query covers: from the local midnight of `from` to the one after `to`. */
export function slotWindow(
	query: z.output<typeof slotListQuery>,
	timezone: string,
	locale: Locale,
	now = new Date()
): { from: Date; to: Date } {
	const local = new TZDate(now.getTime(), timezone);
	const today = isoDay(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()) / 86_400_000);
	const from = query.from ?? today;
	const to = query.to ?? isoDay(dayNumber(from) + DEFAULT_SLOT_DAYS - 1);
	const span = dayNumber(to) - dayNumber(from);
	if (span < 0 || span >= MAX_SLOT_DAYS) {
		throw new InvalidInputError({ to: [t('error_slot_range', locale, { days: MAX_SLOT_DAYS })] }, 400);
	}
	return { from: localMidnight(from, timezone), to: localMidnight(isoDay(dayNumber(to) + 1), timezone) };
}

// ── Carts ──────────────────────────────────────────────────────────────────────────────────

const CartLine = component(
	'CartLine',
	z.object({
		itemId: id().meta({ description: 'The line’s id, for PATCH and DELETE /api/v1/carts/{id}/items/{itemId}.' }),
		variantId: id(),
		productId: id(),
		productSlug: z.string(),
		productName: z.string(),
		variantName: z.string(),
		unit: z.string().meta({ description: 'Selling unit: piece, kg, g, l, cl, bunch, dozen, box.' }),
		imageUrl: z.string().nullable(),
		quantity: z.number().meta({ description: 'Units, or kilograms in steps of 0.5 for products sold by the kilo.' }),
		step: z.number().meta({ description: 'The quantity step: 1, or 0.5 for products sold by the kilo.' }),
		unitPriceCents: cents('Price of one unit'),
		vatRateBps: z.int().min(0).meta({ description: 'VAT rate in basis points (550 = 5.5 %).' }),
		totalCents: cents('Line total'),
		stock: z.int().nullable().meta({ description: 'Units available now; null when unlimited or made to order.' }),
		available: z.boolean().meta({ description: 'False when withdrawn, sold out or short since it was added: checkout refuses the cart.' })
	}),
	'One line of a cart.'
);

const CartShopGroup = component(
	'CartShopGroup',
	z.object({
		shop: z.object({ id: id(), slug: z.string(), name: z.string(), minOrderCents: cents('Minimum order') }),
		lines: z.array(CartLine),
		subtotalCents: cents('Total of the available lines'),
		missingForMinimumCents: cents('What is missing to reach the shop’s minimum order (0 when reached)')
	}),
	'The lines of one shop, with its subtotal and minimum order.'
);

export const Cart = component(
	'Cart',
	z.object({
		id: id().meta({ description: 'The cart id: the key to this cart, keep it private.' }),
		groups: z.array(CartShopGroup),
		totalCents: cents('Total of all shops'),
		itemCount: z.int().min(0).meta({ description: 'Number of lines.' })
	}),
	'A cart across shops, grouped per shop (by shop name).'
);

export const CartCreated = component('CartCreated', z.object({ id: id() }), 'A new, empty cart: keep its id private.');

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
/** Compile-time proof that the documented shapes are the ones the domain returns. */
export type CartSchemasMatchDomain = [
	Assert<Same<z.output<typeof Cart>, Omit<CartView, 'id'> & { id: string }>>,
	Assert<Same<z.output<typeof PlacedOrderSchema>, PlacedOrder>>
];

/** The cart of this territory with that id, or 404: an API client never gets someone else's or a new cart by mistake. */
export async function existingCart(db: Db, territoryId: string, cartId: string): Promise<z.output<typeof Cart>> {
	const cart = await getCart(db, territoryId, cartId);
	if (!cart.id) throw new NotFoundError('cart');
	return { ...cart, id: cart.id };
}

requestComponent(
	'CartItemRequest',
	AddItemInput,
	'A variant and a quantity to add to what the cart already holds: whole units, or steps of 0.5 for products sold by the kilo.'
);
requestComponent('CartQuantityRequest', SetQuantityInput, 'The new quantity of the line; 0 removes it.');

// ── Checkout ───────────────────────────────────────────────────────────────────────────────

requestComponent(
	'CheckoutRequest',
	CheckoutInput,
	'The customer, acceptance of each shop’s terms of sale, one fulfilment per shop of the cart (pickup at the shop in a ' +
		'slot, pickup at a pickup point in one of its slots, or delivery to an address in a slot) and the payment method.'
);

export const checkoutHeaders = z.object({
	'Idempotency-Key': z
		.string({ error: 'error_idempotency_key' })
		.refine((value) => IdempotencyKey.safeParse(value).success, 'error_idempotency_key')
		.meta({
			description:
				'Required: 8 to 200 characters, unique per checkout attempt (a UUID is fine). Retrying with the same key and body ' +
				'returns the first answer and creates nothing.'
		})
});

const PlacedOrderSchema = component(
	'PlacedOrder',
	z.object({
		id: id(),
		number: z.int().min(1).meta({ description: 'The order’s number at its shop: consecutive, without gaps.' }),
		shopId: id(),
		shopName: z.string(),
		status: z.string().meta({ description: '`new` until the shop accepts it.' }),
		totalCents: cents('Order total, delivery fee included'),
		accessToken: z.string().meta({ description: 'The key to GET /api/v1/orders/{id} and its cancellation: give it to the customer only.' })
	}),
	'An order placed at one shop.'
);

export const CheckoutResult = component(
	'CheckoutResult',
	z.object({ checkoutId: id(), orders: z.array(PlacedOrderSchema) }),
	'The orders of a checkout, one per shop, by shop name.'
);

/** The answer to a checkout, the same for the first request and its replays. */
export const checkoutAnswer = (result: { checkoutId: string; orders: PlacedOrder[] }): z.output<typeof CheckoutResult> => ({
	checkoutId: result.checkoutId,
	orders: result.orders.map(({ id, number, shopId, shopName, status, totalCents, accessToken }) => ({
		id,
		number,
		shopId,
		shopName,
		status,
		totalCents,
		accessToken
	}))
});

const Shortage = component(
	'Shortage',
	z.discriminatedUnion('kind', [
		z.object({
			kind: z.literal('line'),
			variantId: id(),
			productName: z.string(),
			available: z.number().meta({ description: 'What is left now (0 when withdrawn).' })
		}),
		z.object({ kind: z.literal('slot'), shopId: id(), slotId: id() })
	]),
	'A cart line the stock can no longer cover, or a slot that filled up meanwhile.'
);

export const CheckoutConflict = component(
	'CheckoutConflict',
	Problem.extend({ conflicts: z.array(Shortage).optional() }),
	'A checkout that could not be placed: `conflicts` names each short line and full slot (nothing was taken).'
);

// ── Customer orders ────────────────────────────────────────────────────────────────────────

const orderStatus = z.enum(['new', 'accepted', 'preparing', 'ready', 'completed', 'cancelled', 'refused']);

export const CustomerOrderSchema = component(
	'CustomerOrder',
	z.object({
		id: id(),
		number: z.int().min(1),
		status: orderStatus,
		canCancel: z.boolean().meta({ description: 'True until the shop accepts the order.' }),
		createdAt: instant('Placed at'),
		updatedAt: instant('Last change'),
		shop: z.object({
			id: id(),
			slug: z.string(),
			name: z.string(),
			address: z.string(),
			postcode: z.string(),
			city: z.string(),
			phone: z.string().nullable()
		}),
		fulfilment: z.enum(['pickup', 'pickup_point', 'delivery']),
		slot: z.object({ startsAt: instant('Start'), endsAt: instant('End') }).nullable(),
		pickupPoint: z.object({ name: z.string(), address: z.string(), postcode: z.string(), city: z.string() }).nullable(),
		deliveryAddress: z
			.object({
				line1: z.string(),
				line2: z.string().optional(),
				postcode: z.string(),
				city: z.string(),
				latitude: z.number().optional(),
				longitude: z.number().optional()
			})
			.nullable(),
		customer: z.object({ name: z.string(), email: z.string(), phone: z.string() }),
		paymentMethod: z.string().meta({ description: '`on_site`: paid at pickup or delivery.' }),
		lines: z.array(
			z.object({
				productId: id().nullable(),
				variantId: id().nullable(),
				productName: z.string(),
				variantName: z.string(),
				unit: z.string(),
				quantity: z.number(),
				unitPriceCents: cents('Unit price'),
				vatRateBps: z.int().min(0),
				totalCents: cents('Line total')
			})
		),
		subtotalCents: cents('Total of the lines'),
		deliveryFeeCents: cents('Delivery fee'),
		totalCents: cents('Order total'),
		vat: z.array(z.object({ rateBps: z.int(), baseCents: z.int(), vatCents: z.int(), totalCents: z.int() })).meta({
			description:
				'VAT per rate: base excluding VAT, VAT, total including VAT (cents). Empty when the shop has no VAT number: it is under the VAT franchise (art. 293 B du CGI) and charges no VAT.'
		}),
		events: z
			.array(
				z.object({
					fromStatus: orderStatus.nullable(),
					toStatus: orderStatus,
					actorKind: z.string().meta({ description: 'customer, shop or system.' }),
					reason: z.string().nullable(),
					at: instant('When')
				})
			)
			.meta({ description: 'The order’s history, oldest first.' })
	}),
	'An order as its customer sees it.'
);

/** What the customer may see of an order: never its token hash, account or internal ids. */
export function customerOrderAnswer(order: CustomerOrder): z.output<typeof CustomerOrderSchema> {
	return {
		id: order.id,
		number: order.number,
		status: order.status,
		canCancel: order.canCancel,
		createdAt: order.createdAt.toISOString(),
		updatedAt: order.updatedAt.toISOString(),
		shop: order.shop,
		fulfilment: order.fulfilment,
		slot: order.slot ? { startsAt: order.slot.startsAt.toISOString(), endsAt: order.slot.endsAt.toISOString() } : null,
		pickupPoint: order.pickupPoint,
		deliveryAddress: order.deliveryAddress,
		customer: { name: order.customerName, email: order.customerEmail, phone: order.customerPhone },
		paymentMethod: order.paymentMethod,
		lines: order.lines.map((l) => ({
			productId: l.productId,
			variantId: l.variantId,
			productName: l.productName,
			variantName: l.variantName,
			unit: l.unit,
			quantity: l.quantity,
			unitPriceCents: l.unitPriceCents,
			vatRateBps: l.vatRateBps,
			totalCents: l.totalCents
		})),
		subtotalCents: order.subtotalCents,
		deliveryFeeCents: order.deliveryFeeCents,
		totalCents: order.totalCents,
		vat: order.vat,
		events: order.events.map((e) => ({
			fromStatus: e.fromStatus,
			toStatus: e.toStatus,
			actorKind: e.actorKind,
			reason: e.reason,
			at: e.createdAt.toISOString()
		}))
	};
}

/** The order token, from `Authorization: Bearer …` or else `?token=`. */
export function orderToken(headers: Headers, query: { token?: string }): string | undefined {
	const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.get('authorization') ?? '');
	return match?.[1] ?? query.token;
}

export const orderTokenQuery = z.object({
	token: z
		.string()
		.max(200)
		.optional()
		.meta({ description: 'The order’s access token, when it cannot go in `Authorization: Bearer <token>` (a link in an email).' })
});

const orderSecurity: Record<string, SecurityScheme> = {
	orderToken: { type: 'http', scheme: 'bearer', description: 'The `accessToken` of the order, given at checkout.' },
	orderTokenQuery: { type: 'apiKey', in: 'query', name: 'token', description: 'The same token as a query parameter.' }
};

// ── Operations ─────────────────────────────────────────────────────────────────────────────

const cartParams = z.object({
	id: id().meta({ description: 'The cart id (a UUID): the only key to an anonymous cart.' })
});
const itemParams = cartParams.extend({ itemId: id().meta({ description: 'The `itemId` of a cart line.' }) });
const unknownCart = problemResponse('No cart of this territory has this id.');

export const listShopSlotsOperation = defineOperation({
	operationId: 'listShopSlots',
	method: 'get',
	path: '/api/v1/shops/{slug}/slots',
	tag: 'checkout',
	summary: 'List a shop’s pickup slots',
	description:
		'Slots for pickup at the shop that still have room, between two days of the territory’s time zone, both included. ' +
		'Slots starting within the shop’s preparation time are left out. A slot offered here can still fill up before checkout: ' +
		'checkout then answers 409.',
	params: z.object({ slug: z.string().max(200).meta({ description: 'The shop’s slug.' }) }),
	query: slotListQuery,
	responses: {
		200: { description: 'The slots, soonest first.', schema: SlotList },
		400: problemResponse(`A day is not \`YYYY-MM-DD\`, \`to\` is before \`from\`, or the span exceeds ${MAX_SLOT_DAYS} days.`),
		404: problemResponse('No active shop has this slug.')
	}
});

export const createCartOperation = defineOperation({
	operationId: 'createCart',
	method: 'post',
	path: '/api/v1/carts',
	tag: 'cart',
	summary: 'Create a cart',
	description: 'An empty anonymous cart. Its id is the key to it: keep it private.',
	successStatus: 201,
	responses: { 201: { description: 'The new cart’s id.', schema: CartCreated } }
});

export const getCartOperation = defineOperation({
	operationId: 'getCart',
	method: 'get',
	path: '/api/v1/carts/{id}',
	tag: 'cart',
	summary: 'Get a cart',
	params: cartParams,
	responses: { 200: { description: 'The cart, grouped per shop.', schema: Cart }, 404: unknownCart }
});

export const addCartItemOperation = defineOperation({
	operationId: 'addCartItem',
	method: 'post',
	path: '/api/v1/carts/{id}/items',
	tag: 'cart',
	summary: 'Add a product to a cart',
	description:
		'Adds the quantity to what the cart already holds of this variant. Refused (422) when the variant is unknown, withdrawn ' +
		'or archived, the quantity is not a whole number of units (or of half kilos for products sold by the kilo), or exceeds the stock.',
	params: cartParams,
	body: AddItemInput,
	successStatus: 201,
	responses: { 201: { description: 'The cart, with the line added.', schema: Cart }, 404: unknownCart }
});

export const setCartItemQuantityOperation = defineOperation({
	operationId: 'setCartItemQuantity',
	method: 'patch',
	path: '/api/v1/carts/{id}/items/{itemId}',
	tag: 'cart',
	summary: 'Change a line’s quantity',
	description: 'Sets the quantity of a line; 0 removes it.',
	params: itemParams,
	body: SetQuantityInput,
	responses: { 200: { description: 'The cart.', schema: Cart }, 404: problemResponse('No such cart, or no such line in it.') }
});

export const removeCartItemOperation = defineOperation({
	operationId: 'removeCartItem',
	method: 'delete',
	path: '/api/v1/carts/{id}/items/{itemId}',
	tag: 'cart',
	summary: 'Remove a line',
	params: itemParams,
	responses: {
		200: { description: 'The cart, without the line.', schema: Cart },
		404: problemResponse('No such cart, or no such line in it.')
	}
});

export const checkoutOperation = defineOperation({
	operationId: 'checkoutCart',
	method: 'post',
	path: '/api/v1/carts/{id}/checkout',
	tag: 'checkout',
	summary: 'Place the orders of a cart',
	description:
		'Places one order per shop of the cart in one transaction: every line’s stock and every slot place is taken, or nothing ' +
		'is. The cart is emptied and the customer is sent a confirmation email with a link to each order. ' +
		'Send a new `Idempotency-Key` for each attempt; a retry with the same key and the same body answers the first ' +
		'answer again (201, same body, header `Idempotent-Replayed: true`) and places nothing; the same key with another body ' +
		'answers 409. Limited per client address.',
	params: cartParams,
	headers: checkoutHeaders,
	body: CheckoutInput,
	successStatus: 201,
	rateLimit: { name: 'checkout', rule: rateRules.checkout },
	responses: {
		201: {
			description: 'The orders, one per shop, with their numbers and access tokens.',
			schema: CheckoutResult,
			headers: { 'Idempotent-Replayed': '`true` when this answers a retry of an earlier request with the same key.' }
		},
		404: unknownCart,
		409: {
			description: 'Some lines or slots were taken meanwhile (`conflicts` names each), or the Idempotency-Key was used with another body.',
			schema: CheckoutConflict,
			contentType: 'application/problem+json'
		},
		422: problemResponse(
			'Invalid checkout: `errors` gives messages per field — `customer.email`, `acceptTerms`, `fulfilments.0.slotId` (a slot of ' +
				'another shop, past, or too soon), `cart` (empty), `cart.<shopId>` (a line no longer available, minimum order not met)…'
		)
	}
});

export const getOrderOperation = defineOperation({
	operationId: 'getOrder',
	method: 'get',
	path: '/api/v1/orders/{id}',
	tag: 'orders',
	summary: 'Get an order (customer)',
	description: 'With the order’s access token: `Authorization: Bearer <token>`, or `?token=<token>`.',
	params: z.object({ id: id().meta({ description: 'The order id.' }) }),
	query: orderTokenQuery,
	security: orderSecurity,
	responses: {
		200: { description: 'The order with its lines, totals, VAT per rate and history.', schema: CustomerOrderSchema },
		404: problemResponse('No such order, or not this token.')
	}
});

export const cancelOrderOperation = defineOperation({
	operationId: 'cancelOrder',
	method: 'post',
	path: '/api/v1/orders/{id}/cancel',
	tag: 'orders',
	summary: 'Cancel an order (customer)',
	description: 'Until the shop accepts the order, its customer can cancel it: its stock and slot place are given back. Same token as GET.',
	params: z.object({ id: id().meta({ description: 'The order id.' }) }),
	query: orderTokenQuery,
	security: orderSecurity,
	responses: {
		200: { description: 'The cancelled order.', schema: CustomerOrderSchema },
		404: problemResponse('No such order, or not this token.'),
		409: problemResponse('The order can no longer be cancelled (accepted by the shop, or already cancelled).')
	}
});

export const cartOperations = [
	listShopSlotsOperation,
	createCartOperation,
	getCartOperation,
	addCartItemOperation,
	setCartItemQuantityOperation,
	removeCartItemOperation,
	checkoutOperation,
	getOrderOperation,
	cancelOrderOperation
];
