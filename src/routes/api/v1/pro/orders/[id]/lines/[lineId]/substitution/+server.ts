import { proEndpoint } from '#lib/server/http/pro-endpoint.ts';
import { proposeProSubstitutionOperation } from '#lib/server/http/api-pro-schemas.ts';
import { substitutionAnswer } from '#lib/server/api-tokens/merchant-api.ts';
import { proposeSubstitution } from '#lib/server/preparation/adjust.ts';
import { appContext } from '#lib/server/runtime.ts';

// The order page's "propose a substitute" form: the same domain function (the customer emailed).
export const POST = proEndpoint(proposeProSubstitutionOperation, 'orders:write', async ({ db, access, params, body, territory, event }) => {
	const { secret, config } = await appContext();
	const result = await proposeSubstitution(db, access.scope, params.id, params.lineId, body, {
		secret,
		origin: config.origin,
		timezone: territory.timezone,
		locale: event.locals.locale
	});
	return substitutionAnswer(db, access.scope, result);
});
