import { z } from 'zod';
import { component, defineOperation, problemResponse } from './openapi.ts';
import { SUPPLY_CHAIN_ROLES } from '../traceability/rules.ts';
import type { PublicTraceability } from '../traceability/read.ts';

/** The open-data traceability of a product (SPEC §3.4): the same reading as its public page. */

const day = () => z.iso.date().nullable();

const Certification = component(
	'Certification',
	z.object({
		label: z.string().meta({ description: 'Label key: ab (organic farming), label_rouge, aop, igp, hve…' }),
		certificateNumber: z.string().nullable(),
		certifier: z.string().nullable().meta({ description: 'The certification body.' }),
		expiresOn: day().meta({ description: 'Last day of validity, `YYYY-MM-DD`.' })
	}),
	'A producer’s quality label with its certificate.'
);

const TraceProducer = component(
	'TraceProducer',
	z.object({
		id: z.guid(),
		slug: z.string().meta({ description: 'Its page: `/producteurs/{slug}`.' }),
		name: z.string(),
		city: z.string(),
		latitude: z.number(),
		longitude: z.number(),
		methods: z.string(),
		labels: z.array(z.string()),
		sellerShopSlug: z.string().nullable().meta({ description: 'The shop it sells as on the platform, if any.' }),
		certifications: z.array(Certification)
	}),
	'A producer of the product.'
);

const ChainStep = component(
	'ChainStep',
	z.object({
		position: z.int().min(0),
		role: z.enum(SUPPLY_CHAIN_ROLES),
		name: z.string(),
		place: z.string(),
		latitude: z.number().nullable(),
		longitude: z.number().nullable()
	}),
	'One hand between the producer and the shop, in order.'
);

const Lot = component(
	'Lot',
	z.object({
		code: z.string().meta({ description: 'Its page: `/tracabilite/{productId}/lot/{code}`.' }),
		producedOn: day(),
		bestBefore: day(),
		quantity: z.number().min(0).nullable(),
		note: z.string().nullable()
	}),
	'A lot (batch, harvest) of the product.'
);

export const ProductTraceability = component(
	'ProductTraceability',
	z.object({
		product: z.object({
			id: z.guid(),
			slug: z.string(),
			name: z.string(),
			origin: z.string().nullable().meta({ description: 'The origin as the shop wrote it (country, region).' }),
			imageUrl: z.string().nullable(),
			imageAlt: z.string().nullable()
		}),
		shop: z.object({
			slug: z.string(),
			name: z.string(),
			address: z.string(),
			city: z.string(),
			latitude: z.number().nullable(),
			longitude: z.number().nullable()
		}),
		facts: z.object({
			originKm: z.number().min(0).nullable().meta({ description: 'Great-circle km from the origin producer to the shop.' }),
			intermediaries: z.int().min(0).nullable().meta({ description: 'Hands between producer and consumer; null = unknown.' }),
			shortCircuit: z.boolean().meta({ description: 'At most one intermediary ("circuit court").' })
		}),
		producers: z.array(TraceProducer).meta({ description: 'The first is the origin producer.' }),
		chain: z.array(ChainStep),
		lots: z.array(Lot).meta({ description: 'Newest first.' }),
		source: z
			.object({ productId: z.guid(), name: z.string(), productSlug: z.string(), shopSlug: z.string(), shopName: z.string() })
			.nullable()
			.meta({ description: 'The producer’s own product the shop buys, when the producer sells on the platform.' })
	}),
	'Where a product comes from: producers, certificates, the chain, lots and the computed facts.'
);

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type TraceabilitySchemaMatchesRead = Assert<Same<z.output<typeof ProductTraceability>, PublicTraceability>>;

export const getProductTraceabilityOperation = defineOperation({
	operationId: 'getProductTraceability',
	method: 'get',
	path: '/api/v1/products/{id}/traceability',
	tag: 'catalog',
	summary: 'Get where a product comes from (open data)',
	description:
		'The producers (first = origin) with their certificates, the supply chain, every lot, the source product, and the ' +
		'computed facts: `originKm`, `intermediaries`, `shortCircuit`. Its public page is `/tracabilite/{id}`.',
	params: z.object({ id: z.string().max(200).meta({ description: 'The product id (a UUID).' }) }),
	cacheSeconds: 30,
	responses: {
		200: { description: 'The product’s traceability.', schema: ProductTraceability },
		404: problemResponse('No active product of this territory has this id.')
	}
});

export const traceabilityOperations = [getProductTraceabilityOperation];
