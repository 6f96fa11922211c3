import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../random.ts';
import { fictionalCompanyIds, luhnCheckDigit, vatNumberFromSiren } from './identifiers.ts';

describe('company identifiers', () => {
	it('computes the Luhn check digit of a known SIREN', () => {
		// 732 829 320 is a published SIREN; 404 833 048 is the usual example of the VAT key.
		expect(luhnCheckDigit('73282932')).toBe(0);
		expect(luhnCheckDigit('40483304')).toBe(8);
	});

	it('derives the French VAT number from the SIREN', () => {
		expect(vatNumberFromSiren('404833048')).toBe('FR83404833048');
	});

	it('makes SIRET numbers of 14 digits whose SIREN leads the VAT number', () => {
		const random = createRandom('ids');
		for (let i = 0; i < 50; i++) {
			const ids = fictionalCompanyIds(random);
			expect(ids.siret).toMatch(/^\d{14}$/);
			expect(ids.siret.startsWith(ids.siren)).toBe(true);
			expect(ids.vatNumber).toMatch(new RegExp(`^FR\\d{2}${ids.siren}$`));
			expect(luhnCheckDigit(ids.siret.slice(0, 13))).toBe(Number(ids.siret[13]));
			expect(luhnCheckDigit(ids.siren.slice(0, 8))).toBe(Number(ids.siren[8]));
		}
	});
});
