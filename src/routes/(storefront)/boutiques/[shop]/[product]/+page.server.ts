import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { getProduct } from '#lib/server/catalog/queries.ts';
import { NotFoundError } from '#lib/server/errors.ts';
import { t } from '#lib/server/i18n.ts';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { db } = await appContext();
	try {
		const product = await getProduct(db, locals.territory!.id, { shopSlug: params.shop, slug: params.product });
		return { product, origin: url.origin };
	} catch (e) {
		if (e instanceof NotFoundError) error(404, t('error_not_found', locals.locale));
		throw e;
	}
};
