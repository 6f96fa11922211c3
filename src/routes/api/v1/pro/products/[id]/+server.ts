import { proEndpoint } from '#lib/server/http/pro-endpoint.ts';
import { archiveProProductOperation, getProProductOperation, updateProProductOperation } from '#lib/server/http/api-pro-schemas.ts';
import { patchProduct, productView } from '#lib/server/api-tokens/merchant-api.ts';
import { setProductStatus } from '#lib/server/catalog/manage.ts';

export const GET = proEndpoint(getProProductOperation, 'catalog:read', ({ db, access, params }) =>
	productView(db, access.scope, params.id)
);

export const PATCH = proEndpoint(updateProProductOperation, 'catalog:write', async ({ db, access, params, body, event }) => {
	await patchProduct(db, access.scope, params.id, body, event.locals.locale);
	return productView(db, access.scope, params.id);
});

export const DELETE = proEndpoint(archiveProProductOperation, 'catalog:write', async ({ db, access, params }) => {
	await setProductStatus(db, access.scope, params.id, 'archived');
	return null;
});
