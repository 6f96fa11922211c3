import type { RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { appContext } from '../runtime.ts';
import type { Db } from '../db/client.ts';
import type { Territory } from '../territories/resolve.ts';
import { DomainError, InvalidInputError, NotFoundError } from '../errors.ts';
import { t, type Locale } from '../i18n.ts';
import { hit } from '../security/rate-limit.ts';
import { parseInput } from './validate.ts';
import { problemResponse, json } from './problem.ts';
import { clientAddress } from './event.ts';
import { DEFAULT_MAX_BODY_BYTES, type OperationSpec } from './openapi.ts';

type ZodObjectSchema = z.ZodObject<z.ZodRawShape>;
type Parsed<S> = S extends z.ZodType ? z.output<S> : Record<string, never>;

export type EndpointInput<Q, P, B = undefined, H = undefined> = {
	query: Parsed<Q>;
	params: Parsed<P>;
	/** The JSON body, parsed by the operation's `body` schema (undefined without one). */
	body: B extends z.ZodType ? z.output<B> : undefined;
	/** The declared request headers, parsed by the operation's `headers` schema. */
	headers: Parsed<H>;
	db: Db;
	territory: Territory;
	event: RequestEvent;
};

/** An answer whose status or headers depend on the outcome (a replayed request, say). */
export class Reply<T = unknown> {
	constructor(
		readonly body: T,
		readonly status?: number,
		readonly headers: Record<string, string> = {}
	) {}
}

export const reply = <T>(body: T, init: { status?: number; headers?: Record<string, string> } = {}) =>
	new Reply(body, init.status, init.headers);

/**
 * Runs an API operation from its declaration, in this order: rate limit (429), path parameters
 * (rejected → 404), query string (→ 400 with `errors` per parameter), request headers (→ 400),
 * JSON body (malformed → 400, too large → 413, not JSON → 415, rejected by the schema → 422 with
 * `errors` per field); then calls the handler, answers JSON with the operation's success status,
 * and maps every error to problem+json in one place.
 */
export function endpoint<
	Q extends ZodObjectSchema | undefined,
	P extends ZodObjectSchema | undefined,
	B extends z.ZodType | undefined,
	H extends ZodObjectSchema | undefined,
	R
>(
	operation: OperationSpec<Q, P, B, H>,
	handler: (input: EndpointInput<Q, P, B, H>) => Promise<R | Reply<R>>
): (event: RequestEvent) => Promise<Response> {
	const publicHeaders: Record<string, string> = operation.cacheSeconds ? { 'access-control-allow-origin': '*' } : {};
	const successHeaders: Record<string, string> = operation.cacheSeconds
		? { ...publicHeaders, 'cache-control': `public, max-age=${operation.cacheSeconds}` }
		: { 'cache-control': 'no-store' };
	return async (event) => {
		const { locals, url } = event;
		try {
			const territory = locals.territory;
			if (!territory) throw new NotFoundError('territory');
			const { db } = await appContext();
			if (operation.rateLimit) {
				// Before any parsing: every attempt counts, well-formed or not.
				await hit(db, `${operation.rateLimit.name}:${clientAddress(event)}`, operation.rateLimit.rule);
			}
			const params = (operation.params ? parsePath(operation.params, event.params) : {}) as Parsed<P>;
			const query = (operation.query ? parseInput(operation.query, queryObject(url.searchParams), locals.locale, 400) : {}) as Parsed<Q>;
			const headers = (
				operation.headers ? parseInput(operation.headers, headerObject(operation.headers, event.request.headers), locals.locale, 400) : {}
			) as Parsed<H>;
			const body = (
				operation.body
					? parseInput(
							operation.body,
							await readJson(event.request, operation.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, locals.locale),
							locals.locale
						)
					: undefined
			) as EndpointInput<Q, P, B, H>['body'];
			const result = await handler({ query, params, body, headers, db, territory, event });
			const answer = result instanceof Reply ? result : new Reply(result);
			const status = answer.status ?? operation.successStatus ?? 200;
			if (status === 204) return new Response(null, { status, headers: { ...successHeaders, ...answer.headers } });
			return json(answer.body, { status, headers: { ...successHeaders, ...answer.headers } });
		} catch (error) {
			const response = problemResponse(error, locals.locale, url.pathname);
			for (const [k, v] of Object.entries(publicHeaders)) response.headers.set(k, v);
			return response;
		}
	};
}

function parsePath(schema: ZodObjectSchema, params: Partial<Record<string, string>>) {
	const result = schema.safeParse(params);
	if (!result.success) throw new NotFoundError('resource');
	return result.data;
}

/** Empty parameters (`?q=&shop=`, as plain forms send them) count as absent; the last repeat wins. */
function queryObject(search: URLSearchParams): Record<string, string> {
	return Object.fromEntries([...search].filter(([, value]) => value !== ''));
}

/** The declared headers only, under their declared spelling (header names are case-insensitive). */
function headerObject(schema: ZodObjectSchema, headers: Headers): Record<string, string> {
	const out: Record<string, string> = {};
	for (const name of Object.keys(schema.shape)) {
		const value = headers.get(name);
		if (value !== null) out[name] = value;
	}
	return out;
}

const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;

/**
 * Reads a JSON body, at most `limit` bytes. A larger body is read to its end and dropped (so the
 * connection can answer 413 cleanly rather than being cut), up to the server's BODY_SIZE_LIMIT,
 * past which the adapter stops the stream with its own 413 that we answer the same way.
 */
async function readJson(request: Request, limit: number, locale: Locale): Promise<unknown> {
	const type = request.headers.get('content-type');
	if (type && !JSON_TYPE.test(type)) throw new DomainError(415, 'error_body_not_json');
	const chunks: Uint8Array[] = [];
	let size = 0;
	if (request.body) {
		const reader = request.body.getReader();
		try {
			for (;;) {
				const { done, value } = await reader.read();
				if (done) break;
				size += value.byteLength;
				if (size <= limit) chunks.push(value);
			}
		} catch (error) {
			if (statusOf(error) === 413) throw new DomainError(413, 'error_body_too_large');
			throw malformed(locale);
		}
	}
	if (size > limit) throw new DomainError(413, 'error_body_too_large');
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
	} catch {
		throw malformed(locale);
	}
	try {
		return JSON.parse(text);
	} catch {
		throw malformed(locale);
	}
}

const malformed = (locale: Locale) => new InvalidInputError({ body: [t('error_body_malformed', locale)] }, 400);

function statusOf(error: unknown): number | undefined {
	return error && typeof error === 'object' && 'status' in error && typeof error.status === 'number' ? error.status : undefined;
}
