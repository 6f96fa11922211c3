import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { formFailure } from '#lib/server/http/problem.ts';
import { readShopForm } from '#lib/server/http/shop-form.ts';
import { mapSettings } from '#lib/server/territories/map-settings.ts';
import { shopForEdit, shopFormView, resumeStep, saveStep, type FormStep } from '#lib/server/onboarding/wizard.ts';
import { STEP_SEGMENTS } from '#lib/server/onboarding/steps.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { db } = await appContext();
	const scope = shopScopeOf(locals);
	const { shop, closures, productCount } = await shopForEdit(db, scope);
	const territory = locals.territory!;
	const map = mapSettings();
	const resume = resumeStep(shop);
	const form = shopFormView(shop, closures);
	return {
		role: scope.role,
		submitted: url.searchParams.has('envoyee'),
		wizardHref: resume ? `/pro/ouverture/${STEP_SEGMENTS[resume]}` : null,
		shop: { slug: shop.slug, ...form.shop },
		closures: form.closures,
		productCount,
		centre:
			territory.latitude !== null && territory.longitude !== null ? { latitude: territory.latitude, longitude: territory.longitude } : null,
		tileUrl: map.tileUrl,
		attribution: map.attribution
	};
};

/** One form per section, the same save function as the wizard's step (no step moves forward here). */
function section(step: FormStep) {
	return async ({ request, locals }: RequestEvent) => {
		const read = await readShopForm(request, locals.locale);
		if (!('values' in read && 'photo' in read)) return fail(read.status, { ...read.data, section: step });
		const { values, photo } = read;
		const { db } = await appContext();
		try {
			await saveStep(db, shopScopeOf(locals), step, values, { locale: locals.locale, photo });
		} catch (e) {
			const failure = formFailure(e, locals.locale, values);
			return fail(failure.status, { ...failure.data, section: step });
		}
		return { saved: step };
	};
}

export const actions: Actions = {
	identity: section('identity'),
	address: section('address'),
	hours: section('hours'),
	fulfilment: section('fulfilment')
};
