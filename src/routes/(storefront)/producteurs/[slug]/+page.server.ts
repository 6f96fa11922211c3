import type { PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { producerPage } from '#lib/server/traceability/read.ts';
import { notFoundAs404 } from '#lib/server/http/not-found.ts';
import { getShopBySlug } from '#lib/server/catalog/queries.ts';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { db } = await appContext();
	const producer = await notFoundAs404(() => producerPage(db, locals.territory!.id, params.slug.slice(0, 200)), locals.locale);
	// The shops selling its products, placed on the small map beside it.
	const slugs = [...new Set(producer.products.map((product) => product.shop.slug))].slice(0, 8);
	const shops = await Promise.all(slugs.map((slug) => getShopBySlug(db, locals.territory!.id, slug)));
	return {
		producer,
		shops: shops.map((shop) => ({ slug: shop.slug, name: shop.name, latitude: shop.latitude, longitude: shop.longitude })),
		origin: url.origin
	};
};
