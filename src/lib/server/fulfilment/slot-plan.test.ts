import { describe, expect, it } from 'vitest';
import {
	DELIVERY_SLOT_MINUTES,
	pickupPointSlotPlan,
	plannedSlots,
	shopSlotPlan,
	type PlannedSlot,
	type ShopSlotSource
} from './slot-plan.ts';
import { isOpenAt, type OpeningPeriod } from './slots.ts';

const PARIS = 'Europe/Paris';
// Monday 2026-06-08, 06:00 in Paris.
const FROM = new Date('2026-06-08T04:00:00Z');
const WINDOW = { timezone: PARIS, from: FROM, days: 7 };

const tueToSat = (opens: string, closes: string): OpeningPeriod[] => [2, 3, 4, 5, 6].map((weekday) => ({ weekday, opens, closes }));

const shop: ShopSlotSource = {
	id: 'shop-1',
	offersPickup: true,
	openingHours: tueToSat('09:00', '12:00'),
	slotMinutes: 30,
	slotCapacity: 6,
	deliveryHours: [2, 4, 6].map((weekday) => ({ weekday, opens: '17:00', closes: '19:00' })),
	deliveryCapacity: 4
};

const key = (slot: PlannedSlot) => `${slot.kind}|${slot.shopId}|${slot.pickupPointId}|${slot.startsAt.toISOString()}`;

describe('plannedSlots', () => {
	it('puts the owner in the column its kind requires', () => {
		const hours = tueToSat('10:00', '12:00');
		const base = { ...WINDOW, ownerId: 'owner', hours, slotMinutes: 60, capacity: 15 };
		for (const kind of ['shop_pickup', 'delivery'] as const) {
			const slots = plannedSlots({ ...base, kind });
			expect(slots.length).toBe(10);
			expect(slots.every((slot) => slot.kind === kind && slot.shopId === 'owner' && slot.pickupPointId === null)).toBe(true);
		}
		const point = plannedSlots({ ...base, kind: 'pickup_point' });
		expect(point.every((slot) => slot.kind === 'pickup_point' && slot.pickupPointId === 'owner' && slot.shopId === null)).toBe(true);
		expect(point.every((slot) => slot.capacity === 15 && isOpenAt(hours, PARIS, slot.startsAt))).toBe(true);
	});

	it('rejects a missing owner or a capacity that is not a positive integer', () => {
		const base = { ...WINDOW, kind: 'shop_pickup' as const, hours: shop.openingHours, slotMinutes: 30 };
		expect(() => plannedSlots({ ...base, ownerId: '', capacity: 3 })).toThrow();
		expect(() => plannedSlots({ ...base, ownerId: 'x', capacity: 0 })).toThrow();
		expect(() => plannedSlots({ ...base, ownerId: 'x', capacity: 1.5 })).toThrow();
	});

	it('plans the same rows again, and a longer window only adds the slots of the new days', () => {
		const week = shopSlotPlan(shop, true, WINDOW);
		expect(shopSlotPlan(shop, true, WINDOW)).toEqual(week);
		const nextDay = shopSlotPlan(shop, true, { ...WINDOW, from: new Date(FROM.getTime() + 86_400_000) });
		const known = new Set(week.map(key));
		const added = nextDay.filter((slot) => !known.has(key(slot)));
		// Monday the 15th is closed: one day later adds nothing; Tuesday the 16th adds a full day.
		expect(added).toEqual([]);
		const twoDays = shopSlotPlan(shop, true, { ...WINDOW, from: new Date(FROM.getTime() + 2 * 86_400_000) });
		const addedTuesday = twoDays.filter((slot) => !known.has(key(slot)));
		expect(addedTuesday.map((slot) => slot.startsAt.toISOString().slice(0, 10))).toEqual(Array(6 + 2).fill('2026-06-16'));
	});
});

describe('shopSlotPlan', () => {
	it('gives pickup slots in opening hours and one-hour delivery windows in delivery hours', () => {
		const slots = shopSlotPlan(shop, true, WINDOW);
		const pickup = slots.filter((slot) => slot.kind === 'shop_pickup');
		const delivery = slots.filter((slot) => slot.kind === 'delivery');
		expect(pickup).toHaveLength(5 * 6);
		expect(pickup.every((slot) => slot.capacity === 6 && isOpenAt(shop.openingHours, PARIS, slot.startsAt))).toBe(true);
		expect(delivery).toHaveLength(3 * 2);
		for (const slot of delivery) {
			expect(slot.endsAt.getTime() - slot.startsAt.getTime()).toBe(DELIVERY_SLOT_MINUTES * 60_000);
			expect(slot.capacity).toBe(4);
			expect(isOpenAt(shop.deliveryHours, PARIS, slot.startsAt)).toBe(true);
		}
	});

	it('leaves out pickup when the shop only delivers, and delivery when it has no zone', () => {
		expect(shopSlotPlan({ ...shop, offersPickup: false }, true, WINDOW).every((slot) => slot.kind === 'delivery')).toBe(true);
		expect(shopSlotPlan(shop, false, WINDOW).every((slot) => slot.kind === 'shop_pickup')).toBe(true);
		expect(shopSlotPlan({ ...shop, deliveryHours: [] }, true, WINDOW).every((slot) => slot.kind === 'shop_pickup')).toBe(true);
	});

	it('keeps delivery hours on the local clock across the October change', () => {
		// Saturday 24 and Saturday 31 October 2026, either side of the change (UTC+2, then UTC+1).
		const slots = shopSlotPlan(shop, true, { timezone: PARIS, from: new Date('2026-10-23T22:00:00Z'), days: 8 });
		const saturdays = slots.filter((slot) => slot.kind === 'delivery' && new Date(slot.startsAt).getUTCDay() === 6);
		expect(saturdays.map((slot) => slot.startsAt.toISOString())).toEqual([
			'2026-10-24T15:00:00.000Z',
			'2026-10-24T16:00:00.000Z',
			'2026-10-31T16:00:00.000Z',
			'2026-10-31T17:00:00.000Z'
		]);
	});
});

describe('pickupPointSlotPlan', () => {
	it('cuts the point opening hours into slots of its length and capacity', () => {
		const point = { id: 'point-1', openingHours: [{ weekday: 6, opens: '08:00', closes: '13:00' }], slotMinutes: 60, slotCapacity: 20 };
		const slots = pickupPointSlotPlan(point, WINDOW);
		expect(slots).toHaveLength(5);
		expect(slots[0]).toEqual({
			kind: 'pickup_point',
			shopId: null,
			pickupPointId: 'point-1',
			startsAt: new Date('2026-06-13T06:00:00Z'),
			endsAt: new Date('2026-06-13T07:00:00Z'),
			capacity: 20
		});
	});
});
