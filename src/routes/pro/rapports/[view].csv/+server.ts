import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { problemResponse } from '#lib/server/http/problem.ts';
import { download } from '#lib/server/imports/download.ts';
import { t } from '#lib/server/i18n.ts';
import { parsePeriod } from '#lib/server/reports/period.ts';
import { salesReport } from '#lib/server/reports/sales.ts';
import { REPORT_VIEWS, reportCsv, reportFileName, type ReportView } from '#lib/server/reports/csv.ts';

/** One report view as a CSV for the accountant: /pro/rapports/ventes.csv, produits.csv, tva.csv (same query as the page). */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const scope = shopScopeOf(locals);
	const view = params.view as ReportView;
	if (!REPORT_VIEWS.includes(view)) error(404, t('error_not_found', locals.locale));
	const { db } = await appContext();
	const timezone = locals.territory!.timezone;
	try {
		const report = await salesReport(db, scope, parsePeriod(url.searchParams, timezone, locals.locale), timezone);
		return download(reportCsv(report, view, locals.locale), reportFileName(view, report), 'csv', false);
	} catch (e) {
		return problemResponse(e, locals.locale, url.pathname);
	}
};
