import type { PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { searchCache, searchFacets, type SearchFacets, type SearchPage } from '#lib/server/catalog/search.ts';
import { ORIGIN_DISTANCES, readSearchForm, SEARCH_DISTANCES } from '#lib/server/catalog/search-form.ts';
import { InvalidInputError, type FieldErrors } from '#lib/server/errors.ts';

/** Filter choices change rarely (a new shop, a new category): read at most once a minute. */
const FACETS_TTL_MS = 60_000;
const facetsCache = new Map<string, { at: number; facets: SearchFacets }>();
/** The fields that narrow the results (the words, the position and the sort do not). */
const FILTERS = ['category', 'shop', 'label', 'maxKm', 'today', 'shortCircuit', 'maxOriginKm', 'minPrice', 'maxPrice'];

export const load: PageServerLoad = async ({ url, locals }) => {
	const { db } = await appContext();
	const territory = locals.territory!;
	const form = readSearchForm(url.searchParams, locals.locale);
	let errors: FieldErrors = form.errors;
	let results: SearchPage | null = null;
	if (Object.keys(errors).length === 0) {
		try {
			results = await searchCache.products(db, territory.id, { ...form.params, withTotal: true }, locals.locale);
		} catch (error) {
			if (!(error instanceof InvalidInputError)) throw error;
			errors = error.fields;
		}
	}

	let cached = facetsCache.get(territory.id);
	if (!cached || Date.now() - cached.at > FACETS_TTL_MS) {
		cached = { at: Date.now(), facets: await searchFacets(db, territory.id) };
		facetsCache.set(territory.id, cached);
	}

	return {
		values: form.values,
		errors,
		results,
		facets: cached.facets,
		distances: SEARCH_DISTANCES,
		originDistances: ORIGIN_DISTANCES,
		hasPosition: form.params.near !== undefined,
		filtered: FILTERS.some((field) => url.searchParams.get(field)),
		nextHref: results?.nextCursor ? hrefWith(url, { cursor: results.nextCursor }) : null,
		firstHref: url.searchParams.has('cursor') ? hrefWith(url, { cursor: null }) : null,
		resetHref: hrefWith(url, Object.fromEntries([...FILTERS, 'cursor'].map((field) => [field, null]))),
		forgetPositionHref: hrefWith(url, {
			near: null,
			maxKm: null,
			cursor: null,
			sort: url.searchParams.get('sort') === 'distance' ? null : undefined
		})
	};
};

/** This page's URL with some parameters replaced (null removes one); empty parameters dropped. */
function hrefWith(url: URL, changes: Record<string, string | null | undefined>): string {
	const query = new URLSearchParams([...url.searchParams].filter(([, value]) => value !== ''));
	for (const [name, value] of Object.entries(changes)) {
		if (value === null) query.delete(name);
		else if (value !== undefined) query.set(name, value);
	}
	const text = query.toString();
	return text ? `${url.pathname}?${text}` : url.pathname;
}
