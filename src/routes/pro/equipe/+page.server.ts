import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { formFailure } from '#lib/server/http/problem.ts';
import { formToObject } from '#lib/server/http/validate.ts';
import { changeMemberRole, inviteMember, listTeam, removeMember, revokeInvitation } from '#lib/server/team/team.ts';

export const load: PageServerLoad = async ({ locals }) => {
	const { db } = await appContext();
	const scope = shopScopeOf(locals);
	return { team: await listTeam(db, scope), me: scope.userId, timezone: locals.territory!.timezone };
};

// Every action is owner-only: the domain functions refuse staff with a 403 the page shows.
export const actions: Actions = {
	invite: async ({ request, locals }) => {
		const values = formToObject(await request.formData());
		const { db, config } = await appContext();
		try {
			await inviteMember(db, shopScopeOf(locals), values, { origin: config.origin, locale: locals.locale });
		} catch (e) {
			return formFailure(e, locals.locale, { form: 'invite', email: values.email, role: values.role });
		}
		return { done: 'invited', email: String(values.email).trim().toLowerCase() };
	},
	revoke: async ({ request, locals }) => {
		const values = formToObject(await request.formData());
		const { db } = await appContext();
		try {
			await revokeInvitation(db, shopScopeOf(locals), values, locals.locale);
		} catch (e) {
			return formFailure(e, locals.locale, { form: 'revoke', id: values.id });
		}
		return { done: 'revoked' };
	},
	role: async ({ request, locals }) => {
		const values = formToObject(await request.formData());
		const { db } = await appContext();
		try {
			await changeMemberRole(db, shopScopeOf(locals), values, locals.locale);
		} catch (e) {
			return formFailure(e, locals.locale, { form: 'role', id: values.id });
		}
		return { done: 'role' };
	},
	remove: async ({ request, locals }) => {
		const values = formToObject(await request.formData());
		const { db } = await appContext();
		const scope = shopScopeOf(locals);
		let removed: { userId: string };
		try {
			removed = await removeMember(db, scope, values, locals.locale);
		} catch (e) {
			return formFailure(e, locals.locale, { form: 'remove', id: values.id });
		}
		// An owner who left the team has nothing more to see here.
		if (removed.userId === scope.userId) redirect(303, '/');
		return { done: 'removed' };
	}
};
