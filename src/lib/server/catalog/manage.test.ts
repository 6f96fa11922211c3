import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { testDatabase } from '../../../../tests/setup/db.ts';
import { makeShop, makeTerritory } from '../../../../tests/setup/fixtures.ts';
import type { Database } from '../db/client.ts';
import { auditLog, categories, products, stockMovements, user, variants } from '../db/schema/index.ts';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import {
	bulkEditProducts,
	createProduct,
	duplicateProduct,
	setProductStatus,
	setSoldOutToday,
	setVariantStock,
	updateProduct,
	upsertProductBySku
} from './manage.ts';

let database: Database;
let scope: ShopScope;
let other: ShopScope;
let categoryId: string;

const honey = (over: Record<string, unknown> = {}) => ({
	name: 'Miel de châtaignier',
	vatRateBps: 550,
	unit: 'piece',
	allergens: ['none'],
	variants: [
		{ name: '250 g', sku: 'MIEL-250', priceCents: 550, netQuantity: 0.25, netUnit: 'kg', stock: 10 },
		{ name: '500 g', sku: 'MIEL-500', priceCents: 950, netQuantity: 0.5, netUnit: 'kg', stock: 4 }
	],
	...over
});

async function makeUser(db: Database['db']) {
	const id = randomUUID();
	await db.insert(user).values({ id, name: 'Marchand', email: `${id}@example.test`, emailVerified: true });
	return id;
}

async function stockState(productId: string) {
	const db = database.db;
	return db
		.select({
			id: variants.id,
			stock: variants.stock,
			ledger: sql<number>`coalesce((select sum(delta) from stock_movements m where m.variant_id = "variants"."id"), 0)::float8`
		})
		.from(variants)
		.where(eq(variants.productId, productId))
		.orderBy(variants.position);
}

beforeAll(async () => {
	database = await testDatabase();
	const db = database.db;
	const territory = await makeTerritory(db);
	const shop = await makeShop(db, territory.id, { trade: 'beekeeper' });
	const shop2 = await makeShop(db, territory.id);
	scope = { userId: await makeUser(db), territoryId: territory.id, shopId: shop.id, role: 'shop_staff' };
	other = { userId: await makeUser(db), territoryId: territory.id, shopId: shop2.id, role: 'shop_owner' };
	[{ id: categoryId }] = await db.insert(categories).values({ territoryId: territory.id, slug: 'miel', name: 'Miel' }).returning();
});
afterAll(() => database?.close());

describe('createProduct', () => {
	it('writes the product, its variants and their initial stock as movements', async () => {
		const id = await createProduct(database.db, scope, honey({ categoryId }));
		const [p] = await database.db.select().from(products).where(eq(products.id, id));
		expect(p).toMatchObject({ shopId: scope.shopId, slug: 'miel-de-chataignier', allergens: ['none'], status: 'active' });
		const state = await stockState(id);
		expect(state.map((v) => [v.stock, v.ledger])).toEqual([
			[10, 10],
			[4, 4]
		]);
		const moves = await database.db.select().from(stockMovements).where(eq(stockMovements.variantId, state[0].id));
		expect(moves).toMatchObject([{ reason: 'initial', actorUserId: scope.userId, shopId: scope.shopId }]);
	});

	it('gives each product of a shop its own slug, and may reuse it in another shop', async () => {
		const a = await createProduct(database.db, scope, honey({ name: 'Pain au miel' }));
		const b = await createProduct(database.db, scope, honey({ name: 'Pain au miel', variants: [{ name: 'x', priceCents: 1 }] }));
		const c = await createProduct(database.db, other, honey({ name: 'Pain au miel', variants: [{ name: 'x', priceCents: 1 }] }));
		const slugs = await database.db.select({ id: products.id, slug: products.slug }).from(products);
		const slugOf = (id: string) => slugs.find((s) => s.id === id)!.slug;
		expect([slugOf(a), slugOf(b), slugOf(c)]).toEqual(['pain-au-miel', 'pain-au-miel-2', 'pain-au-miel']);
	});

	it('refuses bad input and writes nothing', async () => {
		const before = await database.db.$count(products);
		for (const bad of [
			honey({ variants: [{ name: 'x', priceCents: -100 }] }),
			honey({ variants: [{ name: 'x', priceCents: 10_000_001 }] }),
			honey({ vatRateBps: 1960 }),
			honey({ ean: '3017620422004' }),
			honey({ categoryId: randomUUID() })
		]) {
			await expect(createProduct(database.db, scope, bad)).rejects.toBeInstanceOf(InvalidInputError);
		}
		expect(await database.db.$count(products)).toBe(before);
	});

	it('composes inside a caller transaction: a later failure undoes it', async () => {
		const before = await database.db.$count(products);
		await expect(
			database.db.transaction(async (tx) => {
				await createProduct(tx, scope, honey({ name: 'Annulé' }));
				throw new Error('the import failed later');
			})
		).rejects.toThrow('the import failed later');
		expect(await database.db.$count(products)).toBe(before);
	});
});

