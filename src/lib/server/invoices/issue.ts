import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { invoices, invoiceCounters, orders, orderLines, shops } from '../db/schema/index.ts';
import type { InvoiceCustomer, InvoiceLine, InvoiceSeller, InvoiceVatRow } from '../db/schema/index.ts';
import type { Db } from '../db/client.ts';
import { NotFoundError } from '../errors.ts';
import { chargesVat, vatOfTotal } from '../money/vat.ts';
import { reachableByEmail } from '../orders/emails.ts';

// Invoices: one per completed order, issued in the transaction that completes it, numbered from
// the shop's counter row (no gap, no duplicate: the number is rolled back with everything else).
// The document is a snapshot (seller, customer, lines, totals) so that a reprint years later says
// exactly what was issued, whatever changed in the shop or the catalogue since.

export type InvoiceKind = 'invoice' | 'credit_note';
export type InvoiceRow = typeof invoices.$inferSelect;

/** Invoices follow French law: the documents are in French and dated in France. */
export const INVOICE_TIMEZONE = 'Europe/Paris';

const PREFIX: Record<InvoiceKind, string> = { invoice: 'F', credit_note: 'AV' };

/** F2026-000042 / AV2026-000003: the year of issue (Paris time) and the shop's sequence number. */
export function displayNumber(doc: { kind: InvoiceKind; number: number; issuedAt: Date }): string {
	const year = new Intl.DateTimeFormat('en', { timeZone: INVOICE_TIMEZONE, year: 'numeric' }).format(doc.issuedAt);
	return `${PREFIX[doc.kind]}${year}-${String(doc.number).padStart(6, '0')}`;
}

