import { redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import type { Actions, PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { formToObject } from '#lib/server/http/validate.ts';
import { formFailure } from '#lib/server/http/problem.ts';
import { NotFoundError } from '#lib/server/errors.ts';
import { products } from '#lib/server/db/schema/index.ts';
import { correctLot, ownLot, removeLot } from '#lib/server/traceability/lots.ts';
import { notFound } from '../../../../../producteurs/producer-form.server.ts';

// One lot of one of the shop's products: correct it, see its history, delete it while never sold.
// Another shop's lot, or a lot of another product than the URL's, is a 404 (page and both forms).

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const scope = shopScopeOf(locals);
	const { db } = await appContext();
	const found = await ownLot(db, scope, params.id, params.lotId).catch(notFound);
	const [product] = await db.select({ id: products.id, name: products.name }).from(products).where(eq(products.id, params.id));
	return { product, ...found, timezone: locals.territory!.timezone, saved: url.searchParams.get('saved') };
};

export const actions: Actions = {
	correct: async ({ request, locals, params }) => {
		const { db } = await appContext();
		const values = formToObject(await request.formData());
		let changed: boolean;
		try {
			changed = await correctLot(db, shopScopeOf(locals), params.id, params.lotId, values, { locale: locals.locale });
		} catch (e) {
			if (e instanceof NotFoundError) notFound(e);
			return formFailure(e, locals.locale, values);
		}
		redirect(303, `/pro/catalogue/${params.id}/origine/lots/${params.lotId}?saved=${changed ? 'corrected' : 'unchanged'}`);
	},
	delete: async ({ locals, params }) => {
		const { db } = await appContext();
		try {
			await removeLot(db, shopScopeOf(locals), params.id, params.lotId);
		} catch (e) {
			if (e instanceof NotFoundError) notFound(e);
			return formFailure(e, locals.locale);
		}
		redirect(303, `/pro/catalogue/${params.id}/origine?saved=lot_removed`);
	}
};
