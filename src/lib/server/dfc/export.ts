import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { producers, productProducers, productSources, products, shops, variants } from '../db/schema/index.ts';
import { NotFoundError } from '../errors.ts';

/**
 * A shop's catalogue in the Data Food Consortium format (DFC business ontology, JSON-LD, the
 * compact form the DFC connectors and Open Food Network exchange): the shop as `dfc-b:Enterprise`
 * with its `dfc-b:Address`, one `dfc-b:SuppliedProduct` per variant (quantity and unit), each
 * listed by a `dfc-b:CatalogItem` (SKU, stock) offered through a `dfc-b:Offer` (price incl. VAT,
 * VAT rate, euro), all gathered in the shop's `dfc-b:Catalog`. DFC has no free-text origin, so the
 * producer, place and distance are written in the product's description.
 * Checked against the published context and the connector's shapes in `tests/fixtures/dfc/`.
 */
export const DFC_CONTEXT = 'https://www.datafoodconsortium.org';

type Node = Record<string, unknown>;

/** Our selling units as DFC measures (dfc-m, the DFC measures taxonomy). */
const UNIT: Record<string, string> = {
	kg: 'dfc-m:Kilogram',
	g: 'dfc-m:Gram',
	l: 'dfc-m:Litre',
	cl: 'dfc-m:Centilitre',
	piece: 'dfc-m:Piece',
	bunch: 'dfc-m:Bunch',
	dozen: 'dfc-m:Dozen',
	box: 'dfc-m:Box'
};

const absolute = (origin: string, url: string | null) =>
	!url ? null : /^https?:\/\//.test(url) ? url : `${origin}${url.startsWith('/') ? '' : '/'}${url}`;
const compact = (node: Node): Node =>
	Object.fromEntries(Object.entries(node).filter(([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && !v.length)));

/** The catalogue of one shop. `shop` is its id (back office) or its slug in a territory (open API, active shops only). */
export async function exportDfcCatalog(
	db: Db,
	shop: { id: string } | { territoryId: string; slug: string },
	origin: string
): Promise<Node> {
	const [s] = await db
		.select()
		.from(shops)
		.where(
			'id' in shop
				? eq(shops.id, shop.id)
				: and(eq(shops.territoryId, shop.territoryId), eq(shops.slug, shop.slug), eq(shops.status, 'active'))
		);
	if (!s) throw new NotFoundError('shop');
	const list = await db
		.select()
		.from(products)
		.where(and(eq(products.shopId, s.id), eq(products.status, 'active')))
		.orderBy(asc(products.name), asc(products.id));
	const ids = list.map((p) => p.id);
	const vs = ids.length
		? await db
				.select()
				.from(variants)
				.where(and(inArray(variants.productId, ids), eq(variants.archived, false)))
				.orderBy(asc(variants.position), asc(variants.id))
		: [];
	const sources = ids.length ? await db.select().from(productSources).where(inArray(productSources.productId, ids)) : [];
	const sourceOf = new Map(sources.map((x) => [x.productId, x.sourceProductId]));
	const origins = ids.length
		? await db
				.select({ productId: productProducers.productId, name: producers.name, city: producers.city })
				.from(productProducers)
				.innerJoin(producers, eq(producers.id, productProducers.producerId))
				.where(and(eq(productProducers.position, 0), inArray(productProducers.productId, [...ids, ...sourceOf.values()])))
		: [];
	const producerOf = new Map(origins.map((o) => [o.productId, o]));

	const catalogUrl = `${origin}/api/v1/shops/${s.slug}/catalog.dfc.json`;
	const enterpriseId = `${origin}/boutiques/${s.slug}`;
	const catalogId = `${catalogUrl}#catalog`;
	const addressId = `${catalogUrl}#address`;
	const graph: Node[] = [];
	const supplied: string[] = [];
	const items: string[] = [];

	for (const p of list) {
		const producer = producerOf.get(p.id) ?? producerOf.get(sourceOf.get(p.id) ?? '') ?? null;
		const originText = [
			[producer?.name, producer?.city || p.origin].filter(Boolean).join(', '),
			p.originKm !== null ? `${p.originKm} km` : null
		]
			.filter(Boolean)
			.join(' — ');
		const own = vs.filter((v) => v.productId === p.id);
		for (const v of own) {
			const spId = `${origin}/boutiques/${s.slug}/${p.slug}?variante=${v.id}`;
			const itemId = `${catalogUrl}#item-${v.id}`;
			const offerId = `${catalogUrl}#offer-${v.id}`;
			const quantity =
				v.netQuantity !== null && (v.netUnit === 'kg' || v.netUnit === 'l')
					? { value: v.netQuantity, unit: UNIT[v.netUnit] }
					: { value: 1, unit: UNIT[p.unit] ?? UNIT.piece };
			supplied.push(spId);
			items.push(itemId);
			graph.push(
				compact({
					'@id': spId,
					'@type': 'dfc-b:SuppliedProduct',
					'dfc-b:name': own.length > 1 ? `${p.name} — ${v.name}` : p.name,
					'dfc-b:description': [p.description, originText ? `Origine : ${originText}` : ''].filter(Boolean).join('\n\n'),
					'dfc-b:hasQuantity': { '@type': 'dfc-b:QuantitativeValue', 'dfc-b:hasUnit': quantity.unit, 'dfc-b:value': quantity.value },
					'dfc-b:image': absolute(origin, p.imageUrl),
					'dfc-b:usageOrStorageCondition': p.storage,
					'dfc-b:totalTheoreticalStock': v.stockMode === 'tracked' ? v.stock : null,
					'dfc-b:referencedBy': itemId
				}),
				compact({
					'@id': itemId,
					'@type': 'dfc-b:CatalogItem',
					'dfc-b:references': spId,
					'dfc-b:offeredThrough': offerId,
					'dfc-b:listedIn': catalogId,
					'dfc-b:sku': v.sku,
					'dfc-b:stockLimitation': v.stockMode === 'tracked' ? v.stock : null
				}),
				{
					'@id': offerId,
					'@type': 'dfc-b:Offer',
					'dfc-b:hasPrice': {
						'@type': 'dfc-b:Price',
						'dfc-b:value': v.priceCents / 100,
						'dfc-b:VATrate': p.vatRateBps / 100,
						'dfc-b:hasUnit': 'dfc-m:Euro'
					}
				}
			);
		}
	}
	graph.unshift(
		compact({
			'@id': enterpriseId,
			'@type': 'dfc-b:Enterprise',
			'dfc-b:name': s.name,
			'dfc-b:hasDescription': s.description,
			'dfc-b:VATnumber': s.vatNumber,
			'dfc-b:email': s.email,
			'dfc-b:websitePage': enterpriseId,
			'dfc-b:logo': absolute(origin, s.imageUrl),
			'dfc-b:hasAddress': addressId,
			'dfc-b:maintains': catalogId,
			'dfc-b:supplies': supplied,
			'dfc-b:manages': items
		}),
		compact({
			'@id': addressId,
			'@type': 'dfc-b:Address',
			'dfc-b:hasStreet': s.address,
			'dfc-b:hasPostalCode': s.postcode,
			'dfc-b:hasCity': s.city || s.name,
			'dfc-b:latitude': s.latitude,
			'dfc-b:longitude': s.longitude
		}),
		compact({ '@id': catalogId, '@type': 'dfc-b:Catalog', 'dfc-b:maintainedBy': enterpriseId, 'dfc-b:lists': items })
	);
	return { '@context': DFC_CONTEXT, '@graph': graph };
}
