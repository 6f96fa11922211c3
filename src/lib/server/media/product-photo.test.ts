import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { eq } from 'drizzle-orm';
import { testDatabase } from '../../../../tests/setup/db.ts';
import { makeProduct, makeShop, makeTerritory } from '../../../../tests/setup/fixtures.ts';
import type { Database } from '../db/client.ts';
import { media, products } from '../db/schema/index.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import { localStorage, type MediaStorage } from './storage.ts';
import { productPhoto, removeProductPhoto, setProductPhoto, setProductPhotoAlt } from './product-photo.ts';

let database: Database;
let dir: string;
let storage: MediaStorage;
let scope: ShopScope;
let other: ShopScope;
let productId: string;

const jpeg = (w: number, h: number) =>
	sharp({ create: { width: w, height: h, channels: 3, background: '#a0522d' } })
		.jpeg()
		.toBuffer()
		.then((b) => new Uint8Array(b));

beforeAll(async () => {
	database = await testDatabase();
	dir = await mkdtemp(join(tmpdir(), 'echoppe-photo-'));
	storage = localStorage(dir);
	const territory = await makeTerritory(database.db);
	const shop = await makeShop(database.db, territory.id);
	const shop2 = await makeShop(database.db, territory.id);
	scope = { userId: 'u1', territoryId: territory.id, shopId: shop.id, role: 'shop_owner' };
	other = { userId: 'u2', territoryId: territory.id, shopId: shop2.id, role: 'shop_owner' };
	productId = (await makeProduct(database.db, shop)).product.id;
});
afterAll(async () => {
	await database.close();
	await rm(dir, { recursive: true, force: true });
});

const productRow = async () => (await database.db.select().from(products).where(eq(products.id, productId)))[0];

describe('product photo', () => {
	it('sets the photo: imageUrl is the 640 px version; replacing deletes the old files', async () => {
		const first = await setProductPhoto(
			database.db,
			scope,
			productId,
			{ bytes: await jpeg(1600, 1200), alt: 'Pain', locale: 'fr' },
			storage
		);
		expect(first.imageUrl).toMatch(/-640\.webp$/);
		expect(first.srcset).toMatch(/320w, .*640w, .*1280w$/);
		expect((await productRow()).imageId).toBe(first.imageId);
		expect((await productRow()).imageAlt).toBe('Pain');
		expect(await readdir(dir)).toHaveLength(3);

		const second = await setProductPhoto(
			database.db,
			scope,
			productId,
			{ bytes: await jpeg(800, 600), alt: 'Pain coupé', locale: 'fr' },
			storage
		);
		expect(second.imageId).not.toBe(first.imageId);
		expect((await readdir(dir)).sort()).toEqual(
			second
				.srcset!.split(', ')
				.map((s) => s.split(' ')[0].slice(7))
				.sort()
		);
		expect(await database.db.select().from(media).where(eq(media.id, first.imageId!))).toEqual([]);

		await setProductPhotoAlt(database.db, scope, productId, 'Pain de campagne coupé', 'fr');
		expect((await productRow()).imageAlt).toBe('Pain de campagne coupé');
	});

	it("refuses another shop's product: 404 and nothing written", async () => {
		const before = await productRow();
		const mediaBefore = (await database.db.select().from(media)).length;
		const files = (await readdir(dir)).length;
		await expect(productPhoto(database.db, other, productId, storage)).rejects.toMatchObject({ status: 404 });
		await expect(
			setProductPhoto(database.db, other, productId, { bytes: await jpeg(400, 300), alt: 'x', locale: 'fr' }, storage)
		).rejects.toMatchObject({ status: 404 });
		await expect(setProductPhotoAlt(database.db, other, productId, 'x', 'fr')).rejects.toMatchObject({ status: 404 });
		await expect(removeProductPhoto(database.db, other, productId, storage)).rejects.toMatchObject({ status: 404 });
		await expect(productPhoto(database.db, scope, 'not-a-uuid', storage)).rejects.toMatchObject({ status: 404 });
		expect(await productRow()).toEqual(before);
		expect((await database.db.select().from(media)).length).toBe(mediaBefore);
		expect((await readdir(dir)).length).toBe(files);
	});

	it('keeps the current photo when the new file is refused', async () => {
		const before = await productRow();
		const pdf = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');
		await expect(setProductPhoto(database.db, scope, productId, { bytes: pdf, alt: 'x', locale: 'en' }, storage)).rejects.toMatchObject({
			fields: { photo: ['This file is not a JPEG, PNG or WebP photo (its content was checked, not just its name).'] }
		});
		expect((await productRow()).imageUrl).toBe(before.imageUrl);
	});

	it('removes the photo and its files', async () => {
		await removeProductPhoto(database.db, scope, productId, storage);
		const row = await productRow();
		expect([row.imageId, row.imageUrl, row.imageAlt]).toEqual([null, null, null]);
		expect(await readdir(dir)).toEqual([]);
	});
});
