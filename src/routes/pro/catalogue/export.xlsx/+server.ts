import { appContext } from '#lib/server/runtime.ts';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { exportRows, toXlsx } from '#lib/server/imports/export.ts';
import { download } from '#lib/server/imports/download.ts';

/** The shop's catalogue as an Excel workbook. */
export const GET = async ({ locals }) => {
	const scope = shopScopeOf(locals);
	const { db } = await appContext();
	return download(await toXlsx(await exportRows(db, scope, locals.locale), 'Catalogue'), 'catalogue', 'xlsx');
};
