import http from 'node:http';
import https from 'node:https';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.ts';
import { logger } from '../logger.ts';
import { guardedLookup, urlProblem } from './address.ts';
import { signatureHeader } from './signature.ts';

/**
 * Sends the webhook deliveries the triggers wrote. Like the mailer: each round claims a few due
 * deliveries with `for update skip locked` (several app nodes never send one twice at the same
 * time; a claim expires after 5 minutes, so a node that died leaves nothing stuck), sends them
 * outside any transaction, 10 s at most each, and marks each delivered (2xx) or schedules a retry
 * after the next wait of `backoffSeconds` — failed for good after the last one.
 */
export type DispatchOptions = {
	allowPrivate: boolean;
	/** Waits before retries 1, 2, 3…; tries = waits + 1. */
	backoffSeconds: readonly number[];
	timeoutMs?: number;
	batch?: number;
	/** Send this delivery only (the test button), if it is due. */
	onlyId?: string;
};

export const DEFAULT_BACKOFF_SECONDS = [60, 300, 1800, 7200, 21600, 43200, 86400];
const TIMEOUT_MS = 10_000;

type Claimed = { id: string; event: string; payload: unknown; attempts: number; url: string; secret: string };

export async function deliverWebhooks(db: Db, o: DispatchOptions): Promise<{ delivered: number; failed: number }> {
	const only = o.onlyId ? sql`and id = ${o.onlyId}` : sql``;
	const claimed = await queryRows<Claimed>(
		db,
		sql`update webhook_deliveries d set status = 'sending', next_attempt_at = now() + interval '5 minutes'
			from webhook_endpoints e
			where e.id = d.endpoint_id and d.id in (
				select id from webhook_deliveries
				where status in ('pending', 'sending') and next_attempt_at <= now() ${only}
				order by next_attempt_at limit ${o.batch ?? 20} for update skip locked)
			returning d.id, d.event, d.payload, d.attempts, e.url, e.secret`
	);
	const results = await Promise.all(claimed.map((d) => send(d, o)));
	let delivered = 0;
	for (const [i, d] of claimed.entries()) {
		const { status, error } = results[i];
		const attempts = d.attempts + 1;
		if (status !== null && status >= 200 && status < 300) {
			delivered++;
			await db.execute(sql`update webhook_deliveries set status = 'delivered', attempts = ${attempts}, last_status_code = ${status},
				last_error = null, delivered_at = now() where id = ${d.id}`);
			continue;
		}
		const wait = o.backoffSeconds[attempts - 1];
		const final = wait === undefined;
		await db.execute(sql`update webhook_deliveries set attempts = ${attempts}, last_status_code = ${status}, last_error = ${error},
			status = ${final ? 'failed' : 'pending'},
			next_attempt_at = ${final ? sql`now()` : sql`now() + make_interval(secs => ${wait})`}
			where id = ${d.id}`);
		logger.warn({ deliveryId: d.id, attempts, status, err: error }, 'webhook delivery failed');
	}
	return { delivered, failed: claimed.length - delivered };
}

/** One POST; resolves with the status code (null when no answer) and what went wrong. */
function send(d: Claimed, o: DispatchOptions): Promise<{ status: number | null; error: string | null }> {
	const problem = urlProblem(d.url, o.allowPrivate);
	if (problem) return Promise.resolve({ status: null, error: `refused URL (${problem})` });
	const body = JSON.stringify(d.payload);
	const url = new URL(d.url);
	const client = url.protocol === 'https:' ? https : http;
	return new Promise((resolve) => {
		const request = client.request(
			url,
			{
				method: 'POST',
				lookup: guardedLookup(o.allowPrivate) as never,
				signal: AbortSignal.timeout(o.timeoutMs ?? TIMEOUT_MS),
				headers: {
					'Content-Type': 'application/json',
					'Content-Length': Buffer.byteLength(body),
					'User-Agent': 'Echoppe-Webhooks/1',
					'Echoppe-Event': d.event,
					'Echoppe-Delivery': d.id,
					'Echoppe-Signature': signatureHeader(d.secret, body)
				}
			},
			(response) => {
				// The answer's body is not kept: drain it so the socket is freed.
				response.resume();
				response.on('end', () => {
					const status = response.statusCode ?? null;
					resolve({ status, error: status !== null && status >= 200 && status < 300 ? null : `HTTP ${status}` });
				});
				response.on('error', (err) => resolve({ status: response.statusCode ?? null, error: err.message.slice(0, 300) }));
			}
		);
		request.on('error', (err) => resolve({ status: null, error: (err.name === 'AbortError' ? 'timeout' : err.message).slice(0, 300) }));
		request.end(body);
	});
}

/** The delivery log keeps this many days of finished deliveries; older ones are deleted. */
export const KEEP_DAYS = 30;

export async function purgeOldDeliveries(db: Db): Promise<void> {
	await db.execute(sql`delete from webhook_deliveries
		where status in ('delivered', 'failed') and created_at < now() - make_interval(days => ${KEEP_DAYS})`);
}

/** Runs rounds every `everyMs` (and a purge of the old log every hour) until stopped; returns the stop function. */
export function startWebhookDispatcher(db: Db, o: DispatchOptions, everyMs = 2000): () => Promise<void> {
	let running: Promise<unknown> | null = null;
	let purgedAt = 0;
	const timer = setInterval(() => {
		const purge = Date.now() - purgedAt > 3_600_000;
		if (purge && !running) purgedAt = Date.now();
		// A round still sending (slow receivers) is not joined by another one.
		running ??= (purge ? purgeOldDeliveries(db) : Promise.resolve())
			.then(() => deliverWebhooks(db, o))
			.catch((err) => logger.error({ err }, 'webhook round failed'))
			.finally(() => (running = null));
	}, everyMs);
	return async () => {
		clearInterval(timer);
		await running;
	};
}
