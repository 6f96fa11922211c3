import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generatePickupSlots, isOpenAt, parseLocalTime, type OpeningPeriod } from './slots.ts';

const PARIS = 'Europe/Paris';
const everyMorning: OpeningPeriod[] = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opens: '08:00', closes: '12:00' }));
const iso = (date: Date) => date.toISOString();

function slotsOn(localDate: string, openingHours: OpeningPeriod[], slotMinutes = 30) {
	// From local midnight of that date (UTC+1 or +2, so 21:00 UTC the day before is always before).
	const from = new Date(`${localDate}T00:00:00Z`);
	from.setUTCHours(from.getUTCHours() - 3);
	return generatePickupSlots({ openingHours, slotMinutes, capacity: 4, timezone: PARIS, from, days: 2 }).filter((slot) =>
		iso(slot.startsAt).startsWith(localDate)
	);
}

describe('generatePickupSlots', () => {
	it('cuts an opening period into slots of the given length', () => {
		const slots = slotsOn('2026-06-10', everyMorning);
		expect(slots).toHaveLength(8);
		expect(slots.every((slot) => slot.endsAt.getTime() - slot.startsAt.getTime() === 30 * 60_000)).toBe(true);
		expect(slots.every((slot) => slot.capacity === 4)).toBe(true);
	});

	it('keeps local opening hours across the March daylight-saving change', () => {
		// The last Sunday of March 2026 is the 29th: clocks go from 02:00 to 03:00.
		const saturday = slotsOn('2026-03-28', everyMorning);
		expect(iso(saturday[0].startsAt)).toBe('2026-03-28T07:00:00.000Z');
		expect(iso(saturday.at(-1)!.endsAt)).toBe('2026-03-28T11:00:00.000Z');
		const sunday = slotsOn('2026-03-29', everyMorning);
		expect(iso(sunday[0].startsAt)).toBe('2026-03-29T06:00:00.000Z');
		expect(iso(sunday.at(-1)!.endsAt)).toBe('2026-03-29T10:00:00.000Z');
		expect(sunday).toHaveLength(8);
	});

	it('keeps local opening hours across the October daylight-saving change', () => {
		// The last Sunday of October 2026 is the 25th: clocks go from 03:00 back to 02:00.
		const saturday = slotsOn('2026-10-24', everyMorning);
		expect(iso(saturday[0].startsAt)).toBe('2026-10-24T06:00:00.000Z');
		expect(iso(saturday.at(-1)!.endsAt)).toBe('2026-10-24T10:00:00.000Z');
		const sunday = slotsOn('2026-10-25', everyMorning);
		expect(iso(sunday[0].startsAt)).toBe('2026-10-25T07:00:00.000Z');
		expect(iso(sunday.at(-1)!.endsAt)).toBe('2026-10-25T11:00:00.000Z');
	});

	it('never makes a slot that would end after closing', () => {
		const slots = slotsOn('2026-06-10', [{ weekday: 3, opens: '08:00', closes: '12:15' }]);
		expect(slots).toHaveLength(8);
		expect(iso(slots.at(-1)!.endsAt)).toBe('2026-06-10T10:00:00.000Z');
	});

	it('cuts each period of a day separately', () => {
		const bakery: OpeningPeriod[] = [
			{ weekday: 3, opens: '15:30', closes: '19:30' },
			{ weekday: 3, opens: '07:00', closes: '13:00' }
		];
		const slots = slotsOn('2026-06-10', bakery);
		expect(slots).toHaveLength(12 + 8);
		expect(iso(slots[0].startsAt)).toBe('2026-06-10T05:00:00.000Z');
		expect(iso(slots[12].startsAt)).toBe('2026-06-10T13:30:00.000Z');
	});

	it('gives no slot on a closed weekday or an exceptional closure', () => {
		const closedMonday = everyMorning.filter((period) => period.weekday !== 1);
		const week = generatePickupSlots({
			openingHours: closedMonday,
			slotMinutes: 60,
			capacity: 5,
			timezone: PARIS,
			from: new Date('2026-06-07T22:00:00Z'), // Monday 8 June, 00:00 in Paris
			days: 7,
			closures: ['2026-06-10']
		});
		const days = new Set(week.map((slot) => iso(slot.startsAt).slice(0, 10)));
		expect([...days]).toEqual(['2026-06-09', '2026-06-11', '2026-06-12', '2026-06-13', '2026-06-14']);
		expect(week).toHaveLength(5 * 4);
	});

	it('starts no slot before the given instant, counting days on the local calendar', () => {
		// 23:30 UTC on 1 June is 01:30 on Tuesday 2 June in Paris: day 0 is 2 June.
		const slots = generatePickupSlots({
			openingHours: everyMorning,
			slotMinutes: 30,
			capacity: 4,
			timezone: PARIS,
			from: new Date('2026-06-01T23:30:00Z'),
			days: 1
		});
		expect(slots).toHaveLength(8);
		expect(iso(slots[0].startsAt)).toBe('2026-06-02T06:00:00.000Z');

		const lateMorning = generatePickupSlots({
			openingHours: everyMorning,
			slotMinutes: 30,
			capacity: 4,
			timezone: PARIS,
			from: new Date('2026-06-02T08:10:00Z'), // 10:10 in Paris
			days: 1
		});
		expect(lateMorning.map((slot) => iso(slot.startsAt))).toEqual([
			'2026-06-02T08:30:00.000Z',
			'2026-06-02T09:00:00.000Z',
			'2026-06-02T09:30:00.000Z'
		]);
	});

	it('makes no empty or duplicate slot in the hour skipped by the March change', () => {
		const night: OpeningPeriod[] = [{ weekday: 0, opens: '01:00', closes: '04:00' }];
		const slots = slotsOn('2026-03-29', night);
		const starts = slots.map((slot) => slot.startsAt.getTime());
		expect(new Set(starts).size).toBe(starts.length);
		expect(slots.every((slot) => slot.endsAt.getTime() - slot.startsAt.getTime() === 30 * 60_000)).toBe(true);
		// 01:00–02:00 is CET (UTC+1), 02:00–03:00 does not exist, 03:00–04:00 is CEST (UTC+2);
		// 01:30–02:00 would end at a time that does not exist.
		expect(slots.map((slot) => iso(slot.startsAt))).toEqual([
			'2026-03-29T00:00:00.000Z',
			'2026-03-29T01:00:00.000Z',
			'2026-03-29T01:30:00.000Z'
		]);
		expect(slots.every((slot) => isOpenAt(night, PARIS, slot.startsAt))).toBe(true);
	});

	it('makes no slot longer than its length in the hour repeated by the October change', () => {
		const night: OpeningPeriod[] = [{ weekday: 0, opens: '01:00', closes: '04:00' }];
		const slots = slotsOn('2026-10-25', night, 60);
		expect(slots.length).toBeGreaterThan(0);
		expect(slots.every((slot) => slot.endsAt.getTime() - slot.startsAt.getTime() === 60 * 60_000)).toBe(true);
		const starts = slots.map((slot) => slot.startsAt.getTime());
		expect(new Set(starts).size).toBe(starts.length);
		expect(slots.every((slot) => isOpenAt(night, PARIS, slot.startsAt))).toBe(true);
	});

	it('gives strictly increasing, well-formed slots inside opening hours for any schedule', () => {
		const period = fc
			.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 47 }), fc.integer({ min: 1, max: 20 }))
			.map(([weekday, start, length]): OpeningPeriod => {
				const opens = start * 30;
				const closes = Math.min(opens + length * 30, 24 * 60);
				const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
				return { weekday, opens: hhmm(opens), closes: hhmm(closes) };
			});
		fc.assert(
			fc.property(
				fc.array(period, { maxLength: 6 }),
				fc.constantFrom(15, 20, 30, 45, 60),
				fc.oneof(
					fc.date({ min: new Date('2025-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
					// Around the daylight-saving changes of 2026.
					fc.date({ min: new Date('2026-03-24'), max: new Date('2026-03-30'), noInvalidDate: true }),
					fc.date({ min: new Date('2026-10-20'), max: new Date('2026-10-26'), noInvalidDate: true })
				),
				(openingHours, slotMinutes, from) => {
					// Overlapping periods of one weekday are not a valid schedule: keep one per weekday.
					const schedule = openingHours.filter((p, i) => openingHours.findIndex((q) => q.weekday === p.weekday) === i);
					const slots = generatePickupSlots({ openingHours: schedule, slotMinutes, capacity: 3, timezone: PARIS, from, days: 8 });
					for (let i = 0; i < slots.length; i++) {
						expect(slots[i].startsAt >= from).toBe(true);
						expect(slots[i].endsAt.getTime() - slots[i].startsAt.getTime()).toBe(slotMinutes * 60_000);
						if (i > 0) expect(slots[i].startsAt >= slots[i - 1].endsAt).toBe(true);
						expect(isOpenAt(schedule, PARIS, slots[i].startsAt)).toBe(true);
					}
				}
			)
		);
	});
});

