import type { RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { appContext } from '../runtime.ts';
import { NotFoundError } from '../errors.ts';
import { authenticateBearer, requireApiScope, type ApiAccess, type ApiScope } from '../api-tokens/tokens.ts';
import { endpoint, type EndpointInput, type Reply } from './endpoint.ts';
import { problemResponse } from './problem.ts';
import type { OperationSpec } from './openapi.ts';

type ZodObjectSchema = z.ZodObject<z.ZodRawShape>;

/**
 * A merchant API route: the bearer token is resolved (401), its scope checked (403) and counted
 * against its rate limit (429) before anything of the request is read; then the operation runs as
 * `endpoint()` runs any other, with `access.scope` as the ShopScope the domain functions take.
 */
export function proEndpoint<
	Q extends ZodObjectSchema | undefined,
	P extends ZodObjectSchema | undefined,
	B extends z.ZodType | undefined,
	H extends ZodObjectSchema | undefined,
	R
>(
	operation: OperationSpec<Q, P, B, H>,
	needed: ApiScope,
	handler: (input: EndpointInput<Q, P, B, H> & { access: ApiAccess }) => Promise<R | Reply<R>>
): (event: RequestEvent) => Promise<Response> {
	return async (event) => {
		let access: ApiAccess;
		try {
			const territory = event.locals.territory;
			if (!territory) throw new NotFoundError('territory');
			const { db } = await appContext();
			access = await authenticateBearer(db, event.request.headers.get('authorization'), territory.id);
			requireApiScope(access, needed);
		} catch (error) {
			const response = problemResponse(error, event.locals.locale, event.url.pathname);
			if (response.status === 401) response.headers.set('www-authenticate', 'Bearer realm="echoppe"');
			response.headers.set('cache-control', 'no-store');
			return response;
		}
		return endpoint(operation, (input) => handler({ ...input, access }))(event);
	};
}
