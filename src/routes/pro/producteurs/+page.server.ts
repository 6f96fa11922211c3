import type { PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { listProducers } from '#lib/server/traceability/producers.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { db } = await appContext();
	return { producers: await listProducers(db, shopScopeOf(locals)), saved: url.searchParams.get('saved') };
};
