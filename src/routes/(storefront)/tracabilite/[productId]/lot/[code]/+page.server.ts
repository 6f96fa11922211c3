import type { PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { publicLotTraceability } from '#lib/server/traceability/read.ts';
import { notFoundAs404 } from '#lib/server/http/not-found.ts';

/** The public page of one lot; its URL is printed as a QR code on shelf labels: keep it. */
export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { db } = await appContext();
	const { lot, ...trace } = await notFoundAs404(
		() => publicLotTraceability(db, locals.territory!.id, params.productId, params.code.slice(0, 200)),
		locals.locale
	);
	return { trace, lot, origin: url.origin };
};
