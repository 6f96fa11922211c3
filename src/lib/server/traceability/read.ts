import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
	lots,
	media,
	producerCertifications,
	producerPhotos,
	producers,
	productProducers,
	productSources,
	products,
	shops,
	supplyChainSteps
} from '../db/schema/index.ts';
import { imageUrls } from '../media/images.ts';
import { mediaStorage, type MediaStorage } from '../media/storage.ts';
import { isShortCircuit, type SupplyChainRole } from './rules.ts';

/**
 * Traceability reads (SPEC §3.4), shared by the public pages, the API, the labels and the back
 * office. Everything is scoped by territory: an id of another territory is `null` (not found).
 * A product bought from a producer selling on the platform (`product_sources`) shows its source's
 * producers (when it has none of its own), chain and lots: the shop never retypes them.
 */

export type Certification = {
	id: string;
	label: string;
	certificateNumber: string | null;
	certifier: string | null;
	/** ISO date (YYYY-MM-DD) or null. */
	expiresOn: string | null;
	/** The certificate's validity date is past (relative to `today`). */
	expired: boolean;
};

export type ProducerPhoto = { mediaId: string; url: string; srcset: string; width: number; height: number; alt: string };

export type ProducerDetails = {
	id: string;
	slug: string;
	name: string;
	description: string;
	methods: string;
	story: string;
	address: string;
	city: string;
	latitude: number;
	longitude: number;
	labels: string[];
	imageUrl: string | null;
	imageAlt: string | null;
	/** The shop that created (and manages) this producer, if any. */
	shopId: string | null;
	/** The shop this producer sells as on the platform, if any. */
	sellerShop: { id: string; slug: string; name: string } | null;
	certifications: Certification[];
	photos: ProducerPhoto[];
};

export type ChainStep = {
	id: string;
	position: number;
	role: SupplyChainRole;
	name: string;
	place: string;
	latitude: number | null;
	longitude: number | null;
	producerId: string | null;
};

export type Lot = {
	id: string;
	productId: string;
	code: string;
	producedOn: string | null;
	bestBefore: string | null;
	quantity: number | null;
	note: string | null;
	createdAt: Date;
};

export type ProductTraceability = {
	productId: string;
	shopId: string;
	/** The product of a producer on the platform this one is bought from, if any. */
	source: { productId: string; productSlug: string; productName: string; shopId: string; shopSlug: string; shopName: string } | null;
	/** Ordered; the first is the origin. */
	producers: ProducerDetails[];
	chain: ChainStep[];
	/** Most recent first: the product's own lots, then its source's. */
	lots: Lot[];
	facts: { originKm: number | null; intermediaries: number | null; isShortCircuit: boolean };
};

export type ReadOptions = { today?: string; storage?: MediaStorage; lotLimit?: number };

const todayIso = () => new Date().toISOString().slice(0, 10);

/** Producers by id (in the given order), with certifications and photos; only the territory's. */
export async function producerDetails(db: Db, territoryId: string, ids: string[], options: ReadOptions = {}): Promise<ProducerDetails[]> {
	if (!ids.length) return [];
	const today = options.today ?? todayIso();
	const [rows, certs, photos] = await Promise.all([
		db
			.select({
				producer: producers,
				sellerId: shops.id,
				sellerSlug: shops.slug,
				sellerName: shops.name
			})
			.from(producers)
			.leftJoin(shops, eq(shops.id, producers.sellerShopId))
			.where(and(inArray(producers.id, ids), eq(producers.territoryId, territoryId))),
		db
			.select()
			.from(producerCertifications)
			.where(inArray(producerCertifications.producerId, ids))
			.orderBy(asc(producerCertifications.label)),
		db
			.select({
				producerId: producerPhotos.producerId,
				mediaId: media.id,
				storageKey: media.storageKey,
				widths: media.widths,
				width: media.width,
				height: media.height,
				alt: media.alt
			})
			.from(producerPhotos)
			.innerJoin(media, eq(media.id, producerPhotos.mediaId))
			.where(inArray(producerPhotos.producerId, ids))
			.orderBy(asc(producerPhotos.position), asc(media.createdAt))
	]);
	const storage = photos.length ? (options.storage ?? mediaStorage()) : null;
	const byId = new Map(rows.map((r) => [r.producer.id, r]));
	return ids.flatMap((id) => {
		const row = byId.get(id);
		if (!row) return [];
		const p = row.producer;
		return [
			{
				id: p.id,
				slug: p.slug,
				name: p.name,
				description: p.description,
				methods: p.methods,
				story: p.story,
				address: p.address,
				city: p.city,
				latitude: p.latitude,
				longitude: p.longitude,
				labels: p.labels,
				imageUrl: p.imageUrl,
				imageAlt: p.imageAlt,
				shopId: p.shopId,
				sellerShop: row.sellerId ? { id: row.sellerId, slug: row.sellerSlug!, name: row.sellerName! } : null,
				certifications: certs
					.filter((c) => c.producerId === id)
					.map((c) => ({
						id: c.id,
						label: c.label,
						certificateNumber: c.certificateNumber,
						certifier: c.certifier,
						expiresOn: c.expiresOn,
						expired: c.expiresOn !== null && c.expiresOn < today
					})),
				photos: photos
					.filter((ph) => ph.producerId === id)
					.map((ph) => ({
						mediaId: ph.mediaId,
						...imageUrls(storage!, ph.storageKey, ph.widths),
						width: ph.width,
						height: ph.height,
						alt: ph.alt
					}))
			}
		];
	});
}

