import { shopScopeOf } from '#lib/server/http/scope.ts';
import { redirect, error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { shopDashboard } from '#lib/server/shops/dashboard.ts';
import { gettingStarted } from '#lib/server/shops/checklist.ts';
import { shopScope } from '#lib/server/tenancy/guard.ts';
import { DomainError } from '#lib/server/errors.ts';
import { t } from '#lib/server/i18n.ts';

export const load: PageServerLoad = async ({ locals }) => {
	const { db } = await appContext();
	const scope = shopScopeOf(locals);
	const [dashboard, checklist] = await Promise.all([shopDashboard(db, scope), gettingStarted(db, scope)]);
	return { dashboard, checklist, userName: locals.user!.name, timezone: locals.territory!.timezone };
};

export const actions: Actions = {
	/** Switches the shop shown in /pro; the guard checks membership before the cookie is kept. */
	switch: async ({ request, locals, cookies }) => {
		const shopId = String((await request.formData()).get('shopId') ?? '');
		try {
			const scope = shopScope(locals.user?.id, locals.roles, locals.territory!.id, shopId);
			cookies.set('pro_shop', scope.shopId, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 });
		} catch (e) {
			if (e instanceof DomainError) error(403, t('error_forbidden', locals.locale));
			throw e;
		}
		redirect(303, '/pro');
	}
};
