import type { RequestHandler } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { customerDocument } from '#lib/server/invoices/queries.ts';
import { documentDownload } from '#lib/server/invoices/http.ts';

/** The customer's invoice, with the secret of their order link (`?t=`); without it, a 404. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const { db } = await appContext();
	const token = url.searchParams.get('t') ?? '';
	return documentDownload(locals.locale, () => customerDocument(db, params.id, token, 'invoice', null, locals.territory!.id));
};
