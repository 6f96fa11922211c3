import {
	pgTable,
	text,
	timestamp,
	integer,
	uuid,
	doublePrecision,
	numeric,
	date,
	uniqueIndex,
	index,
	check,
	primaryKey
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { shops } from './shops.ts';
import { producers, products, media } from './catalog.ts';

/**
 * Traceability (SPEC §3.4). Who made a product (`product_producers`, the first is its origin), which
 * lot a unit comes from (`lots`), the hands it went through (`supply_chain_steps`), and where it was
 * bought from when the producer sells on the platform (`product_sources`). The computed facts
 * (origin distance, intermediaries, short-circuit) are written on `products` by `traceability/`.
 */

/** A product's producers; position 0 is the origin used for the distance. */
export const productProducers = pgTable(
	'product_producers',
	{
		productId: uuid('product_id')
			.notNull()
			.references(() => products.id, { onDelete: 'cascade' }),
		producerId: uuid('producer_id')
			.notNull()
			.references(() => producers.id, { onDelete: 'cascade' }),
		position: integer('position').notNull().default(0)
	},
	(t) => [
		primaryKey({ columns: [t.productId, t.producerId] }),
		uniqueIndex('product_producers_position').on(t.productId, t.position),
		index('product_producers_producer').on(t.producerId)
	]
);

/** A producer's quality labels with their certificate (e.g. AB, certificate FR-BIO-01 n° …, valid until …). */
export const producerCertifications = pgTable(
	'producer_certifications',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		producerId: uuid('producer_id')
			.notNull()
			.references(() => producers.id, { onDelete: 'cascade' }),
		label: text('label').notNull(),
		certificateNumber: text('certificate_number'),
		certifier: text('certifier'),
		expiresOn: date('expires_on')
	},
	(t) => [uniqueIndex('producer_certifications_label').on(t.producerId, t.label)]
);

/** A producer's photos (uploaded by the shop that manages the producer). */
export const producerPhotos = pgTable(
	'producer_photos',
	{
		producerId: uuid('producer_id')
			.notNull()
			.references(() => producers.id, { onDelete: 'cascade' }),
		mediaId: uuid('media_id')
			.notNull()
			.references(() => media.id, { onDelete: 'cascade' }),
		position: integer('position').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.producerId, t.mediaId] })]
);

/** A lot (batch, harvest) of a product: created fast at restock; public page per lot. */
export const lots = pgTable(
	'lots',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		productId: uuid('product_id')
			.notNull()
			.references(() => products.id, { onDelete: 'cascade' }),
		shopId: uuid('shop_id')
			.notNull()
			.references(() => shops.id, { onDelete: 'cascade' }),
		code: text('code').notNull(),
		producedOn: date('produced_on'),
		bestBefore: date('best_before'),
		quantity: numeric('quantity', { precision: 12, scale: 3, mode: 'number' }),
		note: text('note'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('lots_code').on(t.productId, t.code),
		index('lots_shop').on(t.shopId, t.createdAt),
		check('lots_dates', sql`${t.bestBefore} is null or ${t.producedOn} is null or ${t.bestBefore} >= ${t.producedOn}`),
		check('lots_quantity', sql`${t.quantity} is null or ${t.quantity} >= 0`)
	]
);

/**
 * The hands between the producer and the shop, in order (position 0 first). Roles: producer,
 * processor, wholesaler, carrier… The shop itself is not a step. A chain visits a place once (no loop).
 */
export const supplyChainSteps = pgTable(
	'supply_chain_steps',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		productId: uuid('product_id')
			.notNull()
			.references(() => products.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		role: text('role').notNull(),
		name: text('name').notNull(),
		place: text('place').notNull().default(''),
		latitude: doublePrecision('latitude'),
		longitude: doublePrecision('longitude'),
		producerId: uuid('producer_id').references(() => producers.id, { onDelete: 'set null' })
	},
	(t) => [
		uniqueIndex('supply_chain_steps_position').on(t.productId, t.position),
		check('supply_chain_steps_role', sql`${t.role} in ('producer', 'processor', 'wholesaler', 'carrier', 'cooperative')`),
		check('supply_chain_steps_lat', sql`${t.latitude} is null or ${t.latitude} between -90 and 90`),
		check('supply_chain_steps_lng', sql`${t.longitude} is null or ${t.longitude} between -180 and 180`)
	]
);

/** A shop's product bought from a producer selling on the platform: its origin data follows the source. */
export const productSources = pgTable(
	'product_sources',
	{
		productId: uuid('product_id')
			.primaryKey()
			.references(() => products.id, { onDelete: 'cascade' }),
		sourceProductId: uuid('source_product_id')
			.notNull()
			.references(() => products.id, { onDelete: 'cascade' })
	},
	(t) => [
		index('product_sources_source').on(t.sourceProductId),
		check('product_sources_not_self', sql`${t.productId} <> ${t.sourceProductId}`)
	]
);
