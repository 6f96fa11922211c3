import type { Actions } from './$types';
import { accountContext } from '#lib/server/http/event.ts';
import { formFailure } from '#lib/server/http/problem.ts';
import { formToObject } from '#lib/server/http/validate.ts';
import { requestPasswordReset } from '#lib/server/auth/accounts.ts';

export const actions: Actions = {
	default: async (event) => {
		const values = formToObject(await event.request.formData());
		try {
			await requestPasswordReset(await accountContext(event), values);
		} catch (e) {
			return formFailure(e, event.locals.locale, { email: values.email });
		}
		return { sent: true };
	}
};
