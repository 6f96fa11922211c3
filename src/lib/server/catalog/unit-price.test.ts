import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatEuros, unitPrice } from './unit-price.ts';

describe('unitPrice', () => {
	it('gives the price per kilogram of a 500 g pack', () => {
		expect(unitPrice(320, 0.5, 'kg')).toEqual({ cents: 640, per: 'kg' });
	});

	it('gives the price per litre of a 75 cl bottle', () => {
		expect(unitPrice(1200, 0.75, 'l')).toEqual({ cents: 1600, per: 'l' });
	});

	it('rounds half up to the cent', () => {
		// 1 cent for 16 g is 0.625 €/kg: an exact half, rounded up to 0.63 €.
		expect(unitPrice(1, 0.016, 'kg')?.cents).toBe(63);
		// 1 cent for 3 g is 3.333… €/kg: rounded down to 3.33 €.
		expect(unitPrice(1, 0.003, 'kg')?.cents).toBe(333);
		// 0.99 € for 125 g is 7.92 €/kg exactly.
		expect(unitPrice(99, 0.125, 'kg')?.cents).toBe(792);
		// 2.45 € for 0.7 l is 3.5 €/l exactly: 350 cents.
		expect(unitPrice(245, 0.7, 'l')?.cents).toBe(350);
	});

	it('is null without a net quantity or unit', () => {
		expect(unitPrice(320, null, null)).toBeNull();
		expect(unitPrice(320, 0.5, null)).toBeNull();
		expect(unitPrice(320, null, 'kg')).toBeNull();
		expect(unitPrice(320, 0, 'kg')).toBeNull();
	});

	it('never differs from the exact quotient by more than half a cent', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 100_000 }), (price, thousandths) => {
				const result = unitPrice(price, thousandths / 1000, 'kg');
				expect(result).not.toBeNull();
				const exact = (price * 1000) / thousandths;
				expect(Math.abs(result!.cents - exact)).toBeLessThanOrEqual(0.5);
				// Half up: an exact half goes to the cent above.
				if (exact - Math.floor(exact) === 0.5) expect(result!.cents).toBe(Math.ceil(exact));
			})
		);
	});

	it('equals the price for one kilogram or one litre', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 10_000_000 }), (price) => {
				expect(unitPrice(price, 1, 'l')).toEqual({ cents: price, per: 'l' });
			})
		);
	});
});

describe('formatEuros', () => {
	const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

	it('writes euros the French way', () => {
		expect(spaces(formatEuros(320, 'fr'))).toBe('3,20 €');
		expect(spaces(formatEuros(123456, 'fr'))).toBe('1 234,56 €');
		expect(spaces(formatEuros(0, 'fr'))).toBe('0,00 €');
	});

	it('writes euros the English way', () => {
		expect(formatEuros(320, 'en')).toBe('€3.20');
		expect(formatEuros(123456, 'en')).toBe('€1,234.56');
	});
});
