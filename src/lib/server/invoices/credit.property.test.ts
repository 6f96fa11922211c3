import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { InvoiceLine } from '../db/schema/index.ts';
import { InvalidInputError } from '../errors.ts';
import { invoiceLines, totalsOf } from './issue.ts';
import { pickLines, remainingOf } from './credit.ts';

// Whatever partial credit notes a merchant makes, in whatever order: no line is ever credited
// beyond its invoiced quantity or amount, every credit line keeps excl. + VAT = incl., and once
// everything is credited the credit notes add up to the invoice exactly (amounts and VAT).

const orderLine = fc.record({
	unitPriceCents: fc.integer({ min: 1, max: 20_000 }),
	quantity: fc.integer({ min: 1, max: 20_000 }).map((t) => t / 1000),
	vatRateBps: fc.constantFrom(210, 550, 1000, 2000),
	weighed: fc.boolean()
});

describe('credit notes as a model', () => {
	it('never exceed the invoice and add up to it exactly', () => {
		fc.assert(
			fc.property(
				fc.array(orderLine, { minLength: 1, maxLength: 5 }),
				fc.integer({ min: 0, max: 900 }),
				fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 25_000 })), { maxLength: 12 }),
				(lines, fee, attempts) => {
					const billed = lines.map((l, i) => ({
						id: `l${i}`,
						productName: `P${i}`,
						variantName: '',
						unit: l.weighed ? 'kg' : 'piece',
						quantity: l.quantity,
						weighedQuantity: null,
						unitPriceCents: l.unitPriceCents,
						vatRateBps: l.vatRateBps,
						totalCents: Math.round(l.unitPriceCents * l.quantity)
					}));
					const invoiceRows = invoiceLines(billed, fee, true);
					const invoice = { lines: invoiceRows, ...totalsOf(invoiceRows, true) };
					const notes: { lines: InvoiceLine[] }[] = [];
					for (const [index, thousandths] of attempts) {
						const line = invoiceRows[index % invoiceRows.length];
						const remaining = remainingOf(invoice, notes);
						const left = remaining.find((r) => r.line.key === line.key)!.remaining;
						try {
							notes.push({ lines: pickLines(remaining, { reason: 'x', all: false, lines: { [line.key]: thousandths } }, 'fr') });
							expect(thousandths).toBeLessThanOrEqual(left);
						} catch (e) {
							expect(e).toBeInstanceOf(InvalidInputError);
							expect(thousandths).toBeGreaterThan(left);
						}
					}
					if (remainingOf(invoice, notes).some((r) => r.remaining > 0))
						notes.push({ lines: pickLines(remainingOf(invoice, notes), { reason: 'x', all: true, lines: {} }, 'fr') });
					for (const n of notes) for (const l of n.lines) expect(l.totalExclCents + l.vatCents).toBe(l.totalCents);
					for (const l of notes.flatMap((n) => n.lines)) {
						expect(l.totalCents).toBeGreaterThanOrEqual(0);
						expect(l.vatCents).toBeGreaterThanOrEqual(0);
						expect(l.totalExclCents).toBeGreaterThanOrEqual(0);
					}
					const credited = totalsOf(
						notes.flatMap((n) => n.lines),
						true
					);
					expect([credited.totalCents, credited.totalVatCents, credited.totalExclCents]).toEqual([
						invoice.totalCents,
						invoice.totalVatCents,
						invoice.totalExclCents
					]);
					expect(remainingOf(invoice, notes).every((r) => r.remaining === 0)).toBe(true);
				}
			),
			{ numRuns: Number(process.env.PROPERTY_RUNS ?? 300) }
		);
	});
});
