import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditLog, lots, producers, productProducers, productSources, products, variants } from '../db/schema/index.ts';
import { NotFoundError } from '../errors.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import { unitPrice, type UnitPrice } from '../catalog/unit-price.ts';
import { isShortCircuit } from '../traceability/rules.ts';

/** What one shelf label shows, read straight from the catalogue and traceability tables. */
export type LabelData = {
	productId: string;
	name: string;
	variantName: string | null;
	priceCents: number | null;
	unitPrice: UnitPrice | null;
	producerName: string | null;
	place: string | null;
	originKm: number | null;
	shortCircuit: boolean;
	labels: string[];
	lotId: string | null;
	lotCode: string | null;
	bestBefore: string | null;
};

export type LabelRequest = { productId: string; quantity: number; lotCode: string | null };

/**
 * The labels to print, in the order asked (each product repeated `quantity` times). A product of
 * another shop or an unknown id, or a lot code the product does not have, is "not found": nothing
 * is printed. The origin producer is the product's first producer, or its source product's when
 * the shop buys it from a producer selling on the platform (as `traceability/facts.ts` reads it).
 */
export async function loadLabels(db: Db, scope: ShopScope, requests: LabelRequest[]): Promise<LabelData[]> {
	const ids = [...new Set(requests.map((r) => r.productId))];
	if (!ids.length) return [];
	const rows = await db
		.select()
		.from(products)
		.where(and(eq(products.shopId, scope.shopId), inArray(products.id, ids)));
	if (rows.length !== ids.length) throw new NotFoundError('product');
	const sources = await db.select().from(productSources).where(inArray(productSources.productId, ids));
	const sourceOf = new Map(sources.map((s) => [s.productId, s.sourceProductId]));
	const origins = await db
		.select({ productId: productProducers.productId, producer: producers })
		.from(productProducers)
		.innerJoin(producers, eq(producers.id, productProducers.producerId))
		.where(and(eq(productProducers.position, 0), inArray(productProducers.productId, [...ids, ...sourceOf.values()])));
	const producerOf = new Map(origins.map((o) => [o.productId, o.producer]));
	const vs = await db
		.select()
		.from(variants)
		.where(and(inArray(variants.productId, ids), eq(variants.archived, false)))
		.orderBy(asc(variants.position), asc(variants.id));
	const lotRows = requests.some((r) => r.lotCode)
		? await db
				.select({ id: lots.id, productId: lots.productId, code: lots.code, bestBefore: lots.bestBefore })
				.from(lots)
				.where(and(eq(lots.shopId, scope.shopId), inArray(lots.productId, ids)))
		: [];
	const byId = new Map(
		rows.map((p) => {
			const producer = producerOf.get(p.id) ?? producerOf.get(sourceOf.get(p.id) ?? '') ?? null;
			const first = vs.find((v) => v.productId === p.id) ?? null;
			const data: LabelData = {
				productId: p.id,
				name: p.name,
				variantName: first?.name ?? null,
				priceCents: first?.priceCents ?? null,
				unitPrice: first ? unitPrice(first.priceCents, first.netQuantity, first.netUnit as 'kg' | 'l' | null) : null,
				producerName: producer?.name ?? null,
				place: producer?.city || p.origin || null,
				originKm: p.originKm,
				shortCircuit: isShortCircuit(p.intermediaries),
				labels: [...new Set([...p.labels, ...(producer?.labels ?? [])])],
				lotId: null,
				lotCode: null,
				bestBefore: null
			};
			return [p.id, data];
		})
	);
	return requests.flatMap((r) => {
		let label = byId.get(r.productId)!;
		if (r.lotCode) {
			const lot = lotRows.find((l) => l.productId === r.productId && l.code === r.lotCode);
			if (!lot) throw new NotFoundError('lot');
			label = { ...label, lotId: lot.id, lotCode: lot.code, bestBefore: lot.bestBefore };
		}
		return Array.from({ length: r.quantity }, () => label);
	});
}

/** The audit action that records which lots went onto printed labels (`traceability/lots.ts` reads it). */
export const LABELS_PRINTED = 'labels.printed';

/**
 * Records the lots about to be printed, before the PDF is drawn: once on a label, a lot's code is
 * fixed (its QR code opens /tracabilite/<product>/lot/<code>, see `traceability/lots.ts`). The lots
 * are re-read `for share` with the codes the labels carry, so a correction of a code either commits
 * first (this sheet is then refused as "not found" and nothing stale is printed) or waits for this
 * record and then sees the lot as printed.
 */
export async function recordPrintedLots(db: Db, scope: ShopScope, labels: LabelData[]): Promise<void> {
	const printed = new Map<string, { lotId: string; productId: string; code: string }>();
	for (const l of labels) if (l.lotId && l.lotCode) printed.set(l.lotId, { lotId: l.lotId, productId: l.productId, code: l.lotCode });
	if (!printed.size) return;
	await db.transaction(async (tx) => {
		const rows = await tx
			.select({ id: lots.id, code: lots.code })
			.from(lots)
			.where(and(eq(lots.shopId, scope.shopId), inArray(lots.id, [...printed.keys()])))
			.orderBy(asc(lots.id))
			.for('share');
		for (const lot of printed.values()) if (!rows.some((r) => r.id === lot.lotId && r.code === lot.code)) throw new NotFoundError('lot');
		await tx.insert(auditLog).values({
			territoryId: scope.territoryId,
			shopId: scope.shopId,
			actorUserId: scope.userId,
			action: LABELS_PRINTED,
			data: { lotIds: [...printed.keys()], lots: [...printed.values()] }
		});
	});
}

/** The public traceability page a label's QR code opens: the lot's page when a lot is printed. */
export function traceabilityUrl(origin: string, productId: string, lotCode: string | null): string {
	const base = `${origin.replace(/\/+$/, '')}/tracabilite/${productId}`;
	return lotCode ? `${base}/lot/${encodeURIComponent(lotCode)}` : base;
}

/** The shop's lots of these products, newest first (at most 10 per product), for the lot choice. */
export async function recentLots(
	db: Db,
	scope: ShopScope,
	productIds: string[]
): Promise<Map<string, { code: string; bestBefore: string | null }[]>> {
	const out = new Map<string, { code: string; bestBefore: string | null }[]>();
	if (!productIds.length) return out;
	const rows = await db
		.select({ productId: lots.productId, code: lots.code, bestBefore: lots.bestBefore })
		.from(lots)
		.where(and(eq(lots.shopId, scope.shopId), inArray(lots.productId, productIds)))
		.orderBy(desc(lots.createdAt), asc(lots.code));
	for (const r of rows) {
		const list = out.get(r.productId) ?? [];
		if (list.length < 10) list.push({ code: r.code, bestBefore: r.bestBefore });
		out.set(r.productId, list);
	}
	return out;
}
