import { endpoint } from '#lib/server/http/endpoint.ts';
import { setCartItemQuantityOperation, removeCartItemOperation, existingCart } from '#lib/server/http/api-cart-schemas.ts';
import { setCartQuantity, removeFromCart } from '#lib/server/checkout/cart.ts';

export const PATCH = endpoint(setCartItemQuantityOperation, async ({ db, territory, params, body, event }) => {
	await setCartQuantity(db, territory.id, params.id, params.itemId, body, event.locals.locale);
	return existingCart(db, territory.id, params.id);
});

export const DELETE = endpoint(removeCartItemOperation, async ({ db, territory, params }) => {
	await removeFromCart(db, territory.id, params.id, params.itemId);
	return existingCart(db, territory.id, params.id);
});
