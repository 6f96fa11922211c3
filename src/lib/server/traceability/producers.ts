import { and, asc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.ts';
import {
	auditLog,
	media,
	producerCertifications,
	producerPhotos,
	producers,
	productProducers,
	shops,
	supplyChainSteps
} from '../db/schema/index.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.ts';
import { parseInput } from '../http/validate.ts';
import { t, type Locale } from '../i18n.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import { slugify } from '../../slug.ts';
import { deleteImage, imageUrls, storeImage } from '../media/images.ts';
import { mediaStorage, type MediaStorage } from '../media/storage.ts';
import type { Executor } from '../catalog/manage.ts';
import { refreshProductFacts } from './facts.ts';
import { certificationInputSchema, producerInputSchema, type ProducerInput } from './input.ts';

/**
 * Producers managed by a shop (SPEC §3.4): the external producers it created (`shop_id`) and its
 * own producer record when it sells its own production (`seller_shop_id`). Another shop's producer
 * is "not found" here: nothing written, existence not revealed. The territory's producers selling
 * on the platform are listed read-only so a shop can link its products to them.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const MAX_PRODUCER_PHOTOS = 6;
type Options = { locale?: Locale };

/** The producers this shop may edit (SQL condition). */
export const editableBy = (scope: ShopScope) =>
	and(eq(producers.territoryId, scope.territoryId), or(eq(producers.shopId, scope.shopId), eq(producers.sellerShopId, scope.shopId)));
/** The producers this shop may link its products to: its own, and every producer selling on the platform. */
export const linkableBy = (scope: ShopScope) =>
	and(
		eq(producers.territoryId, scope.territoryId),
		or(eq(producers.shopId, scope.shopId), eq(producers.sellerShopId, scope.shopId), isNotNull(producers.sellerShopId))
	);

export type ProducerListItem = {
	id: string;
	slug: string;
	name: string;
	city: string;
	labels: string[];
	editable: boolean;
	sellerShopName: string | null;
	productCount: number;
	expiredCertifications: number;
};

/** Own producers first (editable), then the territory's producers selling on the platform (read-only). */
export async function listProducers(db: Db, scope: ShopScope, today = new Date().toISOString().slice(0, 10)): Promise<ProducerListItem[]> {
	const rows = await db
		.select({
			id: producers.id,
			slug: producers.slug,
			name: producers.name,
			city: producers.city,
			labels: producers.labels,
			shopId: producers.shopId,
			sellerShopId: producers.sellerShopId,
			sellerShopName: shops.name,
			productCount: sql<number>`(select count(*)::int from product_producers pp join products p on p.id = pp.product_id
				where pp.producer_id = "producers"."id" and p.shop_id = ${scope.shopId})`,
			expiredCertifications: sql<number>`(select count(*)::int from producer_certifications c
				where c.producer_id = "producers"."id" and c.expires_on < ${today}::date)`
		})
		.from(producers)
		.leftJoin(shops, eq(shops.id, producers.sellerShopId))
		.where(linkableBy(scope))
		.orderBy(asc(producers.name));
	return rows
		.map((r) => ({
			id: r.id,
			slug: r.slug,
			name: r.name,
			city: r.city,
			labels: r.labels,
			editable: r.shopId === scope.shopId || r.sellerShopId === scope.shopId,
			sellerShopName: r.sellerShopName,
			productCount: r.productCount,
			expiredCertifications: r.expiredCertifications
		}))
		.sort((a, b) => Number(b.editable) - Number(a.editable));
}

/** One producer this shop may edit, or NotFoundError. */
export async function getOwnProducer(db: Executor, scope: ShopScope, producerId: string) {
	if (!UUID.test(producerId)) throw new NotFoundError('producer');
	const [row] = await db
		.select()
		.from(producers)
		.where(and(eq(producers.id, producerId), editableBy(scope)));
	if (!row) throw new NotFoundError('producer');
	return row;
}

async function uniqueSlug(db: Executor, territoryId: string, name: string, exceptId?: string): Promise<string> {
	const base = slugify(name) || 'producteur';
	const taken = new Set(
		(
			await db
				.select({ slug: producers.slug, id: producers.id })
				.from(producers)
				.where(and(eq(producers.territoryId, territoryId), sql`${producers.slug} like ${`${base}%`}`))
		)
			.filter((r) => r.id !== exceptId)
			.map((r) => r.slug)
	);
	if (!taken.has(base)) return base;
	for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

const columns = (p: ProducerInput) => ({
	name: p.name,
	address: p.address,
	city: p.city,
	latitude: p.latitude,
	longitude: p.longitude,
	description: p.description,
	methods: p.methods,
	story: p.story,
	labels: p.labels
});

async function audit(tx: Executor, scope: ShopScope, action: string, data: Record<string, unknown>) {
	await tx.insert(auditLog).values({ territoryId: scope.territoryId, shopId: scope.shopId, actorUserId: scope.userId, action, data });
}

/** Creates an external producer managed by this shop. Returns its id. */
export async function createProducer(db: Executor, scope: ShopScope, input: unknown, options: Options = {}): Promise<string> {
	const producer = parseInput(producerInputSchema, input, options.locale ?? 'fr') as ProducerInput;
	return db.transaction(async (tx) => {
		const slug = await uniqueSlug(tx, scope.territoryId, producer.name);
		const [row] = await tx
			.insert(producers)
			.values({ territoryId: scope.territoryId, shopId: scope.shopId, slug, ...columns(producer) })
			.returning({ id: producers.id });
		await audit(tx, scope, 'producer.created', { producerId: row.id });
		return row.id;
	});
}

/**
 * The products whose facts depend on a producer's position: those linked to it, those whose
 * chain names it, and the products bought from any of them.
 */
async function productsOfProducer(tx: Executor, producerId: string): Promise<string[]> {
	const rows = await queryRows<{ id: string }>(
		tx as unknown as Db,
		sql`
		with direct as (
			select product_id from product_producers where producer_id = ${producerId}
			union select product_id from supply_chain_steps where producer_id = ${producerId}
		)
		select product_id as id from direct
		union select ps.product_id from product_sources ps join direct d on d.product_id = ps.source_product_id`
	);
	return rows.map((r) => r.id);
}

/** Updates a producer this shop manages; a moved producer refreshes the facts of every product it makes. */
export async function updateProducer(
	db: Executor,
	scope: ShopScope,
	producerId: string,
	input: unknown,
	options: Options = {}
): Promise<void> {
	const producer = parseInput(producerInputSchema, input, options.locale ?? 'fr') as ProducerInput;
	await db.transaction(async (tx) => {
		const before = await lockOwnProducer(tx, scope, producerId);
		const slug = before.name === producer.name ? before.slug : await uniqueSlug(tx, scope.territoryId, producer.name, producerId);
		await tx
			.update(producers)
			.set({ ...columns(producer), slug, updatedAt: new Date() })
			.where(eq(producers.id, producerId));
		if (before.latitude !== producer.latitude || before.longitude !== producer.longitude)
			await refreshProductFacts(tx as unknown as Db, { productIds: await productsOfProducer(tx, producerId) });
		await audit(tx, scope, 'producer.updated', { producerId });
	});
}

async function lockOwnProducer(tx: Executor, scope: ShopScope, producerId: string) {
	if (!UUID.test(producerId)) throw new NotFoundError('producer');
	const [row] = await tx
		.select()
		.from(producers)
		.where(and(eq(producers.id, producerId), editableBy(scope)))
		.for('update');
	if (!row) throw new NotFoundError('producer');
	return row;
}

/** Deletes an external producer this shop created, only when no product, chain or shop uses it. */
export async function deleteProducer(db: Db, scope: ShopScope, producerId: string, storage?: MediaStorage): Promise<void> {
	const mediaIds = await db.transaction(async (tx) => {
		const row = await lockOwnProducer(tx, scope, producerId);
		const [use] = await tx
			.select({
				links: sql<number>`(select count(*)::int from ${productProducers} where ${productProducers.producerId} = ${producerId})`,
				steps: sql<number>`(select count(*)::int from ${supplyChainSteps} where ${supplyChainSteps.producerId} = ${producerId})`
			})
			.from(producers)
			.where(eq(producers.id, producerId));
		if (row.sellerShopId || use.links > 0 || use.steps > 0) throw new ConflictError('trace_error_producer_in_use', use);
		const photos = await tx.select({ id: producerPhotos.mediaId }).from(producerPhotos).where(eq(producerPhotos.producerId, producerId));
		await tx.delete(producers).where(eq(producers.id, producerId));
		await audit(tx, scope, 'producer.deleted', { producerId, name: row.name });
		return photos.map((p) => p.id);
	});
	for (const id of mediaIds) await deleteImage(db, scope.shopId, id, storage ?? mediaStorage()).catch(() => undefined);
}

/** Adds (or replaces, same label) a certified label of a producer this shop manages. */
export async function saveCertification(
	db: Executor,
	scope: ShopScope,
	producerId: string,
	input: unknown,
	options: Options = {}
): Promise<string> {
	const cert = parseInput(certificationInputSchema, input, options.locale ?? 'fr');
	return db.transaction(async (tx) => {
		const producer = await lockOwnProducer(tx, scope, producerId);
		const [row] = await tx
			.insert(producerCertifications)
			.values({ producerId, ...cert })
			.onConflictDoUpdate({
				target: [producerCertifications.producerId, producerCertifications.label],
				set: { certificateNumber: cert.certificateNumber, certifier: cert.certifier, expiresOn: cert.expiresOn }
			})
			.returning({ id: producerCertifications.id });
		// The label is also one of the producer's labels (search filters read those).
		if (!producer.labels.includes(cert.label))
			await tx
				.update(producers)
				.set({ labels: [...producer.labels, cert.label], updatedAt: new Date() })
				.where(eq(producers.id, producerId));
		await audit(tx, scope, 'producer.certification_saved', { producerId, label: cert.label });
		return row.id;
	});
}

export async function removeCertification(db: Executor, scope: ShopScope, producerId: string, certificationId: string): Promise<void> {
	if (!UUID.test(certificationId)) throw new NotFoundError('certification');
	await db.transaction(async (tx) => {
		await lockOwnProducer(tx, scope, producerId);
		const gone = await tx
			.delete(producerCertifications)
			.where(and(eq(producerCertifications.id, certificationId), eq(producerCertifications.producerId, producerId)))
			.returning({ id: producerCertifications.id });
		if (!gone.length) throw new NotFoundError('certification');
	});
}

/** Adds a photo (through the media pipeline: EXIF stripped, WebP widths); the first photo becomes the producer's picture. */
export async function addProducerPhoto(
	db: Db,
	scope: ShopScope,
	producerId: string,
	input: { bytes: Uint8Array; alt: string; locale: Locale },
	storage: MediaStorage = mediaStorage()
): Promise<void> {
	await getOwnProducer(db, scope, producerId);
	const [{ count }] = await db
		.select({ count: sql<number>`count(*)::int` })
		.from(producerPhotos)
		.where(eq(producerPhotos.producerId, producerId));
	if (count >= MAX_PRODUCER_PHOTOS)
		throw new InvalidInputError({ photo: [t('trace_error_photos_count', input.locale, { max: MAX_PRODUCER_PHOTOS })] });
	const image = await storeImage(db, scope.shopId, input, storage);
	try {
		await db.transaction(async (tx) => {
			const producer = await lockOwnProducer(tx, scope, producerId);
			await tx.insert(producerPhotos).values({ producerId, mediaId: image.id, position: count });
			if (count === 0 || !producer.imageUrl)
				await tx
					.update(producers)
					.set({ imageUrl: image.url, imageAlt: input.alt.trim(), updatedAt: new Date() })
					.where(eq(producers.id, producerId));
		});
	} catch (error) {
		await deleteImage(db, scope.shopId, image.id, storage).catch(() => undefined);
		throw error;
	}
}

export async function removeProducerPhoto(
	db: Db,
	scope: ShopScope,
	producerId: string,
	mediaId: string,
	storage: MediaStorage = mediaStorage()
): Promise<void> {
	if (!UUID.test(mediaId)) throw new NotFoundError('photo');
	await db.transaction(async (tx) => {
		await lockOwnProducer(tx, scope, producerId);
		const gone = await tx
			.delete(producerPhotos)
			.where(and(eq(producerPhotos.producerId, producerId), eq(producerPhotos.mediaId, mediaId)))
			.returning({ id: producerPhotos.mediaId });
		if (!gone.length) throw new NotFoundError('photo');
		const [next] = await tx
			.select({ storageKey: media.storageKey, widths: media.widths, alt: media.alt, id: media.id })
			.from(producerPhotos)
			.innerJoin(media, eq(media.id, producerPhotos.mediaId))
			.where(eq(producerPhotos.producerId, producerId))
			.orderBy(asc(producerPhotos.position))
			.limit(1);
		await tx
			.update(producers)
			.set(
				next ? { imageUrl: imageUrls(storage, next.storageKey, next.widths).url, imageAlt: next.alt } : { imageUrl: null, imageAlt: null }
			)
			.where(eq(producers.id, producerId));
	});
	await deleteImage(db, scope.shopId, mediaId, storage);
}

/** Producers by id that this shop may link to (unknown ones are left out). */
export async function linkableProducers(db: Executor, scope: ShopScope, ids: string[]) {
	if (!ids.length) return [];
	return db
		.select({ id: producers.id })
		.from(producers)
		.where(and(inArray(producers.id, ids), linkableBy(scope)));
}

/** Whether the shop sells its own production (it has a producer record as seller). */
export async function ownSellerProducer(db: Executor, scope: ShopScope) {
	const [row] = await db
		.select({ id: producers.id })
		.from(producers)
		.where(and(eq(producers.sellerShopId, scope.shopId), eq(producers.territoryId, scope.territoryId)));
	return row ?? null;
}