/** The sequence number in `F2026-000042`, `AV2026-000003` or `42`; null for anything else. */
export function parseDisplayNumber(text: string, kind: InvoiceKind): number | null {
	const match = new RegExp(`^(?:${PREFIX[kind]}\\d{4}-)?(\\d{1,9})$`, 'i').exec(text.trim());
	const n = match ? Number(match[1]) : NaN;
	return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/**
 * The next number of the shop's sequence. The upsert locks the counter row until the caller's
 * transaction ends: concurrent issuers queue there, and a rollback gives the number back.
 * Call it last, just before the insert, so the lock is held as briefly as possible.
 */
export async function nextNumber(tx: Db, shopId: string, kind: InvoiceKind): Promise<number> {
	const [row] = await tx
		.insert(invoiceCounters)
		.values({ shopId, kind, lastNumber: 1 })
		.onConflictDoUpdate({
			target: [invoiceCounters.shopId, invoiceCounters.kind],
			set: { lastNumber: sql`${invoiceCounters.lastNumber} + 1` }
		})
		.returning({ n: invoiceCounters.lastNumber });
	return row.n;
}

type ShopIdentity = typeof shops.$inferSelect;

export function sellerOf(shop: ShopIdentity): InvoiceSeller {
	return {
		legalName: shop.legalName?.trim() || shop.name,
		shopName: shop.name,
		address: shop.address,
		postcode: shop.postcode,
		city: shop.city,
		siret: shop.siret?.trim() || null,
		vatNumber: shop.vatNumber?.trim() || null,
		email: shop.email?.trim() || null,
		phone: shop.phone?.trim() || null
	};
}

/** The franchise rule lives in money/vat.ts; re-exported for the invoice modules. */
export { chargesVat };

type BilledLine = {
	id: string;
	productName: string;
	variantName: string;
	unit: string;
	quantity: number;
	weighedQuantity: number | null;
	unitPriceCents: number;
	vatRateBps: number;
	totalCents: number;
};

function line(
	key: string,
	description: string,
	unit: string,
	quantity: number,
	unitPriceCents: number,
	rateBps: number,
	totalCents: number
): InvoiceLine {
	const { excl, vat } = vatOfTotal(totalCents, rateBps);
	return {
		key,
		description,
		unit,
		quantity,
		unitPriceCents,
		unitPriceExclCents: vatOfTotal(unitPriceCents, rateBps).excl,
		vatRateBps: rateBps,
		totalExclCents: excl,
		vatCents: vat,
		totalCents
	};
}

/**
 * The delivery fee is an accessory of the goods: it bears their VAT rate, and with several rates
 * it is split in proportion to the goods at each rate (largest remainders, so the shares add up
 * to the fee exactly). Without goods, the standard rate.
 */
export function splitDeliveryFee(
	feeCents: number,
	goods: { vatRateBps: number; totalCents: number }[]
): { rateBps: number; cents: number }[] {
	if (feeCents <= 0) return [];
	const byRate = new Map<number, number>();
	for (const g of goods) byRate.set(g.vatRateBps, (byRate.get(g.vatRateBps) ?? 0) + g.totalCents);
	const total = [...byRate.values()].reduce((a, b) => a + b, 0);
	if (total <= 0) return [{ rateBps: 2000, cents: feeCents }];
	const shares = [...byRate.entries()]
		.sort(([a], [b]) => a - b)
		.map(([rateBps, cents]) => {
			const exact = (feeCents * cents) / total;
			return { rateBps, cents: Math.floor(exact), rest: exact - Math.floor(exact) };
		});
	let left = feeCents - shares.reduce((a, s) => a + s.cents, 0);
	for (const s of [...shares].sort((a, b) => b.rest - a.rest || a.rateBps - b.rateBps)) {
		if (left <= 0) break;
		s.cents += 1;
		left -= 1;
	}
	return shares.filter((s) => s.cents > 0).map(({ rateBps, cents }) => ({ rateBps, cents }));
}

/** The invoice's lines: the order lines not removed (weighed quantity when weighed), then the delivery fee. */
export function invoiceLines(lines: BilledLine[], deliveryFeeCents: number, withVat: boolean): InvoiceLine[] {
	const rate = (bps: number) => (withVat ? bps : 0);
	const goods = lines.map((l) =>
		line(
			l.id,
			l.variantName ? `${l.productName} — ${l.variantName}` : l.productName,
			l.unit,
			l.weighedQuantity ?? l.quantity,
			l.unitPriceCents,
			rate(l.vatRateBps),
			l.totalCents
		)
	);
	const delivery = splitDeliveryFee(
		deliveryFeeCents,
		lines.map((l) => ({ vatRateBps: rate(l.vatRateBps), totalCents: l.totalCents }))
	).map((s) => line(`delivery-${s.rateBps}`, 'Frais de livraison', 'service', 1, s.cents, withVat ? s.rateBps : 0, s.cents));
	return [...goods, ...delivery];
}

/** Totals and VAT per rate of a set of document lines (each line already holds excl. + VAT = incl.). */
export function totalsOf(lines: InvoiceLine[], withVat: boolean) {
	const byRate = new Map<number, InvoiceVatRow>();
	for (const l of lines) {
		const row = byRate.get(l.vatRateBps) ?? { rateBps: l.vatRateBps, baseCents: 0, vatCents: 0, totalCents: 0 };
		row.baseCents += l.totalExclCents;
		row.vatCents += l.vatCents;
		row.totalCents += l.totalCents;
		byRate.set(l.vatRateBps, row);
	}
	const sum = (f: (l: InvoiceLine) => number) => lines.reduce((a, l) => a + f(l), 0);
	return {
		vat: withVat ? [...byRate.values()].sort((a, b) => a.rateBps - b.rateBps) : [],
		totalExclCents: sum((l) => l.totalExclCents),
		totalVatCents: sum((l) => l.vatCents),
		totalCents: sum((l) => l.totalCents)
	};
}

export function customerOf(order: {
	customerName: string;
	customerEmail: string;
	deliveryAddress: typeof orders.$inferSelect.deliveryAddress;
}): InvoiceCustomer {
	const a = order.deliveryAddress;
	return {
		name: order.customerName,
		email: reachableByEmail(order.customerEmail) ? order.customerEmail : null,
		address: a ? [a.line1, a.line2, `${a.postcode} ${a.city}`].filter(Boolean).join(', ') : null
	};
}

/**
 * Issues the invoice of a completed order, inside the caller's transaction (the one that moves the
 * order to `completed`). Idempotent: an order already invoiced returns its invoice.
 */
export async function issueInvoice(tx: Db, orderId: string): Promise<InvoiceRow> {
	const [existing] = await tx
		.select()
		.from(invoices)
		.where(and(eq(invoices.orderId, orderId), eq(invoices.kind, 'invoice')));
	if (existing) return existing;
	const [row] = await tx
		.select({ order: orders, shop: shops })
		.from(orders)
		.innerJoin(shops, eq(shops.id, orders.shopId))
		.where(eq(orders.id, orderId));
	if (!row) throw new NotFoundError('order');
	const { order, shop } = row;
	const active = await tx
		.select()
		.from(orderLines)
		.where(and(eq(orderLines.orderId, orderId), isNull(orderLines.removedAt)))
		.orderBy(asc(orderLines.productName), asc(orderLines.id));
	const seller = sellerOf(shop);
	const withVat = chargesVat(seller);
	const lines = invoiceLines(active, order.deliveryFeeCents, withVat);
	const now = new Date();
	const number = await nextNumber(tx, order.shopId, 'invoice');
	const [invoice] = await tx
		.insert(invoices)
		.values({
			territoryId: order.territoryId,
			shopId: order.shopId,
			orderId,
			kind: 'invoice',
			number,
			issuedAt: now,
			soldAt: now,
			seller,
			customer: customerOf(order),
			lines,
			...totalsOf(lines, withVat)
		})
		.returning();
	return invoice;
}
