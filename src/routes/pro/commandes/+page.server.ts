import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { formFailure } from '#lib/server/http/problem.ts';
import { formToObject } from '#lib/server/http/validate.ts';
import { orderBoard, BoardFilters } from '#lib/server/orders/board.ts';
import { transitionOrder } from '#lib/server/orders/transitions.ts';

// The merchant's order board. Plain links (tabs, filters) and plain forms (moves) so that it works
// without JavaScript; with it, the page listens to /pro/commandes/flux and reloads its data.

export const load: PageServerLoad = async ({ locals, url }) => {
	const { db } = await appContext();
	const scope = shopScopeOf(locals);
	const timezone = locals.territory!.timezone;
	const filters = BoardFilters.parse(Object.fromEntries(url.searchParams));
	return { filters, timezone, locale: locals.locale, ...(await orderBoard(db, scope, filters, timezone)) };
};

export const actions: Actions = {
	move: async ({ request, locals, url }) => {
		const { db, secret, config } = await appContext();
		const scope = shopScopeOf(locals);
		const form = formToObject(await request.formData());
		const orderId = typeof form.orderId === 'string' ? form.orderId : '';
		try {
			await transitionOrder(db, scope, orderId, form, {
				secret,
				origin: config.origin,
				timezone: locals.territory!.timezone,
				locale: locals.locale
			});
		} catch (e) {
			return formFailure(e, locals.locale, { orderId, reason: typeof form.reason === 'string' ? form.reason : '' });
		}
		// Back to the same tab and filters (Post/Redirect/Get: a reload does not post again).
		const back = new URLSearchParams([...url.searchParams].filter(([key]) => !key.startsWith('/')));
		redirect(303, `/pro/commandes${back.size ? `?${back}` : ''}`);
	}
};
