import QRCode from 'qrcode';
import { createPdf, mm } from '../pdf/document.ts';
import { formatEuros } from '../catalog/unit-price.ts';
import { t, type Locale } from '../i18n.ts';
import { LAYOUTS, slot, type LayoutId } from './layouts.ts';
import { traceabilityUrl, type LabelData } from './data.ts';

type Doc = PDFKit.PDFDocument;
type Box = { x: number; y: number; w: number; h: number };

const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const GREEN = '#1f6b3a';

/** Official quality marks keep their own short names on a label (they read the same in both languages). */
const SHORT_MARKS: Record<string, string> = {
	ab: 'AB',
	label_rouge: 'Label Rouge',
	aop: 'AOP',
	aoc: 'AOC',
	igp: 'IGP',
	nature_progres: 'Nature & Progrès',
	hve: 'HVE'
};

/**
 * The standard PDF fonts speak WinAnsi: Latin-1 plus a few signs (€, œ, “ ”, …). Anything else
 * (emoji, other scripts) would print as garbage, so it becomes "?"; thin spaces become plain ones.
 */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
export function printable(text: string): string {
	return [...text.normalize('NFC').replace(/[\u2009\u202f]/g, '\u00a0')]
		.map((c) => {
			const code = c.charCodeAt(0);
			if (code < 0x20 || code === 0x7f) return ' ';
			return code <= 0xff || WIN_ANSI_EXTRA.has(c) ? c : '?';
		})
		.join('');
}

/** Cuts `text` to fit `width` at the current font and size, ending with an ellipsis. */
function ellipsize(doc: Doc, text: string, width: number): string {
	if (doc.widthOfString(text) <= width) return text;
	let cut = text;
	while (cut.length && doc.widthOfString(cut.trimEnd() + '…') > width) cut = cut.slice(0, -1);
	return cut.trimEnd() + '…';
}

/** Word-wraps into at most `maxLines`; `fits` is false when something had to be cut. */
function wrap(doc: Doc, text: string, width: number, maxLines: number): { lines: string[]; fits: boolean } {
	const words = text.split(/\s+/).filter(Boolean);
	const lines: string[] = [];
	let current = '';
	for (let i = 0; i < words.length; i++) {
		const tryLine = current ? `${current} ${words[i]}` : words[i];
		if (doc.widthOfString(tryLine) <= width) {
			current = tryLine;
			continue;
		}
		if (current) lines.push(current);
		current = words[i];
		if (lines.length === maxLines) {
			const last = lines.pop()!;
			return { lines: [...lines, ellipsize(doc, `${last} ${words.slice(i).join(' ')}`, width)], fits: false };
		}
	}
	if (current) lines.push(current);
	if (lines.length > maxLines) {
		const kept = lines.slice(0, maxLines);
		kept[maxLines - 1] = ellipsize(doc, `${kept[maxLines - 1]} ${lines.slice(maxLines).join(' ')}`, width);
		return { lines: kept, fits: false };
	}
	const fits = lines.every((l) => doc.widthOfString(l) <= width);
	return { lines: lines.map((l) => ellipsize(doc, l, width)), fits };
}

/**
 * Writes `text` in the box's width from `y`, at the largest size from `max` down to `min` that
 * fits in `maxLines` lines and in the height left; below that, cut with an ellipsis. Returns the
 * y under the text, or `y` unchanged when not even one line fits (nothing drawn).
 */
function fitText(
	doc: Doc,
	text: string,
	box: Box,
	y: number,
	o: { font: string; max: number; min: number; maxLines: number; color?: string }
): number {
	const bottom = box.y + box.h;
	const clean = printable(text).trim();
	if (!clean) return y;
	let size = o.max;
	let result: { lines: string[]; fits: boolean };
	for (;;) {
		doc.font(o.font).fontSize(size);
		const lineCap = Math.max(0, Math.min(o.maxLines, Math.floor((bottom - y) / (size * 1.15))));
		if (lineCap === 0) {
			if (size <= o.min) return y;
			size = Math.max(o.min, size - 0.5);
			continue;
		}
		result = wrap(doc, clean, box.w, lineCap);
		if (result.fits || size <= o.min) break;
		size = Math.max(o.min, size - 0.5);
	}
	doc.fillColor(o.color ?? 'black');
	for (const line of result.lines) {
		doc.text(line, box.x, y, { lineBreak: false });
		y += size * 1.15;
	}
	return y;
}

/** The QR code as vector squares (crisp at any printer resolution), with its 4-module quiet zone. */
function drawQr(doc: Doc, url: string, x: number, y: number, size: number) {
	const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
	const n = qr.modules.size;
	const module = size / (n + 8);
	doc.save().rect(x, y, size, size).fill('white');
	for (let row = 0; row < n; row++) {
		let col = 0;
		while (col < n) {
			if (!qr.modules.get(row, col)) {
				col++;
				continue;
			}
			const from = col;
			while (col < n && qr.modules.get(row, col)) col++;
			// A hair wider than the module so neighbouring squares leave no white seam when rasterised.
			doc.rect(x + (4 + from) * module, y + (4 + row) * module, (col - from) * module + 0.05, module + 0.05);
		}
	}
	doc.fill('black').restore();
}

