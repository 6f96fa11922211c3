import { endpoint, reply } from '#lib/server/http/endpoint.ts';
import { checkoutOperation, checkoutAnswer } from '#lib/server/http/api-cart-schemas.ts';
import { checkout } from '#lib/server/checkout/checkout.ts';
import { appContext } from '#lib/server/runtime.ts';

export const POST = endpoint(checkoutOperation, async ({ db, territory, params, headers, body, event }) => {
	const { secret, config } = await appContext();
	const result = await checkout(
		db,
		{
			territoryId: territory.id,
			cartId: params.id,
			userId: null,
			idempotencyKey: headers['Idempotency-Key'],
			secret,
			origin: config.origin,
			locale: event.locals.locale,
			// The pages read an unknown cart as an empty one (422); the API names it: 404.
			unknownCart: 'not_found'
		},
		body
	);
	return reply(checkoutAnswer(result), { headers: result.replayed ? { 'idempotent-replayed': 'true' } : {} });
});
