import { error, redirect } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import type { Actions, PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { merchantOrder } from '#lib/server/orders/board.ts';
import { reachableByEmail } from '#lib/server/orders/emails.ts';
import { handoverText } from '#lib/server/checkout/emails.ts';
import { NotFoundError } from '#lib/server/errors.ts';
import { formFailure } from '#lib/server/http/problem.ts';
import { formToObject } from '#lib/server/http/validate.ts';
import { t } from '#lib/server/i18n.ts';
import { markUnavailable, preparationOf, proposeSubstitution, substituteChoices, weighLine } from '#lib/server/preparation/adjust.ts';
import { adjustmentText, lineControls } from '#lib/server/preparation/history.ts';
import { orderDocuments } from '#lib/server/invoices/queries.ts';
import { creditFormInput, issueCreditNote } from '#lib/server/invoices/credit.ts';
import { displayNumber } from '#lib/server/invoices/issue.ts';

// One order of the merchant's shop with its history. Another shop's order answers 404, exactly
// like an unknown id (its existence is not revealed). While the order is accepted or preparing,
// each line can be weighed (goods sold by the kg), marked unavailable or given a substitute.
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { db } = await appContext();
	const scope = shopScopeOf(locals);
	const timezone = locals.territory!.timezone;
	try {
		const order = await merchantOrder(db, scope, params.id);
		const [prep, choices] = await Promise.all([preparationOf(db, order.id), substituteChoices(db, scope)]);
		const pending = new Map(prep.substitutions.filter((s) => s.status === 'pending').map((s) => [s.lineId, s]));
		return {
			// Invoice, credit notes, and what is left to credit; the token makes a replayed credit form harmless.
			documents: await orderDocuments(db, order.id),
			creditToken: randomUUID(),
			timezone,
			locale: locals.locale,
			done: url.searchParams.get('fait'),
			choices,
			order: {
				id: order.id,
				number: order.number,
				status: order.status,
				createdAt: order.createdAt,
				customerName: order.customerName,
				customerPhone: order.customerPhone,
				customerEmail: reachableByEmail(order.customerEmail) ? order.customerEmail : null,
				handover: handoverText(order, locals.locale, timezone),
				lines: order.lines.map((l) => {
					const p = pending.get(l.id);
					return {
						id: l.id,
						variantId: l.variantId,
						productName: l.productName,
						variantName: l.variantName,
						unit: l.unit,
						quantity: l.quantity,
						weighedQuantity: l.weighedQuantity,
						removed: l.removedAt !== null,
						totalCents: l.totalCents,
						pending: p
							? { productName: p.productName, variantName: p.variantName, unit: p.unit, quantity: p.quantity, totalCents: p.totalCents }
							: null,
						...lineControls(l, order.status, locals.locale)
					};
				}),
				deliveryFeeCents: order.deliveryFeeCents,
				totalCents: order.totalCents,
				events: order.events.map((e) => ({
					id: e.id,
					fromStatus: e.fromStatus,
					toStatus: e.toStatus,
					actorKind: e.actorKind,
					reason: e.reason,
					createdAt: e.createdAt
				})),
				adjustments: prep.adjustments.map((a) => ({
					id: a.id,
					actorKind: a.actorKind,
					createdAt: a.createdAt,
					text: adjustmentText(a, locals.locale)
				}))
			}
		};
	} catch (e) {
		if (e instanceof NotFoundError) error(404, t('error_not_found', locals.locale));
		throw e;
	}
};

/** Runs one preparation change from a plain form; success goes back to the order (Post/Redirect/Get). */
async function adjust(
	event: Parameters<Actions[string]>[0],
	done: string,
	run: (ctx: { lineId: string; form: Record<string, string | string[]> }) => Promise<unknown>
) {
	const { request, locals, params } = event;
	const form = formToObject(await request.formData());
	const lineId = typeof form.lineId === 'string' ? form.lineId : '';
	try {
		await run({ lineId, form });
	} catch (e) {
		if (e instanceof NotFoundError) error(404, t('error_not_found', locals.locale));
		return formFailure(e, locals.locale, { ...form, lineId, action: done });
	}
	redirect(303, `/pro/commandes/${params.id}?fait=${done}#ligne-${lineId}`);
}

async function prepContext(locals: App.Locals) {
	const { db, secret, config } = await appContext();
	return {
		db,
		scope: shopScopeOf(locals),
		ctx: { secret, origin: config.origin, timezone: locals.territory!.timezone, locale: locals.locale }
	};
}

export const actions: Actions = {
	weigh: (event) =>
		adjust(event, 'weighed', async ({ lineId, form }) => {
			const { db, scope } = await prepContext(event.locals);
			await weighLine(db, scope, event.params.id, lineId, form, event.locals.locale);
		}),
	unavailable: (event) =>
		adjust(event, 'removed', async ({ lineId }) => {
			const { db, scope, ctx } = await prepContext(event.locals);
			await markUnavailable(db, scope, event.params.id, lineId, ctx);
		}),
	substitute: (event) =>
		adjust(event, 'proposed', async ({ lineId, form }) => {
			const { db, scope, ctx } = await prepContext(event.locals);
			await proposeSubstitution(db, scope, event.params.id, lineId, form, ctx);
		}),
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
