import { redirect, error, type RequestEvent } from '@sveltejs/kit';
import type { Handle } from '@sveltejs/kit/hooks';
import { svelteKitHandler } from 'better-auth/svelte-kit';
import { paraglideMiddleware } from '../../paraglide/server.js';
import { appContext } from '../runtime.ts';
import { logger } from '../logger.ts';
import { loadMemberships, shopScope, operatorScope } from '../tenancy/guard.ts';
import { DomainError } from '../errors.ts';
import { t, type Locale } from '../i18n.ts';
import { problemResponse } from '../http/problem.ts';
import { mapSettings, cspWithTiles, cspAllowingImagesFrom } from '../territories/map-settings.ts';
import { config } from '../config.ts';

let photoSource: string | null | undefined;
/** The origin of S3_PUBLIC_URL (photos served straight from the bucket), read once. */
function photoOrigin(): string | null {
	if (photoSource === undefined) {
		const url = config().s3?.publicUrl;
		photoSource = url ? new URL(url).origin : null;
	}
	return photoSource;
}

/** Access log: method, path (no query string: it may carry tokens), status, duration. */
export const logRequests: Handle = async ({ event, resolve }) => {
	const start = performance.now();
	const response = await resolve(event);
	const path = event.url.pathname;
	if (path !== '/healthz' && !path.startsWith('/_app/')) {
		logger.info({ method: event.request.method, path, status: response.status, ms: Math.round(performance.now() - start) }, 'request');
	}
	return response;
};

/** Headers every response carries; the Content-Security-Policy itself comes from SvelteKit's csp option. */
export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const h = response.headers;
	// Map tiles (when the operator configured a tile server) and photos served from an S3 bucket's
	// public URL are the only outside images allowed.
	const csp = h.get('content-security-policy');
	const tiles = mapSettings().tileUrl;
	const photos = photoOrigin();
	if (csp && (tiles || photos)) {
		try {
			let policy = cspWithTiles(csp, tiles);
			if (photos) policy = cspAllowingImagesFrom(policy, photos);
			h.set('content-security-policy', policy);
		} catch {
			// immutable headers: leave them
		}
	}
	const set = (k: string, v: string) => {
		try {
			if (!h.has(k)) h.set(k, v);
		} catch {
			// immutable headers (e.g. a fetched response): leave them
		}
	};
	set('x-content-type-options', 'nosniff');
	set('referrer-policy', 'strict-origin-when-cross-origin');
	set('x-frame-options', 'DENY');
	set('permissions-policy', 'camera=(self), geolocation=(self), microphone=(), payment=()');
	set('cross-origin-opener-policy', 'same-origin');
	if (event.url.protocol === 'https:') set('strict-transport-security', 'max-age=31536000; includeSubDomains');
	return response;
};

export const withLocale: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ locale }) => {
		event.locals.locale = locale as Locale;
		return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) });
	});

/** Territory (by host), session and roles of the request. */
export const withContext: Handle = async ({ event, resolve }) => {
	const ctx = await appContext();
	event.locals.territory = await ctx.territories.get(event.url.host);
	event.locals.user = null;
	event.locals.sessionId = null;
	event.locals.roles = [];
	if (needsSession(event)) {
		const session = await ctx.auth.api.getSession({ headers: event.request.headers });
		if (session) {
			event.locals.user = { id: session.user.id, name: session.user.name, email: session.user.email };
			event.locals.sessionId = session.session.id;
			event.locals.roles = await loadMemberships(ctx.db, session.user.id);
		}
	}
	return resolve(event);
};

/** Only requests that may carry a session cookie pay for the session lookup. */
function needsSession(event: RequestEvent): boolean {
	return event.request.headers.get('cookie')?.includes('better-auth.session_token') ?? false;
}

/** better-auth's own HTTP endpoints (magic-link verification, reset links) under /api/auth. */
export const authRoutes: Handle = async ({ event, resolve }) => {
	const ctx = await appContext();
	return svelteKitHandler({ auth: ctx.auth, event, resolve, building: false });
};

/** Before the first-run setup there is no territory: everything but /setup and probes leads there. */
export const setupGate: Handle = async ({ event, resolve }) => {
	const path = event.url.pathname;
	const open = path === '/setup' || path.startsWith('/_app/') || path === '/healthz' || path === '/readyz';
	if (!event.locals.territory && !open) {
		if (path.startsWith('/api/')) return problemResponse(new DomainError(503, 'error_setup_required'), event.locals.locale, path);
		redirect(303, '/setup');
	}
	return resolve(event);
};

/**
 * The tenancy guard at the door of /pro and /admin: every page, form action and endpoint below
 * them gets `locals.shopScope` / `locals.operatorScope` from here, or never runs.
 */
export const backOfficeGuard: Handle = async ({ event, resolve }) => {
	const path = event.url.pathname;
	const isPro = path === '/pro' || path.startsWith('/pro/');
	const isAdmin = path === '/admin' || path.startsWith('/admin/');
	if (!isPro && !isAdmin) return resolve(event);
	const { locals } = event;
	if (!locals.user) redirect(303, `/connexion?redirect=${encodeURIComponent(path)}`);
	const territoryId = locals.territory!.id;
	try {
		if (isPro) locals.shopScope = shopScope(locals.user.id, locals.roles, territoryId, event.cookies.get('pro_shop'));
		else locals.operatorScope = operatorScope(locals.user.id, locals.roles, territoryId);
	} catch (e) {
		if (!(e instanceof DomainError)) throw e;
		const message = t(isPro ? 'error_not_merchant' : 'error_not_operator', locals.locale);
		// Form actions and endpoints never run without a scope. A page view goes on without one:
		// its load asks for the scope (http/scope.ts) and throws the 403 there, so the visitor gets
		// the site's own error page.
		if (event.request.method !== 'GET' && event.request.method !== 'HEAD') error(e.status, message);
		locals.accessDenied = message;
	}
	return resolve(event);
};
