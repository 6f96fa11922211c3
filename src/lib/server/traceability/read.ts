import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.ts';
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
import { NotFoundError } from '../errors.ts';
import { isUuid, toCard, variantsOf, type ProductCard } from '../catalog/queries.ts';
import { imageUrls } from '../media/images.ts';
import { mediaStorage, type MediaStorage } from '../media/storage.ts';
import { distanceKm } from '../../geo.ts';
import { isShortCircuit, type SupplyChainRole } from './rules.ts';

/**
 * The one reader of traceability (SPEC §3.4), shared by the back office, the public pages and
 * the open-data API. Everything is scoped by territory: an id of another territory is
 * `null` (not found). A product bought from a producer selling on the platform (`product_sources`)
 * shows its source's producers (when it has none of its own), chain and lots: the shop never
 * retypes them. The facts (distance, intermediaries) are the ones stored by `facts.ts`; the
 * short-circuit rule is `rules.ts`'s.
 *
 * With `{ public: true }` (what a buyer, a search engine or a QR code on a shelf label may read),
 * only active products of active shops are found; a source product or a seller shop that is not
 * active is not shown; the lots are the product's own (the codes printed on its labels), all of
 * them. `publicTraceability`, `publicLotTraceability`, `producersByDistance` and `producerPage` are
 * the public views (the API's documented shape), throwing NotFoundError for the 404.
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
	product: { id: string; slug: string; name: string; origin: string | null; imageUrl: string | null; imageAlt: string | null };
	shop: { id: string; slug: string; name: string; address: string; city: string; latitude: number | null; longitude: number | null };
	/** The product of a producer on the platform this one is bought from, if any. */
	source: { productId: string; productSlug: string; productName: string; shopId: string; shopSlug: string; shopName: string } | null;
	/** Ordered; the first is the origin. */
	producers: ProducerDetails[];
	chain: ChainStep[];
	/** Most recent first: the product's own lots, then its source's (public: only its own). */
	lots: Lot[];
	facts: { originKm: number | null; intermediaries: number | null; isShortCircuit: boolean };
};

export type ReadOptions = {
	today?: string;
	storage?: MediaStorage;
	/** At most this many lots (default 50; public reads list them all). */
	lotLimit?: number;
	/** What the public may see (see the module's comment). */
	public?: boolean;
};

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
				sellerName: shops.name,
				sellerStatus: shops.status
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
				sellerShop:
					row.sellerId && (!options.public || row.sellerStatus === 'active')
						? { id: row.sellerId, slug: row.sellerSlug!, name: row.sellerName! }
						: null,
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

