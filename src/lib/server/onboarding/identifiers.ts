// French business identifiers typed by merchants: SIRET (establishment) and intra-EU VAT number.
// Both are checked offline, by their check digits, so a typo is caught before the operator sees it.

/** La Poste's SIREN: its establishments' SIRETs do not follow Luhn (the digit sum is a multiple of 5). */
const LA_POSTE_SIREN = '356000000';

/** Digits only: merchants type SIRETs with spaces ("123 456 789 00012"). */
export const normaliseSiret = (text: string) => text.replace(/[\s.-]/g, '');

/** Luhn check over a string of digits (the rightmost digit is not doubled). */
export function luhnValid(digits: string): boolean {
	if (!/^\d+$/.test(digits)) return false;
	let sum = 0;
	for (let i = 0; i < digits.length; i++) {
		let d = Number(digits[digits.length - 1 - i]);
		if (i % 2 === 1) {
			d *= 2;
			if (d > 9) d -= 9;
		}
		sum += d;
	}
	return sum % 10 === 0;
}

/** A SIRET: 14 digits whose Luhn key is right (La Poste's establishments excepted, as INSEE documents). */
export function isValidSiret(text: string): boolean {
	const siret = normaliseSiret(text);
	if (!/^\d{14}$/.test(siret)) return false;
	if (luhnValid(siret)) return true;
	return siret.startsWith(LA_POSTE_SIREN) && [...siret].reduce((sum, d) => sum + Number(d), 0) % 5 === 0;
}

/** Uppercase, without spaces, dots or dashes: "fr 40 123456789" → "FR40123456789". */
export const normaliseVatNumber = (text: string) => text.replace(/[\s.-]/g, '').toUpperCase();

/** The two-digit key of a French VAT number for a SIREN: (12 + 3 × (SIREN mod 97)) mod 97. */
export function vatKeyOf(siren: string): string {
	return String((12 + 3 * (Number(siren) % 97)) % 97).padStart(2, '0');
}

/** A French VAT number: FR, a 2-digit key, a 9-digit SIREN, the key matching the SIREN. */
export function isValidFrenchVat(text: string): boolean {
	const match = /^FR(\d{2})(\d{9})$/.exec(normaliseVatNumber(text));
	return match !== null && vatKeyOf(match[2]) === match[1];
}

/** The SIREN inside a VAT number, to compare it with the SIRET's. */
export const sirenOfVat = (text: string) => normaliseVatNumber(text).slice(4);
