import { shopScopeOf } from '#lib/server/http/scope.ts';
import type { LayoutServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { shopsOfMember } from '#lib/server/shops/dashboard.ts';
import { unreadCount } from '#lib/server/notifications/feed.ts';

// locals.shopScope is set by the tenancy guard (hooks) before any /pro page or action runs.
export const load: LayoutServerLoad = async ({ locals }) => {
	const { db } = await appContext();
	const scope = shopScopeOf(locals);
	const [myShops, unreadNotifications] = await Promise.all([shopsOfMember(db, scope.userId, scope.territoryId), unreadCount(db, scope)]);
	// unreadNotifications: the badge of the nav's "Notifications" entry (/pro/notifications).
	return { scope: { shopId: scope.shopId, role: scope.role }, myShops, unreadNotifications };
};
