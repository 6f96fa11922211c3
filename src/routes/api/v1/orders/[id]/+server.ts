import { endpoint } from '#lib/server/http/endpoint.ts';
import { getOrderOperation, customerOrderAnswer, orderToken } from '#lib/server/http/api-cart-schemas.ts';
import { customerOrder } from '#lib/server/checkout/orders.ts';
import { NotFoundError } from '#lib/server/errors.ts';

export const GET = endpoint(getOrderOperation, async ({ db, territory, params, query, event }) => {
	const order = await customerOrder(db, params.id, orderToken(event.request.headers, query));
	if (order.territoryId !== territory.id) throw new NotFoundError('order');
	return customerOrderAnswer(order);
});
