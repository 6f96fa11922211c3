import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { getCart, type CartView } from '#lib/server/checkout/cart.ts';
import { fulfilmentOptions, type ShopFulfilment, type SlotView } from '#lib/server/checkout/fulfilment.ts';
import { checkout, reviewCheckout, type CheckoutContext, type CheckoutResult, type Shortage } from '#lib/server/checkout/checkout.ts';
import { ConflictError, InvalidInputError, type FieldErrors } from '#lib/server/errors.ts';
import { currentCartId } from '#lib/server/http/cart-cookie.ts';
import { clientAddress } from '#lib/server/http/event.ts';
import { formFailure } from '#lib/server/http/problem.ts';
import { hit, rateRules } from '#lib/server/security/rate-limit.ts';
import { t } from '#lib/server/i18n.ts';
import { checkoutInput, formValues, requestValues, slotDays, slotFormat, type FormValues, type SlotFormat } from './checkout-form.ts';
import { PLACED_COOKIE, encodePlaced } from './placed.ts';
import { shopTolerances } from '#lib/server/preparation/page.ts';
import { DEFAULT_TOLERANCE_BPS, isWeighed } from '#lib/server/preparation/weight.ts';

// Checkout in two steps on one URL, without JavaScript: step 1 (GET) collects the customer and
// each shop's fulfilment; `review` checks everything and shows the summary (nothing written);
// `place` orders, with the idempotency key generated at review, so a double click or a replayed
// post returns the same orders. `edit` goes back to step 1 with the values kept.

async function cartOf(event: RequestEvent) {
	const { db } = await appContext();
	const territory = event.locals.territory!;
	const cartId = await currentCartId(event);
	return { db, territory, cartId, cart: await getCart(db, territory.id, cartId) };
}

function shopChoices(options: ShopFulfilment | undefined, format: SlotFormat) {
	return {
		termsOfSale: options?.termsOfSale ?? '',
		pickup: options?.pickup ? { address: options.pickup.address, days: slotDays(options.pickup.slots, format) } : null,
		pickupPoints: (options?.pickupPoints ?? []).map((p) => ({
			id: p.id,
			name: p.name,
			address: `${p.address}, ${p.postcode} ${p.city}`,
			days: slotDays(p.slots, format)
		})),
		delivery: options?.delivery
			? {
					zones: options.delivery.zones.map((z) => ({
						name: z.name,
						postcodes: z.postcodes,
						radiusKm: z.radiusKm,
						feeCents: z.feeCents,
						minOrderCents: z.minOrderCents
					})),
					days: slotDays(options.delivery.slots, format)
				}
			: null
	};
}

export const load: PageServerLoad = async (event) => {
	const { db, territory, cart } = await cartOf(event);
	const options = await fulfilmentOptions(
		db,
		territory.id,
		cart.groups.map((g) => g.shop.id),
		new Date()
	);
	const format = slotFormat(event.locals.locale, territory.timezone);
	const user = event.locals.user;
	return {
		totalCents: cart.totalCents,
		parts: cart.groups.map((g) => ({
			shop: g.shop,
			lineCount: g.lines.length,
			subtotalCents: g.subtotalCents,
			missingForMinimumCents: g.missingForMinimumCents,
			unavailable: g.lines.filter((l) => !l.available).map((l) => l.productName),
			choices: shopChoices(options.get(g.shop.id), format)
		})),
		defaults: { 'customer.name': user?.name ?? '', 'customer.email': user?.email ?? '' } as FormValues
	};
};

type DetailsState = {
	step: 'details';
	errors: FieldErrors;
	message: string | null;
	values: FormValues;
	shortages: Shortage[];
};

function details(values: FormValues, extra: Partial<DetailsState> = {}): DetailsState {
	const kept = { ...values };
	delete kept.idempotencyKey;
	return { step: 'details', errors: {}, message: null, shortages: [], ...extra, values: kept };
}

/** Back to step 1 with the error beside its field, or as a message at the top. */
function detailsFailure(error: unknown, event: RequestEvent, values: FormValues) {
	const locale = event.locals.locale;
	if (error instanceof ConflictError) {
		const shortages = Array.isArray(error.details) ? (error.details as Shortage[]) : [];
		return fail(409, details(values, { message: t(error.messageKey, locale), shortages }));
	}
	const failure = formFailure(error, locale);
	return fail(failure.status, details(values, { errors: failure.data.errors, message: failure.data.message ?? null }));
}

async function checkoutContext(event: RequestEvent, cartId: string | null): Promise<Omit<CheckoutContext, 'idempotencyKey'>> {
	const { secret, config } = await appContext();
	return {
		territoryId: event.locals.territory!.id,
		cartId,
		userId: event.locals.user?.id ?? null,
		secret,
		origin: config.origin,
		locale: event.locals.locale,
		timezone: event.locals.territory!.timezone
	};
}

type Reviewed = Awaited<ReturnType<typeof reviewCheckout>>;

const personal = (field: string) => field.startsWith('customer.') || field === 'acceptTerms';

