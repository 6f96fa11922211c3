/**
 * The one VAT and line-total rule (French retail: prices include VAT).
 *
 * - A line total is the unit price (cents, incl. VAT) × quantity, rounded half away from zero
 *   to the cent — quantities may be fractional for weighed goods.
 * - A line's VAT is computed from its total: vat = total − round(total / (1 + rate)). The amount
 *   excluding VAT is total − vat, so excl. + VAT = incl. exactly, on every line.
 * - An order's VAT per rate is the sum of its lines' VAT at that rate (no re-rounding).
 */
export type VatRateBps = 210 | 550 | 1000 | 2000;
export const vatRates: readonly VatRateBps[] = [210, 550, 1000, 2000];

export function roundHalfAwayFromZero(value: number): number {
	return Math.sign(value) * Math.round(Math.abs(value) + Number.EPSILON * Math.abs(value));
}

export function lineTotalCents(unitPriceCents: number, quantity: number): number {
	// Quantities have at most 3 decimals: work in thousandths to avoid binary-float surprises.
	const thousandths = Math.round(quantity * 1000);
	return roundHalfAwayFromZero((unitPriceCents * thousandths) / 1000);
}

export function vatOfTotal(totalCents: number, rateBps: number): { excl: number; vat: number } {
	const excl = roundHalfAwayFromZero((totalCents * 10_000) / (10_000 + rateBps));
	return { excl, vat: totalCents - excl };
}

export type VatLine = { totalCents: number; vatRateBps: number };

/** VAT subtotals per rate for a set of lines, in ascending rate order. */
export function vatBreakdown(lines: VatLine[]): { rateBps: number; baseCents: number; vatCents: number; totalCents: number }[] {
	const byRate = new Map<number, { baseCents: number; vatCents: number; totalCents: number }>();
	for (const line of lines) {
		const { excl, vat } = vatOfTotal(line.totalCents, line.vatRateBps);
		const acc = byRate.get(line.vatRateBps) ?? { baseCents: 0, vatCents: 0, totalCents: 0 };
		acc.baseCents += excl;
		acc.vatCents += vat;
		acc.totalCents += line.totalCents;
		byRate.set(line.vatRateBps, acc);
	}
	return [...byRate.entries()].sort(([a], [b]) => a - b).map(([rateBps, v]) => ({ rateBps, ...v }));
}

/**
 * A seller without a VAT number is under the VAT franchise (franchise en base, art. 293 B du CGI):
 * it charges no VAT, and its invoices and order pages show none. The one place for that rule.
 */
export const chargesVat = (seller: { vatNumber: string | null }) => !!seller.vatNumber?.trim();

/** The mention a seller under the franchise must print instead of VAT amounts (in French on legal documents). */
export const VAT_FRANCHISE_MENTION = 'TVA non applicable, art. 293 B du CGI';
