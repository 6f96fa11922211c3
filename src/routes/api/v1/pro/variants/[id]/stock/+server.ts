import { proEndpoint } from '#lib/server/http/pro-endpoint.ts';
import { changeProStockOperation } from '#lib/server/http/api-pro-schemas.ts';
import { changeStock } from '#lib/server/api-tokens/merchant-api.ts';

export const PATCH = proEndpoint(changeProStockOperation, 'catalog:write', ({ db, access, params, body, event }) =>
	changeStock(db, access.scope, params.id, body, event.locals.locale)
);
