import { endpoint } from '#lib/server/http/endpoint.ts';
import { listShopsOperation } from '#lib/server/http/api-schemas.ts';
import { listShops } from '#lib/server/catalog/queries.ts';

export const GET = endpoint(listShopsOperation, async ({ db, territory, query }) => ({
	items: await listShops(db, territory.id, { q: query.q, limit: query.limit })
}));
