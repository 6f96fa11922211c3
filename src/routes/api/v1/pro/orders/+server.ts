import { proEndpoint } from '#lib/server/http/pro-endpoint.ts';
import { listProOrdersOperation } from '#lib/server/http/api-pro-schemas.ts';
import { listOrdersPage } from '#lib/server/api-tokens/merchant-api.ts';

export const GET = proEndpoint(listProOrdersOperation, 'orders:read', ({ db, access, query, event }) =>
	listOrdersPage(db, access.scope, query, event.locals.locale)
);
