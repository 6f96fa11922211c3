// Where a shop is on the map. The wizard asks a Geocoder; the one shipped works offline: it takes
// the pin the merchant placed (or typed coordinates), and without one the territory's centre, so
// onboarding never depends on a third-party service. An online geocoder (a BAN or Nominatim
// adapter run by the operator) can implement the same interface later.

export type Position = { latitude: number; longitude: number };

export type GeocodeQuery = {
	address: string;
	postcode: string;
	city: string;
	/** The pin placed on the map or typed coordinates, when the merchant gave them. */
	pin?: Position | null;
	/** The territory's centre: the fallback when nothing better is known. */
	centre: Position | null;
};

export type GeocodeResult = Position & { source: 'pin' | 'centre' };

export interface Geocoder {
	locate(query: GeocodeQuery): Promise<GeocodeResult | null>;
}

/** Accepts the merchant's pin; falls back to the territory's centre. No network. */
export const offlineGeocoder: Geocoder = {
	async locate(query) {
		if (query.pin) return { ...query.pin, source: 'pin' };
		if (query.centre) return { ...query.centre, source: 'centre' };
		return null;
	}
};
