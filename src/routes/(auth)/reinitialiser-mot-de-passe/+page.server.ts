import type { Actions, PageServerLoad } from './$types';
import { accountContext } from '#lib/server/http/event.ts';
import { formFailure } from '#lib/server/http/problem.ts';
import { formToObject } from '#lib/server/http/validate.ts';
import { resetPassword } from '#lib/server/auth/accounts.ts';

/** better-auth sends people here with ?token=… (or ?error=INVALID_TOKEN) from the emailed link. */
export const load: PageServerLoad = ({ url }) => ({
	token: url.searchParams.get('token') ?? '',
	invalid: url.searchParams.has('error')
});

export const actions: Actions = {
	default: async (event) => {
		const values = formToObject(await event.request.formData());
		try {
			await resetPassword(await accountContext(event), values);
		} catch (e) {
			return formFailure(e, event.locals.locale);
		}
		return { done: true };
	}
};
