import { proEndpoint } from '#lib/server/http/pro-endpoint.ts';
import { transitionProOrderOperation } from '#lib/server/http/api-pro-schemas.ts';
import { orderView } from '#lib/server/api-tokens/merchant-api.ts';
import { transitionOrder } from '#lib/server/orders/transitions.ts';
import { appContext } from '#lib/server/runtime.ts';

export const POST = proEndpoint(transitionProOrderOperation, 'orders:write', async ({ db, access, params, body, territory, event }) => {
	const { secret, config } = await appContext();
	await transitionOrder(db, access.scope, params.id, body, {
		secret,
		origin: config.origin,
		timezone: territory.timezone,
		locale: event.locals.locale
	});
	return orderView(db, access.scope, params.id);
});
