import type { Db } from '../db/client.ts';
import { queueEmail, orderEmailKey } from '../notifications/outbox.ts';
import { t, type Locale } from '../i18n.ts';
import { loadOrder } from '../checkout/orders.ts';
import { handoverText, invoiceLink, orderLink } from '../checkout/emails.ts';
import { orderAccessToken } from '../checkout/order-token.ts';
import type { OrderStatus } from './transitions.ts';

export type StatusEmailContext = {
	/** Platform secret: the link in the email is the customer's order link, usable without an account. */
	secret: string;
	/** Public URL, for that link. */
	origin: string;
	/** The territory's time zone, for the pickup time. */
	timezone?: string;
	/**
	 * The customer's language. The order does not record it, so French (the territory's language)
	 * unless a caller knows better.
	 */
	emailLocale?: Locale;
};

/**
 * Customers recorded by the merchant without an email (assisted orders) get an address in this
 * reserved domain (RFC 2606: `.invalid` never resolves); nothing is ever queued to it.
 */
export const NO_EMAIL_DOMAIN = 'sans-email.invalid';
export const reachableByEmail = (address: string) => !address.endsWith(`@${NO_EMAIL_DOMAIN}`);

/** The states the customer hears about from the merchant, and the outbox kind of each email. */
const KINDS: Partial<Record<OrderStatus, string>> = {
	accepted: 'order_accepted',
	ready: 'order_ready',
	completed: 'order_completed',
	cancelled: 'order_cancelled',
	refused: 'order_refused'
};

export const statusEmailKind = (to: OrderStatus) => KINDS[to] ?? null;

/** Emails about an order that are not a state change: the morning reminder of the pickup day. */
export type OrderEmail = OrderStatus | 'reminder';

/**
 * Queued in the transition's transaction (so a rolled-back change sends nothing, and a failing
 * SMTP server never fails the change): accepted, ready (with where and when to collect),
 * completed (with the link to download the invoice issued in that same transaction), cancelled
 * or refused (with the merchant's reason), or the morning reminder. Each at most once per order:
 * dedupe key `order:<id>:<kind>`. `byCustomer`: the customer cancelled it themselves.
 * `invoiceNumber`: the completed order's invoice (`F2026-000042`).
 */
export async function queueStatusEmail(
	tx: Db,
	orderId: string,
	to: OrderEmail,
	reason: string | null,
	ctx: StatusEmailContext & { byCustomer?: boolean; invoiceNumber?: string }
): Promise<void> {
	const kind = to === 'reminder' ? 'order_reminder' : statusEmailKind(to);
	if (!kind) return;
	const order = await loadOrder(tx, orderId);
	if (!reachableByEmail(order.customerEmail)) return;
	const l = ctx.emailLocale ?? 'fr';
	const params = { number: order.number, shop: order.shop.name };
	const token = orderAccessToken(ctx.secret, order.id);
	const body: string[] = [];
	const handover = () => handoverText(order, l, ctx.timezone);
	if (to === 'accepted') body.push(t('orders_email_accepted_body', l, params), '', handover());
	if (to === 'ready') body.push(t('orders_email_ready_body', l, params), '', handover());
	if (to === 'reminder') body.push(t('notify_email_reminder_body', l, params), '', handover());
	if (to === 'completed') {
		body.push(t('orders_email_completed_body', l, params));
		// The same link as the order page's "Facture … (PDF)": the order's secret opens it, no account needed.
		if (ctx.invoiceNumber)
			body.push('', t('orders_email_invoice_link', l, { invoice: ctx.invoiceNumber }), invoiceLink(ctx.origin, order.id, token));
	}
	if (to === 'cancelled' && ctx.byCustomer) body.push(t('notify_email_customer_cancelled_body', l, params));
	else if (to === 'cancelled')
		body.push(t('orders_email_cancelled_body', l, params), t('orders_email_reason', l, { reason: reason ?? '' }));
	if (to === 'refused') body.push(t('orders_email_refused_body', l, params), t('orders_email_reason', l, { reason: reason ?? '' }));
	if (to === 'cancelled' || to === 'refused') body.push('', t('orders_email_nothing_to_pay', l));
	const text = [
		t('email_order_hello', l, { name: order.customerName }),
		'',
		...body,
		'',
		t('orders_email_link', l),
		orderLink(ctx.origin, order.id, token),
		'',
		t('email_signature', l)
	].join('\n');
	await queueEmail(tx, {
		to: order.customerEmail,
		subject: to === 'reminder' ? t('notify_email_reminder_subject', l, params) : t(`orders_email_${to}_subject`, l, params),
		text,
		kind,
		territoryId: order.territoryId,
		dedupeKey: orderEmailKey(order.id, to)
	});
}
