import { error, redirect, type RequestHandler } from '@sveltejs/kit';
import { appContext } from '#lib/server/runtime.ts';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { formToObject } from '#lib/server/http/validate.ts';
import { NotFoundError } from '#lib/server/errors.ts';
import { loadLabels, recordPrintedLots } from '#lib/server/labels/data.ts';
import { parseSheetForm, SheetInputError } from '#lib/server/labels/input.ts';
import { renderLabelSheets } from '#lib/server/labels/pdf.ts';
import { pdfResponse } from '#lib/server/pdf/document.ts';
import { shops } from '#lib/server/db/schema/index.ts';
import { eq } from 'drizzle-orm';

/**
 * The label sheets as a PDF, from the `/pro/etiquettes` form (POST, works without JavaScript) or
 * the same fields as GET parameters. `all=1` prints every product the page showed (`shown`).
 * Bad input goes back to the page with a message; another shop's product is a 404. The lots printed
 * are recorded (audit log), which fixes their codes.
 */
const sheet: RequestHandler = async ({ locals, url, request }) => {
	const scope = shopScopeOf(locals);
	const { db } = await appContext();
	const values =
		request.method === 'POST'
			? formToObject(await request.formData())
			: Object.fromEntries([...new Set(url.searchParams.keys())].map((k) => [k, url.searchParams.getAll(k)]));
	if ([values.all].flat()[0] === '1') values.product = [values.shown ?? []].flat();
	try {
		const input = parseSheetForm(values, locals.locale);
		const labels = await loadLabels(db, scope, input.requests);
		// A lot on a label keeps its code from now on (its QR code opens the lot's page).
		await recordPrintedLots(db, scope, labels);
		const [shop] = await db.select({ name: shops.name }).from(shops).where(eq(shops.id, scope.shopId));
		// The QR codes point to this request's origin: the territory's own host.
		const bytes = await renderLabelSheets({
			labels,
			layout: input.layout,
			start: input.start,
			origin: url.origin,
			locale: locals.locale,
			shopName: shop?.name ?? ''
		});
		return pdfResponse(bytes, `etiquettes-${input.layout}.pdf`);
	} catch (e) {
		if (e instanceof NotFoundError) error(404, 'not found');
		if (e instanceof SheetInputError) {
			const back = new URLSearchParams({ erreur: e.code });
			const layout = [values.layout].flat()[0];
			if (typeof layout === 'string') back.set('layout', layout);
			redirect(303, `/pro/etiquettes?${back}`);
		}
		throw e;
	}
};

export const GET = sheet;
export const POST = sheet;
