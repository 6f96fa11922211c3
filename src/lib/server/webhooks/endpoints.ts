import { and, count, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog, shops, webhookDeliveries, webhookEndpoints } from '../db/schema/index.ts';
import type { Db } from '../db/client.ts';
import { requireOwner, type ShopScope } from '../tenancy/guard.ts';
import { DomainError, NotFoundError } from '../errors.ts';
import { parseInput } from '../http/validate.ts';
import type { Locale } from '../i18n.ts';
import { urlProblem } from './address.ts';
import { newWebhookSecret } from './signature.ts';
import { deliverWebhooks, type DispatchOptions } from './dispatcher.ts';

// A shop's webhook endpoints (owners add and remove them; staff may look, without the secrets)
// and the log of what was sent to them. Deliveries themselves are written by database triggers
// (drizzle/0009_api_webhooks.sql) in the transaction of the change they announce.

export const WEBHOOK_EVENTS = ['order.created', 'order.updated', 'stock.low'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
export const MAX_ENDPOINTS = 10;
export const LOG_LIMIT = 50;

const URL_MESSAGES = {
	scheme: 'api_error_url_scheme',
	credentials: 'api_error_url_credentials',
	private: 'api_error_url_private'
} as const;

const createInput = (allowPrivate: boolean) =>
	z.object({
		url: z
			.string({ message: 'api_error_url_scheme' })
			.trim()
			.min(1, 'api_error_url_scheme')
			.max(2000, 'api_error_url_long')
			.superRefine((value, ctx) => {
				const problem = urlProblem(value, allowPrivate);
				if (problem) ctx.addIssue({ code: 'custom', message: URL_MESSAGES[problem] });
			}),
		events: z.preprocess(
			(v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
			z
				.array(z.enum(WEBHOOK_EVENTS, { message: 'api_error_event_unknown' }))
				.min(1, 'api_error_events_required')
				.transform((list) => [...new Set(list)])
		),
		lowStockThreshold: z.preprocess(
			(v) => (v === undefined || v === '' ? 3 : typeof v === 'string' ? Number(v.replace(',', '.')) : v),
			z.number({ message: 'api_error_threshold' }).min(0, 'api_error_threshold').max(1_000_000, 'api_error_threshold')
		)
	});

const idInput = z.object({ id: z.uuid({ message: 'error_resource_not_found' }) });

export type EndpointOptions = { locale: Locale; allowPrivate: boolean };

/** An owner adds an endpoint; its signing secret is generated here. */
export async function createWebhookEndpoint(db: Db, scope: ShopScope, input: unknown, o: EndpointOptions) {
	requireOwner(scope);
	const value = parseInput(createInput(o.allowPrivate), input, o.locale);
	return db.transaction(async (tx) => {
		await tx.select({ id: shops.id }).from(shops).where(eq(shops.id, scope.shopId)).for('update');
		const [{ n }] = await tx.select({ n: count() }).from(webhookEndpoints).where(eq(webhookEndpoints.shopId, scope.shopId));
		if (n >= MAX_ENDPOINTS) throw new DomainError(409, 'api_error_too_many_endpoints');
		const [row] = await tx
			.insert(webhookEndpoints)
			.values({
				shopId: scope.shopId,
				url: value.url,
				events: value.events,
				lowStockThreshold: value.lowStockThreshold,
				secret: newWebhookSecret(),
				createdBy: scope.userId
			})
			.returning({ id: webhookEndpoints.id, secret: webhookEndpoints.secret });
		await tx.insert(auditLog).values({
			territoryId: scope.territoryId,
			shopId: scope.shopId,
			actorUserId: scope.userId,
			action: 'webhook.created',
			data: { endpointId: row.id, url: value.url, events: value.events }
		});
		return row;
	});
}

/** An owner removes an endpoint; its pending deliveries go with it. */
export async function deleteWebhookEndpoint(db: Db, scope: ShopScope, input: unknown, locale: Locale): Promise<void> {
	requireOwner(scope);
	const { id } = parseInput(idInput, input, locale);
	await db.transaction(async (tx) => {
		const [row] = await tx
			.delete(webhookEndpoints)
			.where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.shopId, scope.shopId)))
			.returning({ url: webhookEndpoints.url });
		if (!row) throw new NotFoundError('webhook endpoint');
		await tx.insert(auditLog).values({
			territoryId: scope.territoryId,
			shopId: scope.shopId,
			actorUserId: scope.userId,
			action: 'webhook.deleted',
			data: { endpointId: id, url: row.url }
		});
	});
}

/** The shop's endpoints; secrets for owners only. */
export async function listWebhookEndpoints(db: Db, scope: ShopScope) {
	const rows = await db
		.select()
		.from(webhookEndpoints)
		.where(eq(webhookEndpoints.shopId, scope.shopId))
		.orderBy(desc(webhookEndpoints.createdAt));
	return rows.map((r) => ({
		id: r.id,
		url: r.url,
		events: r.events,
		lowStockThreshold: r.lowStockThreshold,
		createdAt: r.createdAt,
		secret: scope.role === 'shop_owner' ? r.secret : null
	}));
}

/** The latest deliveries of the shop, newest first, with what was sent. */
export async function listWebhookDeliveries(db: Db, scope: ShopScope, limit = LOG_LIMIT) {
	return db
		.select({
			id: webhookDeliveries.id,
			endpointUrl: webhookEndpoints.url,
			event: webhookDeliveries.event,
			status: webhookDeliveries.status,
			attempts: webhookDeliveries.attempts,
			lastStatusCode: webhookDeliveries.lastStatusCode,
			lastError: webhookDeliveries.lastError,
			nextAttemptAt: webhookDeliveries.nextAttemptAt,
			createdAt: webhookDeliveries.createdAt,
			deliveredAt: webhookDeliveries.deliveredAt,
			payload: webhookDeliveries.payload
		})
		.from(webhookDeliveries)
		.innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
		.where(eq(webhookDeliveries.shopId, scope.shopId))
		.orderBy(desc(webhookDeliveries.createdAt))
		.limit(limit);
}

/**
 * The "test" button: a `ping` delivery to one endpoint, sent now (not by the next dispatcher
 * round) so the merchant sees the answer at once; a failure is retried like any other.
 */
export async function sendTestDelivery(
	db: Db,
	scope: ShopScope,
	input: unknown,
	o: EndpointOptions & Omit<DispatchOptions, 'allowPrivate'>
) {
	requireOwner(scope);
	const { id } = parseInput(idInput, input, o.locale);
	const [endpoint] = await db
		.select({ id: webhookEndpoints.id })
		.from(webhookEndpoints)
		.where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.shopId, scope.shopId)));
	if (!endpoint) throw new NotFoundError('webhook endpoint');
	const deliveryId = crypto.randomUUID();
	await db.insert(webhookDeliveries).values({
		id: deliveryId,
		endpointId: endpoint.id,
		shopId: scope.shopId,
		event: 'ping',
		payload: { id: deliveryId, event: 'ping', createdAt: new Date().toISOString(), data: { shopId: scope.shopId } }
	});
	await deliverWebhooks(db, { ...o, onlyId: deliveryId });
	const [row] = await db
		.select({ status: webhookDeliveries.status, lastStatusCode: webhookDeliveries.lastStatusCode, lastError: webhookDeliveries.lastError })
		.from(webhookDeliveries)
		.where(eq(webhookDeliveries.id, deliveryId));
	return row;
}
