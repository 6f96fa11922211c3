import { t, type Locale } from '../i18n.ts';
import { euros } from '../../format.ts';
import { customerCreditNotePath, customerInvoicePath, customerOrderPath } from '../../order-links.ts';
import type { CustomerOrder } from './orders.ts';

/** The customer's links in emails: the order page's own links (order-links.ts), with the site's origin. */
export const orderLink = (origin: string, orderId: string, accessToken: string) => origin + customerOrderPath(orderId, accessToken);
export const invoiceLink = (origin: string, orderId: string, accessToken: string) => origin + customerInvoicePath(orderId, accessToken);
export const creditNoteLink = (origin: string, orderId: string, creditNumber: string, accessToken: string) =>
	origin + customerCreditNotePath(orderId, creditNumber, accessToken);

type Place = { address: string; postcode: string; city: string };

/** What `handoverText` needs of an order: a loaded `CustomerOrder`, or the data at hand in checkout. */
export type HandoverOf = Pick<CustomerOrder, 'fulfilment' | 'deliveryAddress'> & {
	shop: Place & { name: string };
	slot: { startsAt: Date; endsAt: Date } | null;
	pickupPoint: (Place & { name: string }) | null;
};

// Building an Intl.DateTimeFormat costs far more than formatting with one (1 % of the server's
// busy time in a checkout profile): one pair per language and time zone, kept.
const slotFormats = new Map<string, { start: Intl.DateTimeFormat; end: Intl.DateTimeFormat }>();
function slotFormat(locale: Locale, timeZone: string) {
	const key = `${locale} ${timeZone}`;
	let formats = slotFormats.get(key);
	if (!formats) {
		const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
		formats = {
			start: new Intl.DateTimeFormat(tag, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone }),
			end: new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', timeZone })
		};
		slotFormats.set(key, formats);
	}
	return formats;
}

/** Where and when the customer gets the order, in one sentence. */
export function handoverText(order: HandoverOf, locale: Locale, timezone = 'Europe/Paris'): string {
	const format = order.slot ? slotFormat(locale, timezone) : null;
	const when = order.slot && format ? format.start.format(order.slot.startsAt) + '–' + format.end.format(order.slot.endsAt) : '';
	if (order.fulfilment === 'pickup')
		return t('handover_pickup', locale, {
			shop: order.shop.name,
			address: `${order.shop.address}, ${order.shop.postcode} ${order.shop.city}`,
			when
		});
	if (order.fulfilment === 'pickup_point' && order.pickupPoint) {
		return t('handover_pickup_point', locale, {
			point: order.pickupPoint.name,
			address: `${order.pickupPoint.address}, ${order.pickupPoint.postcode} ${order.pickupPoint.city}`,
			when
		});
	}
	const a = order.deliveryAddress;
	return t('handover_delivery', locale, { address: a ? `${a.line1}, ${a.postcode} ${a.city}` : '', when });
}

/** What the confirmation email says of one order (built from the data at hand, nothing re-read). */
export type ConfirmationOf = HandoverOf & {
	id: string;
	number: number | string;
	customerName: string;
	deliveryFeeCents: number;
	totalCents: number;
	lines: { quantity: number; productName: string; variantName: string; totalCents: number }[];
};

/**
 * The order confirmation email: queued by checkout in its transaction and delivered by the mail
 * job, so SMTP trouble never fails an order. `number` may be a placeholder that the checkout's
 * last statement replaces once the order's number is taken (numbers are taken just before COMMIT).
 */
export function orderConfirmationEmail(
	order: ConfirmationOf,
	args: { accessToken: string; origin: string; locale: Locale; timezone?: string }
): { subject: string; text: string } {
	const l = args.locale;
	const lines = [...order.lines]
		.sort((a, b) => a.productName.localeCompare(b.productName, l))
		.map((line) => `- ${line.quantity} × ${line.productName} (${line.variantName}) : ${euros(line.totalCents, l)}`)
		.join('\n');
	const text = [
		t('email_order_hello', l, { name: order.customerName }),
		'',
		t('email_order_intro', l, { number: order.number, shop: order.shop.name }),
		'',
		lines,
		order.deliveryFeeCents ? t('email_order_delivery_fee', l, { amount: euros(order.deliveryFeeCents, l) }) : '',
		t('email_order_total', l, { amount: euros(order.totalCents, l) }),
		'',
		handoverText(order, l, args.timezone),
		t('email_order_payment_on_site', l),
		'',
		t('email_order_link', l),
		orderLink(args.origin, order.id, args.accessToken),
		'',
		t('email_signature', l)
	]
		.filter((line, i, all) => line !== '' || all[i - 1] !== '')
		.join('\n');
	return { subject: t('email_order_subject', l, { number: order.number, shop: order.shop.name }), text };
}
