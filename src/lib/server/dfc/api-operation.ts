import { z } from 'zod';
import { defineOperation, problemResponse } from '../http/openapi.ts';

/** The open API operation of the DFC catalogue (documented in /api/v1/openapi.json). */
export const dfcCatalogOperation = defineOperation({
	operationId: 'getShopDfcCatalog',
	method: 'get',
	path: '/api/v1/shops/{slug}/catalog.dfc.json',
	tag: 'catalog',
	summary: 'Get a shop’s catalogue in the Data Food Consortium format',
	description:
		'JSON-LD in the DFC business ontology (context https://www.datafoodconsortium.org): the shop as dfc-b:Enterprise with its ' +
		'dfc-b:Address and dfc-b:Catalog, and for each size of each product a dfc-b:SuppliedProduct, a dfc-b:CatalogItem and a ' +
		'dfc-b:Offer (price in euros incl. VAT). For food hubs such as Open Food Network.',
	params: z.object({ slug: z.string().max(200).meta({ description: 'The shop’s slug.' }) }),
	cacheSeconds: 60,
	responses: {
		200: {
			description: 'The catalogue, as DFC JSON-LD.',
			schema: z.object({ '@context': z.string(), '@graph': z.array(z.record(z.string(), z.unknown())) })
		},
		404: problemResponse('No active shop has this slug.')
	}
});
