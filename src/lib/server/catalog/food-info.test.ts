import { describe, expect, it } from 'vitest';
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
