import { endpoint } from '#lib/server/http/endpoint.ts';
import { getCartOperation, existingCart } from '#lib/server/http/api-cart-schemas.ts';

export const GET = endpoint(getCartOperation, ({ db, territory, params }) => existingCart(db, territory.id, params.id));
