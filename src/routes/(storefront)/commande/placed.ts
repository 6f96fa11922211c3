import type { CheckoutResult } from '#lib/server/checkout/checkout.ts';

// The orders just placed, for the confirmation page: a short-lived http-only cookie scoped to
// /commande holds the checkout id and each order's id and access token (the same secret the
// confirmation email carries), so the confirmation URL itself carries no token.

export const PLACED_COOKIE = 'checkout_placed';

export type Placed = { checkoutId: string; orders: { id: string; token: string }[] };

export function encodePlaced(result: Pick<CheckoutResult, 'checkoutId' | 'orders'>): string {
	return [result.checkoutId, ...result.orders.map((o) => `${o.id}.${o.accessToken}`)].join('~');
}

export function decodePlaced(value: string | undefined): Placed | null {
	if (!value) return null;
	const [checkoutId, ...orders] = value.split('~');
	if (!checkoutId) return null;
	return {
		checkoutId,
		orders: orders
			.map((o) => {
				const [id, token] = o.split('.');
				return { id: id ?? '', token: token ?? '' };
			})
			.filter((o) => o.id && o.token)
	};
}
