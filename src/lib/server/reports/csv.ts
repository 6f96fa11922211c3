import { stringify } from 'csv-stringify/sync';
import { t, type Locale } from '../i18n.ts';
import type { Amounts, SalesReport } from './sales.ts';

// The reports as files for an accountant, one per view, like the catalogue export: `;` separator,
// UTF-8 with a BOM (French Excel reads accents right), CRLF, decimal commas ("12,50"), dates
// dd/mm/yyyy. Amounts are plain numbers (no "€"), so a spreadsheet can add them up.

export type ReportView = 'ventes' | 'produits' | 'tva';
export const REPORT_VIEWS: readonly ReportView[] = ['ventes', 'produits', 'tva'];

/** 1250 → "12,50"; -5 → "-0,05". */
export const frCents = (cents: number) => {
	const sign = cents < 0 ? '-' : '';
	const abs = Math.abs(cents);
	return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
};
/** 2.5 → "2,5" (quantities and VAT rates). */
export const frDecimal = (n: number) => String(Math.round(n * 1000) / 1000).replace('.', ',');
/** "2026-10-25" → "25/10/2026". */
export const frDate = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

const amounts = (a: Amounts) => [frCents(a.exclCents), frCents(a.vatCents), frCents(a.totalCents)];

function csv(rows: (string | number)[][]): Uint8Array {
	return new TextEncoder().encode(stringify(rows, { delimiter: ';', record_delimiter: '\r\n', bom: true }));
}

/** Column headers come from the reports' messages, in the merchant's language. */
export function reportCsv(report: SalesReport, view: ReportView, locale: Locale): Uint8Array {
	const h = (key: string) => t(`reports_csv_${key}`, locale);
	const money = [h('excl'), h('vat'), h('incl')];
	const total = t('reports_total', locale);
	if (view === 'ventes')
		return csv([
			[h('start'), h('end'), h('orders'), ...money],
			...report.buckets.map((b) => [frDate(b.start), frDate(b.end), b.orders, ...amounts(b)]),
			[total, '', report.totals.orders, ...amounts(report.totals)]
		]);
	if (view === 'produits')
		return csv([
			[h('product'), h('unit'), h('quantity'), ...money],
			...report.products.map((p) => [p.product, t(`unit_${p.unit}`, locale), frDecimal(p.quantity), ...amounts(p)]),
			[total, '', '', ...amounts(report.totals)]
		]);
	return csv([
		[h('rate'), ...money],
		...report.rates.map((r) => [frDecimal(r.rateBps / 100), ...amounts(r)]),
		[total, ...amounts(report.totals)]
	]);
}

export const reportFileName = (view: ReportView, report: SalesReport) => `${view}-${report.period.from}_${report.period.to}`;
