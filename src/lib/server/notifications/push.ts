import webpush from 'web-push';
import type { Agent } from 'node:https';
import { z } from 'zod';
import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.ts';
import { pushSubscriptions } from '../db/schema/index.ts';
import { ensureSetting } from '../settings.ts';
import { parseInput } from '../http/validate.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import { t, type Locale } from '../i18n.ts';
import { euros } from '../../format.ts';
import { logger } from '../logger.ts';

export type VapidKeys = { publicKey: string; privateKey: string };

/**
 * The platform's VAPID key pair: generated at first start and kept in `app_settings`, so every
 * node signs with the same key (a subscription is bound to the public key it was made with).
 */
export async function vapidKeys(db: Db): Promise<VapidKeys> {
	const stored = await ensureSetting(db, 'vapid_keys', () => JSON.stringify(webpush.generateVAPIDKeys()));
	return JSON.parse(stored) as VapidKeys;
}

const base64url = (max: number) =>
	z
		.string()
		.trim()
		.min(8, 'notify_error_subscription')
		.max(max, 'notify_error_subscription')
		.regex(/^[A-Za-z0-9_-]+=*$/, 'notify_error_subscription');

/** What `PushSubscription.toJSON()` gives in the browser. Push services are https only. */
export const subscriptionSchema = z.object({
	endpoint: z
		.string()
		.trim()
		.max(2000, 'notify_error_subscription')
		.refine((value) => URL.canParse(value) && new URL(value).protocol === 'https:', 'notify_error_subscription'),
	keys: z.object({ p256dh: base64url(200), auth: base64url(100) })
});

/**
 * Saves this phone's subscription for the scope's shop and user. The endpoint is unique: a phone
 * that subscribes again (new keys, another shop) replaces its row.
 */
export async function saveSubscription(db: Db, scope: ShopScope, input: unknown, locale: Locale = 'fr'): Promise<void> {
	const sub = parseInput(subscriptionSchema, input, locale);
	await db
		.insert(pushSubscriptions)
		.values({ userId: scope.userId, shopId: scope.shopId, endpoint: sub.endpoint, p256dh: sub.keys.p256dh, auth: sub.keys.auth })
		.onConflictDoUpdate({
			target: pushSubscriptions.endpoint,
			set: { userId: scope.userId, shopId: scope.shopId, p256dh: sub.keys.p256dh, auth: sub.keys.auth, lastError: null, lastErrorAt: null }
		});
}

/** Forgets a subscription of this shop (the phone turned notifications off). */
export async function deleteSubscription(db: Db, scope: ShopScope, endpoint: string): Promise<void> {
	await db.delete(pushSubscriptions).where(and(eq(pushSubscriptions.shopId, scope.shopId), eq(pushSubscriptions.endpoint, endpoint)));
}

export async function countSubscriptions(db: Db, scope: ShopScope): Promise<number> {
	const [row] = await queryRows<{ n: number }>(
		db,
		sql`select count(*)::int as n from push_subscriptions where shop_id = ${scope.shopId} and user_id = ${scope.userId}`
	);
	return Number(row?.n ?? 0);
}

export type PushOptions = {
	keys: VapidKeys;
	subject: string;
	claimSeconds?: number;
	/** For a push service with its own certificate authority (tests). */
	agent?: Agent;
	locale?: Locale;
};

type Claimed = {
	id: string;
	shop_id: string;
	kind: string;
	order_id: string | null;
	data: { number?: number; customerName?: string; totalCents?: number; accepted?: boolean };
	created_at: Date | string;
};
type Subscription = { id: string; endpoint: string; p256dh: string; auth: string };

/**
 * What the phone shows for one feed row, in the merchant's language. A new order opens the
 * board (tagged with the order: one notification per order); the customer's cancellation or
 * answer to a substitution opens the order itself, with a tag of its own so it rings even while
 * the new-order notification is still on screen (a notification replacing one with the same tag
 * does not ring).
 */
