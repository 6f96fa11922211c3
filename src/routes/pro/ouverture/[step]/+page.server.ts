import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { formFailure } from '#lib/server/http/problem.ts';
import { formToObject } from '#lib/server/http/validate.ts';
import { readShopForm } from '#lib/server/http/shop-form.ts';
import { InvalidInputError } from '#lib/server/errors.ts';
import { t } from '#lib/server/i18n.ts';
import { mapSettings } from '#lib/server/territories/map-settings.ts';
import {
	shopForEdit,
	shopFormView,
	resumeStep,
	canOpenStep,
	saveStep,
	addStarterProducts,
	submitShop,
	starterList,
	missingForSubmission,
	FORM_STEPS,
	type FormStep
} from '#lib/server/onboarding/wizard.ts';
import { STEP_SEGMENTS, WIZARD_STEPS, stepOfSegment, nextStep, previousStep, type WizardStep } from '#lib/server/onboarding/steps.ts';
import { TRADE_KEYS } from '#lib/server/onboarding/trades.ts';

const href = (step: WizardStep) => `/pro/ouverture/${STEP_SEGMENTS[step]}`;

export const load: PageServerLoad = async ({ locals, params }) => {
	const { db } = await appContext();
	const scope = shopScopeOf(locals);
	const step = stepOfSegment(params.step);
	if (!step) error(404, t('error_not_found', locals.locale));
	const { shop, closures, productCount } = await shopForEdit(db, scope);
	const resume = resumeStep(shop);
	if (!resume) redirect(303, '/pro/boutique');
	if (!canOpenStep(shop, step)) redirect(303, href(resume));
	const territory = locals.territory!;
	const map = mapSettings();
	const previous = previousStep(step);
	const form = shopFormView(shop, closures);
	return {
		step,
		number: WIZARD_STEPS.indexOf(step) + 1,
		total: WIZARD_STEPS.length,
		steps: WIZARD_STEPS.map((s) => ({ step: s, href: href(s), reachable: canOpenStep(shop, s) })),
		previousHref: previous ? href(previous) : null,
		role: scope.role,
		// The account's e-mail as a starting point for the shop's contact address.
		shop: { ...form.shop, email: shop.email ?? locals.user!.email },
		closures: form.closures,
		productCount,
		trades: TRADE_KEYS,
		starter: step === 'products' ? starterList(shop.trade) : [],
		missing: step === 'products' ? missingForSubmission(shop, productCount).filter((s) => s !== 'products') : [],
		centre:
			territory.latitude !== null && territory.longitude !== null ? { latitude: territory.latitude, longitude: territory.longitude } : null,
		tileUrl: map.tileUrl,
		attribution: map.attribution
	};
};

export const actions: Actions = {
	/** Saves the step's form and goes to the next step. */
	save: async ({ request, locals, params }) => {
		const step = stepOfSegment(params.step);
		if (!step || !(FORM_STEPS as readonly string[]).includes(step)) error(404, t('error_not_found', locals.locale));
		const read = await readShopForm(request, locals.locale);
		if (!('values' in read && 'photo' in read)) return read;
		const { values, photo } = read;
		const { db } = await appContext();
		const scope = shopScopeOf(locals);
		const { shop } = await shopForEdit(db, scope);
		if (!canOpenStep(shop, step)) error(409, t('wizard_error_already_submitted', locals.locale));
		try {
			await saveStep(db, scope, step as FormStep, values, { locale: locals.locale, advanceFrom: step, photo });
		} catch (e) {
			return formFailure(e, locals.locale, values);
		}
		redirect(303, href(nextStep(step) ?? step));
	},

	/** Step 6: creates the ticked starter products; the page then offers to submit. */
	products: async ({ request, locals }) => {
		const values = formToObject(await request.formData());
		const { db } = await appContext();
		const scope = shopScopeOf(locals);
		const { shop } = await shopForEdit(db, scope);
		if (!canOpenStep(shop, 'products')) error(409, t('wizard_error_already_submitted', locals.locale));
		if (!values.pick) return fail(400, { errors: { pick: [t('wizard_error_no_product', locals.locale)] }, values });
		try {
			const added = await addStarterProducts(db, scope, values, locals.locale);
			return { added };
		} catch (e) {
			return formFailure(e, locals.locale, values);
		}
	},

	/** Sends the shop to the operator (or publishes it, when the territory approves automatically). */
	submit: async ({ locals, url }) => {
		const { db } = await appContext();
		try {
			await submitShop(db, shopScopeOf(locals), { locale: locals.locale, origin: url.origin });
		} catch (e) {
			if (e instanceof InvalidInputError) return fail(400, { errors: e.fields, submitFailed: true });
			return formFailure(e, locals.locale);
		}
		redirect(303, '/pro/boutique?envoyee=1');
	}
};
