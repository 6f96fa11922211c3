import { endpoint } from '#lib/server/http/endpoint.ts';
import { getProductOperation } from '#lib/server/http/api-schemas.ts';
import { getProduct, productCache } from '#lib/server/catalog/queries.ts';

/** A malformed id is an unknown product (404), never a database error. */
export const GET = endpoint(getProductOperation, ({ db, territory, params }) =>
	getProduct(db, territory.id, { id: params.id }, productCache)
);