export function pushMessage(note: Pick<Claimed, 'id' | 'kind' | 'order_id' | 'data'>, l: Locale) {
	const number = note.data.number ?? '';
	const name = note.data.customerName ?? '';
	const total = euros(Number(note.data.totalCents ?? 0), l);
	const order = note.order_id ? `/pro/commandes/${note.order_id}` : '/pro/notifications';
	if (note.kind === 'order_cancelled')
		return {
			title: t('notify_push_cancelled_title', l, { number }),
			body: t('notify_push_cancelled_body', l, { name, total }),
			url: order,
			tag: note.id
		};
	if (note.kind === 'substitution_answered') {
		const answer = note.data.accepted ? 'accepted' : 'refused';
		return {
			title: t(`notify_push_substitution_${answer}_title`, l, { number }),
			body: t(`notify_push_substitution_${answer}_body`, l, { name }),
			url: order,
			tag: note.id
		};
	}
	return {
		title: t('notify_push_title', l, { number }),
		body: t('notify_push_body', l, { name, total }),
		url: '/pro/commandes',
		tag: note.order_id ?? note.id
	};
}

/**
 * Pushes each new order, each cancellation by the customer and each answer of the customer to a
 * proposed substitution to the phones of its shop. The `notifications` feed is the outbox: rows
 * not yet pushed are claimed (skip locked, the claim lasts `claimSeconds`, so a node that dies
 * leaves them to another), sent with the `web-push` library, then stamped `pushed_at`: one push
 * per row, whatever the number of nodes. Never from the checkout or the customer's page: a slow
 * push service cannot slow an order. A push is best effort, one try per phone (a missed one is
 * still on the board and in the feed); an endpoint answered 404/410 is gone for good and its
 * subscription is deleted. Rows older than a day are not pushed (a node back after a long stop
 * does not ring for yesterday), and a phone only hears of what happened after it subscribed.
 *
 * Two claims in one statement, each on an index (a single `kind in (…)` would read the whole
 * feed at every round): new orders through their partial index `notifications_to_push` (every
 * shop's, stamped even without phones), the customer's news through the feed's (shop, date)
 * index, for the shops that have phones only (elsewhere they stay unstamped and age out).
 */
export async function deliverPushes(db: Db, options: PushOptions): Promise<{ pushed: number; failed: number }> {
	const claimed = await queryRows<Claimed>(
		db,
		sql`with new_orders as (
				select id from notifications
				where pushed_at is null and kind = 'order_new' and created_at > now() - interval '1 day'
					and (push_claimed_until is null or push_claimed_until <= now())
				order by created_at limit 20 for update skip locked
			), customer_news as (
				select id from notifications
				where pushed_at is null and kind in ('order_cancelled', 'substitution_answered')
					and created_at > now() - interval '1 day'
					and shop_id in (select shop_id from push_subscriptions)
					and (push_claimed_until is null or push_claimed_until <= now())
				order by created_at limit 20 for update skip locked
			)
			update notifications set push_claimed_until = now() + make_interval(secs => ${options.claimSeconds ?? 300})
			where id in (select id from new_orders union all select id from customer_news)
			returning id, shop_id, kind, order_id, data, created_at`
	);
	// Oldest first: a new order rings before its cancellation when both are in one round.
	claimed.sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime());
	let pushed = 0;
	let failed = 0;
	const l = options.locale ?? 'fr';
	for (const note of claimed) {
		const subs = await queryRows<Subscription>(
			db,
			sql`select id, endpoint, p256dh, auth from push_subscriptions
				where shop_id = ${note.shop_id} and created_at <= (select created_at from notifications where id = ${note.id})`
		);
		const payload = JSON.stringify(pushMessage(note, l));
		for (const sub of subs) {
			try {
				await webpush.sendNotification({ endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } }, payload, {
					vapidDetails: { subject: options.subject, ...options.keys },
					TTL: 3600,
					urgency: 'high',
					timeout: 10_000,
					agent: options.agent
				});
				pushed++;
			} catch (error) {
				failed++;
				const status = error instanceof webpush.WebPushError ? error.statusCode : 0;
				if (status === 404 || status === 410) {
					await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, sub.id));
				} else {
					const message = error instanceof Error ? error.message.slice(0, 300) : 'push failed';
					await db.update(pushSubscriptions).set({ lastError: message, lastErrorAt: new Date() }).where(eq(pushSubscriptions.id, sub.id));
					logger.warn({ subscriptionId: sub.id, status, err: message }, 'web push failed');
				}
			}
		}
		await db.execute(sql`update notifications set pushed_at = now() where id = ${note.id}`);
	}
	return { pushed, failed };
}
