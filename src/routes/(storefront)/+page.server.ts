import type { PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { homeCatalog } from '#lib/server/territories/home.ts';
import { rankTraders } from '#lib/server/shops/nearby.ts';
import { locate, placesOf, PLACE_QUERY_MAX } from '#lib/server/territories/places.ts';
import { mapSettings } from '#lib/server/territories/map-settings.ts';
import { t } from '#lib/server/i18n.ts';
import type { ListedTrader } from '#lib/components/TraderList.svelte';

/** `?near=47.39,0.98`: a position in decimal degrees; anything else is ignored. */
function parseNear(text: string): { latitude: number; longitude: number } | null {
	const match = /^\s*(-?\d{1,3}(?:\.\d{1,10})?)\s*,\s*(-?\d{1,3}(?:\.\d{1,10})?)\s*$/.exec(text);
	if (!match) return null;
	const [latitude, longitude] = [Number(match[1]), Number(match[2])];
	if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
	return { latitude, longitude };
}

/** "37285, Saint-Aubin-sur-Loire": the postcode and name of the territory's first place, for the field's hint. */
function placeExample(territory: Parameters<typeof placesOf>[0]): string {
	const [town] = placesOf(territory);
	return town?.postcode ? `${town.postcode}, ${town.name}` : (town?.name ?? territory.name);
}

export type HomePosition = {
	/** 'place': typed in; 'device': shared by the browser; 'centre': the territory's centre (no position given). */
	source: 'place' | 'device' | 'centre';
	latitude: number;
	longitude: number;
	/** The place's name, for 'place'. */
	label: string | null;
};

export const load: PageServerLoad = async ({ locals, url }) => {
	const { db } = await appContext();
	const territory = locals.territory!;
	const locale = locals.locale;
	const now = new Date();
	const catalog = await homeCatalog.get(db, territory, now);

	const placeQuery = (url.searchParams.get('lieu') ?? '').trim();
	const nearParam = url.searchParams.get('near');
	let position: HomePosition | null = null;
	const placeErrors: string[] = [];
	let nearIgnored = false;
	if (placeQuery) {
		const place = locate(placeQuery.slice(0, PLACE_QUERY_MAX + 1), placesOf(territory));
		if (place) position = { source: 'place', latitude: place.latitude, longitude: place.longitude, label: place.name };
		else placeErrors.push(t('home_place_unknown', locale, { query: placeQuery.slice(0, PLACE_QUERY_MAX) }));
	} else if (nearParam !== null) {
		const near = parseNear(nearParam.slice(0, 60));
		if (near) position = { source: 'device', ...near, label: null };
		else nearIgnored = true;
	}
	const centre =
		territory.latitude !== null && territory.longitude !== null
			? { source: 'centre' as const, latitude: territory.latitude, longitude: territory.longitude, label: null }
			: null;

	const traders = rankTraders(catalog.traders, {
		from: position ?? centre,
		sortBy: position ? 'distance' : 'name',
		timezone: territory.timezone,
		now
	});
	const map = mapSettings();
	return {
		territoryName: territory.name,
		tagline: territory.tagline,
		position: position ?? centre,
		sortedByDistance: position !== null,
		placeQuery: placeQuery.slice(0, PLACE_QUERY_MAX),
		placeErrors,
		nearIgnored,
		// What the page shows, and no more: this is serialised into every view for hydration.
		traders: traders.map((trader): ListedTrader => ({
			kind: trader.kind,
			slug: trader.slug,
			name: trader.name,
			trade: trader.trade,
			city: trader.city,
			latitude: trader.latitude,
			longitude: trader.longitude,
			productCount: trader.productCount,
			distanceKm: trader.distanceKm === null ? null : Math.round(trader.distanceKm * 100) / 100,
			openNow: trader.openNow,
			href: trader.kind === 'shop' ? `/boutiques/${trader.slug}` : `/producteurs/${trader.slug}`
		})),
		placeExample: placeExample(territory),
		featured: catalog.featured,
		categories: catalog.categories.map(({ slug, name }) => ({ slug, name })),
		map: { tileUrl: map.tileUrl, attribution: map.attribution }
	};
};
