import { z } from 'zod';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import { invoices, orders, shops } from '../db/schema/index.ts';
import type { Db } from '../db/client.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import { NotFoundError } from '../errors.ts';
import { isUuid } from '../catalog/queries.ts';
import { tokenMatches } from '../checkout/order-token.ts';
import { displayNumber, INVOICE_TIMEZONE, sellerOf, parseDisplayNumber, type InvoiceKind, type InvoiceRow } from './issue.ts';
import { remainingOf } from './credit.ts';

// Reading invoices and credit notes: for the merchant (scoped to their shop), for the customer
// (with the secret of their order link), and the monthly list and export for the accountant.

/** A document with what its PDF needs besides the snapshot: the order's number and payment method, and the invoice a credit note credits. */
export type InvoiceDocument = InvoiceRow & { orderNumber: number; paymentMethod: string; creditsNumber: string | null };

async function documentWhere(db: Db, where: ReturnType<typeof and>): Promise<InvoiceDocument | null> {
	const [row] = await db
		.select({ doc: invoices, orderNumber: orders.number, paymentMethod: orders.paymentMethod })
		.from(invoices)
		.innerJoin(orders, eq(orders.id, invoices.orderId))
		.where(where);
	if (!row) return null;
	let creditsNumber: string | null = null;
	if (row.doc.creditsInvoiceId) {
		const [credited] = await db.select().from(invoices).where(eq(invoices.id, row.doc.creditsInvoiceId));
		creditsNumber = credited ? displayNumber(credited) : null;
	}
	return { ...row.doc, orderNumber: row.orderNumber, paymentMethod: row.paymentMethod, creditsNumber };
}

function documentFilter(orderId: string, kind: InvoiceKind, number: string | null) {
	if (!isUuid(orderId)) return null;
	const where = [eq(invoices.orderId, orderId), eq(invoices.kind, kind)];
	if (kind === 'credit_note') {
		const n = parseDisplayNumber(number ?? '', 'credit_note');
		if (n === null) return null;
		where.push(eq(invoices.number, n));
	}
	return where;
}

/** A full number in the URL (`AV2026-000003`) must be the document's own, year included. */
const sameNumber = (doc: InvoiceRow, asked: string | null) =>
	!asked || /^\d+$/.test(asked.trim()) || displayNumber(doc) === asked.trim().toUpperCase();

/** The invoice (number null) or one credit note of an order of the merchant's shop; anything else is "not found". */
export async function merchantDocument(db: Db, scope: ShopScope, orderId: string, kind: InvoiceKind, number: string | null = null) {
	const where = documentFilter(orderId, kind, number);
	const doc = where && (await documentWhere(db, and(...where, eq(invoices.shopId, scope.shopId))));
	if (!doc || !sameNumber(doc, number)) throw new NotFoundError('invoice');
	return doc;
}

/** The same for the customer, who proves access with the secret of their order link. */
export async function customerDocument(
	db: Db,
	orderId: string,
	token: string,
	kind: InvoiceKind,
	number: string | null = null,
	territoryId?: string
) {
	const where = documentFilter(orderId, kind, number);
	if (!where || !token) throw new NotFoundError('invoice');
	const [order] = await db
		.select({ hash: orders.accessTokenHash, territoryId: orders.territoryId })
		.from(orders)
		.where(eq(orders.id, orderId));
	if (!order || !tokenMatches(token, order.hash) || (territoryId && order.territoryId !== territoryId)) throw new NotFoundError('invoice');
	const doc = await documentWhere(db, and(...where));
	if (!doc || !sameNumber(doc, number)) throw new NotFoundError('invoice');
	return doc;
}

export type DocumentSummary = { number: string; kind: InvoiceKind; issuedAt: Date; totalCents: number; reason: string | null };

const summary = (d: InvoiceRow): DocumentSummary => ({
	number: displayNumber(d),
	kind: d.kind,
	issuedAt: d.issuedAt,
	totalCents: d.totalCents,
	reason: d.reason
});

/** An order's invoice, its credit notes, and what is left to credit per line (for the credit-note form). */
export async function orderDocuments(db: Db, orderId: string) {
	if (!isUuid(orderId)) return { invoice: null, creditNotes: [], remaining: [] };
	const docs = await db.select().from(invoices).where(eq(invoices.orderId, orderId)).orderBy(asc(invoices.kind), asc(invoices.number));
	const invoice = docs.find((d) => d.kind === 'invoice') ?? null;
	const notes = docs.filter((d) => d.kind === 'credit_note');
	return {
		invoice: invoice && summary(invoice),
		creditNotes: notes.map(summary),
		remaining: invoice
			? remainingOf(invoice, notes).map((r) => ({
					key: r.line.key,
					description: r.line.description,
					unit: r.line.unit,
					quantity: r.line.quantity,
					totalCents: r.line.totalCents,
					remaining: r.remaining / 1000,
					creditedCents: r.credited.totalCents
				}))
			: []
	};
}

