import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { getProductPage, productCache } from '#lib/server/catalog/queries.ts';
import { isFood } from '#lib/server/catalog/food-info.ts';
import { addToCart } from '#lib/server/checkout/cart.ts';
import { quantityRule } from '#lib/server/checkout/quantity.ts';
import { isWeighed } from '#lib/server/preparation/weight.ts';
import { currentCartId, writeCartCookie } from '#lib/server/http/cart-cookie.ts';
import { formFailure } from '#lib/server/http/problem.ts';
import { formToObject } from '#lib/server/http/validate.ts';
import { NotFoundError } from '#lib/server/errors.ts';
import { t } from '#lib/server/i18n.ts';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { db } = await appContext();
	try {
		const { product, netQuantities, weighingToleranceBps } = await getProductPage(
			db,
			locals.territory!.id,
			{ shopSlug: params.shop, slug: params.product },
			productCache,
			locals.locale
		);
		return {
			product,
			origin: url.origin,
			quantityRule: quantityRule(product.unit),
			netQuantities,
			food: isFood({ categorySlug: product.category?.slug ?? null, trade: '' }),
			/** Sold by the kg: the weighing tolerance the buyer is told before ordering. */
			toleranceBps: isWeighed(product.unit) ? weighingToleranceBps : null
		};
	} catch (e) {
		if (e instanceof NotFoundError) error(404, t('error_not_found', locals.locale));
		throw e;
	}
};

export const actions: Actions = {
	add: async (event) => {
		const { locals } = event;
		const values = formToObject(await event.request.formData());
		const variantId = String(values.variantId ?? '');
		const quantity = String(values.quantity ?? '');
		try {
			const { db } = await appContext();
			const cartId = await currentCartId(event);
			const newCartId = await addToCart(
				db,
				{ territoryId: locals.territory!.id, cartId, userId: locals.user?.id ?? null },
				{ variantId, quantity },
				locals.locale
			);
			if (!locals.user) await writeCartCookie(event.cookies, newCartId);
			return { added: { variantId, quantity: Number(quantity.trim().replace(',', '.')) } };
		} catch (e) {
			return formFailure(e, locals.locale, { variantId, quantity });
		}
	}
};
