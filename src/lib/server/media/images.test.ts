import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { eq } from 'drizzle-orm';
import { testDatabase } from '../../../../tests/setup/db.ts';
import { makeShop, makeTerritory } from '../../../../tests/setup/fixtures.ts';
import type { Database } from '../db/client.ts';
import { media } from '../db/schema/index.ts';
import { InvalidInputError } from '../errors.ts';
import { deleteImage, getImage, storeImage, widthsFor } from './images.ts';
import { localStorage, type MediaStorage } from './storage.ts';

let database: Database;
let dir: string;
let storage: MediaStorage;
let shopId: string;
let otherShopId: string;

beforeAll(async () => {
	database = await testDatabase();
	dir = await mkdtemp(join(tmpdir(), 'echoppe-media-'));
	storage = localStorage(dir);
	const territory = await makeTerritory(database.db);
	shopId = (await makeShop(database.db, territory.id)).id;
	otherShopId = (await makeShop(database.db, territory.id)).id;
});
afterAll(async () => {
	await database.close();
	await rm(dir, { recursive: true, force: true });
});

/** A real JPEG, w×h, with EXIF (camera make, GPS-like comment) and an orientation tag. */
async function jpegWithExif(w: number, h: number, orientation = 1): Promise<Uint8Array> {
	return sharp({ create: { width: w, height: h, channels: 3, background: { r: 200, g: 120, b: 40 } } })
		.jpeg()
		.withExif({ IFD0: { Make: 'PhoneMaker', Model: 'SecretPhone 12', Copyright: 'Boulangerie Martin' } })
		.withMetadata({ orientation })
		.toBuffer()
		.then((b) => new Uint8Array(b));
}

async function refusal(promise: Promise<unknown>): Promise<Record<string, string[]>> {
	try {
		await promise;
	} catch (error) {
		expect(error).toBeInstanceOf(InvalidInputError);
		return (error as InvalidInputError).fields;
	}
	throw new Error('expected a refusal');
}

async function rowCount() {
	return (await database.db.select().from(media)).length;
}

describe('storeImage', () => {
	it('stores a JPEG upright, without EXIF, as WebP widths never upscaled', async () => {
		const bytes = await jpegWithExif(2000, 1500, 6);
		const meta = await sharp(bytes).metadata();
		expect(meta.exif).toBeDefined();
		const image = await storeImage(database.db, shopId, { bytes, alt: 'Pain de campagne' }, storage);
		// Orientation 6 = a quarter turn: the upright picture is portrait.
		expect([image.width, image.height]).toEqual([1500, 2000]);
		expect(image.url).toMatch(/^\/media\/[0-9a-f-]{36}-640\.webp$/);
		expect(image.srcset.split(', ').map((s) => s.split(' ')[1])).toEqual(['320w', '640w', '1280w']);
		const files = await readdir(dir);
		expect(files.filter((f) => !f.endsWith('.tmp'))).toHaveLength(3);
		for (const file of files) {
			const stored = await sharp(join(dir, file)).metadata();
			expect(stored.format).toBe('webp');
			expect(stored.exif).toBeUndefined();
			expect(stored.orientation).toBeUndefined();
			const width = Number(/-(\d+)\.webp$/.exec(file)![1]);
			expect(stored.width).toBe(width);
			expect(stored.height).toBe(Math.round((width * 2000) / 1500));
		}
		const raw = await storage.get(image.url.slice('/media/'.length));
		expect(Buffer.from(raw!).includes('SecretPhone')).toBe(false);
		const row = await getImage(database.db, shopId, image.id);
		expect(row.alt).toBe('Pain de campagne');
		expect(row.widths).toEqual([320, 640, 1280]);
	});

	it('accepts a PNG and never upscales a small one', async () => {
		const bytes = new Uint8Array(
			await sharp({ create: { width: 500, height: 200, channels: 4, background: '#336699' } })
				.png()
				.toBuffer()
		);
		const image = await storeImage(database.db, shopId, { bytes, alt: 'Logo' }, storage);
		expect(image.width).toBe(500);
		expect(image.url).toMatch(/-500\.webp$/);
		expect(image.srcset).toMatch(/-320\.webp 320w, .*-500\.webp 500w$/);
		expect(widthsFor(200)).toEqual([200]);
		expect(widthsFor(4000)).toEqual([320, 640, 1280]);
	});

	it('refuses a PDF renamed .jpg, 0 bytes, 20 MB, garbage and a missing alt, writing nothing', async () => {
		const before = await rowCount();
		const filesBefore = (await readdir(dir)).length;
		const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n');
		expect((await refusal(storeImage(database.db, shopId, { bytes: pdf, alt: 'x' }, storage))).photo[0]).toMatch(/JPEG, PNG ou WebP/);
		expect((await refusal(storeImage(database.db, shopId, { bytes: new Uint8Array(0), alt: 'x' }, storage))).photo[0]).toMatch(/vide/);
		const big = new Uint8Array(20 * 1024 * 1024);
		big.set(await jpegWithExif(10, 10));
		const tooLarge = await refusal(storeImage(database.db, shopId, { bytes: big, alt: 'x', locale: 'en' }, storage));
		expect(tooLarge.photo[0]).toBe('This photo is 20 MB: the limit is 12 MB. Take it at normal quality or make it smaller.');
		// JPEG magic bytes followed by garbage: recognised as JPEG, but cannot be decoded.
		const broken = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array(200).fill(7)]);
		expect((await refusal(storeImage(database.db, shopId, { bytes: broken, alt: 'x' }, storage))).photo).toBeDefined();
		const ok = await jpegWithExif(50, 50);
		expect((await refusal(storeImage(database.db, shopId, { bytes: ok, alt: '   ' }, storage))).alt[0]).toMatch(/Décrivez/);
		expect(await rowCount()).toBe(before);
		expect((await readdir(dir)).length).toBe(filesBefore);
	});

	it('refuses more pixels than the limit', async () => {
		const bytes = await jpegWithExif(3000, 2000);
		const fields = await refusal(storeImage(database.db, shopId, { bytes, alt: 'x' }, storage, { maxBytes: 1e8, maxPixels: 5_000_000 }));
		expect(fields.photo[0]).toMatch(/5 millions/);
	});

	it("keeps each shop's images to itself", async () => {
		const image = await storeImage(database.db, shopId, { bytes: await jpegWithExif(400, 300), alt: 'Tarte' }, storage);
		await expect(getImage(database.db, otherShopId, image.id)).rejects.toMatchObject({ status: 404 });
		await expect(deleteImage(database.db, otherShopId, image.id, storage)).rejects.toMatchObject({ status: 404 });
		expect(await storage.get(image.url.slice(7))).not.toBeNull();
		await deleteImage(database.db, shopId, image.id, storage);
		expect(await storage.get(image.url.slice(7))).toBeNull();
		expect(await database.db.select().from(media).where(eq(media.id, image.id))).toEqual([]);
	});
});

describe('localStorage', () => {
	it('refuses keys that could leave its directory', async () => {
		for (const key of ['../x.webp', 'a/b.webp', '.hidden', '', '..']) {
			await expect(storage.put(key, new Uint8Array(1), 'image/webp')).rejects.toThrow(/invalid media key/);
		}
		expect(await storage.get('missing-320.webp')).toBeNull();
	});
});
