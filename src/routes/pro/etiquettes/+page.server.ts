import type { PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { catalogFiltersSchema, formChoices, listShopCatalog } from '#lib/server/catalog/pro-catalog.ts';
import { recentLots } from '#lib/server/labels/data.ts';
import { LAYOUT_IDS, LAYOUTS, perSheet } from '#lib/server/labels/layouts.ts';
import { t } from '#lib/server/i18n.ts';

/** Errors the PDF endpoint sends back here (a plain form post cannot show them itself). */
const ERRORS = ['empty', 'too_many', 'quantity', 'start', 'layout', 'lot'] as const;

export const load: PageServerLoad = async ({ locals, url }) => {
	const scope = shopScopeOf(locals);
	const { db } = await appContext();
	const filters = catalogFiltersSchema.parse({ ...Object.fromEntries(url.searchParams), status: 'active', stock: '' });
	const [list, choices] = await Promise.all([listShopCatalog(db, scope, filters), formChoices(db, scope)]);
	const hasAny = list.total > 0 || (await listShopCatalog(db, scope, { q: '', category: '', status: 'active', stock: '' })).total > 0;
	const lots = await recentLots(
		db,
		scope,
		list.items.map((p) => p.id)
	);
	const error = ERRORS.find((e) => e === url.searchParams.get('erreur'));
	return {
		filters,
		hasAny,
		categories: choices.categories,
		products: list.items.map((p) => ({
			id: p.id,
			name: p.name,
			categoryName: p.categoryName,
			priceCents: p.variants[0]?.priceCents ?? null,
			lots: lots.get(p.id) ?? []
		})),
		layouts: LAYOUT_IDS.map((id) => ({ id, perSheet: perSheet(LAYOUTS[id]) })),
		layout: LAYOUT_IDS.find((id) => id === url.searchParams.get('layout')) ?? 'l7160',
		errorMessage: error ? t(`labels_error_${error}`, locals.locale) : null
	};
};
