import { appContext } from '#lib/server/runtime.ts';
import { mapSettings } from '#lib/server/territories/map-settings.ts';
import { territories } from '#lib/server/db/schema/index.ts';
import { eq } from 'drizzle-orm';

/** The map settings and the territory's centre, where the pin starts for a new producer. */
export async function mapContext(territoryId: string) {
	const { db } = await appContext();
	const [territory] = await db
		.select({ latitude: territories.latitude, longitude: territories.longitude })
		.from(territories)
		.where(eq(territories.id, territoryId));
	const map = mapSettings();
	return {
		centre:
			territory && territory.latitude !== null && territory.longitude !== null
				? { latitude: territory.latitude, longitude: territory.longitude }
				: null,
		tileUrl: map.tileUrl,
		attribution: map.attribution
	};
}
