import { z } from 'zod';
import { parseInput } from '../http/validate.ts';
import type { Locale } from '../i18n.ts';

// The period of a report: calendar days (yyyy-mm-dd) in the territory's time zone, both ends
// included, grouped by day, ISO week (Monday first) or month. Calendar arithmetic is done on UTC
// dates (a date has no time zone); only "today" depends on the territory's.

export const GROUPINGS = ['day', 'week', 'month'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** Longest period a report covers (two years, a leap day included). */
export const MAX_DAYS = 731;

export type Period = { from: string; to: string; by: Grouping };

const DAY_MS = 86_400_000;
const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (date: Date) => date.toISOString().slice(0, 10);
export const addDays = (day: string, n: number) => toDay(new Date(toDate(day).getTime() + n * DAY_MS));
export const daysBetween = (from: string, to: string) => Math.round((toDate(to).getTime() - toDate(from).getTime()) / DAY_MS);

/** Today's date where the shop is. */
export const today = (timezone: string, now = new Date()) => new Intl.DateTimeFormat('en-CA', { timeZone: timezone }).format(now);

/** A readable default grouping for a period length: days up to two months, weeks up to six, then months. */
export const defaultGrouping = (from: string, to: string): Grouping => {
	const days = daysBetween(from, to) + 1;
	return days <= 62 ? 'day' : days <= 186 ? 'week' : 'month';
};

const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
const monthEnd = (day: string) => {
	const d = toDate(monthStart(day));
	return toDay(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)));
};

export type QuickPeriod = 'this_month' | 'last_month' | 'last_30_days' | 'this_year' | 'last_year';
export const QUICK_PERIODS: readonly QuickPeriod[] = ['this_month', 'last_month', 'last_30_days', 'this_year', 'last_year'];

/** The quick choices, as plain from/to pairs (links on the page, so no JavaScript is needed). */
export function quickPeriod(kind: QuickPeriod, timezone: string, now = new Date()): { from: string; to: string } {
	const d = today(timezone, now);
	const year = Number(d.slice(0, 4));
	switch (kind) {
		case 'this_month':
			return { from: monthStart(d), to: monthEnd(d) };
		case 'last_month': {
			const last = addDays(monthStart(d), -1);
			return { from: monthStart(last), to: last };
		}
		case 'last_30_days':
			return { from: addDays(d, -29), to: d };
		case 'this_year':
			return { from: `${year}-01-01`, to: `${year}-12-31` };
		case 'last_year':
			return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
	}
}

const day = z
	.string()
	.trim()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'reports_error_date')
	.refine((s) => !Number.isNaN(toDate(s).getTime()) && toDay(toDate(s)) === s, 'reports_error_date')
	.optional();

const periodSchema = z
	.object({
		from: day,
		to: day,
		by: z.enum(GROUPINGS, { error: 'reports_error_grouping' }).optional()
	})
	.superRefine((p, ctx) => {
		if (!p.from || !p.to) return;
		if (p.from > p.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'reports_error_to_before_from' });
		else if (daysBetween(p.from, p.to) + 1 > MAX_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: 'reports_error_too_long' });
	});

/**
 * Reads a report's query string. Missing ends default to this month; a period given by one end
 * only runs to the end of that end's month (or from its start). Bad dates, an end before the start
 * and periods over two years throw InvalidInputError (400) naming the field.
 */
export function parsePeriod(query: URLSearchParams | Record<string, string>, timezone: string, locale: Locale, now = new Date()): Period {
	const raw = query instanceof URLSearchParams ? Object.fromEntries(query) : query;
	const input = Object.fromEntries(
		(['from', 'to', 'by'] as const).flatMap((k) => (typeof raw[k] === 'string' && raw[k].trim() !== '' ? [[k, raw[k]]] : []))
	);
	const p = parseInput(periodSchema, input, locale, 400);
	const month = quickPeriod('this_month', timezone, now);
	const from = p.from ?? (p.to ? monthStart(p.to) : month.from);
	const to = p.to ?? (p.from ? monthEnd(p.from) : month.to);
	return { from, to, by: p.by ?? defaultGrouping(from, to) };
}
