import { describe, it, expect } from 'vitest';
import { checkoutInput, formValues, requestValues, slotDays, slotFormat } from './checkout-form.ts';
import { CheckoutInput } from '#lib/server/checkout/checkout.ts';

const SHOP_A = '11111111-1111-4111-8111-111111111111';
const SHOP_B = '22222222-2222-4222-8222-222222222222';
const SLOT = '33333333-3333-4333-8333-333333333333';
const OTHER_SLOT = '44444444-4444-4444-8444-444444444444';
const POINT = '55555555-5555-4555-8555-555555555555';

const form = (entries: Record<string, string>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(entries)) data.append(k, v);
	return formValues(data);
};

describe('checkout form', () => {
	it('takes the slot of the chosen method and ignores the fields of the others', () => {
		const input = checkoutInput(
			form({
				'customer.name': 'Camille',
				'customer.email': 'c@example.fr',
				'customer.phone': '0612345678',
				acceptTerms: 'true',
				'fulfilments.0.shopId': SHOP_A,
				'fulfilments.0.method': 'pickup_point',
				'fulfilments.0.slot.pickup': OTHER_SLOT,
				'fulfilments.0.pickupPointId': POINT,
				'fulfilments.0.slot.pickup_point': SLOT,
				'fulfilments.0.address.line1': 'ignored',
				'fulfilments.1.shopId': SHOP_B,
				'fulfilments.1.method': 'delivery',
				'fulfilments.1.pickupPointId': POINT,
				'fulfilments.1.slot.delivery': SLOT,
				'fulfilments.1.address.line1': '3 rue des Lilas',
				'fulfilments.1.address.line2': ' ',
				'fulfilments.1.address.postcode': '37285',
				'fulfilments.1.address.city': 'Saint-Aubin'
			})
		);
		expect(input.acceptTerms).toBe(true);
		expect(input.fulfilments).toEqual([
			{ shopId: SHOP_A, method: 'pickup_point', slotId: SLOT, pickupPointId: POINT, address: undefined },
			{
				shopId: SHOP_B,
				method: 'delivery',
				slotId: SLOT,
				pickupPointId: undefined,
				address: { line1: '3 rue des Lilas', line2: undefined, postcode: '37285', city: 'Saint-Aubin' }
			}
		]);
	});

	it('leaves a missing choice or an unticked box for the domain to refuse', () => {
		const input = checkoutInput(
			form({ 'fulfilments.0.shopId': SHOP_A, 'fulfilments.0.method': 'pickup', 'fulfilments.0.slot.pickup': '' })
		);
		expect(input.acceptTerms).toBe(false);
		expect(input.fulfilments[0].slotId).toBeUndefined();
		expect(CheckoutInput.safeParse(input).success).toBe(false);
	});

	it('writes a validated request back in the same names, so it reads back identically', () => {
		const request = CheckoutInput.parse({
			customer: { name: 'Camille', email: 'C@Example.fr ', phone: '06 12 34 56 78' },
			acceptTerms: true,
			fulfilments: [
				{ shopId: SHOP_A, method: 'pickup', slotId: SLOT },
				{
					shopId: SHOP_B,
					method: 'delivery',
					slotId: OTHER_SLOT,
					address: { line1: '3 rue des Lilas', postcode: '37285', city: 'Saint-Aubin' }
				}
			]
		});
		expect(CheckoutInput.parse(checkoutInput(requestValues(request)))).toEqual(request);
	});

	it('ignores a field trying to reach the object prototype', () => {
		const values = form({ __proto__: 'x', 'customer.name': 'Camille' } as Record<string, string>);
		expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
	});

	it('groups slots by day in the territory time zone', () => {
		const format = slotFormat('fr', 'Europe/Paris');
		const days = slotDays(
			[
				{ id: 'a', startsAt: new Date('2026-12-01T08:00:00Z'), endsAt: new Date('2026-12-01T08:30:00Z'), remaining: 3 },
				{ id: 'b', startsAt: new Date('2026-12-01T23:30:00Z'), endsAt: new Date('2026-12-02T00:00:00Z'), remaining: 1 }
			],
			format
		);
		expect(days).toEqual([
			{ label: 'mardi 1 décembre', slots: [{ id: 'a', time: '09:00–09:30', remaining: 3 }] },
			{ label: 'mercredi 2 décembre', slots: [{ id: 'b', time: '00:30–01:00', remaining: 1 }] }
		]);
	});
});
