import { and, eq } from 'drizzle-orm';
import { auditLog, media, products } from '../db/schema/index.ts';
import type { Db } from '../db/client.ts';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import { t, type Locale } from '../i18n.ts';
import { ALT_MAX, imageUrls, storeImage } from './images.ts';
import { mediaFileName } from '../../media.ts';
import { mediaStorage, type MediaStorage } from './storage.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ProductPhoto = {
	id: string;
	name: string;
	imageId: string | null;
	imageUrl: string | null;
	imageAlt: string | null;
	srcset: string | null;
	width: number | null;
	height: number | null;
};

/** The product's photo, for the shop's own product only: another shop's id (or a malformed one) is a 404. */
export async function productPhoto(
	db: Db,
	scope: ShopScope,
	productId: string,
	storage: MediaStorage = mediaStorage()
): Promise<ProductPhoto> {
	if (!UUID.test(productId)) throw new NotFoundError('product');
	const [row] = await db
		.select({
			id: products.id,
			name: products.name,
			imageId: products.imageId,
			imageUrl: products.imageUrl,
			imageAlt: products.imageAlt,
			storageKey: media.storageKey,
			widths: media.widths,
			width: media.width,
			height: media.height
		})
		.from(products)
		.leftJoin(media, eq(media.id, products.imageId))
		.where(and(eq(products.id, productId), eq(products.shopId, scope.shopId)));
	if (!row) throw new NotFoundError('product');
	const urls = row.storageKey && row.widths ? imageUrls(storage, row.storageKey, row.widths) : null;
	return {
		id: row.id,
		name: row.name,
		imageId: row.imageId,
		imageUrl: row.imageUrl,
		imageAlt: row.imageAlt,
		srcset: urls?.srcset ?? null,
		width: row.width,
		height: row.height
	};
}

/**
 * Sets the product's photo: checks the product is the shop's before storing anything, stores the
 * image, then points the product at it (imageUrl = the 640 px version, which every existing page
 * shows). The photo it replaces is deleted with its files.
 */
export async function setProductPhoto(
	db: Db,
	scope: ShopScope,
	productId: string,
	input: { bytes: Uint8Array; alt: string; locale: Locale },
	storage: MediaStorage = mediaStorage()
): Promise<ProductPhoto> {
	const before = await productPhoto(db, scope, productId, storage);
	const image = await storeImage(db, scope.shopId, input, storage);
	try {
		await db.transaction(async (tx) => {
			const updated = await tx
				.update(products)
				.set({ imageId: image.id, imageUrl: image.url, imageAlt: input.alt.trim(), updatedAt: new Date() })
				.where(and(eq(products.id, productId), eq(products.shopId, scope.shopId)))
				.returning({ id: products.id });
			if (!updated.length) throw new NotFoundError('product');
			await tx.insert(auditLog).values({
				territoryId: scope.territoryId,
				shopId: scope.shopId,
				actorUserId: scope.userId,
				action: 'product.photo_set',
				data: { productId, mediaId: image.id }
			});
		});
	} catch (error) {
		await removeMedia(db, scope.shopId, image.id, storage);
		throw error;
	}
	if (before.imageId) await removeMedia(db, scope.shopId, before.imageId, storage);
	return productPhoto(db, scope, productId, storage);
}

/** Changes only the description of the product's current photo. */
export async function setProductPhotoAlt(db: Db, scope: ShopScope, productId: string, alt: string, locale: Locale): Promise<void> {
	const before = await productPhoto(db, scope, productId);
	const text = alt.trim();
	if (!text) throw new InvalidInputError({ alt: [t('media_error_alt_required', locale)] });
	if (text.length > ALT_MAX) throw new InvalidInputError({ alt: [t('media_error_alt_too_long', locale, { max: ALT_MAX })] });
	if (!before.imageUrl) throw new InvalidInputError({ photo: [t('media_error_photo_missing', locale)] });
	await db.transaction(async (tx) => {
		await tx
			.update(products)
			.set({ imageAlt: text, updatedAt: new Date() })
			.where(and(eq(products.id, productId), eq(products.shopId, scope.shopId)));
		if (before.imageId)
			await tx
				.update(media)
				.set({ alt: text })
				.where(and(eq(media.id, before.imageId), eq(media.shopId, scope.shopId)));
	});
}

/** Removes the product's photo (the product falls back to no picture). */
export async function removeProductPhoto(
	db: Db,
	scope: ShopScope,
	productId: string,
	storage: MediaStorage = mediaStorage()
): Promise<void> {
	const before = await productPhoto(db, scope, productId, storage);
	await db.transaction(async (tx) => {
		await tx
			.update(products)
			.set({ imageId: null, imageUrl: null, imageAlt: null, updatedAt: new Date() })
			.where(and(eq(products.id, productId), eq(products.shopId, scope.shopId)));
		await tx.insert(auditLog).values({
			territoryId: scope.territoryId,
			shopId: scope.shopId,
			actorUserId: scope.userId,
			action: 'product.photo_removed',
			data: { productId }
		});
	});
	if (before.imageId) await removeMedia(db, scope.shopId, before.imageId, storage);
}

/** Deletes a media row and its files, unless another product still shows it (e.g. a duplicated product). */
async function removeMedia(db: Db, shopId: string, mediaId: string, storage: MediaStorage): Promise<void> {
	const users = await db.select({ id: products.id }).from(products).where(eq(products.imageId, mediaId)).limit(1);
	if (users.length) return;
	const [row] = await db
		.delete(media)
		.where(and(eq(media.id, mediaId), eq(media.shopId, shopId)))
		.returning();
	if (row) await Promise.allSettled(row.widths.map((w) => storage.delete(mediaFileName(row.storageKey, w))));
}