describe('isOpenAt', () => {
	const bakery: OpeningPeriod[] = [
		{ weekday: 2, opens: '07:00', closes: '13:00' },
		{ weekday: 2, opens: '15:30', closes: '19:30' }
	];

	it('is open inside a period, read on the local clock', () => {
		expect(isOpenAt(bakery, PARIS, new Date('2026-06-09T05:00:00Z'))).toBe(true); // Tuesday 07:00
		expect(isOpenAt(bakery, PARIS, new Date('2026-06-09T14:00:00Z'))).toBe(true); // 16:00
		expect(isOpenAt(bakery, PARIS, new Date('2026-01-13T06:00:00Z'))).toBe(true); // winter, 07:00
	});

	it('is closed at closing time, between periods and on other days', () => {
		expect(isOpenAt(bakery, PARIS, new Date('2026-06-09T11:00:00Z'))).toBe(false); // 13:00
		expect(isOpenAt(bakery, PARIS, new Date('2026-06-09T12:00:00Z'))).toBe(false); // 14:00
		expect(isOpenAt(bakery, PARIS, new Date('2026-06-08T08:00:00Z'))).toBe(false); // Monday
		expect(isOpenAt(bakery, PARIS, new Date('2026-01-13T05:30:00Z'))).toBe(false); // winter, 06:30
	});
});

describe('parseLocalTime', () => {
	it('reads hours and minutes and refuses nonsense', () => {
		expect(parseLocalTime('08:30')).toBe(510);
		expect(parseLocalTime('24:00')).toBe(1440);
		expect(() => parseLocalTime('8h30')).toThrow();
		expect(() => parseLocalTime('12:75')).toThrow();
		expect(() => parseLocalTime('25:00')).toThrow();
	});
});
