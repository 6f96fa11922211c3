import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { lineTotalCents, vatOfTotal, vatBreakdown, vatRates } from './vat.ts';

describe('line totals', () => {
	it('multiplies and rounds to the cent', () => {
		expect(lineTotalCents(350, 3)).toBe(1050);
		expect(lineTotalCents(1890, 0.5)).toBe(945);
		expect(lineTotalCents(999, 1.5)).toBe(1499); // 1498.5 rounds half up
		expect(lineTotalCents(2290, 0.333)).toBe(763); // 762.57
	});
	it('is exact for any piece quantity', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 1_000_000 }),
				fc.integer({ min: 1, max: 99 }),
				(price, q) => lineTotalCents(price, q) === price * q
			)
		);
	});
});

describe('VAT of a total', () => {
	it('matches French examples', () => {
		expect(vatOfTotal(1055, 550)).toEqual({ excl: 1000, vat: 55 });
		expect(vatOfTotal(1200, 2000)).toEqual({ excl: 1000, vat: 200 });
		expect(vatOfTotal(110, 1000)).toEqual({ excl: 100, vat: 10 });
	});
	it('always splits a total into excl. + VAT exactly, with VAT within half a cent of the rate', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.constantFrom(...vatRates), (total, rate) => {
				const { excl, vat } = vatOfTotal(total, rate);
				return excl + vat === total && vat >= 0 && 2 * Math.abs(excl * (10_000 + rate) - total * 10_000) <= 10_000 + rate;
			})
		);
	});
	it('sums per rate without losing a cent', () => {
		fc.assert(
			fc.property(
				fc.array(fc.record({ totalCents: fc.integer({ min: 0, max: 100_000 }), vatRateBps: fc.constantFrom(...vatRates) }), {
					maxLength: 30
				}),
				(lines) => {
					const rows = vatBreakdown(lines);
					const sum = rows.reduce((s, r) => s + r.totalCents, 0);
					return sum === lines.reduce((s, l) => s + l.totalCents, 0) && rows.every((r) => r.baseCents + r.vatCents === r.totalCents);
				}
			)
		);
	});
});
