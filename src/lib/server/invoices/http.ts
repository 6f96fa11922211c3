import { error } from '@sveltejs/kit';
import { pdfResponse } from '../pdf/document.ts';
import { NotFoundError } from '../errors.ts';
import { t, type Locale } from '../i18n.ts';
import { invoicePdf, pdfFilename } from './pdf.ts';
import type { InvoiceDocument } from './queries.ts';

// The routes' side of invoices (the one file here that knows SvelteKit): every download route
// loads a document its own way (merchant scope or customer token) and answers the same.

/** The PDF of a stored document, generated on demand from its snapshot; "not found" is the site's 404 page. */
export async function documentDownload(locale: Locale, load: () => Promise<InvoiceDocument>): Promise<Response> {
	let doc: InvoiceDocument;
	try {
		doc = await load();
	} catch (e) {
		if (e instanceof NotFoundError) error(404, t('error_not_found', locale));
		throw e;
	}
	return pdfResponse(await invoicePdf(doc), pdfFilename(doc));
}
