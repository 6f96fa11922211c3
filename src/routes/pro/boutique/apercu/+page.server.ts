import type { PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { shopDossier } from '#lib/server/onboarding/review.ts';
import { mapSettings } from '#lib/server/territories/map-settings.ts';
import { error } from '@sveltejs/kit';
import { t } from '#lib/server/i18n.ts';

/** The shop as customers will see it, also before approval (the public page is 404 until then). */
export const load: PageServerLoad = async ({ locals }) => {
	const { db } = await appContext();
	const scope = shopScopeOf(locals);
	const dossier = await shopDossier(db, scope.territoryId, scope.shopId);
	if (!dossier) error(404, t('error_not_found', locals.locale));
	const map = mapSettings();
	return { dossier, status: dossier.shop.status, tileUrl: map.tileUrl, attribution: map.attribution };
};
