import { endpoint } from '#lib/server/http/endpoint.ts';
import { cancelOrderOperation, customerOrderAnswer, orderToken } from '#lib/server/http/api-cart-schemas.ts';
import { cancelByCustomer, customerOrder } from '#lib/server/checkout/orders.ts';
import { NotFoundError } from '#lib/server/errors.ts';
import { appContext } from '#lib/server/runtime.ts';

export const POST = endpoint(cancelOrderOperation, async ({ db, territory, params, query, event }) => {
	const token = orderToken(event.request.headers, query);
	const order = await customerOrder(db, params.id, token);
	if (order.territoryId !== territory.id) throw new NotFoundError('order');
	const { secret, config } = await appContext();
	await cancelByCustomer(db, order.id, token, { secret, origin: config.origin, timezone: territory.timezone });
	return customerOrderAnswer(await customerOrder(db, order.id, token));
});
