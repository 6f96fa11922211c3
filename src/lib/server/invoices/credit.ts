import { z } from 'zod';
import { and, asc, eq } from 'drizzle-orm';
import { auditLog, invoices, orders } from '../db/schema/index.ts';
import type { InvoiceLine } from '../db/schema/index.ts';
import type { Db } from '../db/client.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import { ConflictError, InvalidInputError, NotFoundError, type FieldErrors } from '../errors.ts';
import { isUuid } from '../catalog/queries.ts';
import { parseInput } from '../http/validate.ts';
import { t, type Locale } from '../i18n.ts';
import { roundHalfAwayFromZero, vatOfTotal } from '../money/vat.ts';
import { queueEmail } from '../notifications/outbox.ts';
import { creditNoteLink, orderLink } from '../checkout/emails.ts';
import { orderAccessToken } from '../checkout/order-token.ts';
import { euros } from '../../format.ts';
import { chargesVat, displayNumber, nextNumber, totalsOf, type InvoiceRow } from './issue.ts';

// Credit notes (avoirs): the merchant gives back part or all of an invoiced order (a refund, an
// item removed after the sale). A credit note never exceeds what was invoiced minus what was
// already credited, line by line: the invoice row is locked while checking and issuing, so two
// concurrent credit notes on one order queue and the second sees the first. Each has its own
// gap-free sequence per shop, like invoices.

export const REASON_MAX = 500;
/** Quantities are counted in thousandths (weighed goods have up to 3 decimals). */
const THOUSANDTHS = 1000;

const quantity = (locale: Locale) =>
	z.union([z.number(), z.string()]).transform((v, ctx) => {
		const text = typeof v === 'number' ? String(v) : v.trim().replace(',', '.');
		if (text === '') return 0;
		const n = Number(text);
		if (!Number.isFinite(n) || !/^-?\d+(\.\d{1,3})?$/.test(text.replace(/e.*$/i, ''))) {
			ctx.addIssue({ code: 'custom', message: t('invoices_error_quantity_invalid', locale) });
			return z.NEVER;
		}
		if (n < 0) {
			ctx.addIssue({ code: 'custom', message: t('invoices_error_quantity_negative', locale) });
			return z.NEVER;
		}
		return Math.round(n * THOUSANDTHS);
	});

/** What a merchant asks: some quantities per invoice line (by its key), or everything left; always a reason. */
export function creditInput(locale: Locale) {
	return z.object({
		reason: z
			.string({ error: t('invoices_error_reason_required', locale) })
			.trim()
			.min(1, t('invoices_error_reason_required', locale))
			.max(REASON_MAX, t('invoices_error_reason_long', locale)),
		all: z
			.union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('')])
			.optional()
			.transform((v) => v === true || v === 'on' || v === 'true'),
		lines: z
			.record(z.string().max(100), quantity(locale))
			.optional()
			.default({})
			.refine((r) => Object.keys(r).length <= 1000),
		/** The form's one-time token: the same token twice issues one credit note. */
		requestKey: z.string().trim().min(8).max(100).optional()
	});
}
export type CreditRequest = z.output<ReturnType<typeof creditInput>>;

/** Turns a posted form (`reason`, `all`, `token`, `q_<line key>` per line) into the input above. */
export function creditFormInput(form: Record<string, string | string[]>) {
	const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
	const lines: Record<string, string> = {};
	for (const [name, value] of Object.entries(form)) if (name.startsWith('q_')) lines[name.slice(2)] = one(value) ?? '';
	return { reason: one(form.reason) ?? '', all: one(form.all) ?? '', requestKey: one(form.token) || undefined, lines };
}

export type CreditContext = { locale: Locale; secret: string; origin: string; emailLocale?: Locale };

type Credited = { quantity: number; totalCents: number; vatCents: number };

