import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { createProduct } from '#lib/server/catalog/manage.ts';
import { formChoices } from '#lib/server/catalog/pro-catalog.ts';
import { handleProductForm } from '../product-form.server.ts';

export const load: PageServerLoad = async ({ locals }) => {
	const { db } = await appContext();
	return formChoices(db, shopScopeOf(locals));
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const scope = shopScopeOf(locals);
		const { db } = await appContext();
		let id = '';
		const failure = await handleProductForm(request, locals.locale, async (raw) => {
			id = await createProduct(db, scope, raw, { locale: locals.locale });
		});
		if (failure) return failure;
		redirect(303, `/pro/catalogue/${id}?saved=created`);
	}
};
