import type { Locale } from '#lib/format.ts';

/** A calendar day "2026-11-20" as "20 novembre 2026" / "20 November 2026" (no time zone shift: it is a day). */
export function dateText(day: string, locale: Locale): string {
	const [y, mo, d] = day.split('-').map(Number);
	return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(new Date(Date.UTC(y, mo - 1, d)));
}

/** Whether a day ("2026-11-20") is before today's date (UTC). */
export const isPast = (day: string, now = new Date()): boolean => day < now.toISOString().slice(0, 10);
