import { fail, type ActionFailure } from '@sveltejs/kit';
import { formToObject } from './validate.ts';
import type { FormFailure } from './problem.ts';
import { t, type Locale } from '../i18n.ts';
import { config } from '../config.ts';
import type { ShopPhotoInput } from '../onboarding/wizard.ts';

/**
 * Reads a shop form of the wizard or the settings page: its fields, and the shop photo when the
 * form carries one (`photo` file, `alt` description). A body cut at the server's size limit, or a
 * chosen file of 0 bytes, is answered with a field error instead of being ignored.
 */
export async function readShopForm(
	request: Request,
	locale: Locale
): Promise<{ values: Record<string, string | string[]>; photo: ShopPhotoInput | null } | ActionFailure<FormFailure>> {
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		const max = Math.round(config().mediaMaxBytes / 1024 / 1024);
		return fail(413, { errors: { photo: [t('media_error_photo_too_large_plain', locale, { max })] }, values: {} });
	}
	const values = formToObject(form);
	const file = form.get('photo');
	if (file instanceof File && file.size > 0) {
		return { values, photo: { bytes: new Uint8Array(await file.arrayBuffer()), alt: String(form.get('alt') ?? '').slice(0, 2000) } };
	}
	if (file instanceof File && file.name) return fail(400, { errors: { photo: [t('media_error_photo_empty', locale)] }, values });
	return { values, photo: null };
}
