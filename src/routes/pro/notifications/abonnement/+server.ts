import type { RequestHandler } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { json, problemResponse } from '#lib/server/http/problem.ts';
import { countSubscriptions, deleteSubscription, saveSubscription, vapidKeys } from '#lib/server/notifications/push.ts';

// This phone's web-push subscription for the current shop (the tenancy guard set the scope).
// GET: the VAPID public key the browser subscribes with; POST: the browser's
// `PushSubscription.toJSON()`; DELETE: `{ endpoint }`, to stop.

export const GET: RequestHandler = async ({ locals }) => {
	const { db } = await appContext();
	const scope = shopScopeOf(locals);
	const { publicKey } = await vapidKeys(db);
	return json({ publicKey, subscriptions: await countSubscriptions(db, scope) }, { headers: { 'cache-control': 'no-store' } });
};

async function body(request: Request): Promise<unknown> {
	try {
		return await request.json();
	} catch {
		return null;
	}
}

export const POST: RequestHandler = async ({ locals, request }) => {
	const { db } = await appContext();
	try {
		await saveSubscription(db, shopScopeOf(locals), await body(request), locals.locale);
		return json({ subscribed: true }, { status: 201 });
	} catch (e) {
		return problemResponse(e, locals.locale);
	}
};

export const DELETE: RequestHandler = async ({ locals, request }) => {
	const { db } = await appContext();
	const input = await body(request);
	const endpoint = input && typeof input === 'object' && 'endpoint' in input ? String(input.endpoint).slice(0, 2000) : '';
	await deleteSubscription(db, shopScopeOf(locals), endpoint);
	return new Response(null, { status: 204 });
};
