import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { formFailure } from '#lib/server/http/problem.ts';
import { acceptInvitation, findInvitation, sameEmail } from '#lib/server/team/team.ts';

// The link of an invitation email. The token is the whole secret: the page says which shop
// invites and asks the visitor to sign in (or sign up) with the invited address, then come back.
export const load: PageServerLoad = async ({ params, locals, url, setHeaders }) => {
	// Keep the token out of other sites' Referer headers and out of shared caches. Not
	// 'no-referrer': the browser would then send `Origin: null` with the accept form, which the
	// CSRF check rightly refuses.
	setHeaders({ 'referrer-policy': 'same-origin', 'cache-control': 'private, no-store' });
	const { db } = await appContext();
	const invitation = await findInvitation(db, params.token, locals.territory!.id);
	const here = url.pathname;
	return {
		invitation: invitation && { shopName: invitation.shopName, email: invitation.email, role: invitation.role, state: invitation.state },
		signedInAs: locals.user?.email ?? null,
		rightAccount: !!(invitation && locals.user && sameEmail(invitation.email, locals.user.email)),
		signIn: `/connexion?redirect=${encodeURIComponent(here)}`,
		signUp: `/inscription?redirect=${encodeURIComponent(here)}`
	};
};

export const actions: Actions = {
	default: async ({ params, locals, cookies, url }) => {
		if (!locals.user) redirect(303, `/connexion?redirect=${encodeURIComponent(url.pathname)}`);
		const { db } = await appContext();
		let joined: { shopId: string };
		try {
			joined = await acceptInvitation(db, {
				token: params.token,
				territoryId: locals.territory!.id,
				userId: locals.user.id,
				userEmail: locals.user.email
			});
		} catch (e) {
			return formFailure(e, locals.locale);
		}
		// Open the back office on the shop just joined (the guard checks the membership again).
		cookies.set('pro_shop', joined.shopId, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 });
		redirect(303, '/pro');
	}
};
