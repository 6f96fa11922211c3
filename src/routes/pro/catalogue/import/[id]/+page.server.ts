import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { formFailure } from '#lib/server/http/problem.ts';
import { NotFoundError } from '#lib/server/errors.ts';
import { applyImport, getImport } from '#lib/server/imports/import.ts';

/** Another shop's import is "not found". */
function notFound(e: unknown): never {
	if (e instanceof NotFoundError) error(404, 'not found');
	throw e;
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const { db } = await appContext();
	const found = await getImport(db, shopScopeOf(locals), params.id).catch(notFound);
	return { import: { ...found, createdAt: found.createdAt.toISOString(), appliedAt: found.appliedAt?.toISOString() ?? null } };
};

export const actions: Actions = {
	/** The merchant confirms: everything is applied in one transaction, or nothing. */
	apply: async ({ locals, params }) => {
		const scope = shopScopeOf(locals);
		const { db } = await appContext();
		try {
			const summary = await applyImport(db, scope, params.id, locals.locale);
			return { applied: summary };
		} catch (e) {
			if (e instanceof NotFoundError) notFound(e);
			return formFailure(e, locals.locale);
		}
	}
};
