import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { accountContext, safeRedirect } from '#lib/server/http/event.ts';
import { formFailure } from '#lib/server/http/problem.ts';
import { formToObject } from '#lib/server/http/validate.ts';
import { signIn, sendMagicLink } from '#lib/server/auth/accounts.ts';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirect(url.searchParams.get('redirect')));
	return { redirect: safeRedirect(url.searchParams.get('redirect')) };
};

export const actions: Actions = {
	password: async (event) => {
		const values = formToObject(await event.request.formData());
		try {
			await signIn(await accountContext(event), values);
		} catch (e) {
			return formFailure(e, event.locals.locale, { form: 'password', email: values.email });
		}
		redirect(303, safeRedirect(String(values.redirect ?? '')));
	},
	magic: async (event) => {
		const values = formToObject(await event.request.formData());
		try {
			await sendMagicLink(await accountContext(event), values, safeRedirect(String(values.redirect ?? '')));
		} catch (e) {
			return formFailure(e, event.locals.locale, { form: 'magic', email: values.email });
		}
		return { magicSent: true };
	}
};
