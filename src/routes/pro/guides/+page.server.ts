import type { PageServerLoad } from './$types';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { listGuides, searchGuides } from '#lib/server/guides/guides.ts';

// Every member of a shop reads the guides, whatever the shop's status (a draft shop too).
export const load: PageServerLoad = ({ locals, url }) => {
	shopScopeOf(locals);
	const q = (url.searchParams.get('q') ?? '').trim().slice(0, 200);
	return { q, guides: listGuides(locals.locale), hits: q ? searchGuides(q, locals.locale) : null };
};
