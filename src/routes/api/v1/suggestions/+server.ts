import { endpoint } from '#lib/server/http/endpoint.ts';
import { suggestOperation } from '#lib/server/http/api-schemas.ts';
import { searchCache } from '#lib/server/catalog/search.ts';

export const GET = endpoint(suggestOperation, async ({ db, territory, query }) => ({
	items: await searchCache.suggestions(db, territory.id, query.q, query.limit)
}));
