import type { PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { CustomerFilters, listCustomers } from '#lib/server/reports/customers.ts';

// The shop's customers, read from its orders. Search and pages are plain GET links and forms.
export const load: PageServerLoad = async ({ locals, url }) => {
	const { db } = await appContext();
	const scope = shopScopeOf(locals);
	const filters = CustomerFilters.parse(Object.fromEntries(url.searchParams));
	return { filters, locale: locals.locale, timezone: locals.territory!.timezone, ...(await listCustomers(db, scope, filters)) };
};
