import {
	pgTable,
	text,
	timestamp,
	integer,
	uuid,
	doublePrecision,
	jsonb,
	pgEnum,
	uniqueIndex,
	index,
	check,
	boolean,
	primaryKey,
	date
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { territories } from './territories.ts';
import { user } from './auth.ts';

/**
 * draft: the merchant is in the onboarding wizard; pending: submitted, waiting for the operator;
 * changes_requested: the operator asked for changes (see reviewNote); active: public; suspended.
 */
export const shopStatusEnum = pgEnum('shop_status', ['pending', 'active', 'suspended', 'draft', 'changes_requested']);

/** One opening period of a weekday, in the territory's local time ("08:00"–"12:30"). */
export type OpeningPeriod = { weekday: number; opens: string; closes: string };

export const shops = pgTable(
	'shops',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		territoryId: uuid('territory_id')
			.notNull()
			.references(() => territories.id, { onDelete: 'cascade' }),
		slug: text('slug').notNull(),
		name: text('name').notNull(),
		/** Trade template key: bakery, butcher, greengrocer… */
		trade: text('trade').notNull(),
		description: text('description').notNull().default(''),
		legalName: text('legal_name'),
		siret: text('siret'),
		vatNumber: text('vat_number'),
		phone: text('phone'),
		email: text('email'),
		address: text('address').notNull().default(''),
		postcode: text('postcode').notNull().default(''),
		city: text('city').notNull().default(''),
		latitude: doublePrecision('latitude'),
		longitude: doublePrecision('longitude'),
		imageUrl: text('image_url'),
		status: shopStatusEnum('status').notNull().default('pending'),
		openingHours: jsonb('opening_hours').$type<OpeningPeriod[]>().notNull().default([]),
		slotMinutes: integer('slot_minutes').notNull().default(30),
		leadMinutes: integer('lead_minutes').notNull().default(120),
		slotCapacity: integer('slot_capacity').notNull().default(4),
		minOrderCents: integer('min_order_cents').notNull().default(0),
		/** Weighed goods (sold by the kg): how far the weighed quantity may differ from the ordered one, in basis points (1000 = ±10 %). */
		weighingToleranceBps: integer('weighing_tolerance_bps').notNull().default(1000),
		offersPickup: boolean('offers_pickup').notNull().default(true),
		/** Delivery windows (local time), cut into delivery slots like opening hours into pickup slots. */
		deliveryHours: jsonb('delivery_hours').$type<OpeningPeriod[]>().notNull().default([]),
		deliveryCapacity: integer('delivery_capacity').notNull().default(3),
		/** Terms of sale of the shop, accepted by the customer at checkout. */
		termsOfSale: text('terms_of_sale').notNull().default(''),
		/** Alt text of the shop photo (imageUrl). */
		imageAlt: text('image_alt'),
		/** The wizard step the merchant stopped at ('trade', 'identity', 'address', 'hours', 'fulfilment', 'products'); null once submitted. */
		onboardingStep: text('onboarding_step'),
		/** Vacation mode: the shop stays visible but takes no order and offers no slot. */
		onVacation: boolean('on_vacation').notNull().default(false),
		vacationMessage: text('vacation_message'),
		/** What the operator asked the merchant to change before approval. */
		reviewNote: text('review_note'),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		approvedAt: timestamp('approved_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('shops_slug').on(t.territoryId, t.slug),
		index('shops_territory_status').on(t.territoryId, t.status),
		check('shops_lat', sql`${t.latitude} between -90 and 90`),
		check('shops_lng', sql`${t.longitude} between -180 and 180`)
	]
);

/** Exceptional closures of a shop (bank holiday, inventory…): whole local days, both ends included. */
export const shopClosures = pgTable(
	'shop_closures',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		shopId: uuid('shop_id')
			.notNull()
			.references(() => shops.id, { onDelete: 'cascade' }),
		startsOn: date('starts_on').notNull(),
		endsOn: date('ends_on').notNull(),
		reason: text('reason').notNull().default('')
	},
	(t) => [index('shop_closures_shop').on(t.shopId, t.startsOn), check('shop_closures_order', sql`${t.endsOn} >= ${t.startsOn}`)]
);

