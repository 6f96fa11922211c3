import { operatorScopeOf } from '#lib/server/http/scope.ts';
import type { PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { territoryOutbox } from '#lib/server/territories/overview.ts';

export const load: PageServerLoad = async ({ locals }) => {
	const { db } = await appContext();
	return { emails: await territoryOutbox(db, operatorScopeOf(locals)), timezone: locals.territory!.timezone };
};
