import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { testDatabase } from '../../../../tests/setup/db.ts';
import { makeTerritory, makeShop, makeProduct } from '../../../../tests/setup/fixtures.ts';
import type { Database, Db } from '../db/client.ts';
import { apiTokens, memberships, stockMovements, user, variants } from '../db/schema/index.ts';
import { ConflictError, DomainError, ForbiddenError, InvalidInputError, NotFoundError } from '../errors.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import {
	authenticateBearer,
	createApiToken,
	hashToken,
	listApiTokens,
	requireApiScope,
	revokeApiToken,
	InvalidTokenError
} from './tokens.ts';
import { changeStock } from './merchant-api.ts';

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

async function member(shopId: string, role: 'shop_owner' | 'shop_staff' = 'shop_owner', territory = territoryId): Promise<ShopScope> {
	const id = randomUUID();
	await db.insert(user).values({ id, name: 'Marchande', email: `m-${id}@exemple.fr`, emailVerified: true });
	await db.insert(memberships).values({ userId: id, role, territoryId: territory, shopId });
	return { userId: id, territoryId: territory, shopId, role };
}

async function shopWithOwner() {
	const shop = await makeShop(db, territoryId);
	return { shop, owner: await member(shop.id) };
}

const bearer = (token: string) => `Bearer ${token}`;

describe('API tokens', () => {
	it('are shown once, stored as their SHA-256 with a visible prefix, and resolve to the shop and scopes', async () => {
		const { shop, owner } = await shopWithOwner();
		const created = await createApiToken(db, owner, { name: 'Caisse', scopes: ['orders:read', 'catalog:write'] }, 'fr');
		expect(created.token).toMatch(/^echp_[A-Za-z0-9_-]{43}$/);
		expect(created.token.startsWith(created.prefix)).toBe(true);
		const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
		expect(row.tokenHash).toBe(hashToken(created.token));
		expect(JSON.stringify(row)).not.toContain(created.token);
		const access = await authenticateBearer(db, bearer(created.token), territoryId);
		expect(access.scope).toEqual({ userId: owner.userId, territoryId, shopId: shop.id, role: 'shop_owner' });
		expect(access.scopes).toEqual(['orders:read', 'catalog:write']);
		expect(() => requireApiScope(access, 'orders:write')).toThrow(DomainError);
		const [used] = await db.select({ at: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.id, created.id));
		expect(used.at).not.toBeNull();
	});

	it('refuses unknown, malformed, revoked tokens and those of another territory, all as 401', async () => {
		const { owner } = await shopWithOwner();
		const { token, id } = await createApiToken(db, owner, { name: 'Site', scopes: ['orders:read'] }, 'fr');
		await expect(authenticateBearer(db, null, territoryId)).rejects.toThrow(InvalidTokenError);
		await expect(authenticateBearer(db, 'Basic abc', territoryId)).rejects.toThrow(InvalidTokenError);
		await expect(authenticateBearer(db, bearer('echp_' + 'A'.repeat(43)), territoryId)).rejects.toThrow(InvalidTokenError);
		const other = await makeTerritory(db);
		await expect(authenticateBearer(db, bearer(token), other.id)).rejects.toThrow(InvalidTokenError);
		await revokeApiToken(db, owner, { id }, 'fr');
		await expect(authenticateBearer(db, bearer(token), territoryId)).rejects.toThrow(InvalidTokenError);
		await expect(revokeApiToken(db, owner, { id }, 'fr')).rejects.toThrow(NotFoundError);
	});

	it('stops working when its creator is no longer an owner of the shop', async () => {
		const { shop, owner } = await shopWithOwner();
		const { token } = await createApiToken(db, owner, { name: 'Caisse', scopes: ['orders:read'] }, 'fr');
		await db.update(memberships).set({ role: 'shop_staff' }).where(eq(memberships.userId, owner.userId));
		await expect(authenticateBearer(db, bearer(token), territoryId)).rejects.toThrow(InvalidTokenError);
		expect(shop.id).toBeTruthy();
	});

	it('are created and revoked by owners only; staff get 403 and nothing is written', async () => {
		const { shop, owner } = await shopWithOwner();
		const staff = await member(shop.id, 'shop_staff');
		await expect(createApiToken(db, staff, { name: 'x', scopes: ['orders:read'] }, 'fr')).rejects.toThrow(ForbiddenError);
		const { id } = await createApiToken(db, owner, { name: 'Caisse', scopes: ['orders:read'] }, 'fr');
		await expect(revokeApiToken(db, staff, { id }, 'fr')).rejects.toThrow(ForbiddenError);
		expect((await listApiTokens(db, staff)).map((t) => t.revokedAt)).toEqual([null]);
	});

	it("cannot revoke another shop's token (404)", async () => {
		const a = await shopWithOwner();
		const b = await shopWithOwner();
		const { id, token } = await createApiToken(db, b.owner, { name: 'B', scopes: ['orders:read'] }, 'fr');
		await expect(revokeApiToken(db, a.owner, { id }, 'fr')).rejects.toThrow(NotFoundError);
		expect((await authenticateBearer(db, bearer(token), territoryId)).scope.shopId).toBe(b.shop.id);
	});

	it('refuses a bad name, no scope, an unknown scope, with messages per field', async () => {
		const { owner } = await shopWithOwner();
		const fields = async (input: unknown) => {
			const error = await createApiToken(db, owner, input, 'en').catch((e: unknown) => e);
			expect(error).toBeInstanceOf(InvalidInputError);
			return Object.keys((error as InvalidInputError).fields);
		};
		expect(await fields({ name: '', scopes: ['orders:read'] })).toEqual(['name']);
		expect(await fields({ name: 'x'.repeat(81), scopes: ['orders:read'] })).toEqual(['name']);
		expect(await fields({ name: 'Caisse' })).toEqual(['scopes']);
		expect(await fields({ name: 'Caisse', scopes: ['admin'] })).toEqual(['scopes.0']);
		expect(await fields({ name: 42, scopes: 'orders:read' })).toEqual(['name']);
	});
});