describe('updateProduct', () => {
	it('writes stock changes as adjustments, adds and archives variants', async () => {
		const id = await createProduct(database.db, scope, honey({ name: 'Miel de lavande' }));
		const [v1, v2] = await stockState(id);
		await updateProduct(database.db, scope, id, {
			...honey({ name: 'Miel de lavande' }),
			variants: [
				{ id: v1.id, name: '250 g', priceCents: 600, stock: 7, netQuantity: 0.25, netUnit: 'kg' },
				{ name: '1 kg', priceCents: 1700, stock: 2 }
			]
		});
		const state = await stockState(id);
		expect(state.every((v) => v.stock === v.ledger)).toBe(true);
		const rows = await database.db.select().from(variants).where(eq(variants.productId, id));
		expect(rows.find((v) => v.id === v2.id)?.archived).toBe(true);
		expect(rows.find((v) => v.id === v1.id)).toMatchObject({ priceCents: 600, stock: 7 });
		const moves = await database.db.select().from(stockMovements).where(eq(stockMovements.variantId, v1.id));
		expect(moves.map((m) => [m.reason, m.delta]).sort()).toEqual([
			['adjustment', -3],
			['initial', 10]
		]);
	});

	it("refuses another shop's product or variant id and changes nothing", async () => {
		const mine = await createProduct(database.db, scope, honey({ name: 'À moi' }));
		const theirs = await createProduct(database.db, other, honey({ name: 'À eux' }));
		const [theirVariant] = await stockState(theirs);
		await expect(updateProduct(database.db, scope, theirs, honey({ name: 'Volé' }))).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			updateProduct(database.db, scope, mine, honey({ variants: [{ id: theirVariant.id, name: 'x', priceCents: 1, stock: 0 }] }))
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(setVariantStock(database.db, scope, theirVariant.id, 0)).rejects.toBeInstanceOf(NotFoundError);
		await expect(setProductStatus(database.db, scope, theirs, 'archived')).rejects.toBeInstanceOf(NotFoundError);
		await expect(setSoldOutToday(database.db, scope, theirs, true)).rejects.toBeInstanceOf(NotFoundError);
		await expect(duplicateProduct(database.db, scope, theirs)).rejects.toBeInstanceOf(NotFoundError);
		await expect(bulkEditProducts(database.db, scope, [mine, theirs], { kind: 'archive' })).rejects.toBeInstanceOf(NotFoundError);
		await expect(updateProduct(database.db, scope, 'not-a-uuid', honey())).rejects.toBeInstanceOf(NotFoundError);
		const [p] = await database.db.select().from(products).where(eq(products.id, theirs));
		expect(p).toMatchObject({ name: 'À eux', status: 'active', soldOutToday: false });
		const [m] = await database.db.select().from(products).where(eq(products.id, mine));
		expect(m).toMatchObject({ name: 'À moi', status: 'active' });
		expect((await stockState(theirs))[0].stock).toBe(10);
	});
});

