import { z } from 'zod';
import { InvalidInputError, type FieldErrors } from '../errors.ts';
import { t, type Locale } from '../i18n.ts';

const zodLocales = { fr: z.locales.fr().localeError, en: z.locales.en().localeError };

/**
 * Parses input with a zod schema; on failure throws InvalidInputError with one message per
 * field in the request's language. A custom message that names an i18n key (`error_…`, `wizard_error_…`) is
 * translated; zod's own messages come from its French or English locale.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, locale: Locale, status = 422): z.output<S> {
	const result = schema.safeParse(input, { error: zodLocales[locale] });
	if (result.success) return result.data;
	throw new InvalidInputError(fieldErrors(result.error, locale), status);
}

export function fieldErrors(error: z.ZodError, locale: Locale): FieldErrors {
	const fields: FieldErrors = {};
	for (const issue of error.issues) {
		const key = issue.path.length ? issue.path.join('.') : '_';
		const text = translate(issue.message, locale);
		const messages = (fields[key] ??= []);
		if (!messages.includes(text)) messages.push(text);
	}
	return fields;
}

/** `error_…`, or an area's own `<area>_error_…` (message files are split per area). */
const MESSAGE_KEY = /^(?:[a-z]+_)?error_[a-z0-9_]+$/;

function translate(message: string, locale: Locale): string {
	return MESSAGE_KEY.test(message) ? t(message, locale) : message;
}

/**
 * A calendar day, `YYYY-MM-DD`, within years PostgreSQL and people use: zod's ISO date alone
 * accepts year 0000, which the database refuses (a 500 instead of a field error).
 */
export const calendarDay = () => z.iso.date().refine((day) => day >= '1900-01-01' && day <= '2999-12-31', 'error_date_range');

/** Turns a submitted form into a plain object (repeated names become arrays). */
export function formToObject(form: FormData): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	for (const [key, value] of form) {
		if (typeof value !== 'string') continue;
		const prev = out[key];
		out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
	}
	return out;
}
