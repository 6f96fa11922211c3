/**
 * The origin part of a product's schema.org JSON-LD: the origin as written (`countryOfOrigin`,
 * text is allowed), the origin producer (`manufacturer`) and the computed facts
 * (`additionalProperty`: distance in km, intermediaries, short circuit).
 */
export function productOriginJsonLd(
	p: {
		origin: string | null;
		producer: { slug: string; name: string; city: string } | null;
		originKm: number | null;
		intermediaries: number | null;
		shortCircuit: boolean;
	},
	siteOrigin: string
) {
	const properties: Record<string, unknown>[] = [];
	if (p.originKm !== null)
		properties.push({
			'@type': 'PropertyValue',
			propertyID: 'originKm',
			name: 'Distance from the producer to the shop',
			value: p.originKm,
			unitCode: 'KMT'
		});
	if (p.intermediaries !== null)
		properties.push({ '@type': 'PropertyValue', propertyID: 'intermediaries', name: 'Intermediaries', value: p.intermediaries });
	properties.push({ '@type': 'PropertyValue', propertyID: 'shortCircuit', name: 'Short circuit', value: p.shortCircuit });
	return {
		countryOfOrigin: p.origin ?? undefined,
		manufacturer: p.producer
			? {
					'@type': 'Organization',
					name: p.producer.name,
					url: `${siteOrigin}/producteurs/${p.producer.slug}`,
					address: { '@type': 'PostalAddress', addressLocality: p.producer.city }
				}
			: undefined,
		additionalProperty: properties
	};
}