/** One producer of the territory by id or slug (public reads: by slug only, its page's URL), or null. */
export async function producerProfile(db: Db, territoryId: string, idOrSlug: string, options: ReadOptions = {}) {
	const isId = !options.public && isUuid(idOrSlug);
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

const lotOf = (r: typeof lots.$inferSelect): Lot => ({
	id: r.id,
	productId: r.productId,
	code: r.code,
	producedOn: r.producedOn,
	bestBefore: r.bestBefore,
	quantity: r.quantity,
	note: r.note,
	createdAt: r.createdAt
});

/** Newest first (same order as the product page's latest lots), own lots before the source's. */
async function lotsOf(db: Db, productIds: string[], limit: number | null): Promise<Lot[]> {
	const query = db.select().from(lots).where(inArray(lots.productId, productIds)).orderBy(desc(lots.createdAt), desc(lots.code)).$dynamic();
	const rows = await (limit === null ? query : query.limit(limit));
	const rank = new Map(productIds.map((id, i) => [id, i]));
	return rows.map(lotOf).sort((a, b) => rank.get(a.productId)! - rank.get(b.productId)!);
}

/**
 * Everything known about where a product comes from: producers (first = origin) with their
 * certificates and photos, supply chain, lots, source, and the stored facts. Null when the product
 * is not in the territory (or, with `public`, is archived or its shop is not active). Without
 * `public`, archived products and inactive shops are included (the back office needs them).
 */
export async function productTraceability(
	db: Db,
	territoryId: string,
	productId: string,
	options: ReadOptions = {}
): Promise<ProductTraceability | null> {
	if (!isUuid(productId)) return null;
	const [row] = await db
		.select({ product: products, shop: shops })
		.from(products)
		.innerJoin(shops, eq(shops.id, products.shopId))
		.where(and(eq(products.id, productId), eq(products.territoryId, territoryId)));
	if (!row) return null;
	const { product, shop } = row;
	if (options.public && (product.status !== 'active' || shop.status !== 'active')) return null;
	const [sourceRow] = await db
		.select({
			productId: products.id,
			productSlug: products.slug,
			productName: products.name,
			shopId: shops.id,
			shopSlug: shops.slug,
			shopName: shops.name,
			visible: sql<boolean>`${products.status} = 'active' and ${shops.status} = 'active'`
		})
		.from(productSources)
		.innerJoin(products, eq(products.id, productSources.sourceProductId))
		.innerJoin(shops, eq(shops.id, products.shopId))
		.where(and(eq(productSources.productId, productId), eq(products.territoryId, territoryId)));
	// The source gives producers and chain even when the public may not see its product.
	const sourceId = sourceRow?.productId ?? null;
	const own = await producerIdsOf(db, productId);
	const producerIds = own.length || !sourceId ? own : await producerIdsOf(db, sourceId);
	const [details, chain, lotRows] = await Promise.all([
		producerDetails(db, territoryId, producerIds, options),
		chainOf(db, sourceId ?? productId),
		options.public ? lotsOf(db, [productId], null) : lotsOf(db, sourceId ? [productId, sourceId] : [productId], options.lotLimit ?? 50)
	]);
	let source: ProductTraceability['source'] = null;
	if (sourceRow && (!options.public || sourceRow.visible)) {
		const { visible: _visible, ...shown } = sourceRow;
		source = shown;
	}
	return {
		productId,
		shopId: product.shopId,
		product: {
			id: product.id,
			slug: product.slug,
			name: product.name,
			origin: product.origin,
			imageUrl: product.imageUrl,
			imageAlt: product.imageAlt
		},
		shop: {
			id: shop.id,
			slug: shop.slug,
			name: shop.name,
			address: shop.address,
			city: shop.city,
			latitude: shop.latitude,
			longitude: shop.longitude
		},
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

/** A lot by its id, or by its product and code (the URL printed on shelf labels). */
export type LotRef = { lotId: string } | { productId: string; code: string };

/** One lot of the territory with its product's traceability (the per-lot page), or null. */
export async function lotTraceability(
	db: Db,
	territoryId: string,
	ref: LotRef,
	options: ReadOptions = {}
): Promise<{ lot: Lot; product: ProductTraceability } | null> {
	if (!isUuid('lotId' in ref ? ref.lotId : ref.productId)) return null;
	const [row] = await db
		.select({ lot: lots })
		.from(lots)
		.innerJoin(products, eq(products.id, lots.productId))
		.where(
			and(
				'lotId' in ref ? eq(lots.id, ref.lotId) : and(eq(lots.productId, ref.productId), eq(lots.code, ref.code)),
				eq(products.territoryId, territoryId)
			)
		);
	if (!row) return null;
	const product = await productTraceability(db, territoryId, row.lot.productId, options);
	return product ? { lot: lotOf(row.lot), product } : null;
}

// ── Public views: the open-data shape (its OpenAPI schema is checked against `PublicTraceability`) ──

export type PublicCertification = Pick<Certification, 'label' | 'certificateNumber' | 'certifier' | 'expiresOn'>;

export type PublicProducer = Pick<ProducerDetails, 'id' | 'slug' | 'name' | 'city' | 'latitude' | 'longitude' | 'methods' | 'labels'> & {
	/** The producer sells on the platform as this shop (its slug), else null. */
	sellerShopSlug: string | null;
	certifications: PublicCertification[];
};

export type PublicChainStep = Omit<ChainStep, 'id' | 'producerId'>;

export type PublicLot = Pick<Lot, 'code' | 'producedOn' | 'bestBefore' | 'quantity' | 'note'>;

export type PublicTraceability = {
	product: ProductTraceability['product'];
	shop: Omit<ProductTraceability['shop'], 'id'>;
	facts: { originKm: number | null; intermediaries: number | null; shortCircuit: boolean };
	/** In order: the first is the origin (the source product's when bought from a producer on the platform). */
	producers: PublicProducer[];
	/** The hands between producer and shop, in order (the source product's chain when it has a source). */
	chain: PublicChainStep[];
	/** Newest first. */
	lots: PublicLot[];
	/** The producer's own product this shop buys, when the producer sells on the platform. */
	source: { productId: string; name: string; shopSlug: string; shopName: string; productSlug: string } | null;
};

const publicCertification = (c: Certification): PublicCertification => ({
	label: c.label,
	certificateNumber: c.certificateNumber,
	certifier: c.certifier,
	expiresOn: c.expiresOn
});

const publicLot = (l: Lot): PublicLot => ({
	code: l.code,
	producedOn: l.producedOn,
	bestBefore: l.bestBefore,
	quantity: l.quantity,
	note: l.note
});

function publicView(trace: ProductTraceability): PublicTraceability {
	const { id: _shopId, ...shop } = trace.shop;
	return {
		product: trace.product,
		shop,
		facts: { originKm: trace.facts.originKm, intermediaries: trace.facts.intermediaries, shortCircuit: trace.facts.isShortCircuit },
		producers: trace.producers.map((p) => ({
			id: p.id,
			slug: p.slug,
			name: p.name,
			city: p.city,
			latitude: p.latitude,
			longitude: p.longitude,
			methods: p.methods,
			labels: p.labels,
			sellerShopSlug: p.sellerShop?.slug ?? null,
			certifications: p.certifications.map(publicCertification)
		})),
		chain: trace.chain.map(({ id: _id, producerId: _producerId, ...step }) => step),
		lots: trace.lots.map(publicLot),
		source: trace.source && {
			productId: trace.source.productId,
			name: trace.source.productName,
			productSlug: trace.source.productSlug,
			shopSlug: trace.source.shopSlug,
			shopName: trace.source.shopName
		}
	};
}

/** What the public may read of a product's origin (page `/tracabilite/{id}` and the API). Not visible → NotFoundError. */
export async function publicTraceability(db: Db, territoryId: string, productId: string): Promise<PublicTraceability> {
	const trace = await productTraceability(db, territoryId, productId, { public: true });
	if (!trace) throw new NotFoundError('product');
	return publicView(trace);
}

/** One lot of a visible product by its code, with the product's public traceability. Unknown → NotFoundError. */
export async function publicLotTraceability(
	db: Db,
	territoryId: string,
	productId: string,
	code: string
): Promise<PublicTraceability & { lot: PublicLot }> {
	const found = await lotTraceability(db, territoryId, { productId, code }, { public: true });
	if (!found) throw new NotFoundError('lot');
	return { ...publicView(found.product), lot: publicLot(found.lot) };
}

// ── Producers (public) ─────────────────────────────────────────────────────────────────────

export type ProducerListItem = {
	slug: string;
	name: string;
	city: string;
	latitude: number;
	longitude: number;
	labels: string[];
	/** Active products of active shops made by this producer. */
	productCount: number;
	/** Kilometres from `from`, to 0.1 km; null without it. */
	distanceKm: number | null;
};

/** The producers of a territory (the public map's list), nearest to `from` first (by name without it). */
export async function producersByDistance(
	db: Db,
	territoryId: string,
	from: { latitude: number; longitude: number } | null
): Promise<ProducerListItem[]> {
	const rows = await queryRows<Omit<ProducerListItem, 'distanceKm'>>(
		db,
		sql`select pr.slug, pr.name, pr.city, pr.latitude, pr.longitude, pr.labels,
			(select count(distinct p.id)::int from product_producers pp join products p on p.id = pp.product_id join shops s on s.id = p.shop_id
				where pp.producer_id = pr.id and p.status = 'active' and s.status = 'active') as "productCount"
		from producers pr where pr.territory_id = ${territoryId}::uuid
		order by pr.name, pr.slug`
	);
	const items = rows.map((row) => ({ ...row, distanceKm: from ? Math.round(distanceKm(from, row) * 10) / 10 : null }));
	return from ? items.sort((a, b) => a.distanceKm! - b.distanceKm! || a.name.localeCompare(b.name)) : items;
}

export type ProducerPage = ProducerDetails & {
	/** Its active products (of active shops) in the territory, as cards. */
	products: ProductCard[];
};

type ProducerProductRow = Parameters<typeof toCard>[0];

/** A producer's public page: its profile (public reading) and its products. Unknown slug (or another territory's) → NotFoundError. */
export async function producerPage(db: Db, territoryId: string, slug: string, options: ReadOptions = {}): Promise<ProducerPage> {
	const producer = await producerProfile(db, territoryId, slug, { ...options, public: true });
	if (!producer) throw new NotFoundError('producer');
	const rows = await queryRows<ProducerProductRow>(
		db,
		sql`select p.id, p.slug, p.name, p.unit, p.image_url as "imageUrl", p.image_alt as "imageAlt", p.labels,
			p.sold_out_today as "soldOutToday", s.id as "shopId", s.slug as "shopSlug", s.name as "shopName",
			c.slug as "categorySlug", c.name as "categoryName", p.origin_km as "originKm", p.intermediaries,
			coalesce(pp.position = 0 and pr.seller_shop_id = p.shop_id, false) as "sellerIsProducer"
		from product_producers pp join producers pr on pr.id = pp.producer_id
		join products p on p.id = pp.product_id join shops s on s.id = p.shop_id
		left join categories c on c.id = p.category_id
		where pp.producer_id = ${producer.id}::uuid and p.status = 'active' and s.status = 'active' and p.territory_id = pr.territory_id
		order by p.name, p.id`
	);
	const variants = await variantsOf(
		db,
		rows.map((row) => row.id)
	);
	return { ...producer, products: rows.map((row) => toCard(row, variants.get(row.id) ?? [])) };
}
