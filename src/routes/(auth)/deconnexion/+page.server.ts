import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { accountContext } from '#lib/server/http/event.ts';
import { signOut } from '#lib/server/auth/accounts.ts';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async (event) => {
		if (event.locals.user) await signOut(await accountContext(event));
		redirect(303, '/');
	}
};
