import { z } from 'zod';
import type {
	ShopSummary,
	ShopDetail as ShopDetailView,
	ProductCard as ProductCardView,
	ProductDetail as ProductDetailView,
	VariantView
} from '../catalog/queries.ts';
import {
	decodeSearchCursor,
	parseLatLng,
	SEARCH_MAX_QUERY,
	SEARCH_SORTS,
	SUGGEST_MAX_LIMIT,
	type ProductHit as ProductHitView,
	type Suggestion as SuggestionView
} from '../catalog/search.ts';
import { component, defineOperation, problemResponse } from './openapi.ts';

/**
 * The public catalog API: its query strings (validated by the routes), its response shapes
 * and its operations (described by the OpenAPI document), all from the schemas below.
 */

// ── Response shapes ────────────────────────────────────────────────────────────────────────

const id = () => z.guid();
const cents = (description: string) =>
	z
		.int()
		.min(0)
		.meta({ description: `${description}, in integer euro cents, VAT included.` });

const OpeningPeriod = component(
	'OpeningPeriod',
	z.object({
		weekday: z.int().min(0).max(6).meta({ description: '0 = Sunday … 6 = Saturday.' }),
		opens: z.string().meta({ description: 'Local time in the territory’s time zone, "HH:MM".', examples: ['08:00'] }),
		closes: z.string().meta({ examples: ['12:30'] })
	}),
	'One opening period of a weekday.'
);

const UnitPrice = component(
	'UnitPrice',
	z.object({ cents: z.int().min(0), per: z.enum(['kg', 'l']) }),
	'Price per kilogram or litre (integer cents), as French law requires next to the selling price.'
);

export const Shop = component(
	'Shop',
	z.object({
		id: id(),
		slug: z.string(),
		name: z.string(),
		trade: z.string().meta({ description: 'Trade key: bakery, butcher, greengrocer…' }),
		description: z.string(),
		address: z.string(),
		postcode: z.string(),
		city: z.string(),
		latitude: z.number().nullable(),
		longitude: z.number().nullable(),
		imageUrl: z.string().nullable(),
		openingHours: z.array(OpeningPeriod),
		productCount: z.int().min(0).meta({ description: 'Active products on sale.' })
	}),
	'A shop of the territory, as listed.'
);

export const ShopDetail = component(
	'ShopDetail',
	Shop.extend({
		phone: z.string().nullable(),
		email: z.string().nullable(),
		minOrderCents: cents('Minimum order'),
		legalName: z.string().nullable(),
		siret: z.string().nullable(),
		onVacation: z.boolean().meta({ description: 'On vacation: the shop offers no slot and takes no order.' }),
		vacationMessage: z.string().nullable()
	}),
	'A shop with its contact and legal details.'
);

const ShopRef = z.object({ id: id(), slug: z.string(), name: z.string() });

export const ProductCard = component(
	'ProductCard',
	z.object({
		id: id(),
		slug: z.string(),
		name: z.string(),
		unit: z.string().meta({ description: 'Selling unit: piece, kg, g, l, cl, bunch, dozen, box.' }),
		imageUrl: z.string().nullable(),
		imageAlt: z.string().nullable(),
		labels: z.array(z.string()).meta({ description: 'Quality labels (organic, label rouge…).' }),
		shop: ShopRef,
		category: z.object({ slug: z.string(), name: z.string() }).nullable(),
		fromPriceCents: cents('Price of the cheapest variant'),
		unitPrice: UnitPrice.nullable(),
		available: z.boolean().meta({ description: 'False when sold out today or out of stock.' }),
		originKm: z
			.number()
			.min(0)
			.nullable()
			.meta({ description: 'Great-circle kilometres from the origin producer to the shop; null when the producer is not given.' }),
		intermediaries: z.int().min(0).nullable().meta({
			description:
				'Hands between the producer and the consumer (supply-chain steps, plus the shop unless it is the producer); null = unknown.'
		}),
		shortCircuit: z.boolean().meta({ description: 'Short circuit ("circuit court"): at most one intermediary.' }),
		shopIsIntermediary: z.boolean().meta({ description: 'The shop counts as an intermediary (it is not the producer selling its own).' })
	}),
	'A product as listed.'
);

export const Variant = component(
	'Variant',
	z.object({
		id: id(),
		name: z.string(),
		sku: z.string().nullable(),
		priceCents: cents('Price of one selling unit'),
		unitPrice: UnitPrice.nullable(),
		stockMode: z.enum(['tracked', 'unlimited', 'on_order']),
		stock: z.int().nullable().meta({ description: 'Units available now; null when unlimited or made to order.' }),
		leadDays: z.int().nullable().meta({ description: 'Days of notice for made-to-order variants.' })
	}),
	'One buyable variant of a product (size, weight, pack).'
);

