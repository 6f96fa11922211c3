import type { PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { InvalidInputError } from '#lib/server/errors.ts';
import { parsePeriod, quickPeriod, QUICK_PERIODS } from '#lib/server/reports/period.ts';
import { salesReport } from '#lib/server/reports/sales.ts';

// Sales reports: a plain GET form (period, grouping) and quick-period links, so it works without
// JavaScript. A bad period shows the form with its field errors and no figures.
export const load: PageServerLoad = async ({ locals, url }) => {
	const { db } = await appContext();
	const scope = shopScopeOf(locals);
	const timezone = locals.territory!.timezone;
	const quick = QUICK_PERIODS.map((kind) => ({ kind, ...quickPeriod(kind, timezone) }));
	const asked = { from: url.searchParams.get('from') ?? '', to: url.searchParams.get('to') ?? '', by: url.searchParams.get('by') ?? '' };
	try {
		const period = parsePeriod(url.searchParams, timezone, locals.locale);
		return { timezone, locale: locals.locale, quick, asked, errors: null, report: await salesReport(db, scope, period, timezone) };
	} catch (e) {
		if (!(e instanceof InvalidInputError)) throw e;
		return { timezone, locale: locals.locale, quick, asked, errors: e.fields, report: null };
	}
};
