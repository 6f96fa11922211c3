import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { accountContext, safeRedirect } from '#lib/server/http/event.ts';
import { formFailure } from '#lib/server/http/problem.ts';
import { formToObject } from '#lib/server/http/validate.ts';
import { signUp } from '#lib/server/auth/accounts.ts';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, '/');
	return { redirect: safeRedirect(url.searchParams.get('redirect')) };
};

export const actions: Actions = {
	default: async (event) => {
		const values = formToObject(await event.request.formData());
		try {
			await signUp(await accountContext(event), values);
		} catch (e) {
			return formFailure(e, event.locals.locale, { name: values.name, email: values.email });
		}
		redirect(303, safeRedirect(String(values.redirect ?? '')));
	}
};
