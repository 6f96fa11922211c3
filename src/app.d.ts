import type { Territory } from '#lib/server/territories/resolve.ts';
import type { Membership, ShopScope, OperatorScope } from '#lib/server/tenancy/guard.ts';
import type { Locale } from '#lib/server/i18n.ts';

declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			locale: Locale;
			/** Null only before the first-run setup. */
			territory: Territory | null;
			user: { id: string; name: string; email: string } | null;
			sessionId: string | null;
			roles: Membership[];
			/** Set by the tenancy guard for /pro routes, and only there. */
			shopScope?: ShopScope;
			/** Why the guard refused a page view (shown by the 403 page the page's load throws). */
			accessDenied?: string;
			/** Set by the tenancy guard for /admin routes, and only there. */
			operatorScope?: OperatorScope;
		}
	}
}

export {};