/** `?mois=2026-11`; anything else is the current month (Paris time). */
export const MonthFilter = z.object({
	mois: z
		.string()
		.regex(/^\d{4}-(0[1-9]|1[0-2])$/)
		.catch(() => new Intl.DateTimeFormat('en-CA', { timeZone: INVOICE_TIMEZONE, year: 'numeric', month: '2-digit' }).format(new Date()))
});

/** The shop's invoices and credit notes issued in a month (Paris time), newest first. */
export async function monthDocuments(db: Db, scope: ShopScope, month: string) {
	const start = sql`(${`${month}-01`}::date)::timestamp at time zone ${INVOICE_TIMEZONE}`;
	const end = sql`((${`${month}-01`}::date + interval '1 month')::date)::timestamp at time zone ${INVOICE_TIMEZONE}`;
	const rows = await db
		.select({
			doc: invoices,
			orderNumber: orders.number,
			credited: sql<number | null>`(select c.number from invoices c where c.id = ${invoices.creditsInvoiceId})`
		})
		.from(invoices)
		.innerJoin(orders, eq(orders.id, invoices.orderId))
		.where(and(eq(invoices.shopId, scope.shopId), sql`${invoices.issuedAt} >= ${start}`, sql`${invoices.issuedAt} < ${end}`))
		.orderBy(desc(invoices.issuedAt), desc(invoices.number))
		.limit(5000);
	return rows.map((r) => ({
		id: r.doc.id,
		orderId: r.doc.orderId,
		orderNumber: r.orderNumber,
		kind: r.doc.kind,
		number: displayNumber(r.doc),
		issuedAt: r.doc.issuedAt,
		soldAt: r.doc.soldAt,
		customerName: r.doc.customer.name,
		reason: r.doc.reason,
		vat: r.doc.vat,
		totalExclCents: r.doc.totalExclCents,
		totalVatCents: r.doc.totalVatCents,
		totalCents: r.doc.totalCents,
		// An invoice is issued when the sale is made: its issue date is the credit note's sale date.
		credits:
			r.doc.creditsInvoiceId && r.credited !== null ? displayNumber({ kind: 'invoice', number: r.credited, issuedAt: r.doc.soldAt }) : null
	}));
}
export type MonthDocument = Awaited<ReturnType<typeof monthDocuments>>[number];

/** "12,50", "-3,00": French decimals, for spreadsheets opened in French. */
const decimal = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');
/** A customer name typed as `=HYPERLINK(…)` must stay text in a spreadsheet. */
const cell = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
const day = (d: Date) => new Intl.DateTimeFormat('fr-FR', { timeZone: INVOICE_TIMEZONE, dateStyle: 'short' }).format(d);

/**
 * The accountant's export: one row per document and VAT rate, credit notes negative, `;`
 * separated with a BOM so French Excel opens it as UTF-8.
 */
export function documentsCsv(docs: MonthDocument[]): string {
	const rows = docs.flatMap((d) => {
		const sign = d.kind === 'credit_note' ? -1 : 1;
		const common = [
			d.kind === 'invoice' ? 'Facture' : 'Avoir',
			d.number,
			day(d.issuedAt),
			day(d.soldAt),
			String(d.orderNumber),
			d.credits ?? '',
			cell(d.customerName)
		];
		const rates = d.vat.length
			? d.vat
			: [{ rateBps: null, baseCents: d.totalExclCents, vatCents: d.totalVatCents, totalCents: d.totalCents }];
		return rates.map((r) => [
			...common,
			r.rateBps === null ? 'non applicable' : (r.rateBps / 100).toString().replace('.', ','),
			decimal(sign * r.baseCents),
			decimal(sign * r.vatCents),
			decimal(sign * r.totalCents)
		]);
	});
	return stringify(rows, {
		bom: true,
		delimiter: ';',
		header: true,
		columns: [
			'Type',
			'Numéro',
			'Date d’émission',
			'Date de vente',
			'Commande',
			'Facture d’origine',
			'Client',
			'Taux TVA (%)',
			'Base HT',
			'TVA',
			'TTC'
		],
		record_delimiter: 'windows'
	});
}

/** The seller as the next invoice would name them. */
export async function sellerIdentity(db: Db, scope: ShopScope) {
	const [shop] = await db.select().from(shops).where(eq(shops.id, scope.shopId));
	if (!shop) throw new NotFoundError('shop');
	return sellerOf(shop);
}
