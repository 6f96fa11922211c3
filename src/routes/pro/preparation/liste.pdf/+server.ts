import type { RequestHandler } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { pickingListFor } from '#lib/server/preparation/page.ts';
import { pickingPdf } from '#lib/server/preparation/picking-pdf.ts';
import { pdfResponse } from '#lib/server/pdf/document.ts';

// The printable picking list: same query string as /pro/preparation.
export const GET: RequestHandler = async ({ locals, url }) => {
	const { db } = await appContext();
	const timezone = locals.territory!.timezone;
	const list = await pickingListFor(db, shopScopeOf(locals), url.searchParams, timezone);
	const pdf = await pickingPdf(list, { shopName: list.shopName, locale: locals.locale, timezone });
	return pdfResponse(pdf, `preparation-${list.day}.pdf`);
};
