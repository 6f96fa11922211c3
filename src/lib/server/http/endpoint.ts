import type { RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { appContext } from '../runtime.ts';
import type { Db } from '../db/client.ts';
import type { Territory } from '../territories/resolve.ts';
import { NotFoundError } from '../errors.ts';
import { parseInput } from './validate.ts';
import { problemResponse, json } from './problem.ts';
import type { OperationSpec } from './openapi.ts';

type ZodObjectSchema = z.ZodObject<z.ZodRawShape>;
type Parsed<S> = S extends z.ZodType ? z.output<S> : Record<string, never>;

export type EndpointInput<Q, P> = { query: Parsed<Q>; params: Parsed<P>; db: Db; territory: Territory; event: RequestEvent };

/**
 * Runs an API operation from its declaration: parses path parameters (rejected → 404) and the
 * query string (rejected → 400 with `errors` per parameter) with the documented schemas, calls
 * the handler, answers JSON, and maps every error to problem+json in one place.
 */
export function endpoint<Q extends ZodObjectSchema | undefined, P extends ZodObjectSchema | undefined, R>(
	operation: OperationSpec<Q, P>,
	handler: (input: EndpointInput<Q, P>) => Promise<R>
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
			const params = (operation.params ? parsePath(operation.params, event.params) : {}) as Parsed<P>;
			const query = (operation.query ? parseInput(operation.query, queryObject(url.searchParams), locals.locale, 400) : {}) as Parsed<Q>;
			const { db } = await appContext();
			const data = await handler({ query, params, db, territory, event });
			return json(data, { headers: successHeaders });
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
