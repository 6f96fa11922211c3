import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { formFailure } from '#lib/server/http/problem.ts';
import { NotFoundError } from '#lib/server/errors.ts';
import { t } from '#lib/server/i18n.ts';
import { duplicateProduct, setProductStatus, setSoldOutToday, updateProduct } from '#lib/server/catalog/manage.ts';
import { formChoices, getShopProduct, productFormValues } from '#lib/server/catalog/pro-catalog.ts';
import { handleProductForm } from '../product-form.server.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const scope = shopScopeOf(locals);
	const { db } = await appContext();
	try {
		const product = await getShopProduct(db, scope, params.id);
		return {
			product,
			values: productFormValues(product),
			...(await formChoices(db, scope)),
			saved: url.searchParams.get('saved')
		};
	} catch (e) {
		if (e instanceof NotFoundError) error(404, t('error_not_found', locals.locale));
		throw e;
	}
};

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const scope = shopScopeOf(locals);
		const { db } = await appContext();
		const failure = await handleProductForm(request, locals.locale, (raw) =>
			updateProduct(db, scope, params.id, raw, { locale: locals.locale })
		);
		if (failure) return failure;
		redirect(303, `/pro/catalogue/${params.id}?saved=saved`);
	},
	archive: async ({ locals, params }) => status(locals, params.id, 'archived'),
	unarchive: async ({ locals, params }) => status(locals, params.id, 'active'),
	soldOut: async ({ locals, params, request }) => {
		const scope = shopScopeOf(locals);
		const { db } = await appContext();
		const on = (await request.formData()).get('soldOut') === 'true';
		try {
			await setSoldOutToday(db, scope, params.id, on);
		} catch (e) {
			return formFailure(e, locals.locale);
		}
		redirect(303, `/pro/catalogue/${params.id}?saved=${on ? 'sold_out' : 'back_on_sale'}`);
	},
	duplicate: async ({ locals, params }) => {
		const scope = shopScopeOf(locals);
		const { db } = await appContext();
		let copy: string;
		try {
			copy = await duplicateProduct(db, scope, params.id, { locale: locals.locale });
		} catch (e) {
			return formFailure(e, locals.locale);
		}
		redirect(303, `/pro/catalogue/${copy}?saved=duplicated`);
	}
};

async function status(locals: App.Locals, id: string, next: 'active' | 'archived') {
	const scope = shopScopeOf(locals);
	const { db } = await appContext();
	try {
		await setProductStatus(db, scope, id, next);
	} catch (e) {
		return formFailure(e, locals.locale);
	}
	redirect(303, `/pro/catalogue/${id}?saved=${next === 'archived' ? 'archived' : 'unarchived'}`);
}
