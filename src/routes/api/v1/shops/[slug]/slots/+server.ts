import { endpoint } from '#lib/server/http/endpoint.ts';
import { listShopSlotsOperation, slotWindow } from '#lib/server/http/api-cart-schemas.ts';
import { getShopBySlug } from '#lib/server/catalog/queries.ts';
import { slotsBetween } from '#lib/server/checkout/fulfilment.ts';

export const GET = endpoint(listShopSlotsOperation, async ({ db, territory, params, query, event }) => {
	const { from, to } = slotWindow(query, territory.timezone, event.locals.locale);
	const shop = await getShopBySlug(db, territory.id, params.slug);
	const slots = await slotsBetween(db, shop.id, from, to);
	return {
		items: slots.map((s) => ({ id: s.id, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), remaining: s.remaining }))
	};
});
