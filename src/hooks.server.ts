import { sequence } from '@sveltejs/kit/hooks';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit/hooks';
import { building } from '$app/env';
import { getRequestEvent } from '$app/server';
import { sveltekitCookies } from 'better-auth/svelte-kit';
import { appContext, startApp, stopApp } from '#lib/server/runtime.ts';
import { logRequests, securityHeaders, withLocale, withContext, authRoutes, backOfficeGuard, setupGate } from '#lib/server/hooks/index.ts';
import { logger } from '#lib/server/logger.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { t, type Locale } from '#lib/server/i18n.ts';

export const init: ServerInit = async () => {
	if (building) return;
	await startApp({
		// The cookie bridge lets form actions sign people in with auth.api.* (works without JS).
		plugins: [sveltekitCookies(getRequestEvent)],
		locale: () => getLocale() as Locale,
		territoryId: () => getRequestEvent().locals.territory?.id ?? null
	});
	process.once('sveltekit:shutdown', () => void stopApp());
	// server.js announces a stop before waiting for open requests: end the order board's streams.
	process.once('echoppe:draining', () => void appContext().then((ctx) => ctx.liveOrders.close()));
};

export const handle: Handle = sequence(logRequests, securityHeaders, withLocale, withContext, authRoutes, setupGate, backOfficeGuard);

export const handleError: HandleServerError = (caught) => {
	// Errors we raise with error(status, message) already carry a translated message.
	if (caught.kind === 'app') return;
	let locale: Locale = 'fr';
	try {
		locale = getLocale() as Locale;
	} catch {
		// outside a request's locale context
	}
	if (caught.kind === 'framework' && caught.error.status === 404) return { message: t('error_not_found', locale) };
	if (caught.kind === 'framework') return;
	logger.error({ err: caught.error, path: caught.event.url.pathname }, 'unhandled error');
	return { message: t('error_internal', locale) };
};
