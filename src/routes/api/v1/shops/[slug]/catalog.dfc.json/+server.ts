import { appContext } from '#lib/server/runtime.ts';
import { exportDfcCatalog } from '#lib/server/dfc/export.ts';
import { NotFoundError } from '#lib/server/errors.ts';
import { problemResponse } from '#lib/server/http/problem.ts';

/** Open API: an active shop's catalogue in the Data Food Consortium format (JSON-LD), readable by any food hub. */
export const GET = async ({ locals, params, url }) => {
	try {
		if (!locals.territory) throw new NotFoundError('territory');
		const { db } = await appContext();
		const body = await exportDfcCatalog(db, { territoryId: locals.territory.id, slug: params.slug }, url.origin);
		return new Response(JSON.stringify(body), {
			headers: {
				'content-type': 'application/ld+json; charset=utf-8',
				'cache-control': 'public, max-age=60',
				'access-control-allow-origin': '*'
			}
		});
	} catch (e) {
		return problemResponse(e, locals.locale);
	}
};
