import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.ts';
import { NotFoundError } from '../errors.ts';
import { isUuid, toCard, variantsOf, type ProductCard } from '../catalog/queries.ts';
import { mediaFileName } from '../../media.ts';
import { distanceKm } from '../../geo.ts';
import { isShortCircuit, type SupplyChainRole } from './rules.ts';

/**
 * The public reads of traceability (SPEC §3.4): what a buyer, a search engine or a QR code on a
 * shelf label may read about where a product comes from. Only active products of active shops of
 * the territory are visible; anything else is "not found". The facts (distance, intermediaries)
 * are the ones stored by `facts.ts`; the short-circuit rule is `rules.ts`'s. Each read is one
 * statement (nested JSON), so a page costs one round trip.
 */

export type Certification = { label: string; certificateNumber: string | null; certifier: string | null; expiresOn: string | null };

export type TraceProducer = {
	id: string;
	slug: string;
	name: string;
	city: string;
	latitude: number;
	longitude: number;
	methods: string;
	labels: string[];
	/** The producer sells on the platform as this shop (its slug), else null. */
	sellerShopSlug: string | null;
	certifications: Certification[];
};

export type ChainStep = {
	position: number;
	role: SupplyChainRole;
	name: string;
	place: string;
	latitude: number | null;
	longitude: number | null;
};

export type Lot = {
	code: string;
	producedOn: string | null;
	bestBefore: string | null;
	quantity: number | null;
	note: string | null;
};

export type ProductTraceability = {
	product: { id: string; slug: string; name: string; origin: string | null; imageUrl: string | null; imageAlt: string | null };
	shop: { slug: string; name: string; address: string; city: string; latitude: number | null; longitude: number | null };
	facts: { originKm: number | null; intermediaries: number | null; shortCircuit: boolean };
	/** In order: the first is the origin (the source product's when bought from a producer on the platform). */
	producers: TraceProducer[];
	/** The hands between producer and shop, in order (the source product's chain when it has a source). */
	chain: ChainStep[];
	/** Newest first. */
	lots: Lot[];
	/** The producer's own product this shop buys, when the producer sells on the platform. */
	source: { productId: string; name: string; shopSlug: string; shopName: string; productSlug: string } | null;
};

type TraceRow = {
	id: string;
	slug: string;
	name: string;
	origin: string | null;
	image_url: string | null;
	image_alt: string | null;
	origin_km: number | null;
	intermediaries: number | null;
	shop_slug: string;
	shop_name: string;
	shop_address: string;
	shop_city: string;
	shop_lat: number | null;
	shop_lng: number | null;
	producers: TraceProducer[];
	chain: ChainStep[];
	lots: Lot[];
	source: ProductTraceability['source'];
};

const certificationsJson = (producer: SQL) => sql`coalesce((
	select json_agg(json_build_object('label', pc.label, 'certificateNumber', pc.certificate_number, 'certifier', pc.certifier,
		'expiresOn', pc.expires_on) order by pc.label)
	from producer_certifications pc where pc.producer_id = ${producer}.id), '[]'::json)`;

const producerJson = sql`json_build_object('id', pr.id, 'slug', pr.slug, 'name', pr.name, 'city', pr.city, 'latitude', pr.latitude,
	'longitude', pr.longitude, 'methods', pr.methods, 'labels', pr.labels,
	'sellerShopSlug', (select ss.slug from shops ss where ss.id = pr.seller_shop_id and ss.status = 'active'),
	'certifications', ${certificationsJson(sql.raw('pr'))})`;

/**
 * Everything public about where a product comes from. Throws NotFoundError for an unknown,
 * archived or other territory's product (or a malformed id).
 */
