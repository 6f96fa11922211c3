import { openApiDocument, type OpenApiDocument, type OperationSpec } from './openapi.ts';
import { catalogOperations } from './api-schemas.ts';
import { cartOperations, cartTags } from './api-cart-schemas.ts';
import { dfcCatalogOperation } from '../dfc/api-operation.ts';
import { traceabilityOperations } from './api-traceability-schemas.ts';
import { proOperations, proTags } from './api-pro-schemas.ts';

/** Every operation of /api/v1: a new endpoint family adds its list here. */
export const apiOperations: readonly OperationSpec[] = [
	...catalogOperations,
	...traceabilityOperations,
	dfcCatalogOperation,
	...cartOperations,
	...proOperations
];

let built: OpenApiDocument | undefined;

/** The OpenAPI 3.1 document of /api/v1 (the same for every request: built once). */
export function apiDocument(): OpenApiDocument {
	built ??= openApiDocument({
		info: {
			title: 'Échoppe API',
			version: '1.0.0',
			description:
				'Open REST API of an Échoppe marketplace: the shops and products of the territory the host name belongs to. ' +
				'Money is integer euro cents, VAT included. Errors are RFC 9457 problem+json, in the language of the request ' +
				'(Accept-Language or the language cookie). Public catalog reads need no key, may be cached for 30 seconds and ' +
				"may be called from any origin. A shop's own orders and catalogue (/api/v1/pro) need its API token.",
			license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' }
		},
		tags: [{ name: 'catalog', description: 'Public catalog: shops, products and their variants.' }, ...cartTags, ...proTags],
		operations: apiOperations
	});
	return built;
}
