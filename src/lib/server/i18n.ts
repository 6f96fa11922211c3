import * as messages from '../paraglide/messages.js';

export type { Locale } from '../format.ts';
import type { Locale } from '../format.ts';
export const locales: readonly Locale[] = ['fr', 'en'];
export const m = messages.m;

/** Translates a message key for a locale, falling back to the key itself. */
export function t(key: string, locale: Locale, params: Record<string, unknown> = {}): string {
	const fn = (m as Record<string, unknown>)[key];
	return typeof fn === 'function' ? (fn as (p: object, o: { locale: Locale }) => string)(params, { locale }) : key;
}
