import type { Actions, PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { listFeed, markAllRead } from '#lib/server/notifications/feed.ts';

export const load: PageServerLoad = async ({ locals }) => {
	const { db } = await appContext();
	const feed = await listFeed(db, shopScopeOf(locals), 100);
	return { feed, timezone: locals.territory!.timezone };
};

export const actions: Actions = {
	read: async ({ locals }) => {
		const { db } = await appContext();
		return { marked: await markAllRead(db, shopScopeOf(locals)) };
	}
};
