import { pgTable, text, timestamp, integer, uuid, doublePrecision, jsonb, pgEnum, uniqueIndex, index, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { territories } from './territories.ts';

export const shopStatusEnum = pgEnum('shop_status', ['pending', 'active', 'suspended']);

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
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('shops_slug').on(t.territoryId, t.slug),
		index('shops_territory_status').on(t.territoryId, t.status),
		check('shops_lat', sql`${t.latitude} between -90 and 90`),
		check('shops_lng', sql`${t.longitude} between -180 and 180`)
	]
);

/**
 * A pickup slot of a shop. Materialised (not only computed) because its capacity is consumed
 * atomically at checkout: `reserved` only grows by a conditional update `… where reserved < capacity`.
 */
export const pickupSlots = pgTable(
	'pickup_slots',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		shopId: uuid('shop_id')
			.notNull()
			.references(() => shops.id, { onDelete: 'cascade' }),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
		capacity: integer('capacity').notNull(),
		reserved: integer('reserved').notNull().default(0)
	},
	(t) => [
		uniqueIndex('pickup_slots_shop_start').on(t.shopId, t.startsAt),
		check('pickup_slots_capacity', sql`${t.reserved} >= 0 and ${t.reserved} <= ${t.capacity}`),
		check('pickup_slots_order', sql`${t.endsAt} > ${t.startsAt}`)
	]
);
