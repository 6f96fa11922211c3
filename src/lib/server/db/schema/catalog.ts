import {
	pgTable,
	text,
	timestamp,
	integer,
	uuid,
	doublePrecision,
	numeric,
	pgEnum,
	uniqueIndex,
	index,
	check,
	boolean,
	jsonb
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { territories, categories } from './territories.ts';
import { shops } from './shops.ts';
import { user } from './auth.ts';

/** Producers: a seller on the platform (shopId set) or an external farm/workshop. */
export const producers = pgTable(
	'producers',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		territoryId: uuid('territory_id')
			.notNull()
			.references(() => territories.id, { onDelete: 'cascade' }),
		/** The shop that sells as this producer, or that created (and manages) this external producer. */
		shopId: uuid('shop_id').references(() => shops.id, { onDelete: 'set null' }),
		/** Set when the producer sells on the platform as this shop (then it is no intermediary of its own products). */
		sellerShopId: uuid('seller_shop_id').references(() => shops.id, { onDelete: 'set null' }),
		slug: text('slug').notNull(),
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		methods: text('methods').notNull().default(''),
		address: text('address').notNull().default(''),
		city: text('city').notNull().default(''),
		latitude: doublePrecision('latitude').notNull(),
		longitude: doublePrecision('longitude').notNull(),
		labels: text('labels')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		imageUrl: text('image_url'),
		imageAlt: text('image_alt'),
		/** The producer's story, told by the shop or the producer (plain text, paragraphs). */
		story: text('story').notNull().default(''),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('producers_slug').on(t.territoryId, t.slug),
		check('producers_lat', sql`${t.latitude} between -90 and 90`),
		check('producers_lng', sql`${t.longitude} between -180 and 180`)
	]
);

export const sellingUnitEnum = pgEnum('selling_unit', ['piece', 'kg', 'g', 'l', 'cl', 'bunch', 'dozen', 'box']);
export const productStatusEnum = pgEnum('product_status', ['active', 'archived']);
export const stockModeEnum = pgEnum('stock_mode', ['tracked', 'unlimited', 'on_order']);

export const products = pgTable(
	'products',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		shopId: uuid('shop_id')
			.notNull()
			.references(() => shops.id, { onDelete: 'cascade' }),
		/** Denormalised from the shop so territory-wide listings need no join to filter. */
		territoryId: uuid('territory_id')
			.notNull()
			.references(() => territories.id, { onDelete: 'cascade' }),
		categoryId: uuid('category_id').references(() => categories.id, { onDelete: 'set null' }),
		slug: text('slug').notNull(),
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		ingredients: text('ingredients'),
		unit: sellingUnitEnum('unit').notNull().default('piece'),
		/** VAT in basis points: 550, 1000, 2000 or 210. */
		vatRateBps: integer('vat_rate_bps').notNull(),
		allergens: text('allergens')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		labels: text('labels')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		storage: text('storage'),
		origin: text('origin'),
		ean: text('ean'),
		imageUrl: text('image_url'),
		imageAlt: text('image_alt'),
		/** The uploaded photo behind imageUrl (its responsive sizes), when the merchant uploaded one. */
		imageId: uuid('image_id').references(() => media.id, { onDelete: 'set null' }),
		seasonalMonths: integer('seasonal_months').array(),
		/**
		 * Traceability facts computed by `traceability/` from the producers, chain and shop (never typed):
		 * great-circle km from the origin producer to the shop, and the number of intermediaries between
		 * producer and consumer (the shop counts when it is not the producer). Null = unknown.
		 */
		originKm: doublePrecision('origin_km'),
		intermediaries: integer('intermediaries'),
		soldOutToday: boolean('sold_out_today').notNull().default(false),
		status: productStatusEnum('status').notNull().default('active'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('products_slug').on(t.shopId, t.slug),
		index('products_territory_status').on(t.territoryId, t.status),
		index('products_category').on(t.categoryId),
		index('products_traceability').on(t.territoryId, t.intermediaries, t.originKm),
		check('products_vat', sql`${t.vatRateBps} in (210, 550, 1000, 2000)`)
	]
);

