import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { getGuide, listGuides } from '#lib/server/guides/guides.ts';
import { t } from '#lib/server/i18n.ts';

export const load: PageServerLoad = ({ locals, params }) => {
	shopScopeOf(locals);
	const guide = getGuide(params.slug, locals.locale);
	if (!guide) error(404, t('guide_not_found', locals.locale));
	return { guide, others: listGuides(locals.locale).filter((g) => g.slug !== guide.slug) };
};
