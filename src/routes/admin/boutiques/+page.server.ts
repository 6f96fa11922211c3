import type { Actions, PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { operatorScopeOf } from '#lib/server/http/scope.ts';
import { shopsAwaitingReview, autoApproval, setAutoApproval, recentDecisions } from '#lib/server/onboarding/review.ts';

export const load: PageServerLoad = async ({ locals }) => {
	const { db } = await appContext();
	const scope = operatorScopeOf(locals);
	const [waiting, auto, decisions] = await Promise.all([
		shopsAwaitingReview(db, scope),
		autoApproval(db, scope),
		recentDecisions(db, scope)
	]);
	return { waiting, auto, decisions, timezone: locals.territory!.timezone };
};

export const actions: Actions = {
	/** The territory setting: new shops are published at submission, without review. */
	autoApprove: async ({ request, locals }) => {
		const form = await request.formData();
		const { db } = await appContext();
		const on = form.get('autoApprove') === 'on';
		await setAutoApproval(db, operatorScopeOf(locals), on);
		return { autoSaved: on };
	}
};
