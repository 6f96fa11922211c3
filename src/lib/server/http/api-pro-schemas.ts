import { z } from 'zod';
import { adjustmentKindEnum, orderStatusEnum, substitutionStatusEnum } from '../db/schema/index.ts';
import { API_SCOPES } from '../api-tokens/tokens.ts';
import { PAGE_DEFAULT, PAGE_MAX } from '../api-tokens/merchant-api.ts';
import { MAX_STOCK, productInputSchema } from '../catalog/product-input.ts';
import { REASON_MAX } from '../orders/transitions.ts';
import { MAX_WEIGHT_KG } from '../preparation/weight.ts';
import { component, requestComponent, defineOperation, problemResponse, type SecurityScheme, type Tag } from './openapi.ts';
import { calendarDay } from './validate.ts';

// The merchant API (/api/v1/pro/*): a shop's orders (and their preparation) and catalogue, for its
// till, scale, website or spreadsheet, with a per-shop API token. Declarations only; the routes run them through
// `proEndpoint()` (http/pro-endpoint.ts), which checks the token and its scope first.

export const proTags: Tag[] = [
	{
		name: 'merchant',
		description:
			'A shop’s own orders, their preparation (weighing, unavailable items, substitutes, picking list) and catalogue, with an API token created by an owner in the back office (`/pro/api`): ' +
			'`Authorization: Bearer echp_…`. Each token has scopes (' +
			API_SCOPES.map((s) => `\`${s}\``).join(', ') +
			') and is limited to 600 requests a minute. No token, an unknown or revoked one → 401; a token without the scope ' +
			'an operation needs → 403; another shop’s order or product → 404. Lists answer `{ items, nextCursor }`: pass ' +
			'`nextCursor` as `cursor` for the next page (null on the last). Send `Content-Type: application/json` with every ' +
			'POST, PATCH and DELETE, even without a body. Webhooks: see docs/api.md.'
	}
];

export const apiTokenSecurity: Record<string, SecurityScheme> = {
	apiToken: { type: 'http', scheme: 'bearer', description: 'A shop’s API token (`echp_…`), created in the back office at /pro/api.' }
};

const tag = 'merchant';
const uuid = () => z.uuid();
const cents = () => z.int();
const dateTime = () => z.string().meta({ format: 'date-time' });
const unauthorized = problemResponse('No API token, or an unknown or revoked one (`WWW-Authenticate: Bearer`).');
const forbidden = (scope: string) => problemResponse(`The token lacks the \`${scope}\` scope.`);
const limited = {
	...problemResponse('More than 600 requests with this token in a minute.'),
	headers: { 'Retry-After': 'Seconds to wait before trying again.' }
};
const common = (scope: string) => ({ 401: unauthorized, 403: forbidden(scope), 429: limited });

const OrderStatus = z.enum(orderStatusEnum.enumValues);

const ProOrder = component(
	'ProOrder',
	z.object({
		id: uuid(),
		number: z.int().meta({ description: 'The shop’s order number (no gaps).' }),
		status: OrderStatus,
		fulfilment: z.enum(['pickup', 'pickup_point', 'delivery']),
		subtotalCents: cents(),
		deliveryFeeCents: cents(),
		totalCents: cents().meta({ description: 'VAT included, in euro cents.' }),
		paymentMethod: z.string(),
		customer: z.object({ name: z.string(), email: z.string().nullable(), phone: z.string() }),
		slot: z.object({ startsAt: dateTime(), endsAt: dateTime() }).nullable(),
		pickupPoint: z.object({ name: z.string() }).nullable(),
		deliveryAddress: z.record(z.string(), z.unknown()).nullable(),
		createdAt: dateTime(),
		updatedAt: dateTime()
	}),
	'An order of the shop.'
);

