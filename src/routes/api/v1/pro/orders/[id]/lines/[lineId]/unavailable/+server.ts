import { proEndpoint } from '#lib/server/http/pro-endpoint.ts';
import { markProOrderLineUnavailableOperation } from '#lib/server/http/api-pro-schemas.ts';
import { preparationAnswer } from '#lib/server/api-tokens/merchant-api.ts';
import { markUnavailable } from '#lib/server/preparation/adjust.ts';
import { appContext } from '#lib/server/runtime.ts';

// The order page's "unavailable" button: the same domain function (stock back, customer emailed).
export const POST = proEndpoint(markProOrderLineUnavailableOperation, 'orders:write', async ({ db, access, params, territory, event }) => {
	const { secret, config } = await appContext();
	const result = await markUnavailable(db, access.scope, params.id, params.lineId, {
		secret,
		origin: config.origin,
		timezone: territory.timezone,
		locale: event.locals.locale
	});
	return preparationAnswer(db, access.scope, result);
});
