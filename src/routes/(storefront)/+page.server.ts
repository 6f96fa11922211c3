import type { PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { listShops, listProducts, listCategories } from '#lib/server/catalog/queries.ts';
import { isOpenAt } from '#lib/server/fulfilment/slots.ts';

export const load: PageServerLoad = async ({ locals }) => {
	const { db } = await appContext();
	const territory = locals.territory!;
	const [shops, products, categories] = await Promise.all([
		listShops(db, territory.id),
		listProducts(db, territory.id, { limit: 12 }),
		listCategories(db, territory.id)
	]);
	const now = new Date();
	return {
		territoryName: territory.name,
		tagline: territory.tagline,
		shops: shops.map((s) => ({ ...s, openNow: isOpenAt(s.openingHours, territory.timezone, now) })),
		products,
		categories
	};
};
