import type { FieldErrors } from '../errors.ts';
import { t, type Locale } from '../i18n.ts';
import {
	decodeSearchCursor,
	parseLatLng,
	searchParamErrors,
	SEARCH_MAX_QUERY,
	SEARCH_SORTS,
	type SearchParams,
	type SearchSort
} from './search.ts';

/**
 * The search form of the results page, as a browser sends it (GET, every value a string, often
 * empty): read into search parameters, with a message per field for what cannot be read.
 * Prices are in euros as people type them ("4,50", "4.5", "4 €").
 */

export const SEARCH_FORM_FIELDS = [
	'q',
	'category',
	'shop',
	'label',
	'near',
	'maxKm',
	'today',
	'shortCircuit',
	'maxOriginKm',
	'minPrice',
	'maxPrice',
	'sort',
	'cursor'
] as const;
export type SearchFormField = (typeof SEARCH_FORM_FIELDS)[number];
/** What the visitor sent, to show it back in the form. */
export type SearchFormValues = Record<SearchFormField, string>;

export type SearchForm = { params: SearchParams; values: SearchFormValues; errors: FieldErrors };

/** Distances the filter offers, in kilometres. */
export const SEARCH_DISTANCES = [1, 2, 5, 10, 25] as const;
const MAX_KM = 1000;
const MAX_EUROS = 100_000;
/** Longer values are cut before reading: nothing legitimate is that long. */
const MAX_FIELD = 2 * SEARCH_MAX_QUERY;

export function readSearchForm(query: URLSearchParams, locale: Locale): SearchForm {
	const values = Object.fromEntries(
		SEARCH_FORM_FIELDS.map((field) => [field, (query.get(field) ?? '').trim().slice(0, MAX_FIELD)])
	) as SearchFormValues;
	const errors: FieldErrors = {};
	const fail = (field: SearchFormField, key: string) => (errors[field] ??= []).push(t(key, locale));
	const params: SearchParams = {};

	if (values.q) params.q = query.get('q')!.trim();
	if (values.category) params.category = values.category;
	if (values.shop) params.shop = values.shop;
	if (values.label) params.label = values.label;
	if (values.today) params.availableToday = true;
	if (values.shortCircuit) params.shortCircuit = true;

	if (values.near) {
		const near = parseLatLng(values.near);
		if (near) params.near = near;
		else fail('near', 'search_error_near_invalid');
	}
	if (values.maxKm) {
		const km = Number(values.maxKm.replace(',', '.'));
		if (Number.isFinite(km) && km > 0 && km <= MAX_KM) params.maxKm = km;
		else fail('maxKm', 'search_error_distance_invalid');
	}
	if (values.maxOriginKm) {
		const km = readKm(values.maxOriginKm);
		if (km === null) fail('maxOriginKm', 'search_error_distance_invalid');
		else params.maxOriginKm = km;
	}
	for (const [field, key] of [
		['minPrice', 'minPriceCents'],
		['maxPrice', 'maxPriceCents']
	] as const) {
		if (!values[field]) continue;
		const cents = eurosToCents(values[field]);
		if (cents === null) fail(field, 'search_error_price_invalid');
		else params[key] = cents;
	}
	if (values.sort) {
		if ((SEARCH_SORTS as readonly string[]).includes(values.sort)) params.sort = values.sort as SearchSort;
		else fail('sort', 'search_error_sort_invalid');
	}
	if (values.cursor) {
		if (decodeSearchCursor(values.cursor)) params.cursor = values.cursor;
		else fail('cursor', 'error_cursor_invalid');
	}

	// Rules across fields, once each field could be read.
	for (const [field, messages] of Object.entries(searchParamErrors(params, locale))) {
		if (!errors[field]) errors[field] = messages;
	}
	return { params, values, errors };
}

/** Origin distances the filter offers, in kilometres. */
export const ORIGIN_DISTANCES = [10, 30, 80, 150] as const;

/** "25", "12,5", "12.5 km" → kilometres; null unless above 0 and at most `MAX_KM`. */
function readKm(text: string): number | null {
	const match = /^(\d{1,4}(?:[.,]\d{1,2})?)\s*(?:km)?$/i.exec(text.trim());
	if (!match) return null;
	const km = Number(match[1].replace(',', '.'));
	return km > 0 && km <= MAX_KM ? km : null;
}

/** "4,50", "4.5", "12 €" → cents; null for anything else (negative, three decimals, words). */
export function eurosToCents(text: string): number | null {
	const match = /^(\d{1,7})(?:[.,](\d{1,2}))?\s*€?$/.exec(text.trim());
	if (!match) return null;
	const cents = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
	return cents <= MAX_EUROS * 100 ? cents : null;
}