export const ProSubstitution = component(
	'ProSubstitution',
	z.object({
		id: uuid(),
		lineId: uuid().meta({ description: 'The line it would replace.' }),
		status: z.enum(substitutionStatusEnum.enumValues).meta({ description: 'The customer’s answer; `pending` until they give it.' }),
		variantId: uuid(),
		productName: z.string(),
		variantName: z.string(),
		unit: z.string(),
		quantity: z.number(),
		unitPriceCents: cents().meta({ description: 'The variant’s price when proposed: what the customer accepts.' }),
		totalCents: cents(),
		newLineId: uuid().nullable().meta({ description: 'Accepted: the line added to the order (the replaced one is `removed`).' }),
		proposedAt: dateTime(),
		decidedAt: dateTime().nullable()
	}),
	'A substitute proposed for a line, and the customer’s answer (given from their order page).'
);

export const ProOrderDetail = component(
	'ProOrderDetail',
	ProOrder.extend({
		lines: z.array(
			z.object({
				id: uuid(),
				productId: uuid().nullable(),
				variantId: uuid().nullable(),
				productName: z.string(),
				variantName: z.string(),
				unit: z.string(),
				quantity: z.number().meta({ description: 'As ordered (kg for goods sold by the kg).' }),
				weighedQuantity: z.number().nullable().meta({ description: 'Goods sold by the kg, once weighed: the line’s total follows it.' }),
				weightRange: z.object({ min: z.number(), max: z.number() }).nullable().meta({
					description:
						'Goods sold by the kg: the weights accepted at weighing, in kg, both inclusive (the tolerance announced at order). Null otherwise.'
				}),
				unitPriceCents: cents(),
				vatRateBps: z.int(),
				totalCents: cents(),
				removed: z
					.boolean()
					.meta({ description: 'Taken out at preparation (unavailable, replaced): out of every total, kept for the history.' })
			})
		),
		events: z.array(
			z.object({ from: OrderStatus.nullable(), to: OrderStatus, actor: z.string(), reason: z.string().nullable(), at: dateTime() })
		),
		substitutions: z.array(ProSubstitution),
		adjustments: z
			.array(
				z.object({
					kind: z.enum(adjustmentKindEnum.enumValues),
					lineId: uuid().nullable(),
					totalBeforeCents: cents(),
					totalAfterCents: cents(),
					actor: z.enum(['shop', 'customer']),
					at: dateTime()
				})
			)
			.meta({ description: 'The preparation ledger, oldest first: one entry per change, with the order’s total before and after.' })
	}),
	'An order with its lines, its history and its preparation.'
);

const page = <S extends z.ZodType>(id: string, item: S) =>
	component(id, z.object({ items: z.array(item), nextCursor: z.string().nullable() }), 'One page; `nextCursor` is null on the last.');

const cursorAndLimit = {
	cursor: z.string().max(200).optional().meta({ description: 'The `nextCursor` of the previous page.' }),
	limit: z.coerce
		.number()
		.int()
		.min(1)
		.max(PAGE_MAX)
		.default(PAGE_DEFAULT)
		.meta({ description: `Items per page (1–${PAGE_MAX}).` })
};

const ProVariant = z.object({
	id: uuid(),
	name: z.string(),
	sku: z.string().nullable(),
	priceCents: cents(),
	netQuantity: z.number().nullable(),
	netUnit: z.enum(['kg', 'l']).nullable(),
	stockMode: z.enum(['tracked', 'unlimited', 'on_order']),
	stock: z.number(),
	leadDays: z.int().nullable()
});

const ProProduct = component(
	'ProProduct',
	z.object({
		id: uuid(),
		slug: z.string(),
		status: z.enum(['active', 'archived']),
		soldOutToday: z.boolean(),
		name: z.string(),
		description: z.string(),
		categoryId: uuid().nullable(),
		unit: z.string(),
		vatRateBps: z.int(),
		allergens: z.array(z.string()),
		labels: z.array(z.string()),
		ingredients: z.string().nullable(),
		storage: z.string().nullable(),
		origin: z.string().nullable(),
		ean: z.string().nullable(),
		seasonalMonths: z.array(z.int()),
		imageUrl: z.string().nullable(),
		variants: z.array(ProVariant)
	}),
	'A product of the shop with its live variants (archived ones are left out).'
);

const ProductInput = requestComponent(
	'ProductInput',
	productInputSchema,
	'A product as written: the same rules as the back office’s form (prices in integer cents, VAT rate in basis points).'
);