/** What is left to credit on each line of an invoice, given its credit notes so far (quantities in thousandths). */
export function remainingOf(invoice: Pick<InvoiceRow, 'lines'>, notes: Pick<InvoiceRow, 'lines'>[]) {
	const done = new Map<string, Credited>();
	for (const note of notes)
		for (const l of note.lines) {
			const d = done.get(l.key) ?? { quantity: 0, totalCents: 0, vatCents: 0 };
			d.quantity += Math.round(l.quantity * THOUSANDTHS);
			d.totalCents += l.totalCents;
			d.vatCents += l.vatCents;
			done.set(l.key, d);
		}
	return invoice.lines.map((line) => {
		const d = done.get(line.key) ?? { quantity: 0, totalCents: 0, vatCents: 0 };
		const invoiced = Math.round(line.quantity * THOUSANDTHS);
		return { line, invoiced, credited: d, remaining: Math.max(0, invoiced - d.quantity) };
	});
}

/**
 * The amount of `q` more thousandths of a line: the share of the line's total up to the new
 * cumulative quantity, minus what was credited before — so crediting a line in parts adds up to
 * its total exactly, and its VAT to the invoiced VAT once it is fully credited.
 */
function creditLine(r: ReturnType<typeof remainingOf>[number], q: number): InvoiceLine {
	const { line, invoiced, credited } = r;
	const after = credited.quantity + q;
	const full = after >= invoiced;
	const upTo = full ? line.totalCents : roundHalfAwayFromZero((line.totalCents * after) / invoiced);
	const totalCents = Math.min(line.totalCents - credited.totalCents, Math.max(0, upTo - credited.totalCents));
	const vatCents = full ? line.vatCents - credited.vatCents : vatOfTotal(totalCents, line.vatRateBps).vat;
	return { ...line, quantity: q / THOUSANDTHS, totalCents, vatCents, totalExclCents: totalCents - vatCents };
}

export type CreditNoteResult = { creditNote: InvoiceRow; replayed: boolean };

/**
 * Issues a credit note on an order of the scope's shop, inside the caller's transaction (or its
 * own). Another shop's order, or an unknown one, is "not found"; an order without invoice (not
 * completed) or already fully credited is a 409; quantities beyond what is left are field errors.
 */
export async function issueCreditNote(
	db: Db,
	scope: ShopScope,
	orderId: string,
	input: unknown,
	ctx: CreditContext
): Promise<CreditNoteResult> {
	const request = parseInput(creditInput(ctx.locale), input, ctx.locale);
	if (!isUuid(orderId)) throw new NotFoundError('order');
	return db.transaction(async (tx) => {
		// Locks the invoice: concurrent credit notes on this order run one after the other.
		const [invoice] = await tx
			.select()
			.from(invoices)
			.where(and(eq(invoices.orderId, orderId), eq(invoices.shopId, scope.shopId), eq(invoices.kind, 'invoice')))
			.for('update');
		if (!invoice) {
			const [order] = await tx
				.select({ id: orders.id })
				.from(orders)
				.where(and(eq(orders.id, orderId), eq(orders.shopId, scope.shopId)));
			if (!order) throw new NotFoundError('order');
			throw new ConflictError('invoices_error_no_invoice');
		}
		if (request.requestKey) {
			const [replay] = await tx
				.select()
				.from(invoices)
				.where(and(eq(invoices.shopId, scope.shopId), eq(invoices.requestKey, request.requestKey)));
			if (replay) {
				if (replay.creditsInvoiceId !== invoice.id) throw new ConflictError('invoices_error_token_used');
				return { creditNote: replay, replayed: true };
			}
		}
		const notes = await tx
			.select()
			.from(invoices)
			.where(and(eq(invoices.creditsInvoiceId, invoice.id), eq(invoices.kind, 'credit_note')))
			.orderBy(asc(invoices.number));
		const remaining = remainingOf(invoice, notes);
		const lines = pickLines(remaining, request, ctx.locale);
		const withVat = chargesVat(invoice.seller);
		const now = new Date();
		const number = await nextNumber(tx, scope.shopId, 'credit_note');
		const [creditNote] = await tx
			.insert(invoices)
			.values({
				territoryId: invoice.territoryId,
				shopId: scope.shopId,
				orderId,
				kind: 'credit_note',
				number,
				creditsInvoiceId: invoice.id,
				issuedAt: now,
				soldAt: invoice.soldAt,
				seller: invoice.seller,
				customer: invoice.customer,
				lines,
				...totalsOf(lines, withVat),
				reason: request.reason,
				requestKey: request.requestKey ?? null,
				createdBy: scope.userId
			})
			.returning();
		await tx.insert(auditLog).values({
			territoryId: scope.territoryId,
			shopId: scope.shopId,
			actorUserId: scope.userId,
			action: 'invoice.credit_note',
			data: { orderId, creditNoteId: creditNote.id, number: displayNumber(creditNote), totalCents: creditNote.totalCents }
		});
		await queueCreditEmail(tx, orderId, creditNote, displayNumber(invoice), ctx);
		return { creditNote, replayed: false };
	});
}

