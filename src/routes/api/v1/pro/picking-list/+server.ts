import { proEndpoint } from '#lib/server/http/pro-endpoint.ts';
import { getProPickingListOperation } from '#lib/server/http/api-pro-schemas.ts';
import { pickingListView } from '#lib/server/api-tokens/merchant-api.ts';

// The preparation page's picking list as JSON (the same `pickingList`).
export const GET = proEndpoint(getProPickingListOperation, 'orders:read', ({ db, access, query, territory }) =>
	pickingListView(db, access.scope, query, territory.timezone)
);