const ProductPatch = requestComponent(
	'ProductPatch',
	z.looseObject({
		status: z.enum(['active', 'archived']).optional().meta({ description: 'Archive or bring back the product.' }),
		soldOutToday: z.boolean().optional().meta({ description: 'The “sold out today” switch.' })
	}),
	'Any of ProductInput’s fields (the others keep their value) plus `status` and `soldOutToday`. `variants`, when given, ' +
		'replaces the list: a variant sent with its `id` keeps the fields left out (its stock too), one without id is new, a missing one is archived.'
);

export const TransitionBody = requestComponent(
	'OrderTransition',
	z.object({
		to: OrderStatus.meta({ description: 'The state to move to.' }),
		from: OrderStatus.optional().meta({ description: 'The state you saw: if the order moved meanwhile, the move is refused (409).' }),
		reason: z.string().max(REASON_MAX).optional().meta({ description: 'Required to cancel or refuse: told to the customer.' })
	}),
	'new → accepted → preparing → ready → completed; new → refused; new | accepted | preparing | ready → cancelled.'
);

export const STOCK_REASONS = ['restock', 'adjustment', 'till_sale', 'loss'] as const;

export const StockChangeBody = requestComponent(
	'StockChange',
	z
		.object({
			delta: z
				.number()
				.refine((n) => n !== 0 && Math.abs(n) <= MAX_STOCK && Math.abs(n * 1000 - Math.round(n * 1000)) < 1e-6, 'api_error_stock_delta')
				.optional()
				.meta({ description: 'Add this (negative: a sale at the till, a loss). Refused (409) if the stock would go below zero.' }),
			set: z.number().optional().meta({ description: 'Set the stock to this (a count); the difference is recorded.' }),
			reason: z.enum(STOCK_REASONS, { message: 'api_error_stock_reason' }).meta({ description: 'Why, kept in the stock ledger.' })
		})
		.refine((b) => (b.delta === undefined) !== (b.set === undefined), { message: 'api_error_stock_change', path: ['delta'] }),
	'Exactly one of `delta` and `set`, and a reason.'
);

const StockAnswer = component('StockAnswer', z.object({ variantId: uuid(), stock: z.number() }), 'The variant’s stock after the change.');

const idParams = (what: string) => z.object({ id: uuid().meta({ description: `The ${what} id.` }) });

export const listProOrdersOperation = defineOperation({
	operationId: 'listShopOrders',
	method: 'get',
	path: '/api/v1/pro/orders',
	tag,
	summary: 'List the shop’s orders',
	description:
		'Oldest change first (by `updatedAt`, then id). To stay in sync, keep the last `updatedAt` seen and pass it as `since` next time.',
	query: z.object({
		status: OrderStatus.optional().meta({ description: 'Only orders in this state.' }),
		since: z.iso.datetime({ offset: true }).optional().meta({ description: 'Only orders changed at or after this time (ISO 8601).' }),
		...cursorAndLimit
	}),
	security: apiTokenSecurity,
	responses: {
		200: { description: 'A page of orders.', schema: page('ProOrderPage', ProOrder) },
		400: problemResponse('A query parameter is invalid: `errors` names it.'),
		...common('orders:read')
	}
});

export const getProOrderOperation = defineOperation({
	operationId: 'getShopOrder',
	method: 'get',
	path: '/api/v1/pro/orders/{id}',
	tag,
	summary: 'Get one of the shop’s orders',
	params: idParams('order'),
	security: apiTokenSecurity,
	responses: {
		200: { description: 'The order, its lines and history.', schema: ProOrderDetail },
		404: problemResponse('No such order in this shop.'),
		...common('orders:read')
	}
});

export const transitionProOrderOperation = defineOperation({
	operationId: 'transitionShopOrder',
	method: 'post',
	path: '/api/v1/pro/orders/{id}/transitions',
	tag,
	summary: 'Move an order to another state',
	description:
		'The same state machine as the order board: one move wins when several race; cancelling or refusing gives the stock and ' +
		'the slot place back and tells the customer.',
	params: idParams('order'),
	body: TransitionBody,
	security: apiTokenSecurity,
	responses: {
		200: { description: 'The order after the move.', schema: ProOrderDetail },
		404: problemResponse('No such order in this shop.'),
		409: problemResponse('Not a legal move from the current state, or the order moved meanwhile: `conflicts` gives `from`, `to`.'),
		...common('orders:write')
	}
});

