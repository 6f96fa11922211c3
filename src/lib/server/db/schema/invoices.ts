import {
	type AnyPgColumn,
	pgTable,
	text,
	timestamp,
	integer,
	uuid,
	pgEnum,
	uniqueIndex,
	index,
	check,
	jsonb,
	primaryKey
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { territories } from './territories.ts';
import { shops } from './shops.ts';
import { orders } from './orders.ts';

export const invoiceKindEnum = pgEnum('invoice_kind', ['invoice', 'credit_note']);

/** The seller as the document names them, frozen at issue (a later change of address does not rewrite old invoices). */
export type InvoiceSeller = {
	legalName: string;
	shopName: string;
	address: string;
	postcode: string;
	city: string;
	siret: string | null;
	vatNumber: string | null;
	email: string | null;
	phone: string | null;
};

export type InvoiceCustomer = { name: string; email: string | null; address: string | null };

/**
 * One line of a document, frozen at issue. `key` names what it bills: an order line's id, or
 * `delivery-<rate>` for the delivery fee's share at that VAT rate. Amounts in cents; a credit
 * note's amounts are positive (what is given back).
 */
export type InvoiceLine = {
	key: string;
	description: string;
	unit: string;
	quantity: number;
	unitPriceCents: number;
	unitPriceExclCents: number;
	vatRateBps: number;
	totalExclCents: number;
	vatCents: number;
	totalCents: number;
};

export type InvoiceVatRow = { rateBps: number; baseCents: number; vatCents: number; totalCents: number };

/** Per shop and kind, the last number given: taken by an upsert inside the issuing transaction (no gap, no duplicate). */
export const invoiceCounters = pgTable(
	'invoice_counters',
	{
		shopId: uuid('shop_id')
			.notNull()
			.references(() => shops.id, { onDelete: 'cascade' }),
		kind: invoiceKindEnum('kind').notNull(),
		lastNumber: integer('last_number').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.shopId, t.kind] })]
);

/** Invoices and credit notes (avoirs): snapshots, never updated once issued. */
export const invoices = pgTable(
	'invoices',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		territoryId: uuid('territory_id')
			.notNull()
			.references(() => territories.id, { onDelete: 'cascade' }),
		shopId: uuid('shop_id')
			.notNull()
			.references(() => shops.id, { onDelete: 'cascade' }),
		orderId: uuid('order_id')
			.notNull()
			.references(() => orders.id, { onDelete: 'no action' }),
		kind: invoiceKindEnum('kind').notNull(),
		/** The sequence number per shop and kind (1, 2, 3…); shown as F2026-000001 / AV2026-000001. */
		number: integer('number').notNull(),
		/** For a credit note, the invoice it credits. */
		creditsInvoiceId: uuid('credits_invoice_id').references((): AnyPgColumn => invoices.id, { onDelete: 'no action' }),
		issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
		/** Date of the sale (the goods handed over): the completion of the order. */
		soldAt: timestamp('sold_at', { withTimezone: true }).notNull(),
		seller: jsonb('seller').$type<InvoiceSeller>().notNull(),
		customer: jsonb('customer').$type<InvoiceCustomer>().notNull(),
		lines: jsonb('lines').$type<InvoiceLine[]>().notNull(),
		vat: jsonb('vat').$type<InvoiceVatRow[]>().notNull(),
		totalExclCents: integer('total_excl_cents').notNull(),
		totalVatCents: integer('total_vat_cents').notNull(),
		totalCents: integer('total_cents').notNull(),
		/** Credit note: why (refund, item removed…). */
		reason: text('reason'),
		/** Credit note: the form token of the request, so a replayed post issues nothing new. */
		requestKey: text('request_key'),
		createdBy: text('created_by')
	},
	(t) => [
		uniqueIndex('invoices_shop_kind_number').on(t.shopId, t.kind, t.number),
		uniqueIndex('invoices_order_invoice')
			.on(t.orderId)
			.where(sql`${t.kind} = 'invoice'`),
		uniqueIndex('invoices_request_key').on(t.shopId, t.requestKey),
		index('invoices_shop_issued').on(t.shopId, t.issuedAt),
		index('invoices_credits').on(t.creditsInvoiceId),
		check('invoices_totals', sql`${t.totalExclCents} + ${t.totalVatCents} = ${t.totalCents} and ${t.totalCents} >= 0 and ${t.number} > 0`),
		check('invoices_credit_link', sql`(${t.kind} = 'credit_note') = (${t.creditsInvoiceId} is not null)`)
	]
);
