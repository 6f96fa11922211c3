import type { Actions, PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { getCart, removeFromCart, setCartQuantity } from '#lib/server/checkout/cart.ts';
import { currentCartId } from '#lib/server/http/cart-cookie.ts';
import { formFailure } from '#lib/server/http/problem.ts';
import { formToObject } from '#lib/server/http/validate.ts';
import { NotFoundError } from '#lib/server/errors.ts';

export const load: PageServerLoad = async (event) => {
	const { db } = await appContext();
	return { cart: await getCart(db, event.locals.territory!.id, await currentCartId(event)) };
};

export const actions: Actions = {
	update: async (event) => {
		const values = formToObject(await event.request.formData());
		const itemId = String(values.itemId ?? '');
		const quantity = String(values.quantity ?? '');
		try {
			const { db } = await appContext();
			await setCartQuantity(db, event.locals.territory!.id, await currentCartId(event), itemId, { quantity }, event.locals.locale);
			return { updated: itemId };
		} catch (e) {
			return formFailure(e, event.locals.locale, { itemId, quantity });
		}
	},
	remove: async (event) => {
		const values = formToObject(await event.request.formData());
		const itemId = String(values.itemId ?? '');
		try {
			const { db } = await appContext();
			await removeFromCart(db, event.locals.territory!.id, await currentCartId(event), itemId);
			return { removed: itemId };
		} catch (e) {
			// Already gone (a double click, another tab): what the customer wanted.
			if (e instanceof NotFoundError) return { removed: itemId };
			return formFailure(e, event.locals.locale, { itemId });
		}
	}
};
