import { createPdf, mm, A4 } from '../pdf/document.ts';
import { VAT_FRANCHISE_MENTION } from '../money/vat.ts';
import type { InvoiceLine } from '../db/schema/index.ts';
import { chargesVat, displayNumber, INVOICE_TIMEZONE } from './issue.ts';
import type { InvoiceDocument } from './queries.ts';

// The printed invoice or credit note, drawn from the stored snapshot only: a reprint says exactly
// what was issued. In French (the language of invoices in France), A4, Helvetica.

export const FRANCHISE_MENTION = VAT_FRANCHISE_MENTION;

/** 1 234,50 € — plain spaces: the PDF's standard fonts have no narrow no-break space. */
export function money(cents: number): string {
	const sign = cents < 0 ? '-' : '';
	const abs = Math.abs(cents);
	const units = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
	return `${sign}${units},${String(abs % 100).padStart(2, '0')} €`;
}

const rate = (bps: number) => `${String(bps / 100).replace('.', ',')} %`;
const UNITS: Record<string, string> = { kg: 'kg', g: 'g', l: 'l', cl: 'cl', bunch: 'botte', dozen: 'douzaine', box: 'boîte' };
const quantity = (q: number, unit: string) => {
	const n = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 3, useGrouping: false }).format(q);
	return UNITS[unit] ? `${n} ${UNITS[unit]}` : n;
};
export const day = (d: Date) => new Intl.DateTimeFormat('fr-FR', { timeZone: INVOICE_TIMEZONE, dateStyle: 'long' }).format(d);
const PAYMENT: Record<string, string> = { on_site: 'sur place, au retrait ou à la livraison' };

const MARGIN = mm(15);
const WIDTH = A4.width - 2 * MARGIN;
const GREY = '#555555';
const LINE = '#bbbbbb';

type Column = { title: string; width: number; align: 'left' | 'right'; value: (l: InvoiceLine) => string };

