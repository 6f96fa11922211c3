import type { Locale } from '../i18n.ts';

// Weighed goods: the tolerance announced at order and the bounds a weighed quantity must stay
// within. Quantities have at most 3 decimals (grams), so every bound is computed exactly in
// thousandths of a kilo, never in binary floating point.

/** The tolerance when the shop has not set one: ±10 %, the usual word of a butcher or a cheesemonger. */
export const DEFAULT_TOLERANCE_BPS = 1000;
/** No shop may announce more than ±50 %. */
export const MAX_TOLERANCE_BPS = 5000;
/** No weighed line exceeds this (kg): a scale behind a counter does not weigh a tonne. */
export const MAX_WEIGHT_KG = 999;

export const isWeighed = (unit: string) => unit === 'kg';

/** The accepted range in thousandths of a kilo: the lower bound rounded up, the upper one down (both inclusive). */
export function toleranceBounds(quantity: number, toleranceBps: number): { min: number; max: number } {
	const q = Math.round(quantity * 1000);
	return { min: Math.ceil((q * (10_000 - toleranceBps)) / 10_000), max: Math.floor((q * (10_000 + toleranceBps)) / 10_000) };
}

/** Whether a weighed quantity (kg) is within the announced tolerance of the ordered one. */
export function withinTolerance(quantity: number, weighed: number, toleranceBps: number): boolean {
	const { min, max } = toleranceBounds(quantity, toleranceBps);
	const w = Math.round(weighed * 1000);
	return w >= min && w <= max;
}

const kgFormat = {
	fr: new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 3, maximumFractionDigits: 3 }),
	en: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 3, maximumFractionDigits: 3 })
};

/** "1,320" (fr) or "1.320" (en): weights always with grams. */
export const kilos = (kg: number, locale: Locale) => kgFormat[locale].format(kg);

/**
 * Reads a weight as typed on a phone: "1,05", "1.05", "1 050", "1,05 kg". Returns NaN for
 * anything else (text, several numbers, an empty field).
 */
export function parseWeight(input: unknown): number {
	if (typeof input === 'number') return input;
	if (typeof input !== 'string') return Number.NaN;
	const text = input
		.trim()
		.replace(/\s*kg$/i, '')
		.replace(/[\s\u00a0\u202f]/g, '')
		.replace(',', '.');
	if (!/^\d+(\.\d+)?$/.test(text)) return Number.NaN;
	return Number(text);
}