export async function productTraceability(db: Db, territoryId: string, productId: string): Promise<ProductTraceability> {
	if (!isUuid(productId)) throw new NotFoundError('product');
	const [row] = await queryRows<TraceRow>(
		db,
		sql`select p.id, p.slug, p.name, p.origin, p.image_url, p.image_alt, p.origin_km, p.intermediaries,
			s.slug as shop_slug, s.name as shop_name, s.address as shop_address, s.city as shop_city,
			s.latitude as shop_lat, s.longitude as shop_lng,
			coalesce(
				(select json_agg(${producerJson} order by pp.position) from product_producers pp join producers pr on pr.id = pp.producer_id
					where pp.product_id = p.id),
				(select json_agg(${producerJson} order by pp.position) from product_producers pp join producers pr on pr.id = pp.producer_id
					where pp.product_id = ps.source_product_id),
				'[]'::json) as producers,
			coalesce((select json_agg(json_build_object('position', st.position, 'role', st.role, 'name', st.name, 'place', st.place,
					'latitude', st.latitude, 'longitude', st.longitude) order by st.position)
				from supply_chain_steps st where st.product_id = coalesce(ps.source_product_id, p.id)), '[]'::json) as chain,
			coalesce((select json_agg(json_build_object('code', l.code, 'producedOn', l.produced_on, 'bestBefore', l.best_before,
					'quantity', l.quantity, 'note', l.note) order by l.created_at desc, l.code desc)
				from lots l where l.product_id = p.id), '[]'::json) as lots,
			(select json_build_object('productId', sp.id, 'name', sp.name, 'productSlug', sp.slug, 'shopSlug', ss.slug, 'shopName', ss.name)
				from products sp join shops ss on ss.id = sp.shop_id
				where sp.id = ps.source_product_id and sp.status = 'active' and ss.status = 'active') as source
		from products p
		join shops s on s.id = p.shop_id
		left join product_sources ps on ps.product_id = p.id
		where p.id = ${productId}::uuid and p.territory_id = ${territoryId}::uuid and p.status = 'active' and s.status = 'active'`
	);
	if (!row) throw new NotFoundError('product');
	return {
		product: { id: row.id, slug: row.slug, name: row.name, origin: row.origin, imageUrl: row.image_url, imageAlt: row.image_alt },
		shop: {
			slug: row.shop_slug,
			name: row.shop_name,
			address: row.shop_address,
			city: row.shop_city,
			latitude: row.shop_lat,
			longitude: row.shop_lng
		},
		facts: {
			originKm: row.origin_km === null ? null : Number(row.origin_km),
			intermediaries: row.intermediaries,
			shortCircuit: isShortCircuit(row.intermediaries)
		},
		producers: row.producers,
		chain: row.chain,
		lots: row.lots.map((lot) => ({ ...lot, quantity: lot.quantity === null ? null : Number(lot.quantity) })),
		source: row.source
	};
}

/** One lot of a product, with the product's traceability. Unknown code → NotFoundError. */
export async function lotTraceability(
	db: Db,
	territoryId: string,
	productId: string,
	code: string
): Promise<ProductTraceability & { lot: Lot }> {
	const trace = await productTraceability(db, territoryId, productId);
	const lot = trace.lots.find((candidate) => candidate.code === code);
	if (!lot) throw new NotFoundError('lot');
	return { ...trace, lot };
}

// ── Producers ──────────────────────────────────────────────────────────────────────────────

export type ProducerListItem = {
	slug: string;
	name: string;
	city: string;
	latitude: number;
	longitude: number;
	labels: string[];
	/** Active products of the territory made by this producer. */
	productCount: number;
	/** Kilometres from `from`; null without it. */
	distanceKm: number | null;
};

/** The producers of a territory, nearest to `from` first (by name without it). */
export async function listProducers(
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
	const items = rows.map((row) => ({
		...row,
		distanceKm: from ? Math.round(distanceKm(from, row) * 10) / 10 : null
	}));
	return from ? items.sort((a, b) => a.distanceKm! - b.distanceKm! || a.name.localeCompare(b.name)) : items;
}

