import { endpoint } from '#lib/server/http/endpoint.ts';
import { listProductsOperation, encodeCursor } from '#lib/server/http/api-schemas.ts';
import { listProducts } from '#lib/server/catalog/queries.ts';

export const GET = endpoint(listProductsOperation, async ({ db, territory, query }) => {
	const items = await listProducts(db, territory.id, {
		q: query.q,
		shopSlug: query.shop,
		categorySlug: query.category,
		limit: query.limit,
		after: query.cursor
	});
	// A full page may be followed by an empty one: cheaper than counting, and clients stop on null.
	const last = items.length === query.limit ? items.at(-1) : undefined;
	return { items, nextCursor: last ? encodeCursor(last.id) : null };
});
