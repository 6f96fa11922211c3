import {
	pgTable,
	text,
	timestamp,
	boolean,
	integer,
	uuid,
	doublePrecision,
	jsonb,
	pgEnum,
	uniqueIndex,
	unique,
	index,
	check
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { user } from './auth.ts';

export const territories = pgTable(
	'territories',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull().unique(),
		name: text('name').notNull(),
		/** Host name that resolves to this territory; null for the default territory. */
		host: text('host').unique(),
		isDefault: boolean('is_default').notNull().default(false),
		timezone: text('timezone').notNull().default('Europe/Paris'),
		tagline: text('tagline'),
		primaryColor: text('primary_color').notNull().default('#1f6f50'),
		latitude: doublePrecision('latitude'),
		longitude: doublePrecision('longitude'),
		/** Platform commission in basis points (1 % = 100). */
		commissionBps: integer('commission_bps').notNull().default(0),
		autoApproveShops: boolean('auto_approve_shops').notNull().default(false),
		/** Legal pages as Markdown text: legal notice, terms of sale, privacy. */
		legal: jsonb('legal').$type<{ notice?: string; terms?: string; privacy?: string }>().notNull().default({}),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('territories_one_default')
			.on(t.isDefault)
			.where(sql`${t.isDefault}`)
	]
);

export const roleEnum = pgEnum('role', ['shop_staff', 'shop_owner', 'operator', 'platform_admin']);

/**
 * Who may do what where. A consumer has no membership. `shop_staff`/`shop_owner` carry a shop,
 * `operator` a territory, `platform_admin` neither.
 */
export const memberships = pgTable(
	'memberships',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		role: roleEnum('role').notNull(),
		territoryId: uuid('territory_id').references(() => territories.id, { onDelete: 'cascade' }),
		shopId: uuid('shop_id'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique('memberships_unique').on(t.userId, t.role, t.territoryId, t.shopId).nullsNotDistinct(),
		index('memberships_shop_idx').on(t.shopId),
		check(
			'memberships_scope',
			sql`(${t.role} in ('shop_staff','shop_owner') and ${t.shopId} is not null and ${t.territoryId} is not null)
			or (${t.role} = 'operator' and ${t.shopId} is null and ${t.territoryId} is not null)
			or (${t.role} = 'platform_admin' and ${t.shopId} is null and ${t.territoryId} is null)`
		)
	]
);

export const categories = pgTable(
	'categories',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		territoryId: uuid('territory_id')
			.notNull()
			.references(() => territories.id, { onDelete: 'cascade' }),
		slug: text('slug').notNull(),
		name: text('name').notNull(),
		position: integer('position').notNull().default(0)
	},
	(t) => [uniqueIndex('categories_slug').on(t.territoryId, t.slug)]
);

/** Every back-office action that changes something, for accountability (SPEC §3.13). */
export const auditLog = pgTable(
	'audit_log',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		territoryId: uuid('territory_id').references(() => territories.id, { onDelete: 'cascade' }),
		shopId: uuid('shop_id'),
		actorUserId: text('actor_user_id'),
		action: text('action').notNull(),
		data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('audit_log_territory_idx').on(t.territoryId, t.createdAt)]
);
