import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { shopForEdit, resumeStep } from '#lib/server/onboarding/wizard.ts';
import { STEP_SEGMENTS } from '#lib/server/onboarding/steps.ts';

/** Resumes the wizard where the merchant stopped (shops.onboardingStep); a submitted shop has its settings instead. */
export const load: PageServerLoad = async ({ locals }) => {
	const { db } = await appContext();
	const { shop } = await shopForEdit(db, shopScopeOf(locals));
	const step = resumeStep(shop);
	redirect(303, step ? `/pro/ouverture/${STEP_SEGMENTS[step]}` : '/pro/boutique');
};
