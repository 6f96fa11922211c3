import { describe, expect, it } from 'vitest';
import { locate, normalizePlaceName, placesOf, TERRITORY_PLACES } from './places.ts';
import { NEIGHBOURS, POSTCODE, TOWN, territory as demoTerritory } from '../db/seed/tables/territory.ts';
import { producers } from '../db/seed/tables/producers.ts';

const demo = TERRITORY_PLACES['saint-aubin'];

describe('locate', () => {
	it('finds the town by its postcode, also with the name after it', () => {
		expect(locate('37285')?.name).toBe('Saint-Aubin-sur-Loire');
		expect(locate(' 37285 Saint-Aubin ')?.name).toBe('Saint-Aubin-sur-Loire');
		expect(locate('37287')?.name).toBe('Les Varennes-sur-Loire');
	});

	it('matches names whatever the case, accents, hyphens and abbreviations', () => {
		for (const typed of ['Saint-Aubin-sur-Loire', 'saint aubin sur loire', 'SAINT-AUBIN-SUR-LOIRE', 'St Aubin sur Loire', 'saint-aubin'])
			expect(locate(typed)?.name, typed).toBe('Saint-Aubin-sur-Loire');
		expect(locate('courcay les bois')?.name).toBe('Courçay-les-Bois');
		expect(locate('MONTLOUIS LES GRÈVES')?.name).toBe('Montlouis-les-Grèves');
		expect(locate('Vallères le haut')?.name).toBe('Vallères-le-Haut');
		expect(locate('vallerès-le-haut')?.name).toBe('Vallères-le-Haut');
	});

	it('finds a place by the distinctive words of its name', () => {
		expect(locate('varennes')?.name).toBe('Les Varennes-sur-Loire');
		expect(locate('chapelle aux bois')?.name).toBe('La Chapelle-aux-Bois');
	});

	it('answers null for an unknown place, an unknown postcode, an ambiguous or empty query', () => {
		expect(locate('Paris')).toBeNull();
		expect(locate('75001')).toBeNull();
		expect(locate('saint')).toBeNull();
		expect(locate('loire')).toBeNull();
		expect(locate('')).toBeNull();
		expect(locate(' - ')).toBeNull();
		expect(locate('x'.repeat(10_000))).toBeNull();
		expect(locate('<script>alert(1)</script>')).toBeNull();
	});

	it('searches the table it is given', () => {
		const table = [{ name: 'Œuilly', postcode: '02160', latitude: 49.4, longitude: 3.6 }];
		expect(locate('oeuilly', table)?.postcode).toBe('02160');
		expect(locate('37285', table)).toBeNull();
	});
});

describe('normalizePlaceName', () => {
	it('folds case, accents, ligatures and punctuation', () => {
		expect(normalizePlaceName("L'Œuvre-Sainte-Ève")).toBe('l oeuvre sainte eve');
		expect(normalizePlaceName('Ste-Maure')).toBe('sainte maure');
	});
});

describe('placesOf', () => {
	it('gives the built-in table of a known territory', () => {
		expect(placesOf({ slug: 'saint-aubin', name: TOWN, latitude: 47.39, longitude: 0.98 })).toBe(demo);
	});

	it('falls back on the name and centre of a territory without a table', () => {
		const places = placesOf({ slug: 'ailleurs', name: 'Bourg-Neuf', latitude: 45, longitude: 4 });
		expect(places).toEqual([{ name: 'Bourg-Neuf', postcode: null, latitude: 45, longitude: 4 }]);
		expect(locate('bourg neuf', places)?.latitude).toBe(45);
		expect(placesOf({ slug: 'ailleurs', name: 'Bourg-Neuf', latitude: null, longitude: null })).toEqual([]);
	});
});

describe('the demo table agrees with the demo seed', () => {
	it('has the town at the territory centre, with its postcode, first', () => {
		expect(demo[0]).toEqual({ name: TOWN, postcode: POSTCODE, latitude: demoTerritory.latitude, longitude: demoTerritory.longitude });
		expect(demoTerritory.slug).toBe('saint-aubin');
	});

	it('has every neighbouring village with its postcode, a few kilometres away', () => {
		for (const village of Object.values(NEIGHBOURS)) {
			const place = demo.find((p) => p.name === village.name);
			expect(place?.postcode, village.name).toBe(village.postcode);
			expect(Math.abs(place!.latitude - demoTerritory.latitude) + Math.abs(place!.longitude - demoTerritory.longitude)).toBeLessThan(0.1);
		}
	});

	it("has every producer's village at the producer's coordinates", () => {
		for (const producer of producers.filter((p) => p.city !== TOWN)) {
			const place = demo.find((p) => p.name === producer.city);
			expect(place, producer.city).toBeDefined();
			expect([place!.latitude, place!.longitude]).toEqual([producer.latitude, producer.longitude]);
		}
	});
});
