import { createPdf, mm } from '../pdf/document.ts';
import { t, type Locale } from '../i18n.ts';
import { quantityLabel } from './format.ts';
import type { PickingList } from './picking.ts';

// The printable picking list (A4): the totals to pick, then one block per order with a box to
// tick per line. Standard Helvetica (WinAnsi): narrow no-break spaces from Intl become spaces.

const clean = (s: string) => s.replace(/[\u202f\u2009]/g, ' ');

export async function pickingPdf(list: PickingList, o: { shopName: string; locale: Locale; timezone: string }): Promise<Buffer> {
	const { locale, timezone } = o;
	const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
	const dayText = new Intl.DateTimeFormat(tag, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${list.day}T12:00:00Z`));
	const time = new Intl.DateTimeFormat(tag, { timeStyle: 'short', timeZone: timezone });
	const slotText = (s: { slotStartsAt: Date | null; slotEndsAt: Date | null }) =>
		s.slotStartsAt && s.slotEndsAt ? `${time.format(s.slotStartsAt)}–${time.format(s.slotEndsAt)}` : t('prep_no_slot', locale);
	const chosenSlot = list.slotId ? list.slots.find((s) => s.id === list.slotId) : null;
	const title = t('prep_pdf_title', locale, { day: dayText });
	const { doc, finish } = createPdf({ title: clean(`${title} — ${o.shopName}`) });
	const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
	const left = doc.page.margins.left;

	doc.font('Helvetica-Bold').fontSize(16).text(clean(title));
	doc.font('Helvetica').fontSize(10).fillColor('#444');
	doc.text(
		clean(
			o.shopName +
				(chosenSlot ? ` — ${t('prep_slot', locale)} ${slotText({ slotStartsAt: chosenSlot.startsAt, slotEndsAt: chosenSlot.endsAt })}` : '')
		)
	);
	doc.text(clean(t('prep_pdf_count', locale, { count: list.orders.length })));
	doc.fillColor('black').moveDown();

	if (!list.orders.length) {
		doc.fontSize(12).text(clean(t('prep_empty_title', locale)));
		return finish();
	}

	doc
		.font('Helvetica-Bold')
		.fontSize(13)
		.text(clean(t('prep_totals_title', locale)));
	doc.moveDown(0.3).font('Helvetica').fontSize(11);
	for (const total of list.totals) {
		const y = doc.y;
		doc.font('Helvetica-Bold').text(clean(quantityLabel(total.quantity, total.unit, locale)), left, y, { width: mm(30) });
		const after = doc.y;
		doc.font('Helvetica').text(clean(`${total.productName} (${total.variantName})`), left + mm(32), y, { width: width - mm(32) });
		doc.y = Math.max(after, doc.y) + 2;
	}
	doc.moveDown();

	doc
		.font('Helvetica-Bold')
		.fontSize(13)
		.text(clean(t('prep_orders_title', locale)), left);
	for (const order of list.orders) {
		if (doc.y > doc.page.height - doc.page.margins.bottom - mm(35)) doc.addPage();
		doc.moveDown(0.5);
		const where = order.pickupPointName ? ` — ${order.pickupPointName}` : '';
		doc
			.font('Helvetica-Bold')
			.fontSize(12)
			.text(clean(`${t('prep_order_number', locale, { number: order.number })} — ${order.customerName}`), left);
		doc
			.font('Helvetica')
			.fontSize(10)
			.text(clean(`${slotText(order)}${where} — ${order.customerPhone}`), left);
		doc.fontSize(11);
		for (const line of order.lines) {
			const y = doc.y + 2;
			doc.rect(left, y + 1, 9, 9).stroke();
			const qty = quantityLabel(line.weighedQuantity ?? line.quantity, line.unit, locale);
			const weighed = line.weighedQuantity !== null ? ` (${t('prep_weighed', locale)})` : '';
			const pending = line.pendingSubstitution ? ` — ${t('prep_substitution_waiting', locale)}` : '';
			doc.text(clean(`${qty} ${line.productName} (${line.variantName})${weighed}${pending}`), left + 16, y, { width: width - 16 });
		}
	}
	return finish();
}