/** One producer of the territory by id or slug, or null. */
export async function producerProfile(db: Db, territoryId: string, idOrSlug: string, options: ReadOptions = {}) {
	const isId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrSlug);
	const [row] = await db
		.select({ id: producers.id })
		.from(producers)
		.where(and(eq(producers.territoryId, territoryId), isId ? eq(producers.id, idOrSlug) : eq(producers.slug, idOrSlug)));
	if (!row) return null;
	const [details] = await producerDetails(db, territoryId, [row.id], options);
	return details ?? null;
}

async function chainOf(db: Db, productId: string): Promise<ChainStep[]> {
	const rows = await db
		.select()
		.from(supplyChainSteps)
		.where(eq(supplyChainSteps.productId, productId))
		.orderBy(asc(supplyChainSteps.position));
	return rows.map((r) => ({
		id: r.id,
		position: r.position,
		role: r.role as SupplyChainRole,
		name: r.name,
		place: r.place,
		latitude: r.latitude,
		longitude: r.longitude,
		producerId: r.producerId
	}));
}

async function producerIdsOf(db: Db, productId: string): Promise<string[]> {
	const rows = await db
		.select({ id: productProducers.producerId })
		.from(productProducers)
		.where(eq(productProducers.productId, productId))
		.orderBy(asc(productProducers.position));
	return rows.map((r) => r.id);
}

async function lotsOf(db: Db, productIds: string[], limit: number): Promise<Lot[]> {
	const rows = await db
		.select()
		.from(lots)
		.where(inArray(lots.productId, productIds))
		.orderBy(desc(lots.createdAt), asc(lots.code))
		.limit(limit);
	const rank = new Map(productIds.map((id, i) => [id, i]));
	return rows
		.map((r) => ({
			id: r.id,
			productId: r.productId,
			code: r.code,
			producedOn: r.producedOn,
			bestBefore: r.bestBefore,
			quantity: r.quantity,
			note: r.note,
			createdAt: r.createdAt
		}))
		.sort((a, b) => rank.get(a.productId)! - rank.get(b.productId)!);
}

/**
 * Everything known about where a product comes from: producers (first = origin) with their
 * certificates and photos, supply chain, lots, source, and the stored facts. Null when the product
 * is not in the territory. Archived products and inactive shops are included (the back office and
 * the labels need them); public pages filter on their own.
 */
export async function productTraceability(
	db: Db,
	territoryId: string,
	productId: string,
	options: ReadOptions = {}
): Promise<ProductTraceability | null> {
	if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(productId)) return null;
	const [product] = await db
		.select({ id: products.id, shopId: products.shopId, originKm: products.originKm, intermediaries: products.intermediaries })
		.from(products)
		.where(and(eq(products.id, productId), eq(products.territoryId, territoryId)));
	if (!product) return null;
	const [sourceRow] = await db
		.select({
			productId: products.id,
			productSlug: products.slug,
			productName: products.name,
			shopId: shops.id,
			shopSlug: shops.slug,
			shopName: shops.name
		})
		.from(productSources)
		.innerJoin(products, eq(products.id, productSources.sourceProductId))
		.innerJoin(shops, eq(shops.id, products.shopId))
		.where(and(eq(productSources.productId, productId), eq(products.territoryId, territoryId)));
	const source = sourceRow ?? null;
	const own = await producerIdsOf(db, productId);
	const producerIds = own.length || !source ? own : await producerIdsOf(db, source.productId);
	const [details, chain, lotRows] = await Promise.all([
		producerDetails(db, territoryId, producerIds, options),
		chainOf(db, source ? source.productId : productId),
		lotsOf(db, source ? [productId, source.productId] : [productId], options.lotLimit ?? 50)
	]);
	return {
		productId,
		shopId: product.shopId,
		source,
		producers: details,
		chain,
		lots: lotRows,
		facts: {
			originKm: product.originKm,
			intermediaries: product.intermediaries,
			isShortCircuit: isShortCircuit(product.intermediaries)
		}
	};
}

/** One lot of the territory with its product's traceability (the per-lot public page), or null. */
export async function lotTraceability(
	db: Db,
	territoryId: string,
	lotId: string,
	options: ReadOptions = {}
): Promise<{ lot: Lot; product: ProductTraceability } | null> {
	if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(lotId)) return null;
	const [row] = await db
		.select({ lot: lots })
		.from(lots)
		.innerJoin(products, eq(products.id, lots.productId))
		.where(and(eq(lots.id, lotId), eq(products.territoryId, territoryId)));
	if (!row) return null;
	const product = await productTraceability(db, territoryId, row.lot.productId, options);
	if (!product) return null;
	const l = row.lot;
	return {
		lot: {
			id: l.id,
			productId: l.productId,
			code: l.code,
			producedOn: l.producedOn,
			bestBefore: l.bestBefore,
			quantity: l.quantity,
			note: l.note,
			createdAt: l.createdAt
		},
		product
	};
}
