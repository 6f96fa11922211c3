import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { getShopBySlug, listProducts } from '#lib/server/catalog/queries.ts';
import { isOpenAt } from '#lib/server/fulfilment/slots.ts';
import { NotFoundError } from '#lib/server/errors.ts';
import { t } from '#lib/server/i18n.ts';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { db } = await appContext();
	const territory = locals.territory!;
	try {
		const shop = await getShopBySlug(db, territory.id, params.shop);
		const products = await listProducts(db, territory.id, { shopSlug: shop.slug, limit: 100 });
		return { shop, products, openNow: isOpenAt(shop.openingHours, territory.timezone, new Date()), origin: url.origin };
	} catch (e) {
		if (e instanceof NotFoundError) error(404, t('error_not_found', locals.locale));
		throw e;
	}
};
