import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { createFirstTerritory, needsSetup } from '#lib/server/territories/setup.ts';
import { formFailure } from '#lib/server/http/problem.ts';
import { formToObject } from '#lib/server/http/validate.ts';

export const load: PageServerLoad = async () => {
	const { db } = await appContext();
	if (!(await needsSetup(db))) redirect(303, '/');
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const { db, auth, territories } = await appContext();
		const values = formToObject(await request.formData());
		try {
			await createFirstTerritory(db, auth, values, locals.locale);
		} catch (e) {
			return formFailure(e, locals.locale, { territoryName: values.territoryName, name: values.name, email: values.email });
		}
		territories.clear();
		redirect(303, '/connexion?redirect=/admin');
	}
};
