import type { PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { producersByDistance } from '#lib/server/traceability/read.ts';
import { parseLatLng } from '#lib/server/catalog/search.ts';
import { mapSettings } from '#lib/server/territories/map-settings.ts';
import type { ListedTrader } from '#lib/components/TraderList.svelte';

/** The producer map: a list sorted by distance (complete without tiles or JavaScript), the map on demand. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const { db } = await appContext();
	const territory = locals.territory!;
	const near = parseLatLng((url.searchParams.get('near') ?? '').slice(0, 60));
	const from = near
		? { latitude: near.lat, longitude: near.lng }
		: territory.latitude !== null && territory.longitude !== null
			? { latitude: territory.latitude, longitude: territory.longitude }
			: null;
	const producers = await producersByDistance(db, territory.id, from);
	const map = mapSettings();
	return {
		territoryName: territory.name,
		fromVisitor: near !== null,
		here: from ? { latitude: from.latitude, longitude: from.longitude, label: near ? null : territory.name } : null,
		producers: producers.map((producer): ListedTrader => ({
			kind: 'producer',
			slug: producer.slug,
			name: producer.name,
			trade: '',
			city: producer.city,
			latitude: producer.latitude,
			longitude: producer.longitude,
			productCount: producer.productCount,
			distanceKm: producer.distanceKm,
			openNow: null,
			href: `/producteurs/${producer.slug}`
		})),
		map: { tileUrl: map.tileUrl, attribution: map.attribution }
	};
};
