import type { PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { MonthFilter, monthDocuments, sellerIdentity } from '#lib/server/invoices/queries.ts';

// The shop's invoices and credit notes, month by month, with the accountant's CSV export.
export const load: PageServerLoad = async ({ locals, url }) => {
	const { db } = await appContext();
	const scope = shopScopeOf(locals);
	const { mois } = MonthFilter.parse(Object.fromEntries(url.searchParams));
	const [docs, seller] = await Promise.all([monthDocuments(db, scope, mois), sellerIdentity(db, scope)]);
	const sum = (kind: string) => docs.filter((d) => d.kind === kind).reduce((a, d) => a + d.totalCents, 0);
	return {
		locale: locals.locale,
		month: mois,
		// Invoices print what the shop's identity says: a missing SIRET or VAT number is worth fixing before the next one.
		missingSiret: !seller.siret,
		missingVatNumber: !seller.vatNumber,
		documents: docs.map((d) => ({
			id: d.id,
			kind: d.kind,
			number: d.number,
			orderId: d.orderId,
			orderNumber: d.orderNumber,
			issuedAt: d.issuedAt,
			customerName: d.customerName,
			credits: d.credits,
			totalExclCents: d.totalExclCents,
			totalVatCents: d.totalVatCents,
			totalCents: d.totalCents
		})),
		invoicedCents: sum('invoice'),
		creditedCents: sum('credit_note')
	};
};