export const listProProductsOperation = defineOperation({
	operationId: 'listShopProducts',
	method: 'get',
	path: '/api/v1/pro/products',
	tag,
	summary: 'List the shop’s products',
	query: z.object({ status: z.enum(['active', 'archived']).optional(), ...cursorAndLimit }),
	security: apiTokenSecurity,
	responses: {
		200: { description: 'A page of products.', schema: page('ProProductPage', ProProduct) },
		400: problemResponse('A query parameter is invalid: `errors` names it.'),
		...common('catalog:read')
	}
});

export const createProProductOperation = defineOperation({
	operationId: 'createShopProduct',
	method: 'post',
	path: '/api/v1/pro/products',
	tag,
	summary: 'Create a product',
	body: ProductInput,
	successStatus: 201,
	security: apiTokenSecurity,
	responses: { 201: { description: 'The new product.', schema: ProProduct }, ...common('catalog:write') }
});

export const getProProductOperation = defineOperation({
	operationId: 'getShopProduct',
	method: 'get',
	path: '/api/v1/pro/products/{id}',
	tag,
	summary: 'Get one of the shop’s products',
	params: idParams('product'),
	security: apiTokenSecurity,
	responses: {
		200: { description: 'The product.', schema: ProProduct },
		404: problemResponse('No such product in this shop.'),
		...common('catalog:read')
	}
});

export const updateProProductOperation = defineOperation({
	operationId: 'updateShopProduct',
	method: 'patch',
	path: '/api/v1/pro/products/{id}',
	tag,
	summary: 'Change a product',
	params: idParams('product'),
	body: ProductPatch,
	security: apiTokenSecurity,
	responses: {
		200: { description: 'The product after the change.', schema: ProProduct },
		404: problemResponse('No such product (or variant id) in this shop.'),
		...common('catalog:write')
	}
});

export const archiveProProductOperation = defineOperation({
	operationId: 'archiveShopProduct',
	method: 'delete',
	path: '/api/v1/pro/products/{id}',
	tag,
	summary: 'Archive a product',
	description: 'Hidden from the storefront, kept for past orders; `PATCH { "status": "active" }` brings it back.',
	params: idParams('product'),
	successStatus: 204,
	security: apiTokenSecurity,
	responses: { 204: { description: 'Archived.' }, 404: problemResponse('No such product in this shop.'), ...common('catalog:write') }
});

export const changeProStockOperation = defineOperation({
	operationId: 'changeVariantStock',
	method: 'patch',
	path: '/api/v1/pro/variants/{id}/stock',
	tag,
	summary: 'Change a variant’s stock (till, count, delivery)',
	description: 'Tracked variants only. Every change is written to the stock ledger with its reason; the stock never goes below zero.',
	params: idParams('variant'),
	body: StockChangeBody,
	security: apiTokenSecurity,
	responses: {
		200: { description: 'The new stock.', schema: StockAnswer },
		404: problemResponse('No such variant in this shop.'),
		409: problemResponse('The change would take the stock below zero: nothing was written.'),
		...common('catalog:write')
	}
});

// ——— Preparation: the same domain functions as the order's page in the back office ———

const lineParams = z.object({
	id: uuid().meta({ description: 'The order id.' }),
	lineId: uuid().meta({ description: 'The line id (`lines[].id` of the order).' })
});

/** JSON numbers only (the back office's form also reads "1,05 kg"; an integration sends a number). */
const jsonNumber = (required: string, invalid: string) => z.number({ error: (issue) => (issue.input === undefined ? required : invalid) });

export const LineWeightBody = requestComponent(
	'LineWeight',
	z.object({
		weight: jsonNumber('prep_error_weight_required', 'prep_error_weight_invalid').meta({
			description: `What the line weighs, in kg to the gram (3 decimals at most): 1.05 for 1 kg 50 g. Above 0, at most ${MAX_WEIGHT_KG}, within the line’s \`weightRange\`.`,
			exclusiveMinimum: 0,
			maximum: MAX_WEIGHT_KG
		})
	}),
	'The weighed quantity of a line sold by the kg.'
);