describe('quick actions', () => {
	it('restocks with a movement, lifts "sold out today", which itself leaves stock alone', async () => {
		const id = await createProduct(database.db, scope, honey({ name: 'Miel de tilleul' }));
		const [v] = await stockState(id);
		await setSoldOutToday(database.db, scope, id, true);
		expect((await stockState(id))[0].stock).toBe(10);
		await setVariantStock(database.db, scope, v.id, 25, 'restock');
		const [p] = await database.db.select().from(products).where(eq(products.id, id));
		expect(p.soldOutToday).toBe(false);
		const moves = await database.db.select().from(stockMovements).where(eq(stockMovements.variantId, v.id));
		expect(moves.find((m) => m.reason === 'restock')).toMatchObject({ delta: 15, actorUserId: scope.userId });
		await expect(setVariantStock(database.db, scope, v.id, -1)).rejects.toBeInstanceOf(InvalidInputError);
	});

	it('duplicates as an archived copy without SKU or stock', async () => {
		const id = await createProduct(database.db, scope, honey({ name: 'Miel de sapin', categoryId }));
		const copy = await duplicateProduct(database.db, scope, id, { locale: 'fr' });
		const [p] = await database.db.select().from(products).where(eq(products.id, copy));
		expect(p).toMatchObject({ name: 'Miel de sapin (copie)', status: 'archived', categoryId, slug: 'miel-de-sapin-copie' });
		const vs = await database.db.select().from(variants).where(eq(variants.productId, copy));
		expect(vs.map((v) => [v.name, v.sku, v.stock, v.priceCents])).toEqual([
			['250 g', null, 0, 550],
			['500 g', null, 0, 950]
		]);
	});
});

describe('bulk edits', () => {
	it('changes prices by percent or amount, refuses a negative result and writes nothing then', async () => {
		const a = await createProduct(database.db, scope, honey({ name: 'Bulk A', variants: [{ name: 'x', priceCents: 1000 }] }));
		const b = await createProduct(database.db, scope, honey({ name: 'Bulk B', variants: [{ name: 'x', priceCents: 333 }] }));
		await bulkEditProducts(database.db, scope, [a, b], { kind: 'price_percent', percent: 10 });
		const price = async (id: string) => (await database.db.select().from(variants).where(eq(variants.productId, id)))[0].priceCents;
		expect([await price(a), await price(b)]).toEqual([1100, 366]);
		await expect(bulkEditProducts(database.db, scope, [a, b], { kind: 'price_amount', cents: -500 })).rejects.toBeInstanceOf(
			InvalidInputError
		);
		expect([await price(a), await price(b)]).toEqual([1100, 366]);
		await bulkEditProducts(database.db, scope, [a, b], { kind: 'archive' });
		const rows = await database.db.select({ status: products.status }).from(products).where(eq(products.id, a));
		expect(rows[0].status).toBe('archived');
		expect(await database.db.$count(auditLog, eq(auditLog.action, 'product.bulk_archive'))).toBeGreaterThan(0);
	});

	it('keeps stock equal to the sum of movements under concurrent bulk edits and restocks', async () => {
		const ids = await Promise.all([1, 2, 3].map((n) => createProduct(database.db, scope, honey({ name: `Concurrent ${n}` }))));
		const variantIds = (await Promise.all(ids.map(stockState))).flat().map((v) => v.id);
		await Promise.all([
			...Array.from({ length: 6 }, (_, i) =>
				bulkEditProducts(database.db, scope, i % 2 ? ids : [...ids].reverse(), { kind: 'stock', stock: i + 1 })
			),
			...variantIds.map((id, i) => setVariantStock(database.db, scope, id, 40 + i, 'restock')),
			bulkEditProducts(database.db, scope, ids, { kind: 'price_amount', cents: 5 })
		]);
		for (const id of ids) {
			for (const v of await stockState(id)) expect(v.stock).toBe(v.ledger);
		}
	});
});

describe('upsertProductBySku', () => {
	it('creates once, then updates the product owning the SKU instead of duplicating', async () => {
		const first = await upsertProductBySku(
			database.db,
			scope,
			honey({ name: 'Miel importé', variants: [{ name: '1 kg', sku: 'IMP-1', priceCents: 1500, stock: 3 }] })
		);
		expect(first.created).toBe(true);
		const again = await upsertProductBySku(
			database.db,
			scope,
			honey({ name: 'Miel importé', variants: [{ name: '1 kg', sku: 'IMP-1', priceCents: 1600, stock: 5 }] })
		);
		expect(again).toEqual({ id: first.id, created: false });
		const state = await stockState(first.id);
		expect(state).toHaveLength(1);
		expect(state[0]).toMatchObject({ stock: 5, ledger: 5 });
		const moves = await database.db.select().from(stockMovements).where(eq(stockMovements.variantId, state[0].id));
		expect(moves.map((m) => m.reason).sort()).toEqual(['import', 'initial']);
		// The same SKU in another shop is another product.
		expect(
			(await upsertProductBySku(database.db, other, honey({ variants: [{ name: '1 kg', sku: 'IMP-1', priceCents: 1 }] }))).created
		).toBe(true);
	});
});
