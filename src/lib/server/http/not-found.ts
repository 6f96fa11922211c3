import { error } from '@sveltejs/kit';
import { NotFoundError } from '../errors.ts';
import { t, type Locale } from '../i18n.ts';

/** Runs a page's read; a domain "not found" becomes the site's 404 page. */
export async function notFoundAs404<T>(read: () => Promise<T>, locale: Locale): Promise<T> {
	try {
		return await read();
	} catch (e) {
		if (e instanceof NotFoundError) error(404, t('error_not_found', locale));
		throw e;
	}
}
