import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { appContext } from '../runtime.ts';
import { cartOfUser, cartLineCount, mergeCartIntoUser } from '../checkout/cart.ts';
import { isUuid } from '../catalog/queries.ts';

// An anonymous visitor's cart is known by its id in an http-only cookie; a signed-in customer's
// cart is found by account (so it follows them across devices). The cookie holds nothing but the
// id: the cart itself lives in the database.

export const CART_COOKIE = 'cart';
const CART_COOKIE_DAYS = 60;

type CartEvent = Pick<RequestEvent, 'cookies' | 'locals'>;

async function cookieOptions() {
	const { config } = await appContext();
	return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config.origin.startsWith('https:') };
}

export function readCartCookie(cookies: Cookies): string | null {
	const value = cookies.get(CART_COOKIE);
	return value && isUuid(value) ? value : null;
}

/** Written at each change, so the 60 days count from the last visit that touched the cart. */
export async function writeCartCookie(cookies: Cookies, cartId: string): Promise<void> {
	cookies.set(CART_COOKIE, cartId, { ...(await cookieOptions()), maxAge: CART_COOKIE_DAYS * 86_400 });
}

export async function clearCartCookie(cookies: Cookies): Promise<void> {
	cookies.delete(CART_COOKIE, await cookieOptions());
}

// The root layout and the page load run concurrently for one request: one lookup (and at most
// one merge) per request, or both could create the customer's cart or merge the same items twice.
const userCartOfRequest = new WeakMap<object, Promise<string>>();

/**
 * The cart of this request: the signed-in customer's (a cart left in the cookie from before
 * signing in is merged into it first, whatever way they signed in), else the cookie's, else null.
 */
export function currentCartId(event: CartEvent): Promise<string | null> {
	const { locals } = event;
	if (!locals.user || !locals.territory) return Promise.resolve(readCartCookie(event.cookies));
	let found = userCartOfRequest.get(locals);
	if (!found) {
		found = readCartCookie(event.cookies) ? adoptCartAfterSignIn(event, locals.user.id) : userCart(locals.territory.id, locals.user.id);
		userCartOfRequest.set(locals, found);
	}
	return found;
}

async function userCart(territoryId: string, userId: string): Promise<string> {
	const { db } = await appContext();
	return cartOfUser(db, territoryId, userId);
}

/**
 * Call right after a successful sign-in: the anonymous cart joins the account's cart (quantities
 * add up) and the cookie is dropped. Returns the account's cart id.
 */
export async function adoptCartAfterSignIn(event: CartEvent, userId: string): Promise<string> {
	const territory = event.locals.territory;
	if (!territory) throw new Error('adoptCartAfterSignIn needs a territory');
	const { db } = await appContext();
	const cartId = await mergeCartIntoUser(db, territory.id, readCartCookie(event.cookies), userId);
	if (event.cookies.get(CART_COOKIE) !== undefined) await clearCartCookie(event.cookies);
	return cartId;
}

/** Lines in the visitor's cart, for the header link; no database work for a visitor without a cart. */
export async function cartCount(event: CartEvent): Promise<number> {
	const territory = event.locals.territory;
	if (!territory) return 0;
	const cartId = await currentCartId(event);
	if (!cartId) return 0;
	const { db } = await appContext();
	return cartLineCount(db, territory.id, cartId);
}
