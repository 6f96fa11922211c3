import { generatePickupSlots, type OpeningPeriod } from './slots.ts';

// The slot rows of the three kinds, ready to insert. Rows carry no id (the column defaults to a
// random UUID) and are keyed by the unique indexes of `slots` — (shop, kind, start) and (pickup
// point, start) — so the same plan can be inserted again every day with
// `db.insert(slots).values(rows).onConflictDoNothing()`: existing slots, and what they have
// reserved, are kept; only the slots of the new days are added.

export type SlotKind = 'shop_pickup' | 'pickup_point' | 'delivery';

/** One row for the `slots` table (without `id` and `reserved`, which default). */
export type PlannedSlot = {
	kind: SlotKind;
	shopId: string | null;
	pickupPointId: string | null;
	startsAt: Date;
	endsAt: Date;
	capacity: number;
};

/** Where and for how long slots are planned. */
export type SlotWindow = {
	/** IANA time zone of the territory, e.g. Europe/Paris. */
	timezone: string;
	/** No slot starts before this instant; day 0 is the local date of this instant. */
	from: Date;
	/** How many local calendar days, starting with the day of `from`. */
	days: number;
	/** Local dates (YYYY-MM-DD) without any slot. */
	closures?: string[];
};

export type SlotPlanInput = SlotWindow & {
	kind: SlotKind;
	/** The shop (shop_pickup, delivery) or the pickup point (pickup_point) that owns the slots. */
	ownerId: string;
	/** Opening hours (shop pickup, pickup point) or delivery hours, on the territory's local clock. */
	hours: OpeningPeriod[];
	slotMinutes: number;
	/** Orders one slot can take. */
	capacity: number;
};

/** Delivery hours are cut into windows of this length (shops have no setting for it). */
export const DELIVERY_SLOT_MINUTES = 60;

/**
 * The slots of one owner over the coming days, cut inside its hours by `generatePickupSlots` (local
 * clock, daylight-saving safe), with the owner column that the kind requires: `pickupPointId` for
 * 'pickup_point', `shopId` for 'shop_pickup' and 'delivery' (the `slots_owner` CHECK).
 */
export function plannedSlots(input: SlotPlanInput): PlannedSlot[] {
	if (!input.ownerId) throw new Error('plannedSlots: ownerId is required');
	if (!Number.isInteger(input.capacity) || input.capacity <= 0) throw new Error('plannedSlots: capacity must be a positive integer');
	const owner =
		input.kind === 'pickup_point' ? { shopId: null, pickupPointId: input.ownerId } : { shopId: input.ownerId, pickupPointId: null };
	return generatePickupSlots({
		openingHours: input.hours,
		slotMinutes: input.slotMinutes,
		capacity: input.capacity,
		timezone: input.timezone,
		from: input.from,
		days: input.days,
		closures: input.closures
	}).map((slot) => ({ kind: input.kind, ...owner, startsAt: slot.startsAt, endsAt: slot.endsAt, capacity: slot.capacity }));
}

/** The columns of a shop that its slots depend on (a `shops` row fits). */
export type ShopSlotSource = {
	id: string;
	offersPickup: boolean;
	openingHours: OpeningPeriod[];
	slotMinutes: number;
	slotCapacity: number;
	deliveryHours: OpeningPeriod[];
	deliveryCapacity: number;
};

/**
 * A shop's pickup slots (when it offers pickup) and delivery slots (when `delivers`, i.e. it has at
 * least one delivery zone). Which shops get slots (active ones) is the caller's choice.
 */
export function shopSlotPlan(shop: ShopSlotSource, delivers: boolean, window: SlotWindow): PlannedSlot[] {
	const pickup = shop.offersPickup
		? plannedSlots({
				...window,
				kind: 'shop_pickup',
				ownerId: shop.id,
				hours: shop.openingHours,
				slotMinutes: shop.slotMinutes,
				capacity: shop.slotCapacity
			})
		: [];
	const delivery =
		delivers && shop.deliveryHours.length > 0
			? plannedSlots({
					...window,
					kind: 'delivery',
					ownerId: shop.id,
					hours: shop.deliveryHours,
					slotMinutes: DELIVERY_SLOT_MINUTES,
					capacity: shop.deliveryCapacity
				})
			: [];
	return [...pickup, ...delivery];
}

/** The columns of a pickup point that its slots depend on (a `pickupPoints` row fits). */
export type PickupPointSlotSource = { id: string; openingHours: OpeningPeriod[]; slotMinutes: number; slotCapacity: number };

/** A pickup point's slots. Which points get slots (active ones) is the caller's choice. */
export function pickupPointSlotPlan(point: PickupPointSlotSource, window: SlotWindow): PlannedSlot[] {
	return plannedSlots({
		...window,
		kind: 'pickup_point',
		ownerId: point.id,
		hours: point.openingHours,
		slotMinutes: point.slotMinutes,
		capacity: point.slotCapacity
	});
}
