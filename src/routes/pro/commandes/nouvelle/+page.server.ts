import { randomUUID } from 'node:crypto';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { formFailure } from '#lib/server/http/problem.ts';
import { formToObject } from '#lib/server/http/validate.ts';
import { assistedOrder, assistedOrderForm, linesFromForm } from '#lib/server/orders/assisted.ts';

// An order taken by phone or at the counter. The idempotency key is drawn when the form is shown
// and posted back with it: pressing "Enregistrer" twice records one order.

export const load: PageServerLoad = async ({ locals }) => {
	const { db } = await appContext();
	const scope = shopScopeOf(locals);
	return {
		...(await assistedOrderForm(db, scope)),
		idempotencyKey: randomUUID(),
		timezone: locals.territory!.timezone,
		locale: locals.locale
	};
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const { db, secret, config } = await appContext();
		const scope = shopScopeOf(locals);
		const form = formToObject(await request.formData());
		let orderId: string;
		try {
			orderId = await assistedOrder(
				db,
				scope,
				{ ...form, lines: linesFromForm(form) },
				{ secret, origin: config.origin, locale: locals.locale, timezone: locals.territory!.timezone }
			);
		} catch (e) {
			return formFailure(e, locals.locale, form);
		}
		redirect(303, `/pro/commandes/${orderId}`);
	}
};
