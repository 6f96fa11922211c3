import type { Db } from '../db/client.ts';
import { queueEmail } from '../notifications/outbox.ts';
import { t, type Locale } from '../i18n.ts';
import { euros } from '../../format.ts';
import { loadOrder, type CustomerOrder } from './orders.ts';

export const orderLink = (origin: string, orderId: string, accessToken: string) => `${origin}/commandes/${orderId}?t=${accessToken}`;

/** Where and when the customer gets the order, in one sentence. */
export function handoverText(order: CustomerOrder, locale: Locale, timezone = 'Europe/Paris'): string {
	const when = order.slot
		? new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
				weekday: 'long',
				day: 'numeric',
				month: 'long',
				hour: '2-digit',
				minute: '2-digit',
				timeZone: timezone
			}).format(order.slot.startsAt) +
			'–' +
			new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { hour: '2-digit', minute: '2-digit', timeZone: timezone }).format(
				order.slot.endsAt
			)
		: '';
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

/** Queued in the checkout transaction; delivered by the mail job, so SMTP trouble never fails an order. */
export async function queueOrderConfirmation(
	tx: Db,
	args: { orderId: string; accessToken: string; origin: string; locale: Locale; territoryId: string; timezone?: string }
): Promise<void> {
	const order = await loadOrder(tx, args.orderId);
	const l = args.locale;
	const lines = order.lines
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
	await queueEmail(tx, {
		to: order.customerEmail,
		subject: t('email_order_subject', l, { number: order.number, shop: order.shop.name }),
		text,
		kind: 'order_confirmation',
		territoryId: args.territoryId
	});
}
