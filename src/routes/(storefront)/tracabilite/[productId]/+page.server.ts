import type { PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { publicTraceability } from '#lib/server/traceability/read.ts';
import { notFoundAs404 } from '#lib/server/http/not-found.ts';

/** The public traceability page of a product; its URL is printed as a QR code on shelf labels: keep it. */
export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { db } = await appContext();
	const trace = await notFoundAs404(() => publicTraceability(db, locals.territory!.id, params.productId), locals.locale);
	return { trace, lot: null, origin: url.origin };
};
