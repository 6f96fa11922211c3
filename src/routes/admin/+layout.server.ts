import { operatorScopeOf } from '#lib/server/http/scope.ts';
import type { LayoutServerLoad } from './$types';

// Every /admin page view goes through the operator scope (403 page otherwise).
export const load: LayoutServerLoad = ({ locals }) => {
	operatorScopeOf(locals);
};
