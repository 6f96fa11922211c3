import { endpoint } from '#lib/server/http/endpoint.ts';
import { getShopOperation } from '#lib/server/http/api-schemas.ts';
import { getShopBySlug } from '#lib/server/catalog/queries.ts';

export const GET = endpoint(getShopOperation, ({ db, territory, params }) => getShopBySlug(db, territory.id, params.slug));