export const ProductDetail = component(
	'ProductDetail',
	ProductCard.extend({
		shop: ShopRef.extend({ city: z.string(), latitude: z.number().nullable(), longitude: z.number().nullable() }),
		description: z.string(),
		ingredients: z.string().nullable(),
		vatRateBps: z.int().min(0).meta({ description: 'VAT rate in basis points (550 = 5.5 %).' }),
		allergens: z.array(z.string()).meta({ description: 'The 14 EU allergen keys: gluten, milk, eggs…' }),
		storage: z.string().nullable(),
		origin: z.string().nullable(),
		ean: z.string().nullable(),
		seasonalMonths: z.array(z.int().min(1).max(12)).nullable(),
		variants: z.array(Variant),
		lots: z
			.array(z.object({ code: z.string(), producedOn: z.iso.date().nullable(), bestBefore: z.iso.date().nullable() }))
			.meta({ description: 'The latest lots, newest first (all of them: `/api/v1/products/{id}/traceability`).' }),
		producer: z
			.object({ id: id(), slug: z.string(), name: z.string(), city: z.string(), latitude: z.number(), longitude: z.number() })
			.nullable()
	}),
	'A product with its variants, composition and origin.'
);

export const ShopList = component('ShopList', z.object({ items: z.array(Shop) }), 'Shops, by name.');

export const ProductHit = component(
	'ProductHit',
	ProductCard.extend({
		openNow: z.boolean().meta({ description: 'Whether the shop is open at this moment (territory time zone).' }),
		distanceKm: z
			.number()
			.min(0)
			.nullable()
			.meta({ description: 'Great-circle kilometres from the shop to `near`; null without `near` or when the shop has no position.' })
	}),
	'A product as a search lists it: its card, whether its shop is open now, and how far it is.'
);

export const Suggestion = component(
	'Suggestion',
	z.object({
		kind: z.enum(['product', 'shop']),
		label: z.string().meta({ description: 'The product’s or the shop’s name.' }),
		detail: z.string().nullable().meta({ description: 'The shop of a product; null for a shop.' }),
		url: z.string().meta({ description: 'Its page on the site, from the site root.', examples: ['/boutiques/fromagerie-la-cave-a-meules'] })
	}),
	'A name suggested while typing a search.'
);

export const SuggestionList = component('SuggestionList', z.object({ items: z.array(Suggestion) }), 'Suggestions, best first.');

export const ProductList = component(
	'ProductList',
	z.object({
		items: z.array(ProductHit),
		nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null on the last page.' })
	}),
	'One page of products.'
);

/** Compile-time proof that the documented shapes are the ones the catalog returns. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type CatalogSchemasMatchQueries = [
	Assert<Same<z.output<typeof Shop>, ShopSummary>>,
	Assert<Same<z.output<typeof ShopDetail>, ShopDetailView>>,
	Assert<Same<z.output<typeof ProductCard>, ProductCardView>>,
	Assert<Same<z.output<typeof Variant>, VariantView>>,
	Assert<Same<z.output<typeof ProductDetail>, ProductDetailView>>,
	Assert<Same<z.output<typeof ProductHit>, ProductHitView>>,
	Assert<Same<z.output<typeof Suggestion>, SuggestionView>>
];

// ── Query strings ──────────────────────────────────────────────────────────────────────────

const search = () => z.string().trim().max(100).optional();
const slug = (description: string) => z.string().trim().max(100).optional().meta({ description });
const limit = (max: number, fallback: number) =>
	z.coerce.number().int().min(1).max(max).default(fallback).meta({ description: 'How many items to return.' });

/** Paging cursors are opaque to clients: the search encodes its sort, the last sort key and id. */
const cursor = z
	.string()
	.max(300)
	.refine((value) => decodeSearchCursor(value) !== null, { message: 'error_cursor_invalid' })
	.optional()
	.meta({ description: 'The `nextCursor` of the previous page, with the same other parameters.' });

/** Integer cents in a query string. */
const centsParam = (description: string) =>
	z.coerce
		.number()
		.int()
		.min(0)
		.max(10_000_000)
		.optional()
		.meta({ description: `${description}, in integer euro cents, VAT included.` });

export const shopListQuery = z.object({
	q: search().meta({ description: 'Words to look for in shop names and trades.' }),
	limit: limit(100, 100)
});

