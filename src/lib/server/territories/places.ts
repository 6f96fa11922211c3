/**
 * Places of a territory a visitor can type instead of sharing their position: its town and the
 * villages around, by name or postcode, resolved offline from a small built-in table (no
 * geocoding service is called, so nothing about the visitor leaves the server).
 *
 * The demo territory's table repeats the towns, postcodes and coordinates of its seed data
 * (`db/seed/tables/territory.ts` and `producers.ts`; places.test.ts checks they agree). Another
 * territory gets its own table here; until it has one, its own name and centre still resolve.
 */

export type Place = {
	name: string;
	/** Five-digit French postcode; null for a village only found by name. */
	postcode: string | null;
	latitude: number;
	longitude: number;
};

/** Built-in places by territory slug, the town first (it wins a postcode shared with a village). */
export const TERRITORY_PLACES: Readonly<Record<string, readonly Place[]>> = {
	'saint-aubin': [
		{ name: 'Saint-Aubin-sur-Loire', postcode: '37285', latitude: 47.39, longitude: 0.98 },
		{ name: 'Saint-Martin-des-Coteaux', postcode: '37286', latitude: 47.405, longitude: 1.022 },
		{ name: 'Les Varennes-sur-Loire', postcode: '37287', latitude: 47.418, longitude: 0.952 },
		{ name: 'La Chapelle-aux-Bois', postcode: '37288', latitude: 47.364, longitude: 1.015 },
		// The producers' villages, 5 to 40 km away.
		{ name: 'Courçay-les-Bois', postcode: null, latitude: 47.49, longitude: 1.11 },
		{ name: 'Saint-Martin-sur-Cher', postcode: null, latitude: 47.3, longitude: 1.03 },
		{ name: 'Vallères-le-Haut', postcode: null, latitude: 47.44, longitude: 0.9 },
		{ name: 'Noyant-les-Landes', postcode: null, latitude: 47.17, longitude: 0.86 },
		{ name: 'Vernou-les-Caves', postcode: null, latitude: 47.42, longitude: 0.73 },
		{ name: 'Restigné-en-Val', postcode: null, latitude: 47.45, longitude: 0.5 },
		{ name: 'Montlouis-les-Grèves', postcode: null, latitude: 47.41, longitude: 1.07 },
		{ name: 'Pont-de-Ruan-la-Roche', postcode: null, latitude: 47.33, longitude: 0.83 }
	]
};

/** The places of a territory: its built-in table, else its own name at its centre (when it has one). */
export function placesOf(territory: { slug: string; name: string; latitude: number | null; longitude: number | null }): readonly Place[] {
	// Asked on every home page view: remembered per territory (as it is now).
	const key = `${territory.slug}\n${territory.name}\n${territory.latitude}\n${territory.longitude}`;
	let places = placesByTerritory.get(key);
	if (!places) {
		const table = TERRITORY_PLACES[territory.slug] ?? [];
		const listed = table.some((place) => normalizePlaceName(place.name) === normalizePlaceName(territory.name));
		places =
			listed || territory.latitude === null || territory.longitude === null
				? table
				: [{ name: territory.name, postcode: null, latitude: territory.latitude, longitude: territory.longitude }, ...table];
		if (placesByTerritory.size > 1000) placesByTerritory.clear();
		placesByTerritory.set(key, places);
	}
	return places;
}
const placesByTerritory = new Map<string, readonly Place[]>();

/** Longer input is not a place name (the longest French commune name has 45 characters). */
export const PLACE_QUERY_MAX = 80;

/**
 * "Saint-Aubin-sur-Loire", "st aubin sur loire", "SAINT AUBIN-SUR-LOIRE" → "saint aubin sur loire":
 * lower case, no accents, ligatures spelled out, hyphens, apostrophes and dots as spaces, and the
 * usual abbreviations St/Ste written in full.
 */
export function normalizePlaceName(text: string): string {
	return text
		.toLowerCase()
		.replace(/œ/g, 'oe')
		.replace(/æ/g, 'ae')
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/[^a-z0-9]+/g, ' ')
		.trim()
		.split(' ')
		.map((word) => (word === 'st' ? 'saint' : word === 'ste' ? 'sainte' : word))
		.join(' ');
}

/**
 * The place a visitor typed: a postcode ("37285", also inside "37285 Saint-Aubin"), or a name
 * matched without regard to case, accents or hyphens: the whole name, else the one place whose
 * name starts with the words typed ("saint aubin"), else the one whose name contains them as
 * whole words ("varennes"). Null when nothing matches or several do ("saint", "loire").
 */
export function locate(query: string, places: readonly Place[] = TERRITORY_PLACES['saint-aubin']): Place | null {
	if (query.length > PLACE_QUERY_MAX) return null;
	const postcode = /(?:^|\D)(\d{5})(?:\D|$)/.exec(query)?.[1];
	if (postcode) return places.find((place) => place.postcode === postcode) ?? null;
	const typed = normalizePlaceName(query);
	if (typed.length < 2) return null;
	const names =
		normalizedNames.get(places) ??
		normalizedNames
			.set(
				places,
				places.map((place) => normalizePlaceName(place.name))
			)
			.get(places)!;
	const exact = names.indexOf(typed);
	if (exact >= 0) return places[exact];
	const starts = places.filter((_, i) => names[i].startsWith(typed + ' '));
	if (starts.length === 1) return starts[0];
	if (starts.length > 1) return null;
	// "Varennes", "Chapelle aux Bois": the name without its article or the words after a hyphen.
	const inside = places.filter((_, i) => ` ${names[i]} `.includes(` ${typed} `));
	return inside.length === 1 ? inside[0] : null;
}
const normalizedNames = new WeakMap<readonly Place[], string[]>();