/**
 * The domain checks the request's shape (customer, terms) before each shop's fulfilment, so a
 * form with a missing name would hide a missing slot until the next try. When only personal
 * fields are wrong, the review runs once more with stand-in personal details (nothing is written)
 * to show every shop's errors at once.
 */
async function everyError(first: InvalidInputError, review: (input: unknown) => Promise<unknown>, input: ReturnType<typeof checkoutInput>) {
	if (!Object.keys(first.fields).every(personal)) return first.fields;
	try {
		await review({ ...input, customer: { name: 'x', email: 'x@example.org', phone: '0600000000' }, acceptTerms: true });
	} catch (e) {
		if (e instanceof InvalidInputError) {
			return { ...first.fields, ...Object.fromEntries(Object.entries(e.fields).filter(([field]) => !personal(field))) };
		}
	}
	return first.fields;
}

/** What the summary shows of each shop's part: lines, where and when, fees and totals. */
function summary(reviewed: Reviewed, options: Map<string, ShopFulfilment>, format: SlotFormat, tolerances: Map<string, number>) {
	const when = (slots: SlotView[] | undefined, slotId: string | null) => {
		const slot = slots?.find((s) => s.id === slotId);
		return slot ? `${format.day(slot.startsAt)}, ${format.range(slot)}` : '';
	};
	return reviewed.orders.map((o) => {
		const opts = options.get(o.shop.id);
		const point = opts?.pickupPoints.find((p) => p.id === o.pickupPointId);
		const handover =
			o.method === 'pickup'
				? { placeName: o.shop.name, place: opts?.pickup?.address ?? '', when: when(opts?.pickup?.slots, o.slotId) }
				: o.method === 'pickup_point'
					? {
							placeName: point?.name ?? '',
							place: point ? `${point.address}, ${point.postcode} ${point.city}` : '',
							when: when(point?.slots, o.slotId)
						}
					: {
							placeName: null,
							place: o.address
								? [o.address.line1, o.address.line2, `${o.address.postcode} ${o.address.city}`].filter(Boolean).join(', ')
								: '',
							when: when(opts?.delivery?.slots, o.slotId)
						};
		return {
			shop: o.shop,
			method: o.method,
			...handover,
			lines: o.lines.map((l) => ({
				itemId: l.itemId,
				productName: l.productName,
				variantName: l.variantName,
				unit: l.unit,
				quantity: l.quantity,
				unitPriceCents: l.unitPriceCents,
				totalCents: l.totalCents,
				/** Sold by the kg: the weighing tolerance announced before ordering (snapshotted on the line at checkout). */
				toleranceBps: isWeighed(l.unit) ? (tolerances.get(o.shop.id) ?? DEFAULT_TOLERANCE_BPS) : null
			})),
			subtotalCents: o.subtotalCents,
			deliveryFeeCents: o.deliveryFeeCents,
			totalCents: o.totalCents
		};
	});
}

export const actions: Actions = {
	review: async (event) => {
		const values = formValues(await event.request.formData());
		try {
			const { db, territory, cartId, cart } = await cartOf(event);
			const context = await checkoutContext(event, cartId);
			const input = checkoutInput(values);
			const reviewed = await reviewCheckout(db, context, input).catch(async (e) => {
				throw e instanceof InvalidInputError ? new InvalidInputError(await everyError(e, (i) => reviewCheckout(db, context, i), input)) : e;
			});
			const options = await fulfilmentOptions(db, territory.id, shopIdsOf(cart), new Date());
			return {
				step: 'review' as const,
				customer: reviewed.request.customer,
				orders: summary(reviewed, options, slotFormat(event.locals.locale, territory.timezone), await shopTolerances(db, shopIdsOf(cart))),
				totalCents: reviewed.totalCents,
				fields: requestValues(reviewed.request),
				idempotencyKey: crypto.randomUUID()
			};
		} catch (e) {
			return detailsFailure(e, event, values);
		}
	},

	edit: async (event) => details(formValues(await event.request.formData())),

	place: async (event) => {
		const values = formValues(await event.request.formData());
		let result: CheckoutResult;
		try {
			const { db } = await appContext();
			const cartId = await currentCartId(event);
			await hit(db, `checkout:${clientAddress(event)}`, rateRules.checkout);
			const context = await checkoutContext(event, cartId);
			result = await checkout(db, { ...context, idempotencyKey: values.idempotencyKey ?? '' }, checkoutInput(values));
		} catch (e) {
			if (e instanceof InvalidInputError && e.fields['Idempotency-Key']) {
				return fail(400, details(values, { message: t('checkout_review_again', event.locals.locale) }));
			}
			return detailsFailure(e, event, values);
		}
		const { config } = await appContext();
		event.cookies.set(PLACED_COOKIE, encodePlaced(result), {
			path: '/commande',
			httpOnly: true,
			sameSite: 'lax',
			secure: config.origin.startsWith('https:'),
			maxAge: 60 * 60
		});
		redirect(303, `/commande/confirmation?c=${result.checkoutId}`);
	}
};

const shopIdsOf = (cart: CartView) => cart.groups.map((g) => g.shop.id);
