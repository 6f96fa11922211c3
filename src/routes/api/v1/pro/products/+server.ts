import { proEndpoint } from '#lib/server/http/pro-endpoint.ts';
import { createProProductOperation, listProProductsOperation } from '#lib/server/http/api-pro-schemas.ts';
import { listProductsPage, productView } from '#lib/server/api-tokens/merchant-api.ts';
import { createProduct } from '#lib/server/catalog/manage.ts';

export const GET = proEndpoint(listProProductsOperation, 'catalog:read', ({ db, access, query, event }) =>
	listProductsPage(db, access.scope, query, event.locals.locale)
);

export const POST = proEndpoint(createProProductOperation, 'catalog:write', async ({ db, access, body, event }) => {
	const id = await createProduct(db, access.scope, body, { locale: event.locals.locale });
	return productView(db, access.scope, id);
});
