import type { Random } from '../../../random.ts';

/** The Luhn check digit that completes a string of digits. */
export function luhnCheckDigit(payload: string): number {
	let sum = 0;
	for (let i = 0; i < payload.length; i++) {
		let digit = Number(payload[payload.length - 1 - i]);
		// The check digit will sit at the right: the payload's last digit is doubled.
		if (i % 2 === 0) {
			digit *= 2;
			if (digit > 9) digit -= 9;
		}
		sum += digit;
	}
	return (10 - (sum % 10)) % 10;
}

/** The French intra-community VAT number of a company: FR + key + SIREN. */
export function vatNumberFromSiren(siren: string): string {
	const key = (12 + 3 * (Number(siren) % 97)) % 97;
	return `FR${String(key).padStart(2, '0')}${siren}`;
}

/** A made-up but well-formed company identity: SIREN and SIRET pass the Luhn check. */
export function fictionalCompanyIds(random: Random): { siren: string; siret: string; vatNumber: string } {
	let payload = String(random.int(1, 9));
	for (let i = 0; i < 7; i++) payload += String(random.int(0, 9));
	const siren = payload + luhnCheckDigit(payload);
	const establishment = '0001';
	const siret = siren + establishment + luhnCheckDigit(siren + establishment);
	return { siren, siret, vatNumber: vatNumberFromSiren(siren) };
}
