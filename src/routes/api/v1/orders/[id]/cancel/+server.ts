import { endpoint } from '#lib/server/http/endpoint.ts';
import { cancelOrderOperation, customerOrderAnswer, orderToken } from '#lib/server/http/api-cart-schemas.ts';
import { cancelByCustomer, customerOrder } from '#lib/server/checkout/orders.ts';
import { NotFoundError } from '#lib/server/errors.ts';

export const POST = endpoint(cancelOrderOperation, async ({ db, territory, params, query, event }) => {
	const token = orderToken(event.request.headers, query);
	const order = await customerOrder(db, params.id, token);
	if (order.territoryId !== territory.id) throw new NotFoundError('order');
	await cancelByCustomer(db, order.id, token);
	return customerOrderAnswer(await customerOrder(db, order.id, token));
});