export const variants = pgTable(
	'variants',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		productId: uuid('product_id')
			.notNull()
			.references(() => products.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		sku: text('sku'),
		/** Price incl. VAT for one selling unit of this variant (integer cents). */
		priceCents: integer('price_cents').notNull(),
		/** Net content of one unit, for the unit price (€/kg, €/L): e.g. 0.5 with netUnit 'kg'. */
		netQuantity: numeric('net_quantity', { precision: 10, scale: 3, mode: 'number' }),
		netUnit: text('net_unit'),
		stockMode: stockModeEnum('stock_mode').notNull().default('tracked'),
		/** Units on hand when tracked (fractional for weighed goods); changed only with a stock movement. */
		stock: numeric('stock', { precision: 12, scale: 3, mode: 'number' }).notNull().default(0),
		leadDays: integer('lead_days'),
		position: integer('position').notNull().default(0),
		archived: boolean('archived').notNull().default(false)
	},
	(t) => [
		index('variants_product').on(t.productId),
		check('variants_price', sql`${t.priceCents} >= 0`),
		check('variants_stock', sql`${t.stock} >= 0`),
		check('variants_net_unit', sql`${t.netUnit} is null or ${t.netUnit} in ('kg', 'l')`)
	]
);

/**
 * An uploaded image, validated by content, stripped of EXIF and stored as WebP in several widths
 * under `<storageKey>-<width>.webp` (local disk or S3-compatible storage).
 */
export const media = pgTable(
	'media',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		shopId: uuid('shop_id')
			.notNull()
			.references(() => shops.id, { onDelete: 'cascade' }),
		storageKey: text('storage_key').notNull().unique(),
		/** Widths stored, ascending (e.g. 320, 640, 1280; never wider than the original). */
		widths: integer('widths').array().notNull(),
		width: integer('width').notNull(),
		height: integer('height').notNull(),
		bytes: integer('bytes').notNull(),
		alt: text('alt').notNull().default(''),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('media_shop').on(t.shopId)]
);

/**
 * A catalogue import: the parsed rows kept between the dry run and the merchant's confirmation,
 * so the file is read once and the import applies exactly what was checked.
 */
export const catalogImports = pgTable(
	'catalog_imports',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		shopId: uuid('shop_id')
			.notNull()
			.references(() => shops.id, { onDelete: 'cascade' }),
		userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
		filename: text('filename').notNull(),
		rows: jsonb('rows').$type<Record<string, unknown>[]>().notNull(),
		problems: jsonb('problems').$type<{ line: number; column: string; message: string }[]>().notNull().default([]),
		status: text('status').notNull().default('checked'),
		summary: jsonb('summary').$type<Record<string, number>>().notNull().default({}),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		appliedAt: timestamp('applied_at', { withTimezone: true })
	},
	(t) => [
		index('catalog_imports_shop').on(t.shopId, t.createdAt),
		check('catalog_imports_status', sql`${t.status} in ('checked', 'applied', 'failed')`)
	]
);

/** The stock ledger: a variant's stock is the sum of its movements. */
export const stockMovements = pgTable(
	'stock_movements',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		variantId: uuid('variant_id')
			.notNull()
			.references(() => variants.id, { onDelete: 'cascade' }),
		shopId: uuid('shop_id')
			.notNull()
			.references(() => shops.id, { onDelete: 'cascade' }),
		delta: numeric('delta', { precision: 12, scale: 3, mode: 'number' }).notNull(),
		reason: text('reason').notNull(),
		orderId: uuid('order_id'),
		actorUserId: text('actor_user_id').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('stock_movements_variant').on(t.variantId, t.createdAt)]
);
