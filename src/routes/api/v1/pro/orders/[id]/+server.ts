import { proEndpoint } from '#lib/server/http/pro-endpoint.ts';
import { getProOrderOperation } from '#lib/server/http/api-pro-schemas.ts';
import { orderView } from '#lib/server/api-tokens/merchant-api.ts';

export const GET = proEndpoint(getProOrderOperation, 'orders:read', ({ db, access, params }) => orderView(db, access.scope, params.id));
