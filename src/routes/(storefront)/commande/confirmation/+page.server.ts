import type { PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { customerOrder } from '#lib/server/checkout/orders.ts';
import { handoverText } from '#lib/server/checkout/emails.ts';
import { NotFoundError } from '#lib/server/errors.ts';
import { customerOrderPath } from '#lib/order-links.ts';
import { PLACED_COOKIE, decodePlaced } from '../placed.ts';

export const load: PageServerLoad = async ({ url, cookies, locals }) => {
	const { db } = await appContext();
	const territory = locals.territory!;
	const placed = decodePlaced(cookies.get(PLACED_COOKIE));
	// The cookie tells this browser's own orders; another checkout id in the URL shows none.
	const mine = placed && placed.checkoutId === url.searchParams.get('c') ? placed.orders : [];
	const orders = [];
	for (const { id, token } of mine) {
		try {
			const order = await customerOrder(db, id, token);
			if (order.territoryId !== territory.id) continue;
			orders.push({
				id: order.id,
				number: order.number,
				shopName: order.shop.name,
				handover: handoverText(order, locals.locale, territory.timezone),
				totalCents: order.totalCents,
				status: order.status,
				link: customerOrderPath(order.id, token),
				email: order.customerEmail
			});
		} catch (e) {
			if (!(e instanceof NotFoundError)) throw e;
		}
	}
	return { orders, email: orders[0]?.email ?? null };
};
