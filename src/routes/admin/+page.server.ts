import { operatorScopeOf } from '#lib/server/http/scope.ts';
import type { PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { territoryOverview } from '#lib/server/territories/overview.ts';

// locals.operatorScope is set by the tenancy guard (hooks) before any /admin page or action runs.
export const load: PageServerLoad = async ({ locals }) => {
	const { db } = await appContext();
	return { overview: await territoryOverview(db, operatorScopeOf(locals)), territoryName: locals.territory!.name };
};
