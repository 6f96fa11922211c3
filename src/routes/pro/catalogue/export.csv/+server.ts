import { appContext } from '#lib/server/runtime.ts';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { exportRows, toCsv } from '#lib/server/imports/export.ts';
import { download } from '#lib/server/imports/download.ts';

/** The shop's catalogue as a CSV French Excel opens as is (`;`, decimal commas, UTF-8 with BOM). */
export const GET = async ({ locals }) => {
	const scope = shopScopeOf(locals);
	const { db } = await appContext();
	return download(toCsv(await exportRows(db, scope, locals.locale)), 'catalogue', 'csv');
};
