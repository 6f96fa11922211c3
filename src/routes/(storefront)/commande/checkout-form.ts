import type { CheckoutRequest } from '#lib/server/checkout/checkout.ts';
import type { SlotView } from '#lib/server/checkout/fulfilment.ts';
import type { Locale } from '#lib/format.ts';

// The checkout form in plain HTML: flat field names (`fulfilments.0.slot.pickup`) that work
// without JavaScript, turned into the nested request the domain validates. Each fulfilment
// method has its own slot field, since without JavaScript every select of the fieldset is sent;
// the chosen method says which one counts. The review step writes the validated request back in
// the same names, so "Modifier" and "Commander" re-read it exactly as step 1 sent it.

export type FormValues = Record<string, string>;
export type Method = 'pickup' | 'pickup_point' | 'delivery';
export type AddressPart = 'line1' | 'line2' | 'postcode' | 'city';

export const fieldName = {
	shopId: (i: number) => `fulfilments.${i}.shopId`,
	method: (i: number) => `fulfilments.${i}.method`,
	slot: (i: number, method: Method) => `fulfilments.${i}.slot.${method}`,
	pickupPointId: (i: number) => `fulfilments.${i}.pickupPointId`,
	address: (i: number, part: AddressPart) => `fulfilments.${i}.address.${part}`
};

/** The text fields of a submitted form, first value of each name. */
export function formValues(form: FormData): FormValues {
	const out: FormValues = {};
	for (const [key, value] of form) {
		if (typeof value === 'string' && key !== '__proto__' && !Object.hasOwn(out, key)) out[key] = value;
	}
	return out;
}

const blank = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value);
const isMethod = (value: string | undefined): value is Method => value === 'pickup' || value === 'pickup_point' || value === 'delivery';

/** The checkout request as the domain expects it (it validates everything). */
export function checkoutInput(values: FormValues) {
	const indices = new Set<number>();
	for (const key of Object.keys(values)) {
		const match = /^fulfilments\.(\d{1,2})\./.exec(key);
		if (match) indices.add(Number(match[1]));
	}
	const fulfilments = [...indices]
		.sort((a, b) => a - b)
		.map((i) => {
			const method = blank(values[fieldName.method(i)]);
			return {
				shopId: values[fieldName.shopId(i)] ?? '',
				method,
				slotId: isMethod(method) ? blank(values[fieldName.slot(i, method)]) : undefined,
				pickupPointId: method === 'pickup_point' ? blank(values[fieldName.pickupPointId(i)]) : undefined,
				address:
					method === 'delivery'
						? {
								line1: values[fieldName.address(i, 'line1')] ?? '',
								line2: blank(values[fieldName.address(i, 'line2')]),
								postcode: values[fieldName.address(i, 'postcode')] ?? '',
								city: values[fieldName.address(i, 'city')] ?? ''
							}
						: undefined
			};
		});
	return {
		customer: { name: values['customer.name'] ?? '', email: values['customer.email'] ?? '', phone: values['customer.phone'] ?? '' },
		acceptTerms: values.acceptTerms === 'true',
		fulfilments,
		payment: { method: 'on_site' as const }
	};
}

/** A validated request in the form's own names (the hidden fields of the review step). */
export function requestValues(request: CheckoutRequest): FormValues {
	const values: FormValues = {
		'customer.name': request.customer.name,
		'customer.email': request.customer.email,
		'customer.phone': request.customer.phone,
		acceptTerms: 'true'
	};
	request.fulfilments.forEach((f, i) => {
		values[fieldName.shopId(i)] = f.shopId;
		values[fieldName.method(i)] = f.method;
		if (f.slotId) values[fieldName.slot(i, f.method)] = f.slotId;
		if (f.pickupPointId) values[fieldName.pickupPointId(i)] = f.pickupPointId;
		if (f.address) {
			values[fieldName.address(i, 'line1')] = f.address.line1;
			if (f.address.line2) values[fieldName.address(i, 'line2')] = f.address.line2;
			values[fieldName.address(i, 'postcode')] = f.address.postcode;
			values[fieldName.address(i, 'city')] = f.address.city;
		}
	});
	return values;
}

export type SlotChoice = { id: string; time: string; remaining: number };
export type SlotDay = { label: string; slots: SlotChoice[] };

/** Dates and times in the territory's time zone, in the visitor's language. */
export function slotFormat(locale: Locale, timeZone: string) {
	const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
	const day = new Intl.DateTimeFormat(tag, { weekday: 'long', day: 'numeric', month: 'long', timeZone });
	const time = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
	return {
		day: (d: Date) => day.format(d),
		range: (s: Pick<SlotView, 'startsAt' | 'endsAt'>) => `${time.format(s.startsAt)}–${time.format(s.endsAt)}`
	};
}
export type SlotFormat = ReturnType<typeof slotFormat>;

/** Slots (sorted by start) grouped by day, for `<optgroup>`s. Full slots never reach here. */
export function slotDays(slots: SlotView[], format: SlotFormat): SlotDay[] {
	const days: SlotDay[] = [];
	for (const slot of slots) {
		const label = format.day(slot.startsAt);
		let day = days.at(-1);
		if (!day || day.label !== label) days.push((day = { label, slots: [] }));
		day.slots.push({ id: slot.id, time: format.range(slot), remaining: slot.remaining });
	}
	return days;
}