/** A pending invitation to join a shop's team; the token is sent by email and stored hashed. */
export const shopInvitations = pgTable(
	'shop_invitations',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		shopId: uuid('shop_id')
			.notNull()
			.references(() => shops.id, { onDelete: 'cascade' }),
		email: text('email').notNull(),
		role: text('role').notNull(),
		tokenHash: text('token_hash').notNull().unique(),
		invitedBy: text('invited_by').references(() => user.id, { onDelete: 'set null' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		acceptedAt: timestamp('accepted_at', { withTimezone: true }),
		revokedAt: timestamp('revoked_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('shop_invitations_shop').on(t.shopId), check('shop_invitations_role', sql`${t.role} in ('shop_owner', 'shop_staff')`)]
);

export const slotKindEnum = pgEnum('slot_kind', ['shop_pickup', 'pickup_point', 'delivery']);

/**
 * A time slot for handing over orders: pickup at a shop, pickup at a shared pickup point, or a
 * shop's delivery window. Materialised (not only computed) because its capacity is consumed
 * atomically at checkout: `reserved` only grows by `update … set reserved = reserved + 1 where
 * reserved < capacity`, and the CHECK keeps it within bounds whatever the code does.
 */
export const slots = pgTable(
	'slots',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		kind: slotKindEnum('kind').notNull(),
		shopId: uuid('shop_id').references(() => shops.id, { onDelete: 'cascade' }),
		pickupPointId: uuid('pickup_point_id').references(() => pickupPoints.id, { onDelete: 'cascade' }),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
		capacity: integer('capacity').notNull(),
		reserved: integer('reserved').notNull().default(0)
	},
	(t) => [
		uniqueIndex('slots_shop_kind_start')
			.on(t.shopId, t.kind, t.startsAt)
			.where(sql`${t.shopId} is not null`),
		uniqueIndex('slots_point_start')
			.on(t.pickupPointId, t.startsAt)
			.where(sql`${t.pickupPointId} is not null`),
		check('slots_capacity', sql`${t.reserved} >= 0 and ${t.reserved} <= ${t.capacity}`),
		check('slots_order', sql`${t.endsAt} > ${t.startsAt}`),
		check(
			'slots_owner',
			sql`(${t.kind} = 'pickup_point' and ${t.pickupPointId} is not null and ${t.shopId} is null)
			or (${t.kind} in ('shop_pickup', 'delivery') and ${t.shopId} is not null and ${t.pickupPointId} is null)`
		)
	]
);

/** Shared pickup points run by the territory (town hall, covered market…). */
export const pickupPoints = pgTable(
	'pickup_points',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		territoryId: uuid('territory_id')
			.notNull()
			.references(() => territories.id, { onDelete: 'cascade' }),
		slug: text('slug').notNull(),
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		address: text('address').notNull(),
		postcode: text('postcode').notNull(),
		city: text('city').notNull(),
		latitude: doublePrecision('latitude'),
		longitude: doublePrecision('longitude'),
		openingHours: jsonb('opening_hours').$type<OpeningPeriod[]>().notNull().default([]),
		slotMinutes: integer('slot_minutes').notNull().default(60),
		slotCapacity: integer('slot_capacity').notNull().default(20),
		active: boolean('active').notNull().default(true)
	},
	(t) => [uniqueIndex('pickup_points_slug').on(t.territoryId, t.slug)]
);

/** The pickup points a shop brings its orders to. */
export const shopPickupPoints = pgTable(
	'shop_pickup_points',
	{
		shopId: uuid('shop_id')
			.notNull()
			.references(() => shops.id, { onDelete: 'cascade' }),
		pickupPointId: uuid('pickup_point_id')
			.notNull()
			.references(() => pickupPoints.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.shopId, t.pickupPointId] })]
);

/** Where a shop delivers: a list of postcodes, or a radius around the shop; fee and minimum. */
export const deliveryZones = pgTable(
	'delivery_zones',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		shopId: uuid('shop_id')
			.notNull()
			.references(() => shops.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		postcodes: text('postcodes')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		radiusKm: doublePrecision('radius_km'),
		feeCents: integer('fee_cents').notNull().default(0),
		minOrderCents: integer('min_order_cents').notNull().default(0)
	},
	(t) => [
		index('delivery_zones_shop').on(t.shopId),
		check('delivery_zones_fee', sql`${t.feeCents} >= 0 and ${t.minOrderCents} >= 0`),
		check('delivery_zones_radius', sql`${t.radiusKm} is null or ${t.radiusKm} > 0`)
	]
);
