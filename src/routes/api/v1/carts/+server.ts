import { endpoint } from '#lib/server/http/endpoint.ts';
import { createCartOperation } from '#lib/server/http/api-cart-schemas.ts';
import { createCart } from '#lib/server/checkout/cart.ts';

export const POST = endpoint(createCartOperation, async ({ db, territory }) => ({ id: await createCart(db, territory.id) }));
