import { endpoint } from '#lib/server/http/endpoint.ts';
import { getProductTraceabilityOperation } from '#lib/server/http/api-traceability-schemas.ts';
import { publicTraceability } from '#lib/server/traceability/read.ts';

/** A malformed id, an archived product or another territory's is "not found" (404). */
export const GET = endpoint(getProductTraceabilityOperation, ({ db, territory, params }) =>
	publicTraceability(db, territory.id, params.id)
);
