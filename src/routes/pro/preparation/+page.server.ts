import type { Actions, PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { formFailure } from '#lib/server/http/problem.ts';
import { formToObject } from '#lib/server/http/validate.ts';
import { pickingListFor } from '#lib/server/preparation/page.ts';
import { setWeighingTolerance, shopTolerance } from '#lib/server/preparation/settings.ts';

// The picking list of a day (and slot) on screen: what to pick in total, then order by order.
// A plain GET form chooses the day and the slot; the same query string prints it as a PDF.
// Owners also set here the weighing tolerance announced to buyers of goods sold by the kg.
export const load: PageServerLoad = async ({ locals, url }) => {
	const { db } = await appContext();
	const scope = shopScopeOf(locals);
	const timezone = locals.territory!.timezone;
	const [list, toleranceBps] = await Promise.all([pickingListFor(db, scope, url.searchParams, timezone), shopTolerance(db, scope)]);
	return { timezone, locale: locals.locale, list, toleranceBps, isOwner: scope.role === 'shop_owner' };
};

export const actions: Actions = {
	tolerance: async ({ locals, request }) => {
		const { db } = await appContext();
		const form = formToObject(await request.formData());
		try {
			const toleranceBps = await setWeighingTolerance(db, shopScopeOf(locals), form, locals.locale);
			return { toleranceSaved: toleranceBps };
		} catch (e) {
			return formFailure(e, locals.locale, form);
		}
	}
};
