import { TZDate } from '@date-fns/tz';
import type { OpeningPeriod } from '../db/schema/shops.ts';

export type { OpeningPeriod };

export type GeneratedSlot = { startsAt: Date; endsAt: Date; capacity: number };

export type SlotGenerationInput = {
	openingHours: OpeningPeriod[];
	/** Length of one slot, in minutes. */
	slotMinutes: number;
	/** Orders one slot can take. */
	capacity: number;
	/** IANA time zone of the territory, e.g. Europe/Paris. */
	timezone: string;
	/** No slot starts before this instant; day 0 is the local date of this instant. */
	from: Date;
	/** How many local calendar days, starting with the day of `from`. */
	days: number;
	/** Local dates (YYYY-MM-DD) on which the shop is exceptionally closed. */
	closures?: string[];
};

const MINUTES_PER_DAY = 24 * 60;

/** "08:30" → 510. Accepts "24:00" as the end of the day. */
export function parseLocalTime(text: string): number {
	const match = /^(\d{1,2}):(\d{2})$/.exec(text);
	if (!match) throw new Error(`Invalid time of day: ${text}`);
	const minutes = Number(match[1]) * 60 + Number(match[2]);
	if (Number(match[2]) > 59 || minutes > MINUTES_PER_DAY) throw new Error(`Invalid time of day: ${text}`);
	return minutes;
}

/** The instant at a wall-clock time of a local calendar date in a time zone. */
function localInstant(year: number, month: number, day: number, minutes: number, timezone: string): Date {
	return new Date(new TZDate(year, month, day, Math.floor(minutes / 60), minutes % 60, timezone).getTime());
}

/** Whether a wall-clock time exists on that local date (the spring change skips an hour). */
function existsLocally(instant: Date, day: number, minutes: number, timezone: string): boolean {
	const local = new TZDate(instant.getTime(), timezone);
	if (minutes === MINUTES_PER_DAY) return local.getHours() === 0 && local.getMinutes() === 0;
	return local.getDate() === day && local.getHours() * 60 + local.getMinutes() === minutes;
}

function isoDate(year: number, month: number, day: number): string {
	return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The pickup slots of a shop over the coming days, cut inside each opening period in the
 * territory's time zone: a period 08:00–12:00 is 08:00–12:00 on the local clock whatever the
 * season, so its UTC instants move by an hour across daylight-saving changes. A slot never ends
 * after the period closes, none starts before `from`, and none straddles the hour that a
 * daylight-saving change skips or repeats (shops are rarely open at 2 a.m.).
 */
export function generatePickupSlots(input: SlotGenerationInput): GeneratedSlot[] {
	if (!Number.isInteger(input.slotMinutes) || input.slotMinutes <= 0) throw new Error('slotMinutes must be a positive integer');
	const closures = new Set(input.closures ?? []);
	const start = new TZDate(input.from.getTime(), input.timezone);
	const slots: GeneratedSlot[] = [];
	for (let offset = 0; offset < input.days; offset++) {
		// Calendar arithmetic on a UTC date, which has no daylight-saving jumps.
		const calendar = new Date(Date.UTC(start.getFullYear(), start.getMonth(), start.getDate() + offset));
		const [year, month, day] = [calendar.getUTCFullYear(), calendar.getUTCMonth(), calendar.getUTCDate()];
		if (closures.has(isoDate(year, month, day))) continue;
		const periods = input.openingHours
			.filter((period) => period.weekday === calendar.getUTCDay())
			.map((period) => ({ opens: parseLocalTime(period.opens), closes: parseLocalTime(period.closes) }))
			.sort((a, b) => a.opens - b.opens);
		for (const period of periods) {
			for (let minute = period.opens; minute + input.slotMinutes <= period.closes; minute += input.slotMinutes) {
				const startsAt = localInstant(year, month, day, minute, input.timezone);
				const endsAt = localInstant(year, month, day, minute + input.slotMinutes, input.timezone);
				// Around a daylight-saving change, keep only the slots whose both ends exist on the
				// local clock and that last their full length: none straddles the change.
				if (!existsLocally(startsAt, day, minute, input.timezone)) continue;
				if (!existsLocally(endsAt, day, minute + input.slotMinutes, input.timezone)) continue;
				if (endsAt.getTime() - startsAt.getTime() !== input.slotMinutes * 60_000 || startsAt < input.from) continue;
				slots.push({ startsAt, endsAt, capacity: input.capacity });
			}
		}
	}
	return slots;
}

/** Whether the shop is open at an instant, read on the local clock of its territory. */
export function isOpenAt(openingHours: OpeningPeriod[], timezone: string, at: Date): boolean {
	return isOpenOnClock(openingHours, localClock(timezone, at));
}

/** The weekday (0 = Sunday) and minute of the day at an instant, on a time zone's clock. */
export type LocalClock = { weekday: number; minute: number };

export function localClock(timezone: string, at: Date): LocalClock {
	const local = new TZDate(at.getTime(), timezone);
	return { weekday: local.getDay(), minute: local.getHours() * 60 + local.getMinutes() };
}

/** `isOpenAt` for a clock read once: a list of products of one territory shares it. */
export function isOpenOnClock(openingHours: OpeningPeriod[], { weekday, minute }: LocalClock): boolean {
	return openingHours.some(
		(period) => period.weekday === weekday && parseLocalTime(period.opens) <= minute && minute < parseLocalTime(period.closes)
	);
}
