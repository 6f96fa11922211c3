import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { testDatabase } from '../../../../tests/setup/db.ts';
import { makeProduct, makeShop, makeTerritory } from '../../../../tests/setup/fixtures.ts';
import type { Database, Db } from '../db/client.ts';
import { memberships, products, shops, user, variants } from '../db/schema/index.ts';
import { catalogFiltersSchema, listShopCatalog } from '../catalog/pro-catalog.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import { seedDemo, demoLogins } from '../db/seed/index.ts';
import { inviteMember } from '../team/team.ts';
import { gettingStarted, type Checklist } from './checklist.ts';

let database: Database;
let db: Db;

beforeAll(async () => {
	database = await testDatabase();
	db = database.db;
});
afterAll(async () => {
	await database?.close();
});

const state = (c: Checklist) => Object.fromEntries(c.items.map((i) => [i.key, i.done]));

async function draftShop(over: Partial<typeof shops.$inferInsert> = {}) {
	const territory = await makeTerritory(db);
	const shop = await makeShop(db, territory.id, { status: 'draft', onboardingStep: 'hours', description: '', ...over });
	const [owner] = await db
		.insert(user)
		.values({ id: randomUUID(), name: 'Nina', email: `${randomUUID()}@exemple.fr` })
		.returning();
	await db.insert(memberships).values({ userId: owner.id, role: 'shop_owner', territoryId: territory.id, shopId: shop.id });
	const scope: ShopScope = { userId: owner.id, territoryId: territory.id, shopId: shop.id, role: 'shop_owner' };
	return { territory, shop, scope };
}

describe('getting-started checklist', () => {
	it('shows a fresh draft shop with nothing done, and where the wizard stopped', async () => {
		const { scope } = await draftShop();
		const c = await gettingStarted(db, scope);
		expect(c.total).toBe(9);
		expect(c.done).toBe(0);
		expect(c.onboardingStep).toBe('hours');
		expect(c.status).toBe('draft');
		expect(state(c)).toEqual({
			wizard: false,
			identity: false,
			hours: false,
			pickup: false,
			products: false,
			photos: false,
			food: false,
			terms: false,
			approval: false,
			team: false
		});
		expect(c.items.find((i) => i.key === 'wizard')!.href).toBe('/pro/ouverture');
		expect(c.items.find((i) => i.key === 'team')!.optional).toBe(true);
		expect(c.items.find((i) => i.key === 'food')!.guide).toBe('allergenes-etiquetage');
	});

	it('ticks items as the data appears, and unticks them when it goes away', async () => {
		const { shop, scope } = await draftShop({ status: 'changes_requested', reviewNote: 'Ajoutez une photo de la vitrine.' });
		let c = await gettingStarted(db, scope);
		expect(c.reviewNote).toBe('Ajoutez une photo de la vitrine.');
		expect(state(c).wizard).toBe(true);
		expect(state(c).approval).toBe(false);

		await db
			.update(shops)
			.set({
				imageUrl: '/media/vitrine.webp',
				description: 'Épicerie fine du centre-bourg, produits locaux.',
				openingHours: [{ weekday: 2, opens: '09:00', closes: '12:30' }],
				termsOfSale: 'Conditions générales de vente…'
			})
			.where(eq(shops.id, shop.id));
		const made = [];
		for (let i = 0; i < 5; i++) made.push(await makeProduct(db, shop, { name: `Produit ${i}` }));
		c = await gettingStarted(db, scope);
		expect(state(c)).toMatchObject({ identity: true, hours: true, pickup: true, products: true, terms: true, photos: false, food: false });
		expect(c.items.find((i) => i.key === 'photos')!.count).toBe(5);

		await db
			.update(products)
			.set({
				imageUrl: '/media/p.webp',
				ingredients: 'Farine de blé, eau, sel.',
				allergens: ['gluten'],
				storage: 'À conserver au sec.',
				origin: 'Touraine'
			})
			.where(eq(products.shopId, shop.id));
		// The net quantity of each sale unit (INCO art. 9): 500 g.
		await db
			.update(variants)
			.set({ netQuantity: 0.5, netUnit: 'kg' })
			.where(
				inArray(
					variants.productId,
					made.map((m) => m.product.id)
				)
			);
		await inviteMember(db, scope, { email: 'aide@exemple.fr', role: 'shop_staff' }, { origin: 'http://localhost', locale: 'fr' });
		await db.update(shops).set({ status: 'active', reviewNote: null }).where(eq(shops.id, shop.id));
		c = await gettingStarted(db, scope);
		expect(c.done).toBe(9);
		expect(state(c).team).toBe(true);

		// Archived products do not count; a product without storage advice undoes the food item.
		await db.update(products).set({ status: 'archived' }).where(eq(products.id, made[0].product.id));
		await db.update(products).set({ storage: '  ' }).where(eq(products.id, made[1].product.id));
		c = await gettingStarted(db, scope);
		expect(state(c)).toMatchObject({ products: false, food: false, photos: true });
		expect(c.items.find((i) => i.key === 'products')!.count).toBe(4);
		expect(c.items.find((i) => i.key === 'food')!.count).toBe(1);
	});

	it('asks no food information of a florist', async () => {
		const { scope } = await draftShop({ trade: 'florist' });
		const c = await gettingStarted(db, scope);
		expect(c.items.map((i) => i.key)).not.toContain('food');
		expect(c.total).toBe(8);
	});

	it('shows the demo bakery as approved and set up', async () => {
		// The demo seeds only an empty database: a database of its own.
		const demo = await testDatabase();
		try {
			await checkDemo(demo.db);
		} finally {
			await demo.close();
		}
	}, 120_000);
});

async function checkDemo(db: Db) {
	await seedDemo(db, { now: new Date() });
	const [bakery] = await db
		.select({ shopId: memberships.shopId, territoryId: memberships.territoryId, userId: memberships.userId })
		.from(memberships)
		.innerJoin(user, eq(user.id, memberships.userId))
		.where(and(eq(user.email, demoLogins.merchant), eq(memberships.role, 'shop_owner')));
	const scope: ShopScope = { userId: bakery.userId, territoryId: bakery.territoryId!, shopId: bakery.shopId!, role: 'shop_owner' };
	const c = await gettingStarted(db, scope);
	expect(c.status).toBe('active');
	expect(state(c)).toMatchObject({ wizard: true, hours: true, pickup: true, products: true, photos: true, terms: true, approval: true });
	// The food item agrees with the catalogue list's "to complete" badges.
	const { items } = await listShopCatalog(db, scope, catalogFiltersSchema.parse({}));
	const missing = items.filter((i) => i.missing.length > 0).length;
	expect(state(c).food).toBe(missing === 0);
	expect(c.items.find((i) => i.key === 'food')!.count).toBe(missing);
	expect(c.done).toBe(c.items.filter((i) => !i.optional && i.done).length);
}