describe('stock changes from a till', () => {
	it('applies deltas and sets concurrently without ever going below zero, one movement per change', async () => {
		const { shop, owner } = await shopWithOwner();
		const { variant } = await makeProduct(db, shop, { stock: 10 });
		const results = await Promise.allSettled([
			...Array.from({ length: 14 }, () => changeStock(db, owner, variant.id, { delta: -1, reason: 'till_sale' }, 'fr')),
			changeStock(db, owner, variant.id, { set: 3, reason: 'adjustment' }, 'fr'),
			changeStock(db, owner, variant.id, { delta: 2, reason: 'restock' }, 'fr')
		]);
		for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConflictError);
		const [{ stock }] = await db.select({ stock: variants.stock }).from(variants).where(eq(variants.id, variant.id));
		expect(stock).toBeGreaterThanOrEqual(0);
		const [{ sum }] = await db
			.select({ sum: sql<string>`sum(${stockMovements.delta})` })
			.from(stockMovements)
			.where(eq(stockMovements.variantId, variant.id));
		expect(Number(sum)).toBe(stock);
	});

	it("refuses a delta below zero with a 409 and nothing written, and another shop's variant with a 404", async () => {
		const { shop, owner } = await shopWithOwner();
		const other = await shopWithOwner();
		const { variant } = await makeProduct(db, shop, { stock: 2 });
		await expect(changeStock(db, owner, variant.id, { delta: -3, reason: 'till_sale' }, 'fr')).rejects.toThrow(ConflictError);
		await expect(changeStock(db, other.owner, variant.id, { delta: -1, reason: 'till_sale' }, 'fr')).rejects.toThrow(NotFoundError);
		await expect(changeStock(db, owner, variant.id, { set: -1, reason: 'adjustment' }, 'fr')).rejects.toThrow(InvalidInputError);
		const moves = await db.select().from(stockMovements).where(eq(stockMovements.variantId, variant.id));
		expect(moves).toHaveLength(1);
	});
});
