import { redirect } from '@sveltejs/kit';
import { and, eq, inArray } from 'drizzle-orm';
import type { Actions, PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { formFailure } from '#lib/server/http/problem.ts';
import { formToObject } from '#lib/server/http/validate.ts';
import { startShop } from '#lib/server/onboarding/wizard.ts';
import { memberships, shops } from '#lib/server/db/schema/index.ts';

const PATH = '/ouvrir-ma-boutique';

/** The user's shops of this territory still in the wizard: the page offers to resume rather than start another. */
async function unfinishedShops(userId: string, territoryId: string) {
	const { db } = await appContext();
	return db
		.select({ id: shops.id, name: shops.name })
		.from(memberships)
		.innerJoin(shops, eq(shops.id, memberships.shopId))
		.where(
			and(
				eq(memberships.userId, userId),
				eq(memberships.role, 'shop_owner'),
				eq(shops.territoryId, territoryId),
				inArray(shops.status, ['draft', 'changes_requested'])
			)
		);
}

export const load: PageServerLoad = async ({ locals }) => ({
	signedIn: Boolean(locals.user),
	unfinished: locals.user ? await unfinishedShops(locals.user.id, locals.territory!.id) : [],
	signUpHref: `/inscription?redirect=${encodeURIComponent(PATH)}`,
	signInHref: `/connexion?redirect=${encodeURIComponent(PATH)}`
});

export const actions: Actions = {
	/** Creates the draft shop and its owner, then opens the wizard on it. */
	start: async ({ request, locals, cookies }) => {
		if (!locals.user) redirect(303, `/connexion?redirect=${encodeURIComponent(PATH)}`);
		const values = formToObject(await request.formData());
		const { db } = await appContext();
		let shopId: string;
		try {
			shopId = (await startShop(db, { userId: locals.user.id, territoryId: locals.territory!.id, values, locale: locals.locale })).id;
		} catch (e) {
			return formFailure(e, locals.locale, { name: values.name });
		}
		// The back office opens the user's first shop by default: make it this new one. The tenancy
		// guard reads the memberships again on the next request, so it sees the new ownership.
		cookies.set('pro_shop', shopId, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 });
		redirect(303, '/pro/ouverture');
	}
};
