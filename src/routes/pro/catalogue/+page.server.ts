import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { formFailure } from '#lib/server/http/problem.ts';
import { formToObject, parseInput } from '#lib/server/http/validate.ts';
import { bulkEditProducts, setSoldOutToday, setVariantStock } from '#lib/server/catalog/manage.ts';
import { catalogFiltersSchema, formChoices, listShopCatalog } from '#lib/server/catalog/pro-catalog.ts';
import { bulkFormSchema, stockFormSchema } from '#lib/server/catalog/bulk-form.ts';
import { addLotForVariant, parseRestockLot } from '#lib/server/traceability/origin.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	const scope = shopScopeOf(locals);
	const { db } = await appContext();
	const filters = catalogFiltersSchema.parse(Object.fromEntries(url.searchParams));
	const filtered = filters.q !== '' || filters.category !== '' || filters.stock !== '' || filters.status !== 'active';
	const [list, choices] = await Promise.all([listShopCatalog(db, scope, filters), formChoices(db, scope)]);
	// An empty list explains how to start only when the shop truly has no product yet.
	const hasAny =
		list.items.length > 0 || (filtered && (await listShopCatalog(db, scope, { q: '', category: '', status: 'all', stock: '' })).total > 0);
	return { ...list, filters, filtered, hasAny, categories: choices.categories, done: url.searchParams.get('done') };
};

/** Back to the list the merchant was looking at (its filters), never to another site. */
function back(values: Record<string, string | string[]>, done: string): string {
	const query =
		typeof values.back === 'string' && values.back.startsWith('?') ? new URLSearchParams(values.back.slice(1)) : new URLSearchParams();
	query.set('done', done);
	return `/pro/catalogue?${query}`;
}

export const actions: Actions = {
	soldOut: async ({ request, locals }) => {
		const scope = shopScopeOf(locals);
		const { db } = await appContext();
		const values = formToObject(await request.formData());
		try {
			await setSoldOutToday(db, scope, String(values.productId ?? ''), values.soldOut === 'true');
		} catch (e) {
			return formFailure(e, locals.locale, values);
		}
		redirect(303, back(values, values.soldOut === 'true' ? 'sold_out' : 'back_on_sale'));
	},
	restock: async ({ request, locals }) => {
		const scope = shopScopeOf(locals);
		const { db } = await appContext();
		const values = formToObject(await request.formData());
		try {
			const input = parseInput(stockFormSchema, values, locals.locale);
			// An optional lot typed with the restock: checked first, written in the same transaction.
			const lot = parseRestockLot(values, locals.locale);
			await db.transaction(async (tx) => {
				await setVariantStock(tx, scope, input.variantId, input.stock, 'restock', { locale: locals.locale });
				if (lot) await addLotForVariant(tx, scope, input.variantId, lot, { locale: locals.locale });
			});
		} catch (e) {
			return formFailure(e, locals.locale, values);
		}
		redirect(303, back(values, 'restock'));
	},
	bulk: async ({ request, locals }) => {
		const scope = shopScopeOf(locals);
		const { db } = await appContext();
		const values = formToObject(await request.formData());
		try {
			const input = parseInput(bulkFormSchema, values, locals.locale);
			await bulkEditProducts(db, scope, input.productIds, input.action, { locale: locals.locale });
		} catch (e) {
			return formFailure(e, locals.locale, values);
		}
		redirect(303, back(values, 'bulk'));
	}
};
