import type { PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { productTraceability } from '#lib/server/traceability/public.ts';
import { notFoundAs404 } from '#lib/server/http/not-found.ts';

/** The public traceability page of a product; its URL is printed as a QR code on shelf labels: keep it. */
export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { db } = await appContext();
	const trace = await notFoundAs404(() => productTraceability(db, locals.territory!.id, params.productId), locals.locale);
	return { trace, lot: null, origin: url.origin };
};