export const SubstitutionBody = requestComponent(
	'SubstitutionProposal',
	z.object({
		variantId: z
			.string({ error: 'prep_error_variant_required' })
			.meta({ format: 'uuid', description: 'Another active variant of the shop (`GET /api/v1/pro/products`).' }),
		quantity: jsonNumber('prep_error_quantity_invalid', 'prep_error_quantity_invalid').meta({
			description: 'Whole units, or kg in half-kilo steps for goods sold by the kg (the storefront’s rule).',
			exclusiveMinimum: 0
		})
	}),
	'A substitute for a line: the customer accepts or refuses it from their order page.'
);

export const PreparationChange = component(
	'PreparationChange',
	z.object({
		changed: z.boolean().meta({ description: 'False when the request changed nothing (the same weight again, an item already removed).' }),
		order: ProOrderDetail
	}),
	'The order after a preparation change.'
);

export const SubstitutionProposed = component(
	'SubstitutionProposed',
	z.object({ changed: z.literal(true), substitution: ProSubstitution, order: ProOrderDetail }),
	'The new proposal, and the order (unchanged until the customer answers).'
);

const preparableOnly =
	'The order must be `accepted` or `preparing`. Changes to one order queue rather than interleave (the order row is locked), ' +
	'so concurrent requests on one line give one result.';
const notPreparable = (also: string) =>
	problemResponse(`The order is not \`accepted\` or \`preparing\` (\`conflicts.status\` gives its state)${also}: nothing was written.`);

export const weighProOrderLineOperation = defineOperation({
	operationId: 'weighShopOrderLine',
	method: 'post',
	path: '/api/v1/pro/orders/{id}/lines/{lineId}/weight',
	tag,
	summary: 'Weigh a line sold by the kg',
	description:
		'Within the line’s `weightRange` the line’s total follows (unit price × weight, to the cent), the order’s totals are ' +
		'recomputed and, for a tracked variant, the difference with what the line held is a `weighing` stock movement. ' +
		'The same weight again changes nothing (`changed: false`); another weight replaces it. ' +
		preparableOnly,
	params: lineParams,
	body: LineWeightBody,
	security: apiTokenSecurity,
	responses: {
		200: { description: 'The order after the weighing.', schema: PreparationChange },
		404: problemResponse('No such order in this shop, or no such line in the order.'),
		409: notPreparable(', the line is not sold by the kg, or it was removed; or the stock would go below zero'),
		422: problemResponse(
			'Invalid weight (`errors.weight`): missing, not a number, zero or less, over 999 kg, more than 3 decimals, or outside the ' +
				'tolerance, in which case the message names the accepted range (“… outside the announced tolerance (0.900–1.100 kg)”).'
		),
		...common('orders:write')
	}
});

export const markProOrderLineUnavailableOperation = defineOperation({
	operationId: 'markShopOrderLineUnavailable',
	method: 'post',
	path: '/api/v1/pro/orders/{id}/lines/{lineId}/unavailable',
	tag,
	summary: 'Take an unavailable item out of an order',
	description:
		'The line leaves the order (kept as `removed`), its stock goes back (`item_unavailable` movement), the totals are ' +
		'recomputed and the customer is told by email. Marking it again changes nothing (`changed: false`). No body. ' +
		preparableOnly,
	params: lineParams,
	security: apiTokenSecurity,
	responses: {
		200: { description: 'The order without the item.', schema: PreparationChange },
		404: problemResponse('No such order in this shop, or no such line in the order.'),
		409: notPreparable(', or a substitute proposed for the line awaits the customer’s answer'),
		...common('orders:write')
	}
});

