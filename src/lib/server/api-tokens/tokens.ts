import { createHash, randomBytes } from 'node:crypto';
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { apiTokens, auditLog, memberships, shops, user } from '../db/schema/index.ts';
import type { Db } from '../db/client.ts';
import { requireOwner, type ShopScope } from '../tenancy/guard.ts';
import { DomainError, NotFoundError } from '../errors.ts';
import { parseInput } from '../http/validate.ts';
import { hit, type RateRule } from '../security/rate-limit.ts';
import type { Locale } from '../i18n.ts';

// A shop's API tokens. A token is `echp_` + 32 random bytes (base64url): shown once at creation,
// kept only as its SHA-256 (a copy of the database opens nothing), with its first characters to
// tell tokens apart. It belongs to one shop, carries scopes, and acts as the owner who created it:
// it stops working when revoked, or when that person is no longer an owner of the shop.

export const API_SCOPES = ['catalog:read', 'catalog:write', 'orders:read', 'orders:write'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

const TOKEN_PREFIX = 'echp_';
/** Characters shown in the list: `echp_` and the first 8 of the secret part. */
const VISIBLE = TOKEN_PREFIX.length + 8;
/** More live tokens than this is not an integration: refuse rather than pile them up. */
export const MAX_TOKENS = 20;
/** Requests per token per minute, across all app nodes. */
export const TOKEN_RATE: RateRule = { max: 600, windowSeconds: 60 };

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const createInput = z.object({
	name: z.string({ message: 'api_error_name' }).trim().min(1, 'api_error_name').max(80, 'api_error_name'),
	scopes: z.preprocess(
		(v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
		z
			.array(z.enum(API_SCOPES, { message: 'api_error_scope_unknown' }))
			.min(1, 'api_error_scopes_required')
			.transform((list) => [...new Set(list)])
	)
});

const idInput = z.object({ id: z.uuid({ message: 'error_resource_not_found' }) });

export type CreatedToken = { id: string; token: string; prefix: string };

/** An owner creates a token; the returned `token` is the only time it is readable. */
export async function createApiToken(db: Db, scope: ShopScope, input: unknown, locale: Locale): Promise<CreatedToken> {
	requireOwner(scope);
	const { name, scopes } = parseInput(createInput, input, locale);
	const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
	const prefix = token.slice(0, VISIBLE);
	return db.transaction(async (tx) => {
		// The shop row lock serialises creations, so the cap holds under concurrent requests.
		await tx.select({ id: shops.id }).from(shops).where(eq(shops.id, scope.shopId)).for('update');
		const [{ n }] = await tx
			.select({ n: count() })
			.from(apiTokens)
			.where(and(eq(apiTokens.shopId, scope.shopId), isNull(apiTokens.revokedAt)));
		if (n >= MAX_TOKENS) throw new DomainError(409, 'api_error_too_many_tokens');
		const [row] = await tx
			.insert(apiTokens)
			.values({ shopId: scope.shopId, name, prefix, tokenHash: hashToken(token), scopes, createdBy: scope.userId })
			.returning({ id: apiTokens.id });
		await tx.insert(auditLog).values({
			territoryId: scope.territoryId,
			shopId: scope.shopId,
			actorUserId: scope.userId,
			action: 'api_token.created',
			data: { tokenId: row.id, name, scopes }
		});
		return { id: row.id, token, prefix };
	});
}

/** An owner revokes one of the shop's tokens; it answers 401 from the next request on. */
export async function revokeApiToken(db: Db, scope: ShopScope, input: unknown, locale: Locale): Promise<void> {
	requireOwner(scope);
	const { id } = parseInput(idInput, input, locale);
	await db.transaction(async (tx) => {
		const [row] = await tx
			.update(apiTokens)
			.set({ revokedAt: new Date() })
			.where(and(eq(apiTokens.id, id), eq(apiTokens.shopId, scope.shopId), isNull(apiTokens.revokedAt)))
			.returning({ id: apiTokens.id });
		if (!row) throw new NotFoundError('api token');
		await tx.insert(auditLog).values({
			territoryId: scope.territoryId,
			shopId: scope.shopId,
			actorUserId: scope.userId,
			action: 'api_token.revoked',
			data: { tokenId: id }
		});
	});
}

/** The shop's tokens, newest first (never their secret: only the hash is stored). */
export async function listApiTokens(db: Db, scope: ShopScope) {
	return db
		.select({
			id: apiTokens.id,
			name: apiTokens.name,
			prefix: apiTokens.prefix,
			scopes: apiTokens.scopes,
			createdAt: apiTokens.createdAt,
			lastUsedAt: apiTokens.lastUsedAt,
			revokedAt: apiTokens.revokedAt,
			createdByName: user.name
		})
		.from(apiTokens)
		.innerJoin(user, eq(user.id, apiTokens.createdBy))
		.where(eq(apiTokens.shopId, scope.shopId))
		.orderBy(sql`${apiTokens.revokedAt} is not null`, desc(apiTokens.createdAt));
}

/** What a bearer token grants on this request: the shop scope it acts in and its scopes. */
export type ApiAccess = { tokenId: string; scope: ShopScope; scopes: readonly ApiScope[] };

/** No token, an unknown, revoked or orphaned one, or one of another territory: all the same 401. */
export class InvalidTokenError extends DomainError {
	constructor() {
		super(401, 'api_error_token_invalid', 'invalid API token');
	}
}

const BEARER = /^Bearer\s+(echp_[A-Za-z0-9_-]{43})\s*$/i;

/**
 * Resolves `Authorization: Bearer …` into the scope every /api/v1/pro route acts in, then counts
 * the request against the token's rate limit (429 past it) and notes when it was last used
 * (at most once a minute, so a busy till does not write on every call).
 */
export async function authenticateBearer(db: Db, authorization: string | null, territoryId: string): Promise<ApiAccess> {
	const match = authorization?.match(BEARER);
	if (!match) throw new InvalidTokenError();
	const [row] = await db
		.select({ id: apiTokens.id, shopId: apiTokens.shopId, scopes: apiTokens.scopes, userId: apiTokens.createdBy })
		.from(apiTokens)
		.innerJoin(shops, eq(shops.id, apiTokens.shopId))
		.innerJoin(
			memberships,
			and(eq(memberships.userId, apiTokens.createdBy), eq(memberships.shopId, apiTokens.shopId), eq(memberships.role, 'shop_owner'))
		)
		.where(and(eq(apiTokens.tokenHash, hashToken(match[1])), isNull(apiTokens.revokedAt), eq(shops.territoryId, territoryId)));
	if (!row) throw new InvalidTokenError();
	await hit(db, `api-token:${row.id}`, TOKEN_RATE);
	await db
		.update(apiTokens)
		.set({ lastUsedAt: new Date() })
		.where(and(eq(apiTokens.id, row.id), sql`(${apiTokens.lastUsedAt} is null or ${apiTokens.lastUsedAt} < now() - interval '1 minute')`));
	return {
		tokenId: row.id,
		scope: { userId: row.userId, territoryId, shopId: row.shopId, role: 'shop_owner' },
		scopes: row.scopes.filter((s): s is ApiScope => (API_SCOPES as readonly string[]).includes(s))
	};
}

/** A token without the scope an operation needs: 403, nothing read or written. */
export function requireApiScope(access: ApiAccess, needed: ApiScope): void {
	if (!access.scopes.includes(needed)) throw new DomainError(403, 'api_error_scope_missing', `missing scope ${needed}`);
}