export async function invoicePdf(doc: InvoiceDocument): Promise<Buffer> {
	const credit = doc.kind === 'credit_note';
	const number = displayNumber(doc);
	const title = credit ? 'Avoir' : 'Facture';
	const withVat = chargesVat(doc.seller);
	const pdf = createPdf({ title: `${title} ${number}`, author: doc.seller.legalName, margin: MARGIN });
	const p = pdf.doc;
	const s = doc.seller;

	// Seller (left) and document (right).
	const top = MARGIN;
	p.font('Helvetica-Bold')
		.fontSize(13)
		.text(s.legalName, MARGIN, top, { width: WIDTH * 0.55 });
	p.font('Helvetica').fontSize(9).fillColor(GREY);
	const sellerLines = [
		s.shopName !== s.legalName ? s.shopName : null,
		s.address,
		`${s.postcode} ${s.city}`.trim(),
		s.siret ? `SIRET : ${s.siret}` : 'SIRET : non renseigné',
		s.vatNumber ? `N° TVA intracommunautaire : ${s.vatNumber}` : FRANCHISE_MENTION,
		s.phone ? `Tél. : ${s.phone}` : null,
		s.email ? `E-mail : ${s.email}` : null
	].filter((x): x is string => !!x);
	for (const l of sellerLines) p.text(l, { width: WIDTH * 0.55 });
	const sellerBottom = p.y;

	const rightX = MARGIN + WIDTH * 0.58;
	const rightW = WIDTH * 0.42;
	p.fillColor('black').font('Helvetica-Bold').fontSize(18).text(title.toUpperCase(), rightX, top, { width: rightW, align: 'right' });
	p.font('Helvetica').fontSize(9.5);
	const meta = [
		`N° ${number}`,
		`Date d’émission : ${day(doc.issuedAt)}`,
		`Date de la vente : ${day(doc.soldAt)}`,
		`Commande n° ${doc.orderNumber}`,
		credit && doc.creditsNumber ? `Avoir sur la facture ${doc.creditsNumber}` : null
	].filter((x): x is string => !!x);
	for (const l of meta) p.text(l, rightX, p.y, { width: rightW, align: 'right' });

	// Customer.
	let y = Math.max(sellerBottom, p.y) + mm(8);
	const c = doc.customer;
	const boxX = MARGIN + WIDTH * 0.5;
	const customerLines = [c.address, c.email].filter((x): x is string => !!x);
	p.font('Helvetica')
		.fontSize(8.5)
		.fillColor(GREY)
		.text('Client', boxX + mm(3), y + mm(2.5), { width: WIDTH * 0.5 - mm(6) });
	p.font('Helvetica-Bold')
		.fontSize(10.5)
		.fillColor('black')
		.text(c.name, { width: WIDTH * 0.5 - mm(6) });
	p.font('Helvetica').fontSize(9);
	for (const l of customerLines) p.text(l, { width: WIDTH * 0.5 - mm(6) });
	const boxBottom = p.y + mm(2.5);
	p.rect(boxX, y, WIDTH * 0.5, boxBottom - y)
		.strokeColor(LINE)
		.lineWidth(0.7)
		.stroke();
	y = boxBottom + mm(6);

	if (credit && doc.reason) {
		p.font('Helvetica-Bold')
			.fontSize(9.5)
			.text('Motif : ', MARGIN, y, { continued: true })
			.font('Helvetica')
			.text(doc.reason, { width: WIDTH });
		y = p.y + mm(4);
	}

	// Lines.
	const columns: Column[] = [
		{ title: 'Désignation', width: 0, align: 'left', value: (l) => l.description },
		{ title: 'Qté', width: 50, align: 'right', value: (l) => quantity(l.quantity, l.unit) },
		{ title: 'PU HT', width: 58, align: 'right', value: (l) => money(l.unitPriceExclCents) },
		{ title: 'PU TTC', width: 58, align: 'right', value: (l) => money(l.unitPriceCents) },
		{ title: 'TVA', width: 40, align: 'right', value: (l) => (withVat ? rate(l.vatRateBps) : '—') },
		{ title: 'Total HT', width: 62, align: 'right', value: (l) => money(l.totalExclCents) },
		{ title: 'Total TTC', width: 62, align: 'right', value: (l) => money(l.totalCents) }
	];
	columns[0].width = WIDTH - columns.slice(1).reduce((a, col) => a + col.width, 0);
	const pad = 3;
	const bottom = A4.height - MARGIN - mm(12);

	const header = () => {
		p.rect(MARGIN, y, WIDTH, 18).fill('#eeeeee');
		p.fillColor('black').font('Helvetica-Bold').fontSize(8.5);
		let x = MARGIN;
		for (const col of columns) {
			p.text(col.title, x + pad, y + 5, { width: col.width - 2 * pad, align: col.align, lineBreak: false });
			x += col.width;
		}
		y += 18;
	};
	header();
	p.font('Helvetica').fontSize(9);
	for (const l of doc.lines) {
		const height = Math.max(p.heightOfString(l.description, { width: columns[0].width - 2 * pad }), 11) + 8;
		if (y + height > bottom) {
			p.addPage();
			y = MARGIN;
			header();
			p.font('Helvetica').fontSize(9);
		}
		let x = MARGIN;
		for (const col of columns) {
			p.fillColor('black').text(col.value(l), x + pad, y + 4, { width: col.width - 2 * pad, align: col.align });
			x += col.width;
		}
		y += height;
		p.moveTo(MARGIN, y)
			.lineTo(MARGIN + WIDTH, y)
			.strokeColor(LINE)
			.lineWidth(0.5)
			.stroke();
	}

	// VAT per rate (left) and totals (right).
	const blockHeight = 20 + 14 * Math.max(doc.vat.length + 1, 4) + 40;
	if (y + mm(6) + blockHeight > bottom) {
		p.addPage();
		y = MARGIN;
	}
	y += mm(6);
	const blockTop = y;
	if (withVat) {
		const vatCols = [
			{ title: 'Taux TVA', width: 55 },
			{ title: 'Base HT', width: 65 },
			{ title: 'TVA', width: 60 },
			{ title: 'Total TTC', width: 65 }
		];
		let x = MARGIN;
		p.font('Helvetica-Bold').fontSize(8.5);
		for (const col of vatCols) {
			p.text(col.title, x, y, { width: col.width - pad, align: 'right' });
			x += col.width;
		}
		y += 14;
		p.font('Helvetica').fontSize(9);
		for (const row of doc.vat) {
			x = MARGIN;
			for (const [i, value] of [rate(row.rateBps), money(row.baseCents), money(row.vatCents), money(row.totalCents)].entries()) {
				p.text(value, x, y, { width: vatCols[i].width - pad, align: 'right' });
				x += vatCols[i].width;
			}
			y += 14;
		}
	} else {
		p.font('Helvetica-Bold')
			.fontSize(9.5)
			.text(FRANCHISE_MENTION, MARGIN, y, { width: WIDTH * 0.5 });
		y = p.y;
	}

	const totalsX = MARGIN + WIDTH * 0.55;
	const totalsW = WIDTH * 0.45;
	let ty = blockTop;
	const total = (label: string, value: string, bold = false) => {
		p.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(bold ? 11 : 9.5);
		p.text(label, totalsX, ty, { width: totalsW * 0.6 });
		p.text(value, totalsX + totalsW * 0.6, ty, { width: totalsW * 0.4, align: 'right' });
		ty += bold ? 18 : 15;
	};
	total('Total HT', money(doc.totalExclCents));
	total('Total TVA', money(doc.totalVatCents));
	p.moveTo(totalsX, ty - 2)
		.lineTo(totalsX + totalsW, ty - 2)
		.strokeColor('black')
		.lineWidth(0.7)
		.stroke();
	ty += 3;
	total(credit ? 'Total de l’avoir TTC' : 'Total TTC', money(doc.totalCents), true);
	y = Math.max(y, ty) + mm(8);

	p.font('Helvetica').fontSize(8.5).fillColor(GREY);
	const notes = [
		credit
			? `Cet avoir annule, à hauteur de son montant, la facture ${doc.creditsNumber ?? ''} : la somme est remboursée au client ou déduite de son prochain achat.`
			: `Paiement : ${PAYMENT[doc.paymentMethod] ?? doc.paymentMethod}. Prix en euros.`,
		'Document établi à partir des données enregistrées lors de son émission.'
	];
	for (const n of notes) {
		p.text(n, MARGIN, y, { width: WIDTH });
		y = p.y + 2;
	}

	// Footer on every page: who issued it, the number, the page.
	const range = p.bufferedPageRange();
	for (let i = range.start; i < range.start + range.count; i++) {
		p.switchToPage(i);
		const bottomMargin = p.page.margins.bottom;
		p.page.margins.bottom = 0;
		p.font('Helvetica')
			.fontSize(7.5)
			.fillColor(GREY)
			.text(`${s.legalName} — ${title} ${number} — page ${i - range.start + 1}/${range.count}`, MARGIN, A4.height - MARGIN - 8, {
				width: WIDTH,
				align: 'center',
				lineBreak: false
			});
		p.page.margins.bottom = bottomMargin;
	}
	return pdf.finish();
}

export const pdfFilename = (doc: InvoiceDocument) => `${doc.kind === 'invoice' ? 'facture' : 'avoir'}-${displayNumber(doc)}.pdf`;