export type ProducerPage = {
	id: string;
	slug: string;
	name: string;
	description: string;
	story: string;
	methods: string;
	address: string;
	city: string;
	latitude: number;
	longitude: number;
	labels: string[];
	imageUrl: string | null;
	imageAlt: string | null;
	sellerShop: { slug: string; name: string } | null;
	certifications: Certification[];
	photos: { url: string; srcset: string; alt: string; width: number; height: number }[];
	/** Its active products in the territory, as cards. */
	products: ProductCard[];
};

type ProducerRow = Omit<ProducerPage, 'photos' | 'products'> & {
	photos: { storageKey: string; widths: number[]; alt: string; width: number; height: number }[];
	products: {
		id: string;
		slug: string;
		name: string;
		unit: string;
		imageUrl: string | null;
		imageAlt: string | null;
		labels: string[];
		soldOutToday: boolean;
		shopId: string;
		shopSlug: string;
		shopName: string;
		categorySlug: string | null;
		categoryName: string | null;
		originKm: number | null;
		intermediaries: number | null;
		sellerIsProducer: boolean;
	}[];
};

/** A producer's public page. Unknown slug (or another territory's) → NotFoundError. */
export async function producerPage(db: Db, territoryId: string, slug: string): Promise<ProducerPage> {
	const [row] = await queryRows<ProducerRow>(
		db,
		sql`select pr.id, pr.slug, pr.name, pr.description, pr.story, pr.methods, pr.address, pr.city, pr.latitude, pr.longitude,
			pr.labels, pr.image_url as "imageUrl", pr.image_alt as "imageAlt",
			(select json_build_object('slug', ss.slug, 'name', ss.name) from shops ss
				where ss.id = pr.seller_shop_id and ss.status = 'active') as "sellerShop",
			${certificationsJson(sql.raw('pr'))} as certifications,
			coalesce((select json_agg(json_build_object('storageKey', m.storage_key, 'widths', m.widths, 'alt', m.alt,
					'width', m.width, 'height', m.height) order by ph.position)
				from producer_photos ph join media m on m.id = ph.media_id where ph.producer_id = pr.id), '[]'::json) as photos,
			coalesce((select json_agg(json_build_object('id', p.id, 'slug', p.slug, 'name', p.name, 'unit', p.unit,
					'imageUrl', p.image_url, 'imageAlt', p.image_alt, 'labels', p.labels, 'soldOutToday', p.sold_out_today,
					'shopId', s.id, 'shopSlug', s.slug, 'shopName', s.name, 'categorySlug', c.slug, 'categoryName', c.name,
					'originKm', p.origin_km, 'intermediaries', p.intermediaries, 'sellerIsProducer', coalesce(pp.position = 0 and pr.seller_shop_id = p.shop_id, false))
					order by p.name, p.id)
				from product_producers pp join products p on p.id = pp.product_id join shops s on s.id = p.shop_id
				left join categories c on c.id = p.category_id
				where pp.producer_id = pr.id and p.status = 'active' and s.status = 'active' and p.territory_id = pr.territory_id),
				'[]'::json) as products
		from producers pr where pr.territory_id = ${territoryId}::uuid and pr.slug = ${slug}`
	);
	if (!row) throw new NotFoundError('producer');
	const variants = await variantsOf(
		db,
		row.products.map((product) => product.id)
	);
	return {
		...row,
		photos: row.photos.map((photo) => {
			const largest = photo.widths.filter((w) => w <= 640).at(-1) ?? photo.widths[0];
			return {
				url: `/media/${mediaFileName(photo.storageKey, largest)}`,
				srcset: photo.widths.map((w) => `/media/${mediaFileName(photo.storageKey, w)} ${w}w`).join(', '),
				alt: photo.alt,
				width: photo.width,
				height: photo.height
			};
		}),
		products: row.products.map((product) => toCard(product, variants.get(product.id) ?? []))
	};
}
