import type { RequestHandler } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { merchantDocument } from '#lib/server/invoices/queries.ts';
import { documentDownload } from '#lib/server/invoices/http.ts';

/** The invoice of one of the shop's orders; another shop's order, or one not invoiced yet, is a 404. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { db } = await appContext();
	const scope = shopScopeOf(locals);
	return documentDownload(locals.locale, () => merchantDocument(db, scope, params.id, 'invoice'));
};
