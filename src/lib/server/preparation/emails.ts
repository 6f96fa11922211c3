import type { Db } from '../db/client.ts';
import type { orderLines } from '../db/schema/index.ts';
import { queueEmail } from '../notifications/outbox.ts';
import { t } from '../i18n.ts';
import { loadOrder } from '../checkout/orders.ts';
import { orderLink } from '../checkout/emails.ts';
import { orderAccessToken } from '../checkout/order-token.ts';
import { reachableByEmail, type StatusEmailContext } from '../orders/emails.ts';
import { euros } from '../../format.ts';
import { quantityLabel } from './format.ts';

type Line = typeof orderLines.$inferSelect;
export type PreparationEmail =
	| { kind: 'item_unavailable'; line: Line; totalCents: number }
	| {
			kind: 'substitution_proposed';
			line: Line;
			substitute: { productName: string; variantName: string; quantity: number; unit: string; totalCents: number };
	  };

/**
 * Tells the customer, in the adjustment's transaction (a rolled-back change sends nothing): an
 * item is unavailable (with the new total), or a substitute waits for their answer on the order
 * page (the link in the email opens it without an account).
 */
export async function queuePreparationEmail(tx: Db, orderId: string, email: PreparationEmail, ctx: StatusEmailContext): Promise<void> {
	const order = await loadOrder(tx, orderId);
	if (!reachableByEmail(order.customerEmail)) return;
	const l = ctx.emailLocale ?? 'fr';
	const params = { number: order.number, shop: order.shop.name };
	const item = `${quantityLabel(email.line.weighedQuantity ?? email.line.quantity, email.line.unit, l)} ${email.line.productName} (${email.line.variantName})`;
	const body: string[] = [];
	if (email.kind === 'item_unavailable') {
		body.push(
			t('prep_email_unavailable_body', l, { ...params, item }),
			'',
			t('prep_email_new_total', l, { total: euros(email.totalCents, l) })
		);
	} else {
		const s = email.substitute;
		const substitute = `${quantityLabel(s.quantity, s.unit, l)} ${s.productName} (${s.variantName}) — ${euros(s.totalCents, l)}`;
		body.push(t('prep_email_substitution_body', l, { ...params, item, substitute }), '', t('prep_email_substitution_answer', l));
	}
	const text = [
		t('email_order_hello', l, { name: order.customerName }),
		'',
		...body,
		'',
		t('orders_email_link', l),
		orderLink(ctx.origin, order.id, orderAccessToken(ctx.secret, order.id)),
		'',
		t('email_signature', l)
	].join('\n');
	await queueEmail(tx, {
		to: order.customerEmail,
		subject: t(email.kind === 'item_unavailable' ? 'prep_email_unavailable_subject' : 'prep_email_substitution_subject', l, params),
		text,
		kind: email.kind,
		territoryId: order.territoryId,
		// One email per line and kind: a replayed or retried adjustment queues nothing more.
		dedupeKey: `order:${order.id}:${email.kind}:${email.line.id}`
	});
}
