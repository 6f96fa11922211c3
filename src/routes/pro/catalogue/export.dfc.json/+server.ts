import { appContext } from '#lib/server/runtime.ts';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { exportDfcCatalog } from '#lib/server/dfc/export.ts';

/** The shop's catalogue in the Data Food Consortium format (JSON-LD), to load into a food hub (Open Food Network…). */
export const GET = async ({ locals, url }) => {
	const scope = shopScopeOf(locals);
	const { db } = await appContext();
	const body = await exportDfcCatalog(db, { id: scope.shopId }, url.origin);
	return new Response(JSON.stringify(body, null, 2), {
		headers: {
			'content-type': 'application/ld+json; charset=utf-8',
			'content-disposition': 'attachment; filename="catalogue.dfc.json"',
			'cache-control': 'private, no-store'
		}
	});
};
