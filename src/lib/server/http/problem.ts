import { fail, type ActionFailure } from '@sveltejs/kit';
import { DomainError, InvalidInputError, ConflictError, TooManyRequestsError, type FieldErrors } from '../errors.ts';
import { t, type Locale } from '../i18n.ts';
import { logger } from '../logger.ts';

/**
 * The one place that turns errors into HTTP. API routes answer RFC 9457 problem+json; form
 * actions answer `fail()` with field errors. Unknown errors are logged and become a plain 500
 * without details.
 */
export function problemResponse(error: unknown, locale: Locale, instance?: string): Response {
	if (error instanceof DomainError) {
		const body: Record<string, unknown> = {
			type: `about:blank#${error.messageKey}`,
			title: t(error.messageKey, locale),
			status: error.status,
			instance
		};
		if (error instanceof InvalidInputError) body.errors = error.fields;
		if (error instanceof ConflictError && error.details !== undefined) body.conflicts = error.details;
		const headers: Record<string, string> = { 'content-type': 'application/problem+json' };
		if (error instanceof TooManyRequestsError) headers['retry-after'] = String(error.retryAfterSeconds);
		return new Response(JSON.stringify(body), { status: error.status, headers });
	}
	logger.error({ err: error, instance }, 'unexpected error');
	return new Response(JSON.stringify({ type: 'about:blank', title: t('error_internal', locale), status: 500 }), {
		status: 500,
		headers: { 'content-type': 'application/problem+json' }
	});
}

export type FormFailure = { errors: FieldErrors; message?: string; values?: Record<string, unknown> };

/** Maps a domain error raised by a form action to a failure the page shows next to fields. */
export function formFailure(error: unknown, locale: Locale, values?: Record<string, unknown>): ActionFailure<FormFailure> {
	if (error instanceof InvalidInputError) return fail(400, { errors: error.fields, values });
	if (error instanceof DomainError) {
		return fail(error.status, { errors: {}, message: t(error.messageKey, locale), values });
	}
	throw error;
}

/** JSON response helper for the API (money stays integer cents). */
export function json(data: unknown, init: ResponseInit = {}): Response {
	return new Response(JSON.stringify(data), {
		...init,
		headers: { 'content-type': 'application/json', ...(init.headers ?? {}) }
	});
}
