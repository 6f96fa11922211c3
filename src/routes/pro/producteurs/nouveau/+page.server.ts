import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { formFailure } from '#lib/server/http/problem.ts';
import { formToObject } from '#lib/server/http/validate.ts';
import { createProducer } from '#lib/server/traceability/producers.ts';
import { mapContext } from '../producer-form.server.ts';

export const load: PageServerLoad = async ({ locals }) => mapContext(shopScopeOf(locals).territoryId);

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const { db } = await appContext();
		const values = formToObject(await request.formData());
		let id: string;
		try {
			id = await createProducer(db, shopScopeOf(locals), values, { locale: locals.locale });
		} catch (e) {
			return formFailure(e, locals.locale, values);
		}
		redirect(303, `/pro/producteurs/${id}?saved=created`);
	}
};
