/**
 * The displayed unit price (€/kg, €/L) that French law requires next to the selling price, and
 * the formatting of amounts. The one place these are computed: pages, labels and API use it.
 */

export type NetUnit = 'kg' | 'l';
export type UnitPrice = { cents: number; per: NetUnit };

/**
 * Price per kilogram or litre of a variant, in integer cents, rounded half up to the cent.
 * Null when the variant declares no net quantity.
 *
 * Net quantities have at most three decimals (the database column is numeric(10,3)), so the
 * division runs on integers in thousandths: no floating-point error can move the rounding.
 */
export function unitPrice(priceCents: number, netQuantity: number | null, netUnit: NetUnit | null): UnitPrice | null {
	if (netQuantity === null || netUnit === null) return null;
	const thousandths = Math.round(netQuantity * 1000);
	if (!Number.isFinite(thousandths) || thousandths <= 0) return null;
	const numerator = priceCents * 1000;
	const cents = Math.floor((2 * numerator + thousandths) / (2 * thousandths));
	return { cents, per: netUnit };
}

const formatters = {
	fr: new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }),
	en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' })
};

/** "3,20 €" in French, "€3.20" in English. */
export function formatEuros(cents: number, locale: 'fr' | 'en'): string {
	return formatters[locale].format(cents / 100);
}
