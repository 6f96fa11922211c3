import { and, asc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { slots, shops, pickupPoints, shopPickupPoints, deliveryZones } from '../db/schema/index.ts';
import type { Db } from '../db/client.ts';
import { distanceKm } from '../../geo.ts';
import { shopTakesOrdersAt } from '../shops/availability.ts';

// How each shop hands over its orders: pickup at the shop in a slot, pickup at a shared pickup
// point, or delivery by the shop in its zones. A slot is offered only if it starts after the
// shop's preparation lead time and still has room; checkout re-checks both atomically.

export type SlotView = { id: string; startsAt: Date; endsAt: Date; remaining: number };
export type PickupPointView = { id: string; name: string; address: string; postcode: string; city: string; slots: SlotView[] };
export type DeliveryZoneView = {
	id: string;
	name: string;
	postcodes: string[];
	radiusKm: number | null;
	feeCents: number;
	minOrderCents: number;
};
export type ShopFulfilment = {
	shopId: string;
	/** The shop's own address and position (pickup place, delivery radius). */
	place: { address: string; postcode: string; city: string; latitude: number | null; longitude: number | null };
	leadMinutes: number;
	termsOfSale: string;
	/** Vacation mode: no slot is offered and no order is taken (vacationMessage says why). */
	onVacation: boolean;
	vacationMessage: string | null;
	pickup: { address: string; slots: SlotView[] } | null;
	pickupPoints: PickupPointView[];
	delivery: { zones: DeliveryZoneView[]; slots: SlotView[] } | null;
};

/** How far ahead slots are offered. */
export const SLOT_HORIZON_DAYS = 7;

export const earliestStart = (now: Date, leadMinutes: number) => new Date(now.getTime() + leadMinutes * 60_000);

/**
 * Each shop's ways of handing over orders. `withSlots: false` leaves every slot list empty: checkout
 * checks the chosen slots itself (and takes capacity atomically), so it skips reading a week of them.
 */
export async function fulfilmentOptions(
	db: Db,
	territoryId: string,
	shopIds: string[],
	now = new Date(),
	{ withSlots = true }: { withSlots?: boolean } = {}
): Promise<Map<string, ShopFulfilment>> {
	const result = new Map<string, ShopFulfilment>();
	if (shopIds.length === 0) return result;
	const shopRows = await db
		.select({
			id: shops.id,
			address: shops.address,
			postcode: shops.postcode,
			city: shops.city,
			latitude: shops.latitude,
			longitude: shops.longitude,
			leadMinutes: shops.leadMinutes,
			offersPickup: shops.offersPickup,
			termsOfSale: shops.termsOfSale,
			onVacation: shops.onVacation,
			vacationMessage: shops.vacationMessage
		})
		.from(shops)
		.where(and(inArray(shops.id, shopIds), eq(shops.territoryId, territoryId)));
	const horizon = new Date(now.getTime() + SLOT_HORIZON_DAYS * 86_400_000);
	const minLead = Math.min(...shopRows.map((s) => s.leadMinutes), 0);
	const [points, zones, shopSlotRows] = await Promise.all([
		db
			.select({
				shopId: shopPickupPoints.shopId,
				id: pickupPoints.id,
				name: pickupPoints.name,
				address: pickupPoints.address,
				postcode: pickupPoints.postcode,
				city: pickupPoints.city
			})
			.from(shopPickupPoints)
			.innerJoin(pickupPoints, eq(pickupPoints.id, shopPickupPoints.pickupPointId))
			.where(and(inArray(shopPickupPoints.shopId, shopIds), eq(pickupPoints.active, true), eq(pickupPoints.territoryId, territoryId)))
			.orderBy(asc(pickupPoints.name)),
		db.select().from(deliveryZones).where(inArray(deliveryZones.shopId, shopIds)).orderBy(asc(deliveryZones.feeCents)),
		withSlots
			? openSlots(
					db,
					and(inArray(slots.shopId, shopIds), shopTakesOrdersAt(sql`${slots.shopId}`, sql`${slots.startsAt}`)),
					earliestStart(now, minLead),
					horizon
				)
			: []
	]);
	for (const shop of shopRows) {
		const pointIds = [...new Set(points.filter((p) => p.shopId === shop.id).map((p) => p.id))];
		// A pickup point's slot is offered for a shop only on the days that shop hands orders over.
		const pointSlotRows =
			withSlots && pointIds.length
				? await openSlots(
						db,
						and(inArray(slots.pickupPointId, pointIds), shopTakesOrdersAt(shop.id, sql`${slots.startsAt}`)),
						earliestStart(now, shop.leadMinutes),
						horizon
					)
				: [];
		const earliest = earliestStart(now, shop.leadMinutes);
		const ofShop = (kind: 'shop_pickup' | 'delivery') =>
			shopSlotRows.filter((s) => s.shopId === shop.id && s.kind === kind && s.startsAt >= earliest).map(toView);
		const shopZones = zones.filter((z) => z.shopId === shop.id);
		result.set(shop.id, {
			shopId: shop.id,
			place: { address: shop.address, postcode: shop.postcode, city: shop.city, latitude: shop.latitude, longitude: shop.longitude },
			leadMinutes: shop.leadMinutes,
			termsOfSale: shop.termsOfSale,
			onVacation: shop.onVacation,
			vacationMessage: shop.vacationMessage,
			pickup: shop.offersPickup ? { address: `${shop.address}, ${shop.postcode} ${shop.city}`, slots: ofShop('shop_pickup') } : null,
			pickupPoints: points
				.filter((p) => p.shopId === shop.id)
				.map((p) => ({
					id: p.id,
					name: p.name,
					address: p.address,
					postcode: p.postcode,
					city: p.city,
					slots: pointSlotRows.filter((s) => s.pickupPointId === p.id && s.startsAt >= earliest).map(toView)
				})),
			delivery: shopZones.length
				? {
						zones: shopZones.map((z) => ({
							id: z.id,
							name: z.name,
							postcodes: z.postcodes,
							radiusKm: z.radiusKm,
							feeCents: z.feeCents,
							minOrderCents: z.minOrderCents
						})),
						slots: ofShop('delivery')
					}
				: null
		});
	}
	return result;
}

type SlotRow = typeof slots.$inferSelect;

function openSlots(db: Db, owner: SQL | undefined, from: Date, to: Date): Promise<SlotRow[]> {
	return db
		.select()
		.from(slots)
		.where(and(owner, gte(slots.startsAt, from), lt(slots.startsAt, to), sql`${slots.reserved} < ${slots.capacity}`))
		.orderBy(asc(slots.startsAt));
}

const toView = (s: SlotRow): SlotView => ({ id: s.id, startsAt: s.startsAt, endsAt: s.endsAt, remaining: s.capacity - s.reserved });

/** The delivery zone that covers an address: by postcode, or by distance from the shop. */
export function zoneFor(
	zones: DeliveryZoneView[],
	address: { postcode: string; latitude?: number; longitude?: number },
	shop: { latitude: number | null; longitude: number | null; postcode?: string }
): DeliveryZoneView | null {
	const byPostcode = zones.find((z) => z.postcodes.includes(address.postcode));
	if (byPostcode) return byPostcode;
	// An address typed in a form has no coordinates: the shop's own town is inside any radius.
	if (address.latitude === undefined && address.postcode === shop.postcode) return zones.find((z) => z.radiusKm !== null) ?? null;
	if (address.latitude === undefined || address.longitude === undefined || shop.latitude === null || shop.longitude === null) return null;
	const km = distanceKm(
		{ latitude: shop.latitude, longitude: shop.longitude },
		{ latitude: address.latitude, longitude: address.longitude }
	);
	return zones.find((z) => z.radiusKm !== null && km <= z.radiusKm) ?? null;
}

/** Slots of one shop or pickup point between two dates (the public slot list of the API). */
export async function slotsBetween(db: Db, shopId: string, from: Date, to: Date, now = new Date()) {
	const [shop] = await db.select({ leadMinutes: shops.leadMinutes }).from(shops).where(eq(shops.id, shopId));
	const start = new Date(Math.max(from.getTime(), earliestStart(now, shop?.leadMinutes ?? 0).getTime()));
	const owner = and(eq(slots.shopId, shopId), eq(slots.kind, 'shop_pickup'), shopTakesOrdersAt(shopId, sql`${slots.startsAt}`));
	return (await openSlots(db, owner, start, to)).map(toView);
}