export const productListQuery = z.object({
	q: z
		.string()
		.trim()
		.max(SEARCH_MAX_QUERY)
		.optional()
		.meta({
			description:
				'Words to look for, in French: in names, labels, origins, descriptions and ingredients, stemmed and without ' +
				'accents ("oeufs" finds "Œufs"), with typos tolerated in names ("fromaje" finds "Fromage").'
		}),
	shop: slug('Only the products of this shop (its slug).'),
	category: slug('Only the products of this category (its slug).'),
	label: slug('Only the products carrying this label key: ab (organic farming), label_rouge, aop, igp, hve…'),
	near: z
		.string()
		.max(60)
		.transform((value, ctx) => parseLatLng(value) ?? (ctx.addIssue({ code: 'custom' }), z.NEVER))
		.optional()
		.meta({
			description: 'The visitor’s position, `LAT,LNG` in decimal degrees: each product carries its shop’s distance from it.',
			examples: ['47.39,0.98']
		}),
	maxKm: z.coerce
		.number()
		.gt(0)
		.max(1000)
		.optional()
		.meta({ description: 'Only products of shops at most this far from `near` (needs `near`).' }),
	availableToday: z
		.enum(['true', 'false', '1', '0'])
		.transform((value) => value === 'true' || value === '1')
		.optional()
		.meta({ description: 'Only products in stock, of shops still open today for a pickup after their preparation time.' }),
	shortCircuit: z
		.enum(['true', 'false', '1', '0'])
		.transform((value) => value === 'true' || value === '1')
		.optional()
		.meta({ description: 'Only short-circuit products: at most one intermediary between producer and consumer.' }),
	maxOriginKm: z.coerce
		.number()
		.gt(0)
		.max(1000)
		.optional()
		.meta({ description: 'Only products made at most this many kilometres from their shop (products of unknown origin are left out).' }),
	minPrice: centsParam('Lowest price of the cheapest variant'),
	maxPrice: centsParam('Highest price of the cheapest variant'),
	sort: z
		.enum(SEARCH_SORTS)
		.default('relevance')
		.meta({
			description:
				'relevance (best match first; without `q`, a stable catalog order), price or unit_price (of the cheapest variant, ' +
				'lowest first; without a unit price last), distance (nearest shop first; needs `near`).'
		}),
	limit: limit(100, 24),
	cursor
});

export const suggestionQuery = z.object({
	q: z
		.string()
		.trim()
		.max(SEARCH_MAX_QUERY)
		.default('')
		.meta({ description: 'What has been typed so far (two characters at least for suggestions).' }),
	limit: limit(SUGGEST_MAX_LIMIT, 8)
});

// ── Operations ─────────────────────────────────────────────────────────────────────────────

const catalog = 'catalog';
const badQuery = problemResponse('Invalid query string: `errors` names each parameter with its messages.');
const CACHE_SECONDS = 30;

export const listShopsOperation = defineOperation({
	operationId: 'listShops',
	method: 'get',
	path: '/api/v1/shops',
	tag: catalog,
	summary: 'List the shops of the territory',
	description: 'Active shops of the territory the host name belongs to, sorted by name.',
	query: shopListQuery,
	cacheSeconds: CACHE_SECONDS,
	responses: { 200: { description: 'The shops.', schema: ShopList }, 400: badQuery }
});

export const getShopOperation = defineOperation({
	operationId: 'getShop',
	method: 'get',
	path: '/api/v1/shops/{slug}',
	tag: catalog,
	summary: 'Get a shop',
	params: z.object({ slug: z.string().max(200).meta({ description: 'The shop’s slug.' }) }),
	cacheSeconds: CACHE_SECONDS,
	responses: { 200: { description: 'The shop.', schema: ShopDetail }, 404: problemResponse('No active shop has this slug.') }
});

export const listProductsOperation = defineOperation({
	operationId: 'listProducts',
	method: 'get',
	path: '/api/v1/products',
	tag: catalog,
	summary: 'Search and list products',
	description:
		'Active products of the active shops of the territory, filtered and sorted, one page at a time: follow `nextCursor` ' +
		'(with the same other parameters) until it is null; pages never overlap nor skip a product. Prices are integer cents, ' +
		'VAT included. Contradictory parameters (`sort=distance` or `maxKm` without `near`, `minPrice` above `maxPrice`, a ' +
		'cursor of another sort) answer 400.',
	query: productListQuery,
	cacheSeconds: CACHE_SECONDS,
	responses: { 200: { description: 'One page of products.', schema: ProductList }, 400: badQuery }
});

export const getProductOperation = defineOperation({
	operationId: 'getProduct',
	method: 'get',
	path: '/api/v1/products/{id}',
	tag: catalog,
	summary: 'Get a product with its variants',
	params: z.object({ id: z.string().max(200).meta({ description: 'The product id (a UUID).' }) }),
	cacheSeconds: CACHE_SECONDS,
	responses: { 200: { description: 'The product.', schema: ProductDetail }, 404: problemResponse('No active product has this id.') }
});

export const suggestOperation = defineOperation({
	operationId: 'suggest',
	method: 'get',
	path: '/api/v1/suggestions',
	tag: catalog,
	summary: 'Suggest product and shop names as one types',
	description:
		'Names of active products and shops for the words typed so far: names starting with them first, then names with a ' +
		'word starting with them, then look-alikes (typos). Fewer than two characters: no suggestion.',
	query: suggestionQuery,
	cacheSeconds: CACHE_SECONDS,
	responses: { 200: { description: 'The suggestions, best first.', schema: SuggestionList }, 400: badQuery }
});

export const catalogOperations = [listShopsOperation, getShopOperation, listProductsOperation, getProductOperation, suggestOperation];
