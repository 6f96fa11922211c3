import { error } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import type { Actions, PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { merchantOrder } from '#lib/server/orders/board.ts';
import { reachableByEmail } from '#lib/server/orders/emails.ts';
import { handoverText } from '#lib/server/checkout/emails.ts';
import { NotFoundError } from '#lib/server/errors.ts';
import { t } from '#lib/server/i18n.ts';
import { formFailure } from '#lib/server/http/problem.ts';
import { formToObject } from '#lib/server/http/validate.ts';
import { orderDocuments } from '#lib/server/invoices/queries.ts';
import { creditFormInput, issueCreditNote } from '#lib/server/invoices/credit.ts';
import { displayNumber } from '#lib/server/invoices/issue.ts';

// One order of the merchant's shop with its history. Another shop's order answers 404, exactly
// like an unknown id (its existence is not revealed).
export const load: PageServerLoad = async ({ locals, params }) => {
	const { db } = await appContext();
	const scope = shopScopeOf(locals);
	const timezone = locals.territory!.timezone;
	try {
		const order = await merchantOrder(db, scope, params.id);
		return {
			// Invoice, credit notes, and what is left to credit; the token makes a replayed credit form harmless.
			documents: await orderDocuments(db, order.id),
			creditToken: randomUUID(),
			timezone,
			locale: locals.locale,
			order: {
				id: order.id,
				number: order.number,
				status: order.status,
				createdAt: order.createdAt,
				customerName: order.customerName,
				customerPhone: order.customerPhone,
				customerEmail: reachableByEmail(order.customerEmail) ? order.customerEmail : null,
				handover: handoverText(order, locals.locale, timezone),
				lines: order.lines.map((l) => ({
					id: l.id,
					productName: l.productName,
					variantName: l.variantName,
					unit: l.unit,
					quantity: l.quantity,
					totalCents: l.totalCents
				})),
				deliveryFeeCents: order.deliveryFeeCents,
				totalCents: order.totalCents,
				events: order.events.map((e) => ({
					id: e.id,
					fromStatus: e.fromStatus,
					toStatus: e.toStatus,
					actorKind: e.actorKind,
					reason: e.reason,
					createdAt: e.createdAt
				}))
			}
		};
	} catch (e) {
		if (e instanceof NotFoundError) error(404, t('error_not_found', locals.locale));
		throw e;
	}
};

export const actions: Actions = {
	/** A credit note (avoir) on the completed order: some quantities or the whole order, with a reason. */
	credit: async ({ locals, params, request }) => {
		const { db, secret, config } = await appContext();
		const scope = shopScopeOf(locals);
		const form = formToObject(await request.formData());
		try {
			const { creditNote, replayed } = await issueCreditNote(db, scope, params.id, creditFormInput(form), {
				locale: locals.locale,
				secret,
				origin: config.origin
			});
			return { credited: displayNumber(creditNote), replayed };
		} catch (e) {
			if (e instanceof NotFoundError) error(404, t('error_not_found', locals.locale));
			return formFailure(e, locals.locale, form);
		}
	}
};
