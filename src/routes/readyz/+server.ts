import { sql } from 'drizzle-orm';
import { appContext } from '#lib/server/runtime.ts';

/** Readiness: the database answers (a load balancer sends traffic only then). */
export const GET = async () => {
	try {
		const { db } = await appContext();
		await db.execute(sql`select 1`);
		return new Response('ready', { headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' } });
	} catch {
		return new Response('not ready', { status: 503, headers: { 'content-type': 'text/plain' } });
	}
};
