import { endpoint } from '#lib/server/http/endpoint.ts';
import { dfcCatalogOperation } from '#lib/server/dfc/api-operation.ts';
import { exportDfcCatalog } from '#lib/server/dfc/export.ts';

/** Open API: an active shop's catalogue in the Data Food Consortium format (JSON-LD), readable by any food hub. */
export const GET = endpoint(dfcCatalogOperation, ({ db, territory, params, event }) =>
	exportDfcCatalog(db, { territoryId: territory.id, slug: params.slug }, event.url.origin)
);
