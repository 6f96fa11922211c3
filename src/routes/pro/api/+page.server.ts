import type { Actions, PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { formFailure } from '#lib/server/http/problem.ts';
import { formToObject } from '#lib/server/http/validate.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '#lib/server/api-tokens/tokens.ts';
import {
	createWebhookEndpoint,
	deleteWebhookEndpoint,
	listWebhookDeliveries,
	listWebhookEndpoints,
	sendTestDelivery
} from '#lib/server/webhooks/endpoints.ts';

// API keys and webhooks of the shop. Owners create and revoke; staff see the page read-only (the
// domain functions answer them 403). A new key is in the action's answer only: shown once.

export const load: PageServerLoad = async ({ locals }) => {
	const { db } = await appContext();
	const scope = shopScopeOf(locals);
	const [tokens, endpoints, deliveries] = await Promise.all([
		listApiTokens(db, scope),
		listWebhookEndpoints(db, scope),
		listWebhookDeliveries(db, scope)
	]);
	return {
		tokens,
		endpoints,
		deliveries,
		canManage: scope.role === 'shop_owner',
		timezone: locals.territory!.timezone,
		locale: locals.locale
	};
};

export const actions: Actions = {
	createToken: async ({ request, locals }) => {
		const values = formToObject(await request.formData());
		const { db } = await appContext();
		try {
			const created = await createApiToken(db, shopScopeOf(locals), values, locals.locale);
			return { done: 'token', token: created.token };
		} catch (e) {
			return formFailure(e, locals.locale, { form: 'token', name: values.name, scopes: values.scopes });
		}
	},
	revokeToken: async ({ request, locals }) => {
		const values = formToObject(await request.formData());
		const { db } = await appContext();
		try {
			await revokeApiToken(db, shopScopeOf(locals), values, locals.locale);
		} catch (e) {
			return formFailure(e, locals.locale, { form: 'revoke' });
		}
		return { done: 'revoked' };
	},
	addWebhook: async ({ request, locals }) => {
		const values = formToObject(await request.formData());
		const { db, config } = await appContext();
		try {
			await createWebhookEndpoint(db, shopScopeOf(locals), values, { locale: locals.locale, allowPrivate: config.webhookAllowPrivate });
		} catch (e) {
			return formFailure(e, locals.locale, {
				form: 'webhook',
				url: values.url,
				events: values.events,
				lowStockThreshold: values.lowStockThreshold
			});
		}
		return { done: 'webhook' };
	},
	deleteWebhook: async ({ request, locals }) => {
		const values = formToObject(await request.formData());
		const { db } = await appContext();
		try {
			await deleteWebhookEndpoint(db, shopScopeOf(locals), values, locals.locale);
		} catch (e) {
			return formFailure(e, locals.locale, { form: 'delete' });
		}
		return { done: 'deleted' };
	},
	testWebhook: async ({ request, locals }) => {
		const values = formToObject(await request.formData());
		const { db, config } = await appContext();
		try {
			const result = await sendTestDelivery(db, shopScopeOf(locals), values, {
				locale: locals.locale,
				allowPrivate: config.webhookAllowPrivate,
				backoffSeconds: config.webhookBackoffSeconds
			});
			return { done: 'test', code: result?.lastStatusCode ?? null, ok: result?.status === 'delivered', error: result?.lastError ?? '' };
		} catch (e) {
			return formFailure(e, locals.locale, { form: 'test' });
		}
	}
};
