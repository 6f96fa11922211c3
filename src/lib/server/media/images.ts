import { randomUUID } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import { fileTypeFromBuffer } from 'file-type';
import { and, eq } from 'drizzle-orm';
import { media } from '../db/schema/index.ts';
import type { Db } from '../db/client.ts';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import { t, type Locale } from '../i18n.ts';
import { config } from '../config.ts';
import { mediaStorage, type MediaStorage } from './storage.ts';
import { IMAGE_WIDTHS, mediaFileName } from '../../media.ts';

/** What a stored image gives its page: `url` is the 640 px version (or the largest below it). */
export type StoredImage = { id: string; url: string; srcset: string; width: number; height: number };

export type ImageInput = {
	bytes: Uint8Array;
	alt: string;
	/** Language of the error messages (default French). */
	locale?: Locale;
};

export type ImageLimits = { maxBytes: number; maxPixels: number };

/** Formats we accept, recognised by their content (magic bytes), never by the file name. */
const ACCEPTED = new Set(['image/jpeg', 'image/png', 'image/webp']);
export const ALT_MAX = 250;

const refuse = (key: string, locale: Locale, params: Record<string, unknown> = {}, field = 'photo') =>
	new InvalidInputError({ [field]: [t(key, locale, params)] });

/** The widths to store for an image `width` px wide: the standard widths below it, then itself capped at 1280. */
export function widthsFor(width: number): number[] {
	const top = Math.min(width, IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1]);
	return [...IMAGE_WIDTHS.filter((w) => w < top), top];
}

/**
 * Checks an uploaded image (content type, size, pixel count, alt text) and stores it: turned
 * upright from its EXIF orientation, stripped of every metadata (EXIF carries the GPS position of
 * the merchant's phone), re-encoded as WebP in several widths, never upscaled. The files are
 * written before the `media` row; if the row cannot be written they are removed.
 */
export async function storeImage(
	db: Db,
	shopId: string,
	input: ImageInput,
	storage: MediaStorage = mediaStorage(),
	limits: ImageLimits = { maxBytes: config().mediaMaxBytes, maxPixels: config().mediaMaxPixels }
): Promise<StoredImage> {
	const locale = input.locale ?? 'fr';
	const bytes = input.bytes;
	const alt = input.alt.trim();
	const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
	if (!bytes || bytes.byteLength === 0) throw refuse('media_error_photo_empty', locale);
	if (bytes.byteLength > limits.maxBytes)
		throw refuse('media_error_photo_too_large', locale, { max: mb(limits.maxBytes), size: mb(bytes.byteLength) });
	const type = await fileTypeFromBuffer(bytes);
	if (!type || !ACCEPTED.has(type.mime)) throw refuse('media_error_photo_type', locale);
	if (!alt) throw refuse('media_error_alt_required', locale, {}, 'alt');
	if (alt.length > ALT_MAX) throw refuse('media_error_alt_too_long', locale, { max: ALT_MAX }, 'alt');

	let meta: Metadata;
	try {
		meta = await sharp(bytes, { limitInputPixels: false }).metadata();
	} catch {
		throw refuse('media_error_photo_unreadable', locale);
	}
	if (!meta.width || !meta.height) throw refuse('media_error_photo_unreadable', locale);
	if (meta.width * meta.height > limits.maxPixels)
		throw refuse('media_error_photo_too_many_pixels', locale, { max: Math.round(limits.maxPixels / 1_000_000) });
	// Orientations 5–8 are rotated a quarter turn: the upright picture swaps width and height.
	const turned = (meta.orientation ?? 1) >= 5;
	const width = turned ? meta.height : meta.width;
	const height = turned ? meta.width : meta.height;

	const storageKey = randomUUID();
	const widths = widthsFor(width);
	const written: string[] = [];
	let total = 0;
	try {
		// Decoded once; each width is a clone of the upright image. sharp writes no metadata
		// unless asked (no withMetadata/keepExif), so EXIF, XMP and ICC comments are dropped.
		const upright = sharp(bytes, { limitInputPixels: limits.maxPixels, failOn: 'error' }).rotate();
		for (const w of widths) {
			const out = await upright.clone().resize({ width: w, withoutEnlargement: true }).webp({ quality: 78, effort: 3 }).toBuffer();
			const key = mediaFileName(storageKey, w);
			await storage.put(key, out, 'image/webp');
			written.push(key);
			total += out.byteLength;
		}
	} catch (error) {
		await Promise.allSettled(written.map((key) => storage.delete(key)));
		if (error instanceof InvalidInputError) throw error;
		// A truncated or corrupt file passes the magic-byte check but fails to decode.
		if (error instanceof Error && /vips|Input|corrupt|premature|bad|unsupported/i.test(error.message)) {
			throw refuse('media_error_photo_unreadable', locale);
		}
		throw error;
	}
	try {
		const [row] = await db
			.insert(media)
			.values({ shopId, storageKey, widths, width, height, bytes: total, alt })
			.returning({ id: media.id });
		return { id: row.id, ...imageUrls(storage, storageKey, widths), width, height };
	} catch (error) {
		await Promise.allSettled(written.map((key) => storage.delete(key)));
		throw error;
	}
}

/** The main URL (640 px or the largest below it) and the srcset of a stored image. */
export function imageUrls(storage: MediaStorage, storageKey: string, widths: number[]): { url: string; srcset: string } {
	const main = widths.filter((w) => w <= 640).at(-1) ?? widths[0];
	const url = storage.url(mediaFileName(storageKey, main));
	const srcset = widths.map((w) => `${storage.url(mediaFileName(storageKey, w))} ${w}w`).join(', ');
	return { url, srcset };
}

/** One of the shop's images, or NotFoundError (another shop's image id is unknown here). */
export async function getImage(db: Db, shopId: string, id: string) {
	const [row] = await db
		.select()
		.from(media)
		.where(and(eq(media.id, id), eq(media.shopId, shopId)));
	if (!row) throw new NotFoundError('image');
	return row;
}

/** Deletes one of the shop's images: the row (products pointing at it lose it), then its files. */
export async function deleteImage(db: Db, shopId: string, id: string, storage: MediaStorage = mediaStorage()): Promise<void> {
	const row = await getImage(db, shopId, id);
	await db.delete(media).where(and(eq(media.id, id), eq(media.shopId, shopId)));
	await Promise.allSettled(row.widths.map((w) => storage.delete(mediaFileName(row.storageKey, w))));
}
