import { shopScopeOf } from '#lib/server/http/scope.ts';
import type { LayoutServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { shopsOfMember } from '#lib/server/shops/dashboard.ts';

// locals.shopScope is set by the tenancy guard (hooks) before any /pro page or action runs.
export const load: LayoutServerLoad = async ({ locals }) => {
	const { db } = await appContext();
	const scope = shopScopeOf(locals);
	return { scope: { shopId: scope.shopId, role: scope.role }, myShops: await shopsOfMember(db, scope.userId, scope.territoryId) };
};
