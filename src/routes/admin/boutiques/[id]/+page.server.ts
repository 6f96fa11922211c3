import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { operatorScopeOf } from '#lib/server/http/scope.ts';
import { formFailure } from '#lib/server/http/problem.ts';
import { formToObject } from '#lib/server/http/validate.ts';
import { NotFoundError } from '#lib/server/errors.ts';
import { t } from '#lib/server/i18n.ts';
import { mapSettings } from '#lib/server/territories/map-settings.ts';
import { shopForReview, approveShop, requestChanges } from '#lib/server/onboarding/review.ts';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { db } = await appContext();
	try {
		const dossier = await shopForReview(db, operatorScopeOf(locals), params.id);
		const map = mapSettings();
		return {
			dossier,
			status: dossier.shop.status,
			reviewNote: dossier.shop.reviewNote,
			slug: dossier.shop.slug,
			tileUrl: map.tileUrl,
			attribution: map.attribution
		};
	} catch (e) {
		// Another territory's shop, or no such shop: the same 404.
		if (e instanceof NotFoundError) error(404, t('error_not_found', locals.locale));
		throw e;
	}
};

export const actions: Actions = {
	approve: async ({ locals, params, url }) => {
		const { db } = await appContext();
		try {
			await approveShop(db, operatorScopeOf(locals), params.id, url.origin);
		} catch (e) {
			if (e instanceof NotFoundError) error(404, t('error_not_found', locals.locale));
			return formFailure(e, locals.locale);
		}
		redirect(303, '/admin/boutiques');
	},
	changes: async ({ request, locals, params, url }) => {
		const values = formToObject(await request.formData());
		const { db } = await appContext();
		try {
			await requestChanges(db, operatorScopeOf(locals), params.id, values, { locale: locals.locale, origin: url.origin });
		} catch (e) {
			if (e instanceof NotFoundError) error(404, t('error_not_found', locals.locale));
			return formFailure(e, locals.locale, values);
		}
		redirect(303, '/admin/boutiques');
	}
};
