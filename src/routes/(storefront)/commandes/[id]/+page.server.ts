import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { cancelByCustomer, customerOrder } from '#lib/server/checkout/orders.ts';
import { handoverText } from '#lib/server/checkout/emails.ts';
import { NotFoundError } from '#lib/server/errors.ts';
import { formFailure } from '#lib/server/http/problem.ts';
import { formToObject } from '#lib/server/http/validate.ts';
import { t } from '#lib/server/i18n.ts';
import { decideSubstitution, isPreparable, preparationOf } from '#lib/server/preparation/adjust.ts';
import { adjustmentText } from '#lib/server/preparation/history.ts';
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
		const prep = await preparationOf(db, order.id);
		const lineName = new Map(order.lines.map((l) => [l.id, l.productName]));
		const { invoice, creditNotes } = await orderDocuments(db, order.id);
		return {
			proposals: prep.substitutions
				// A proposal is answered only while the order is being prepared; afterwards it lapses.
				.filter((s) => s.status === 'pending' && isPreparable(order.status))
				.map((s) => ({
					id: s.id,
					replaces: lineName.get(s.lineId) ?? '',
					productName: s.productName,
					variantName: s.variantName,
					unit: s.unit,
					quantity: s.quantity,
					unitPriceCents: s.unitPriceCents,
					totalCents: s.totalCents
				})),
			adjustments: prep.adjustments.map((a) => ({ id: a.id, createdAt: a.createdAt, text: adjustmentText(a, locals.locale) })),
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
					totalCents: l.totalCents,
					weighedQuantity: l.weighedQuantity,
					toleranceBps: l.toleranceBps,
					removed: l.removedAt !== null
				})),
				vat: order.vat,
				vatFranchise: order.vatFranchise,
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
	/** The customer accepts or refuses a substitute the shop proposed (plain form, no JavaScript needed). */
	substitution: async ({ params, request, url, locals }) => {
		const values = formToObject(await request.formData());
		const token = String(values.t ?? url.searchParams.get('t') ?? '');
		try {
			const { db } = await appContext();
			await decideSubstitution(db, params.id, token, values);
			return { decided: values.decision === 'accept' ? 'accepted' : 'refused' };
		} catch (e) {
			if (e instanceof NotFoundError) error(404, t('error_not_found', locals.locale));
			return formFailure(e, locals.locale);
		}
	},
	cancel: async ({ params, request, url, locals }) => {
		const values = formToObject(await request.formData());
		const token = String(values.t ?? url.searchParams.get('t') ?? '');
		try {
			const { db, secret, config } = await appContext();
			await cancelByCustomer(db, params.id, token, {
				secret,
				origin: config.origin,
				timezone: locals.territory!.timezone,
				emailLocale: locals.locale
			});
			return { cancelled: true };
		} catch (e) {
			if (e instanceof NotFoundError) error(404, t('error_not_found', locals.locale));
			return formFailure(e, locals.locale);
		}
	}
};
