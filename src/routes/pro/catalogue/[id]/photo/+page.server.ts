import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { formFailure } from '#lib/server/http/problem.ts';
import { NotFoundError } from '#lib/server/errors.ts';
import { t } from '#lib/server/i18n.ts';
import { config } from '#lib/server/config.ts';
import { productPhoto, removeProductPhoto, setProductPhoto, setProductPhotoAlt } from '#lib/server/media/product-photo.ts';

/** A product of another shop is "not found": nothing says it exists. */
function notFound(e: unknown): never {
	if (e instanceof NotFoundError) error(404, 'not found');
	throw e;
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const { db } = await appContext();
	const product = await productPhoto(db, shopScopeOf(locals), params.id).catch(notFound);
	return { product, maxMb: Math.round(config().mediaMaxBytes / 1024 / 1024) };
};

export const actions: Actions = {
	/** A new photo (with its description), or only a new description when no file is chosen. */
	upload: async ({ request, locals, params }) => {
		const scope = shopScopeOf(locals);
		const locale = locals.locale;
		let form: FormData;
		try {
			form = await request.formData();
		} catch {
			// The body was cut at the server's size limit (or was not a form).
			const max = Math.round(config().mediaMaxBytes / 1024 / 1024);
			return fail(413, { errors: { photo: [t('media_error_photo_too_large_plain', locale, { max })] }, values: {} });
		}
		const file = form.get('photo');
		const alt = String(form.get('alt') ?? '').slice(0, 2000);
		const { db } = await appContext();
		try {
			if (file instanceof File && file.size > 0) {
				await setProductPhoto(db, scope, params.id, { bytes: new Uint8Array(await file.arrayBuffer()), alt, locale });
			} else if (file instanceof File && file.name) {
				// A chosen file of 0 bytes: say so rather than silently keeping the old photo.
				return fail(400, { errors: { photo: [t('media_error_photo_empty', locale)] }, values: { alt } });
			} else {
				const current = await productPhoto(db, scope, params.id);
				if (!current.imageUrl) return fail(400, { errors: { photo: [t('media_error_photo_missing', locale)] }, values: { alt } });
				await setProductPhotoAlt(db, scope, params.id, alt, locale);
			}
		} catch (e) {
			if (e instanceof NotFoundError) notFound(e);
			return formFailure(e, locale, { alt });
		}
		return { saved: true as const };
	},
	remove: async ({ locals, params }) => {
		const { db } = await appContext();
		await removeProductPhoto(db, shopScopeOf(locals), params.id).catch(notFound);
		return { removed: true as const };
	}
};