export const proposeProSubstitutionOperation = defineOperation({
	operationId: 'proposeShopOrderSubstitution',
	method: 'post',
	path: '/api/v1/pro/orders/{id}/lines/{lineId}/substitution',
	tag,
	summary: 'Propose a substitute for a line',
	description:
		'Another variant of the shop, at its current price, is proposed to the customer by email; they accept or refuse it from ' +
		'their order page. Their answer changes the proposal’s `status`, the order’s lines and totals and its `updatedAt` ' +
		'(`GET /api/v1/pro/orders?since=` finds it; no webhook is sent, the order’s state does not change). One pending ' +
		'proposal per line: another one is a 409 until the customer answers. ' +
		preparableOnly,
	params: lineParams,
	body: SubstitutionBody,
	successStatus: 201,
	security: apiTokenSecurity,
	responses: {
		201: { description: 'The proposal.', schema: SubstitutionProposed },
		404: problemResponse('No such order in this shop, no such line in the order, or no such active variant in the shop.'),
		409: notPreparable(', the line was removed, or a proposal for it already awaits the customer’s answer'),
		422: problemResponse(
			'Invalid proposal: `errors.variantId` (missing, or the variant of the line itself) or `errors.quantity` (not a number, ' +
				'zero or less, not a whole number of pieces or half-kilos, above the storefront’s maximum).'
		),
		...common('orders:write')
	}
});

export const ProPickingList = component(
	'ProPickingList',
	z.object({
		date: z.string().meta({ format: 'date' }),
		slotId: uuid().nullable(),
		totals: z
			.array(
				z.object({
					variantId: uuid().nullable(),
					productName: z.string(),
					variantName: z.string(),
					unit: z.string(),
					quantity: z.number().meta({ description: 'In total, weighed quantities counted once weighed.' }),
					orders: z.int().meta({ description: 'How many lines ask for it.' })
				})
			)
			.meta({ description: 'What to pick in total, per product and size, by name.' }),
		orders: z
			.array(
				z.object({
					id: uuid(),
					number: z.int(),
					status: z.enum(['accepted', 'preparing']),
					fulfilment: z.enum(['pickup', 'pickup_point', 'delivery']),
					customer: z.object({ name: z.string(), phone: z.string() }),
					slot: z.object({ startsAt: dateTime(), endsAt: dateTime() }).nullable(),
					pickupPoint: z.object({ name: z.string() }).nullable(),
					lines: z.array(
						z.object({
							id: uuid(),
							productName: z.string(),
							variantName: z.string(),
							unit: z.string(),
							quantity: z.number(),
							weighedQuantity: z.number().nullable(),
							totalCents: cents(),
							pendingSubstitution: z.boolean()
						})
					)
				})
			)
			.meta({ description: 'Order by order, soonest slot first (at most 500); the lines still in the order.' }),
		slots: z
			.array(z.object({ id: uuid(), startsAt: dateTime(), endsAt: dateTime() }))
			.meta({ description: 'The day’s slots that have orders to prepare (to pass as `slotId`).' })
	}),
	'The picking list: accepted and preparing orders of one day (of their slot, or of the order without one).'
);

export const getProPickingListOperation = defineOperation({
	operationId: 'getShopPickingList',
	method: 'get',
	path: '/api/v1/pro/picking-list',
	tag,
	summary: 'Get the picking list of a day',
	description: 'The back office’s preparation list as JSON: the day’s accepted and preparing orders, in total and one by one.',
	query: z.object({
		date: calendarDay().optional().meta({ description: 'The day (YYYY-MM-DD, in the territory’s time zone); today when left out.' }),
		slotId: uuid().optional().meta({ description: 'Only the orders of this slot (`slots[].id`).' })
	}),
	security: apiTokenSecurity,
	responses: {
		200: { description: 'The picking list.', schema: ProPickingList },
		400: problemResponse('A query parameter is invalid: `errors` names it.'),
		...common('orders:read')
	}
});

export const proOperations = [
	listProOrdersOperation,
	getProOrderOperation,
	transitionProOrderOperation,
	weighProOrderLineOperation,
	markProOrderLineUnavailableOperation,
	proposeProSubstitutionOperation,
	getProPickingListOperation,
	listProProductsOperation,
	createProProductOperation,
	getProProductOperation,
	updateProProductOperation,
	archiveProProductOperation,
	changeProStockOperation
];
