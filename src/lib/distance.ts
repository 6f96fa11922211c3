// Distances as the storefront shows them: "350 m", "1,2 km", "14 km" (French) / "1.2 km" (English).
import type { Locale } from './format.ts';

const NBSP = '\u00a0';
const grouped = { fr: new Intl.NumberFormat('fr-FR'), en: new Intl.NumberFormat('en-GB') };

/**
 * Under a kilometre in metres (to 10 m), under 10 km to the tenth, then whole kilometres.
 * Small numbers are written by hand: the list formats one per shop on every view, and
 * Intl.NumberFormat is needed only where digits are grouped (≥ 1,000).
 */
export function formatDistance(km: number, locale: Locale = 'fr'): string {
	if (km < 0.995) return `${Math.max(10, Math.round(km * 100) * 10)}${NBSP}m`;
	if (km < 9.95) return `${locale === 'fr' ? km.toFixed(1).replace('.', ',') : km.toFixed(1)}${NBSP}km`;
	const whole = Math.round(km);
	return `${whole < 1000 ? String(whole) : grouped[locale].format(whole)}${NBSP}km`;
}
