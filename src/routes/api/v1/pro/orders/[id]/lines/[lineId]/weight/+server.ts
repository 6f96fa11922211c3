import { proEndpoint } from '#lib/server/http/pro-endpoint.ts';
import { weighProOrderLineOperation } from '#lib/server/http/api-pro-schemas.ts';
import { preparationAnswer } from '#lib/server/api-tokens/merchant-api.ts';
import { weighLine } from '#lib/server/preparation/adjust.ts';

// The order page's "weigh" form, for a connected scale: the same domain function.
export const POST = proEndpoint(weighProOrderLineOperation, 'orders:write', async ({ db, access, params, body, event }) => {
	const result = await weighLine(db, access.scope, params.id, params.lineId, body, event.locals.locale);
	return preparationAnswer(db, access.scope, result);
});
