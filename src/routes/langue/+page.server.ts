import { redirect } from '@sveltejs/kit';
import type { Actions } from './$types';

/** Language switch as a plain form post, so it works without JavaScript. */
export const actions: Actions = {
	default: async ({ request, cookies }) => {
		const form = await request.formData();
		const locale = form.get('locale') === 'en' ? 'en' : 'fr';
		const target = String(form.get('redirect') ?? '/');
		cookies.set('PARAGLIDE_LOCALE', locale, { path: '/', maxAge: 60 * 60 * 24 * 400, httpOnly: false, sameSite: 'lax' });
		// Only same-site paths: never an open redirect.
		redirect(303, target.startsWith('/') && !target.startsWith('//') ? target : '/');
	}
};
