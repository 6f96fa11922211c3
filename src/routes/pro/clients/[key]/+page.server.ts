import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { customerDetail } from '#lib/server/reports/customers.ts';
import { NotFoundError } from '#lib/server/errors.ts';
import { t } from '#lib/server/i18n.ts';

// One customer and their orders at this shop. A key that names no customer of this shop (another
// shop's, or made up) answers 404, exactly alike.
export const load: PageServerLoad = async ({ locals, params }) => {
	const { db } = await appContext();
	const scope = shopScopeOf(locals);
	try {
		return { locale: locals.locale, timezone: locals.territory!.timezone, customer: await customerDetail(db, scope, params.key) };
	} catch (e) {
		if (e instanceof NotFoundError) error(404, t('error_not_found', locals.locale));
		throw e;
	}
};
