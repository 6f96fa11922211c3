import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDatabase } from '../../../../tests/setup/db.ts';
import { makeTerritory, makeShop, makeProduct } from '../../../../tests/setup/fixtures.ts';
import type { Database, Db } from '../db/client.ts';
import { products, shops, variants } from '../db/schema/index.ts';
import { NotFoundError } from '../errors.ts';
import { createProductCache, getProduct, getProductPage } from './queries.ts';

let database: Database;
let db: Db;
let territoryId: string;

beforeAll(async () => {
	database = await testDatabase();
	db = database.db;
	territoryId = (await makeTerritory(db)).id;
});
afterAll(async () => {
	await database.close();
});

describe('a product page’s data', () => {
	it('is found by id or by shop and product slugs, with its variants, and never for a malformed id', async () => {
		const shop = await makeShop(db, territoryId, { name: 'Fromagerie Dupont' });
		const cheese = await makeProduct(db, shop, { name: 'Tomme', priceCents: 1290, stock: 4 });
		const byId = await getProduct(db, territoryId, { id: cheese.product.id });
		const bySlug = await getProduct(db, territoryId, { shopSlug: shop.slug, slug: cheese.product.slug });
		expect(bySlug).toEqual(byId);
		expect(byId).toMatchObject({
			name: 'Tomme',
			fromPriceCents: 1290,
			available: true,
			shop: { name: 'Fromagerie Dupont' },
			producer: null
		});
		expect(byId.variants.map((v) => v.stock)).toEqual([4]);
		await expect(getProduct(db, territoryId, { id: 'nope' })).rejects.toBeInstanceOf(NotFoundError);
		await expect(getProduct(db, territoryId, { shopSlug: 'other', slug: cheese.product.slug })).rejects.toBeInstanceOf(NotFoundError);
	});

	it('from the cache: the description may lag a few seconds, the stock and prices never do', async () => {
		const shop = await makeShop(db, territoryId);
		const bread = await makeProduct(db, shop, { name: 'Miche', priceCents: 420, stock: 3 });
		const cache = createProductCache({ ttlMs: 60_000 });
		expect((await getProduct(db, territoryId, { id: bread.product.id }, cache)).variants[0].stock).toBe(3);

		await db.update(variants).set({ stock: 0, priceCents: 450 }).where(eq(variants.id, bread.variant.id));
		await db.update(products).set({ name: 'Miche au levain' }).where(eq(products.id, bread.product.id));
		const cached = await getProduct(db, territoryId, { id: bread.product.id }, cache);
		expect(cached.variants[0]).toMatchObject({ stock: 0, priceCents: 450 });
		expect(cached.available).toBe(false);
		expect(cached.name).toBe('Miche');
		expect((await getProduct(db, territoryId, { id: bread.product.id })).name).toBe('Miche au levain');
		const fresh = createProductCache({ ttlMs: 0 });
		expect((await getProduct(db, territoryId, { id: bread.product.id }, fresh)).name).toBe('Miche au levain');
	});

	it('for the page: the net quantity of each variant as on a label, and the shop’s weighing tolerance', async () => {
		const shop = await makeShop(db, territoryId, { name: 'Primeur des Halles' });
		const honey = await makeProduct(db, shop, { name: 'Miel de tilleul', priceCents: 950, stock: 6 });
		await db.update(variants).set({ name: 'Pot', netQuantity: 0.5, netUnit: 'kg' }).where(eq(variants.id, honey.variant.id));
		await db.update(shops).set({ weighingToleranceBps: 1250 }).where(eq(shops.id, shop.id));
		const page = await getProductPage(db, territoryId, { shopSlug: shop.slug, slug: honey.product.slug }, undefined, 'fr');
		expect(page.product).toEqual(await getProduct(db, territoryId, { id: honey.product.id }));
		expect(page.netQuantities).toEqual([{ variant: 'Pot', quantity: '500 g' }]);
		expect(page.weighingToleranceBps).toBe(1250);
		const english = await getProductPage(db, territoryId, { shopSlug: shop.slug, slug: honey.product.slug }, undefined, 'en');
		expect(english.netQuantities).toEqual([{ variant: 'Pot', quantity: '500 g' }]);
		await db.update(variants).set({ netQuantity: 1.5 }).where(eq(variants.id, honey.variant.id));
		expect(
			(await getProductPage(db, territoryId, { shopSlug: shop.slug, slug: honey.product.slug }, undefined, 'fr')).netQuantities
		).toEqual([{ variant: 'Pot', quantity: '1,5 kg' }]);
		await expect(getProductPage(db, territoryId, { shopSlug: shop.slug, slug: 'inconnu' }, undefined, 'fr')).rejects.toBeInstanceOf(
			NotFoundError
		);
	});

	it('keeps no unknown product, so a new one shows at once', async () => {
		const shop = await makeShop(db, territoryId);
		const cache = createProductCache({ ttlMs: 60_000 });
		const soon = await makeProduct(db, shop, { name: 'Brioche' });
		await db.update(products).set({ status: 'archived' }).where(eq(products.id, soon.product.id));
		await expect(getProduct(db, territoryId, { id: soon.product.id }, cache)).rejects.toBeInstanceOf(NotFoundError);
		await db.update(products).set({ status: 'active' }).where(eq(products.id, soon.product.id));
		expect((await getProduct(db, territoryId, { id: soon.product.id }, cache)).name).toBe('Brioche');
	});
});
