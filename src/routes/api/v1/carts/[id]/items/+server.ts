import { endpoint } from '#lib/server/http/endpoint.ts';
import { addCartItemOperation, existingCart } from '#lib/server/http/api-cart-schemas.ts';
import { addToCart } from '#lib/server/checkout/cart.ts';

export const POST = endpoint(addCartItemOperation, async ({ db, territory, params, body, event }) => {
	// addToCart starts a new cart when it does not find this one: the API answers 404 instead.
	await existingCart(db, territory.id, params.id);
	await addToCart(db, { territoryId: territory.id, cartId: params.id, userId: null }, body, event.locals.locale);
	return existingCart(db, territory.id, params.id);
});
