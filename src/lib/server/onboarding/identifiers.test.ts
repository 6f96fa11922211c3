import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { isValidSiret, isValidFrenchVat, luhnValid, vatKeyOf } from './identifiers.ts';

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));

/** The one check digit that makes `body` Luhn-valid. */
const withLuhnKey = (body: string) => [...'0123456789'].map((d) => body + d).find(luhnValid)!;

describe('SIRET', () => {
	it('accepts real SIRETs, written with or without spaces', () => {
		expect(isValidSiret('73282932000074')).toBe(true);
		expect(isValidSiret('732 829 320 00074')).toBe(true);
		expect(isValidSiret('44306184100047')).toBe(true);
	});

	it('refuses wrong lengths, letters and a wrong key', () => {
		for (const bad of ['', '7328293200007', '732829320000745', '7328293200007A', '73282932000075', '00000000000001']) {
			expect(isValidSiret(bad), bad).toBe(false);
		}
	});

	it('has exactly one valid check digit for any 13 first digits', () => {
		fc.assert(
			fc.property(digits(13), (body) => {
				const valid = [...'0123456789'].filter((d) => isValidSiret(body + d) && !body.startsWith('356000000'));
				expect(valid.length).toBeLessThanOrEqual(1);
				if (!body.startsWith('356000000')) expect(valid).toHaveLength(1);
			})
		);
	});

	it('catches any single mistyped digit', () => {
		fc.assert(
			fc.property(digits(13), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 1, max: 9 }), (body, at, shift) => {
				fc.pre(!body.startsWith('356000000'));
				const siret = withLuhnKey(body);
				const typo = siret.slice(0, at) + String((Number(siret[at]) + shift) % 10) + siret.slice(at + 1);
				expect(isValidSiret(typo)).toBe(false);
			})
		);
	});

	it('accepts La Poste establishments, whose digit sum is a multiple of 5', () => {
		expect(isValidSiret('35600000000001')).toBe(true); // not Luhn-valid, digit sum 15
		expect(isValidSiret('35600000000002')).toBe(false); // digit sum 16
		expect(isValidSiret('12300000000001')).toBe(false); // the exception is La Poste's only
	});
});

describe('French VAT number', () => {
	it('accepts a key that matches the SIREN, in any case and spacing', () => {
		expect(vatKeyOf('732829320')).toBe('44');
		expect(isValidFrenchVat('FR44732829320')).toBe(true);
		expect(isValidFrenchVat('fr 44 732 829 320')).toBe(true);
	});

	it('is valid for every SIREN with its own key, and for no other key', () => {
		fc.assert(
			fc.property(digits(9), fc.integer({ min: 0, max: 99 }), (siren, other) => {
				const key = vatKeyOf(siren);
				expect(isValidFrenchVat(`FR${key}${siren}`)).toBe(true);
				const wrong = String(other).padStart(2, '0');
				if (wrong !== key) expect(isValidFrenchVat(`FR${wrong}${siren}`)).toBe(false);
			})
		);
	});

	it('refuses other shapes', () => {
		for (const bad of ['', 'FR', 'FR4473282932', 'FR447328293201', 'DE44732829320', 'FRAB732829320', '44732829320']) {
			expect(isValidFrenchVat(bad), bad).toBe(false);
		}
	});
});
