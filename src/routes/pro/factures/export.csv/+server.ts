import type { RequestHandler } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { documentsCsv, MonthFilter, monthDocuments } from '#lib/server/invoices/queries.ts';
import { download } from '#lib/server/imports/download.ts';

/** The month's invoices and credit notes for the accountant: `;`, decimal commas, UTF-8 with BOM. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const scope = shopScopeOf(locals);
	const { db } = await appContext();
	const { mois } = MonthFilter.parse(Object.fromEntries(url.searchParams));
	const csv = documentsCsv(await monthDocuments(db, scope, mois));
	return download(new TextEncoder().encode(csv), `factures-${mois}`, 'csv', false);
};
