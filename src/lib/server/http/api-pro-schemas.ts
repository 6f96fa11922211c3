import { z } from 'zod';
import { orderStatusEnum } from '../db/schema/index.ts';
import { API_SCOPES } from '../api-tokens/tokens.ts';
import { PAGE_DEFAULT, PAGE_MAX } from '../api-tokens/merchant-api.ts';
import { MAX_STOCK, productInputSchema } from '../catalog/product-input.ts';
import { REASON_MAX } from '../orders/transitions.ts';
import { component, requestComponent, defineOperation, problemResponse, type SecurityScheme, type Tag } from './openapi.ts';

// The merchant API (/api/v1/pro/*): a shop's orders and catalogue, for its till, website or
// spreadsheet, with a per-shop API token. Declarations only; the routes run them through
// `proEndpoint()` (http/pro-endpoint.ts), which checks the token and its scope first.

export const proTags: Tag[] = [
	{
		name: 'merchant',
		description:
			'A shop’s own orders and catalogue, with an API token created by an owner in the back office (`/pro/api`): ' +
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

const ProOrderDetail = component(
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
				quantity: z.number(),
				weighedQuantity: z.number().nullable(),
				unitPriceCents: cents(),
				vatRateBps: z.int(),
				totalCents: cents(),
				removed: z.boolean()
			})
		),
		events: z.array(
			z.object({ from: OrderStatus.nullable(), to: OrderStatus, actor: z.string(), reason: z.string().nullable(), at: dateTime() })
		)
	}),
	'An order with its lines and its history.'
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

export const proOperations = [
	listProOrdersOperation,
	getProOrderOperation,
	transitionProOrderOperation,
	listProProductsOperation,
	createProProductOperation,
	getProProductOperation,
	updateProProductOperation,
	archiveProProductOperation,
	changeProStockOperation
];
