import { endpoint } from '#lib/server/http/endpoint.ts';
import { addCartItemOperation, existingCart } from '#lib/server/http/api-cart-schemas.ts';
import { addToCart } from '#lib/server/checkout/cart.ts';

export const POST = endpoint(addCartItemOperation, async ({ db, territory, params, body, event }) => {
	// An unknown cart is a 404 here (the pages start a new cart instead).
	await addToCart(db, { territoryId: territory.id, cartId: params.id, userId: null }, body, event.locals.locale, {
		unknownCart: 'not_found'
	});
	return existingCart(db, territory.id, params.id);
});
