import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { formFailure } from '#lib/server/http/problem.ts';
import { t } from '#lib/server/i18n.ts';
import { config } from '#lib/server/config.ts';
import { checkImport, MAX_FILE_BYTES } from '#lib/server/imports/import.ts';
import { COLUMNS } from '#lib/server/imports/columns.ts';

export const load: PageServerLoad = async ({ locals }) => {
	shopScopeOf(locals);
	return {
		maxRows: config().importMaxRows,
		maxMb: MAX_FILE_BYTES / 1024 / 1024,
		columns: COLUMNS.map((c) => ({ header: c.header, required: c.required }))
	};
};

export const actions: Actions = {
	/** The dry run: reads and checks the file, stores the result, then shows it. Nothing in the catalogue changes. */
	check: async ({ request, locals }) => {
		const scope = shopScopeOf(locals);
		const locale = locals.locale;
		let form: FormData;
		try {
			form = await request.formData();
		} catch {
			return fail(413, { errors: { file: [t('media_import_error_file_too_large', locale, { max: MAX_FILE_BYTES / 1024 / 1024 })] } });
		}
		const file = form.get('file');
		if (!(file instanceof File) || (!file.size && !file.name)) {
			return fail(400, { errors: { file: [t('media_import_error_file_missing', locale)] } });
		}
		const { db } = await appContext();
		let id: string;
		try {
			({ id } = await checkImport(db, scope, { filename: file.name, bytes: new Uint8Array(await file.arrayBuffer()), locale }));
		} catch (e) {
			return formFailure(e, locale);
		}
		redirect(303, `/pro/catalogue/import/${id}`);
	}
};