function drawLabel(doc: Doc, label: LabelData, box: Box, origin: string, locale: Locale) {
	const pad = mm(box.h > mm(50) ? 3.5 : 2.5);
	const inner = { x: box.x + pad, y: box.y + pad, w: box.w - 2 * pad, h: box.h - 2 * pad };
	const big = box.h > mm(50);
	const qrSize = Math.min(inner.h * (big ? 0.8 : 1), box.w * 0.38, mm(big ? 32 : 26));
	drawQr(doc, traceabilityUrl(origin, label.productId, label.lotCode), inner.x + inner.w - qrSize + mm(1), inner.y - mm(1), qrSize);
	const textBox = { x: inner.x, y: inner.y, w: inner.w - qrSize - mm(1), h: inner.h };
	const scale = big ? 1.35 : 1;
	let y = inner.y;
	y = fitText(doc, label.name, textBox, y, { font: BOLD, max: 11 * scale, min: 7, maxLines: 2 });
	y += 1;
	if (label.priceCents !== null) {
		y = fitText(doc, formatEuros(label.priceCents, locale), textBox, y, { font: BOLD, max: 18 * scale, min: 10, maxLines: 1 });
	}
	const detail = [
		label.variantName,
		label.unitPrice
			? t('labels_unit_price', locale, {
					price: formatEuros(label.unitPrice.cents, locale),
					unit: label.unitPrice.per === 'kg' ? 'kg' : 'L'
				})
			: null
	]
		.filter(Boolean)
		.join(' · ');
	y = fitText(doc, detail, textBox, y, { font: REGULAR, max: 7.5 * scale, min: 6, maxLines: 1 });
	const origins = [label.producerName, label.place].filter(Boolean).join(', ');
	y = fitText(doc, origins, textBox, y + 1, { font: REGULAR, max: 7.5 * scale, min: 6, maxLines: 2 });
	const facts = [
		label.originKm !== null
			? t('labels_distance', locale, {
					km: new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 }).format(label.originKm)
				})
			: null,
		...label.labels.map((key) => SHORT_MARKS[key] ?? (key === 'fait_maison' ? t('labels_homemade', locale) : key))
	]
		.filter(Boolean)
		.join(' · ');
	y = fitText(doc, facts, textBox, y, { font: BOLD, max: 7.5 * scale, min: 6, maxLines: 1, color: GREEN });
	const bottom = inner.y + inner.h;
	const lot = label.lotCode ? t('labels_lot', locale, { code: label.lotCode }) : '';
	if (label.shortCircuit) {
		const size = 7 * scale;
		const badgeH = size * 1.6;
		if (y + badgeH <= bottom) {
			doc.font(BOLD).fontSize(size);
			const text = ellipsize(doc, printable(t('labels_short_circuit', locale)), textBox.w - 6);
			const badgeW = doc.widthOfString(text) + 6;
			const top = bottom - badgeH;
			doc.roundedRect(textBox.x, top, badgeW, badgeH, 2).fill(GREEN);
			doc.fillColor('white').text(text, textBox.x + 3, top + (badgeH - size) / 2 + 0.5, { lineBreak: false });
			doc.fillColor('black');
			if (!lot) return;
			doc.font(REGULAR).fontSize(5.5);
			const beside = textBox.w - badgeW - 4;
			// The lot goes beside the badge when it fits there, else on the line above it when free.
			if (doc.widthOfString(printable(lot)) <= beside || y > top - 7.5)
				fitText(doc, lot, { ...textBox, x: textBox.x + badgeW + 4, w: beside }, top + (badgeH - size) / 2, {
					font: REGULAR,
					max: 6.5,
					min: 5.5,
					maxLines: 1
				});
			else fitText(doc, lot, textBox, top - 7.5, { font: REGULAR, max: 6.5, min: 5.5, maxLines: 1 });
			return;
		}
	}
	if (lot) fitText(doc, lot, textBox, Math.max(y, bottom - 8), { font: REGULAR, max: 6.5, min: 5.5, maxLines: 1 });
}

export type SheetInput = { labels: LabelData[]; layout: LayoutId; start: number; origin: string; locale: Locale; shopName: string };

/** The PDF of the label sheets: labels from position `start` (1-based) of the first sheet on. */
export async function renderLabelSheets(input: SheetInput): Promise<Buffer> {
	const layout = LAYOUTS[input.layout];
	const { doc, finish } = createPdf({
		title: `${t('labels_pdf_title', input.locale)} — ${printable(input.shopName)}`,
		author: printable(input.shopName),
		margin: 0
	});
	let page = 0;
	input.labels.forEach((label, index) => {
		const at = slot(layout, input.start, index);
		while (page < at.page) {
			doc.addPage({ size: 'A4', margin: 0 });
			page++;
		}
		const box = { x: mm(at.x), y: mm(at.y), w: mm(layout.width), h: mm(layout.height) };
		if (layout.id === 'shelf') doc.save().lineWidth(0.3).strokeColor('#bbbbbb').rect(box.x, box.y, box.w, box.h).stroke().restore();
		drawLabel(doc, label, box, input.origin, input.locale);
	});
	return finish();
}
