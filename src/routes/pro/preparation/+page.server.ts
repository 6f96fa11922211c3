import type { PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { pickingListFor } from '#lib/server/preparation/page.ts';

// The picking list of a day (and slot) on screen: what to pick in total, then order by order.
// A plain GET form chooses the day and the slot; the same query string prints it as a PDF.
export const load: PageServerLoad = async ({ locals, url }) => {
	const { db } = await appContext();
	const timezone = locals.territory!.timezone;
	const list = await pickingListFor(db, shopScopeOf(locals), url.searchParams, timezone);
	return { timezone, locale: locals.locale, list };
};
