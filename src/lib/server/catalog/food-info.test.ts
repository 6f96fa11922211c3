import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatNetQuantity, isFood, missingFoodInfo, type FoodInfoSubject } from './food-info.ts';

const complete: FoodInfoSubject = {
	name: 'Terrine de campagne',
	ingredients: 'Porc, foie de porc, œufs, sel, poivre',
	allergens: ['eggs'],
	storage: 'Au frais, 0 à 4 °C',
	origin: 'Porc né, élevé et abattu en France',
	unit: 'piece',
	categorySlug: 'boucherie-charcuterie',
	trade: 'butcher',
	variants: [{ netQuantity: 0.25 }]
};

describe('food information (INCO art. 14)', () => {
	it('finds nothing missing on a complete product', () => {
		expect(missingFoodInfo(complete)).toEqual([]);
	});

	it('lists every missing item of a bare food product', () => {
		const bare = { ...complete, ingredients: ' ', allergens: [], storage: null, origin: '', variants: [{ netQuantity: null }] };
		expect(missingFoodInfo(bare)).toEqual(['ingredients', 'allergens', 'net_quantity', 'storage', 'origin']);
	});

	it('counts an explicit "no allergens" as declared', () => {
		expect(missingFoodInfo({ ...complete, allergens: ['none'] })).toEqual([]);
	});

	it('asks no ingredients nor net quantity of fresh vegetables sold by the piece, but their origin', () => {
		const salad = { ...complete, categorySlug: 'fruits-legumes', ingredients: null, origin: null, variants: [{ netQuantity: null }] };
		expect(missingFoodInfo(salad)).toEqual(['origin']);
	});

	it('needs no net quantity for goods sold by weight or by the dozen', () => {
		for (const unit of ['kg', 'g', 'l', 'cl', 'dozen', 'bunch']) {
			expect(missingFoodInfo({ ...complete, unit, variants: [{ netQuantity: null }] })).toEqual([]);
		}
		expect(missingFoodInfo({ ...complete, unit: 'box', variants: [{ netQuantity: 1 }, { netQuantity: null }] })).toEqual(['net_quantity']);
	});

	it('needs no net quantity for what the baker, pastry cook and caterer count out at the counter', () => {
		const croissant = {
			...complete,
			name: 'Croissant',
			categorySlug: 'boulangerie-patisserie',
			trade: 'bakery',
			origin: null,
			variants: [{ netQuantity: null }]
		};
		expect(missingFoodInfo(croissant)).toEqual([]);
		expect(missingFoodInfo({ ...croissant, name: 'Macarons', trade: 'pastry', unit: 'box' })).toEqual([]);
		expect(missingFoodInfo({ ...croissant, name: 'Quiche', categorySlug: null, trade: 'caterer' })).toEqual([]);
	});

	it('still needs the net quantity of a jar or bottle sold by the piece (prepacked)', () => {
		const rillettes = { ...complete, name: 'Rillettes de Tours', variants: [{ netQuantity: null }] };
		expect(missingFoodInfo(rillettes)).toEqual(['net_quantity']);
		const honey = { ...rillettes, name: 'Miel d’acacia', categorySlug: 'miel-confitures', trade: 'beekeeper' };
		expect(missingFoodInfo(honey)).toEqual(['net_quantity']);
		const wine = { ...rillettes, name: 'Chinon', categorySlug: 'cave-boissons', trade: 'wine_shop', origin: null };
		expect(missingFoodInfo(wine)).toEqual(['net_quantity']);
		// Without a category, by the shop's trade: a grocer's jar is prepacked too.
		expect(missingFoodInfo({ ...rillettes, categorySlug: null, trade: 'grocery', origin: null })).toEqual(['net_quantity']);
	});

	it('flags a missing net quantity exactly when a piece or box is sold outside the counter trades', () => {
		const counters = ['boulangerie-patisserie', 'traiteur', 'fruits-legumes'];
		fc.assert(
			fc.property(
				fc.constantFrom(...counters, 'boucherie-charcuterie', 'epicerie', 'cave-boissons', 'miel-confitures', 'oeufs-produits-laitiers'),
				fc.constantFrom('piece', 'box', 'dozen', 'bunch', 'kg', 'g', 'l', 'cl'),
				fc.array(fc.option(fc.double({ min: 0.001, max: 100, noNaN: true }), { nil: null }), { minLength: 1, maxLength: 4 }),
				(categorySlug, unit, quantities) => {
					const p = { ...complete, categorySlug, unit, variants: quantities.map((netQuantity) => ({ netQuantity })) };
					const expected = (unit === 'piece' || unit === 'box') && !counters.includes(categorySlug) && quantities.includes(null);
					expect(missingFoodInfo(p).includes('net_quantity')).toBe(expected);
				}
			)
		);
	});

	it('still asks a raw single ingredient of meat and fish, as a pâté of the same counter needs its list', () => {
		const steak = { ...complete, name: 'Faux-filet de bœuf', unit: 'kg', ingredients: null, allergens: ['none'] };
		expect(missingFoodInfo(steak)).toEqual(['ingredients']);
		expect(missingFoodInfo({ ...steak, ingredients: 'Viande bovine' })).toEqual([]);
	});

	it('does not require origin where EU rules do not (a cake)', () => {
		expect(missingFoodInfo({ ...complete, categorySlug: 'boulangerie-patisserie', origin: null })).toEqual([]);
	});

	it('treats flowers and books as not food, by category or else by trade', () => {
		expect(isFood({ categorySlug: 'fleurs-plantes', trade: 'grocery' })).toBe(false);
		expect(isFood({ categorySlug: null, trade: 'bookshop' })).toBe(false);
		expect(isFood({ categorySlug: null, trade: 'bakery' })).toBe(true);
		expect(missingFoodInfo({ ...complete, categorySlug: 'librairie', ingredients: null, allergens: [] })).toEqual([]);
	});

	it('prints net quantities as labels do', () => {
		expect(formatNetQuantity(0.5, 'kg', 'fr')).toBe('500 g');
		expect(formatNetQuantity(1.5, 'kg', 'fr')).toBe('1,5 kg');
		expect(formatNetQuantity(0.75, 'l', 'fr')).toBe('75 cl');
		expect(formatNetQuantity(0.125, 'l', 'en')).toBe('125 ml');
		expect(formatNetQuantity(2, 'l', 'en')).toBe('2 L');
	});
});
