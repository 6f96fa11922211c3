import { error } from '@sveltejs/kit';
import type { ShopScope, OperatorScope } from '../tenancy/guard.ts';

/**
 * The scopes the tenancy guard (hooks/backOfficeGuard) set for this request. When the guard
 * refused a page view, these throw the 403 from inside the page's load, so the site's own error
 * page is shown (an error thrown by a hook gets SvelteKit's bare fallback page).
 */
export function shopScopeOf(locals: App.Locals): ShopScope {
	if (!locals.shopScope) error(403, locals.accessDenied ?? 'forbidden');
	return locals.shopScope;
}

export function operatorScopeOf(locals: App.Locals): OperatorScope {
	if (!locals.operatorScope) error(403, locals.accessDenied ?? 'forbidden');
	return locals.operatorScope;
}