/** The credit note's lines for a request, given what is left on each invoice line; field errors otherwise. */
export function pickLines(remaining: ReturnType<typeof remainingOf>, request: CreditRequest, locale: Locale): InvoiceLine[] {
	if (request.all) {
		const lines = remaining.filter((r) => r.remaining > 0).map((r) => creditLine(r, r.remaining));
		if (!lines.length) throw new ConflictError('invoices_error_fully_credited');
		return lines;
	}
	const errors: FieldErrors = {};
	const byKey = new Map(remaining.map((r) => [r.line.key, r]));
	const lines: InvoiceLine[] = [];
	for (const [key, q] of Object.entries(request.lines)) {
		const r = byKey.get(key);
		if (!r) {
			if (q > 0) errors[`lines.${key}`] = [t('invoices_error_line_unknown', locale)];
			continue;
		}
		if (q === 0) continue;
		if (q > r.remaining) {
			errors[`lines.${key}`] = [
				r.remaining === 0
					? t('invoices_error_line_fully_credited', locale)
					: t('invoices_error_more_than_invoiced', locale, { remaining: formatQuantity(r.remaining / THOUSANDTHS, locale) })
			];
			continue;
		}
		lines.push(creditLine(r, q));
	}
	if (Object.keys(errors).length) throw new InvalidInputError(errors);
	if (!lines.length) {
		if (remaining.every((r) => r.remaining === 0)) throw new ConflictError('invoices_error_fully_credited');
		throw new InvalidInputError({ lines: [t('invoices_error_nothing_to_credit', locale)] });
	}
	// Invoice order, whatever order the form posted them in.
	const order = new Map(remaining.map((r, i) => [r.line.key, i]));
	return lines.sort((a, b) => order.get(a.key)! - order.get(b.key)!);
}

const formatQuantity = (q: number, locale: Locale) =>
	new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 3 }).format(q);

async function queueCreditEmail(tx: Db, orderId: string, note: InvoiceRow, invoiceNumber: string, ctx: CreditContext) {
	if (!note.customer.email) return;
	const [order] = await tx.select({ number: orders.number, territoryId: orders.territoryId }).from(orders).where(eq(orders.id, orderId));
	const l = ctx.emailLocale ?? 'fr';
	const token = orderAccessToken(ctx.secret, orderId);
	const params = {
		number: order.number,
		shop: note.seller.shopName,
		credit: displayNumber(note),
		invoice: invoiceNumber,
		amount: euros(note.totalCents, l)
	};
	const text = [
		t('email_order_hello', l, { name: note.customer.name }),
		'',
		t('invoices_email_credit_body', l, params),
		t('invoices_email_credit_reason', l, { reason: note.reason ?? '' }),
		'',
		// The credit note itself, by the same link as the order page's (the order's secret opens it).
		t('invoices_email_credit_pdf', l, { credit: params.credit }),
		creditNoteLink(ctx.origin, orderId, params.credit, token),
		'',
		t('invoices_email_credit_link', l),
		orderLink(ctx.origin, orderId, token),
		'',
		t('email_signature', l)
	].join('\n');
	await queueEmail(tx, {
		to: note.customer.email,
		subject: t('invoices_email_credit_subject', l, params),
		text,
		kind: 'credit_note',
		territoryId: order.territoryId
	});
}
