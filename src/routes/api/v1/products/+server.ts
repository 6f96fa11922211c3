import { endpoint } from '#lib/server/http/endpoint.ts';
import { listProductsOperation } from '#lib/server/http/api-schemas.ts';
import { searchCache } from '#lib/server/catalog/search.ts';

export const GET = endpoint(listProductsOperation, ({ db, territory, query, event }) =>
	searchCache.products(
		db,
		territory.id,
		{
			q: query.q,
			shop: query.shop,
			category: query.category,
			label: query.label,
			near: query.near,
			maxKm: query.maxKm,
			availableToday: query.availableToday,
			shortCircuit: query.shortCircuit,
			maxOriginKm: query.maxOriginKm,
			minPriceCents: query.minPrice,
			maxPriceCents: query.maxPrice,
			sort: query.sort,
			limit: query.limit,
			cursor: query.cursor
		},
		event.locals.locale
	)
);
