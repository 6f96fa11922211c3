import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { cancelByCustomer, customerOrder } from '#lib/server/checkout/orders.ts';
import { handoverText } from '#lib/server/checkout/emails.ts';
import { NotFoundError } from '#lib/server/errors.ts';
import { formFailure } from '#lib/server/http/problem.ts';
import { formToObject } from '#lib/server/http/validate.ts';
import { t } from '#lib/server/i18n.ts';
import { orderDocuments } from '#lib/server/invoices/queries.ts';

// The customer's order page, reached from the confirmation email without an account: the
// secret in the link (`?t=`) is the key. A wrong or missing one answers 404, like an unknown id.

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const { db } = await appContext();
	const territory = locals.territory!;
	const token = url.searchParams.get('t') ?? '';
	try {
		const order = await customerOrder(db, params.id, token);
		if (order.territoryId !== territory.id) throw new NotFoundError('order');
		const { invoice, creditNotes } = await orderDocuments(db, order.id);
		return {
			token,
			documents: { invoice, creditNotes },
			timezone: territory.timezone,
			order: {
				id: order.id,
				number: order.number,
				status: order.status,
				createdAt: order.createdAt,
				shop: order.shop,
				fulfilment: order.fulfilment,
				handover: handoverText(order, locals.locale, territory.timezone),
				customerName: order.customerName,
				lines: order.lines.map((l) => ({
					id: l.id,
					productName: l.productName,
					variantName: l.variantName,
					unit: l.unit,
					quantity: l.quantity,
					unitPriceCents: l.unitPriceCents,
					totalCents: l.totalCents
				})),
				vat: order.vat,
				subtotalCents: order.subtotalCents,
				deliveryFeeCents: order.deliveryFeeCents,
				totalCents: order.totalCents,
				events: order.events.map((e) => ({ id: e.id, toStatus: e.toStatus, actorKind: e.actorKind, createdAt: e.createdAt })),
				canCancel: order.canCancel
			}
		};
	} catch (e) {
		if (e instanceof NotFoundError) error(404, t('error_not_found', locals.locale));
		throw e;
	}
};

export const actions: Actions = {
	cancel: async ({ params, request, url, locals }) => {
		const values = formToObject(await request.formData());
		const token = String(values.t ?? url.searchParams.get('t') ?? '');
		try {
			const { db } = await appContext();
			await cancelByCustomer(db, params.id, token);
			return { cancelled: true };
		} catch (e) {
			if (e instanceof NotFoundError) error(404, t('error_not_found', locals.locale));
			return formFailure(e, locals.locale);
		}
	}
};
