import { shopScopeOf } from '#lib/server/http/scope.ts';
import { templateCsv } from '#lib/server/imports/export.ts';
import { download } from '#lib/server/imports/download.ts';

/** The import template: the expected headers and two example rows. */
export const GET = ({ locals }) => {
	shopScopeOf(locals);
	return download(templateCsv(), 'modele-catalogue', 'csv', false);
};
