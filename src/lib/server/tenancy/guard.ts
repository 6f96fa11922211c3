import { eq } from 'drizzle-orm';
import { memberships } from '../db/schema/index.ts';
import type { Db } from '../db/client.ts';
import { ForbiddenError, UnauthorizedError } from '../errors.ts';

export type Role = (typeof memberships.$inferSelect)['role'];
export type Membership = Pick<typeof memberships.$inferSelect, 'role' | 'territoryId' | 'shopId'>;

/** What a signed-in merchant may act on: one shop of the current territory. */
export type ShopScope = { userId: string; territoryId: string; shopId: string; role: 'shop_owner' | 'shop_staff' };
/** What an operator may act on: the current territory. */
export type OperatorScope = { userId: string; territoryId: string; role: 'operator' | 'platform_admin' };

export async function loadMemberships(db: Db, userId: string): Promise<Membership[]> {
	return db
		.select({ role: memberships.role, territoryId: memberships.territoryId, shopId: memberships.shopId })
		.from(memberships)
		.where(eq(memberships.userId, userId));
}

/**
 * The tenancy guard for the merchant back office and merchant API: the only way to obtain a
 * ShopScope. A shop id coming from the client is honoured only if the user is a member of it
 * in this territory; otherwise the user's first shop is used.
 */
export function shopScope(
	userId: string | undefined,
	roles: Membership[],
	territoryId: string,
	requestedShopId?: string | null
): ShopScope {
	if (!userId) throw new UnauthorizedError();
	const shops = roles.filter(
		(r): r is Membership & { shopId: string; role: 'shop_owner' | 'shop_staff' } =>
			(r.role === 'shop_owner' || r.role === 'shop_staff') && r.territoryId === territoryId && r.shopId !== null
	);
	const chosen = requestedShopId ? shops.find((r) => r.shopId === requestedShopId) : shops[0];
	if (!chosen) throw new ForbiddenError('not a member of this shop');
	return { userId, territoryId, shopId: chosen.shopId, role: chosen.role };
}

/** The tenancy guard for the operator back office: operators of this territory, platform admins. */
export function operatorScope(userId: string | undefined, roles: Membership[], territoryId: string): OperatorScope {
	if (!userId) throw new UnauthorizedError();
	if (roles.some((r) => r.role === 'platform_admin')) return { userId, territoryId, role: 'platform_admin' };
	if (roles.some((r) => r.role === 'operator' && r.territoryId === territoryId)) {
		return { userId, territoryId, role: 'operator' };
	}
	throw new ForbiddenError('not an operator of this territory');
}

/** Owners only: legal data, payouts and members (staff cannot change them). */
export function requireOwner(scope: ShopScope): void {
	if (scope.role !== 'shop_owner') throw new ForbiddenError('owner only');
}
