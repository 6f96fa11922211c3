import pg from 'pg';
import type { Database } from '../db/client.ts';
import { logger } from '../logger.ts';
import { ORDER_STATUSES, type OrderStatus } from './transitions.ts';

// The real-time feed of order changes, one per app node. The database is the bus: a trigger on
// `orders` (drizzle-pending/order_notify.sql) calls pg_notify in the transaction that creates or
// moves an order, so every node hears about every committed change, whichever node made it.
// - PostgreSQL: one dedicated connection per node (not from the pool: a pooled connection is
//   handed to other queries and its LISTEN would be lost), re-opened with backoff when it drops.
//   Notifications sent while it was down are lost, so on reconnection every subscriber is told
//   to resync (the board reloads its list).
// - PGlite (embedded, one process): its own `listen`.
// Subscribers are per shop: a merchant's stream only ever receives its own shop's orders.

export const ORDERS_CHANNEL = 'echoppe_orders';

export type OrderChange = { shopId: string; orderId: string; status: OrderStatus };

export type OrderSubscriber = {
	change(change: OrderChange): void;
	/** Changes may have been missed (the listening connection was re-opened): reload. */
	resync(): void;
	/** The feed is closing (server shutdown): end the stream. */
	close(): void;
};

export type LiveOrders = {
	subscribe(shopId: string, subscriber: OrderSubscriber): () => void;
	/** Resolves when the node is listening (tests wait for it before making changes). */
	ready(): Promise<void>;
	close(): Promise<void>;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A payload from the channel, checked: anything else on it is ignored, never forwarded. */
export function parseOrderChange(payload: string | undefined): OrderChange | null {
	if (!payload) return null;
	try {
		const v = JSON.parse(payload) as Record<string, unknown>;
		if (typeof v.shopId !== 'string' || !UUID.test(v.shopId)) return null;
		if (typeof v.orderId !== 'string' || !UUID.test(v.orderId)) return null;
		if (!ORDER_STATUSES.includes(v.status as OrderStatus)) return null;
		return { shopId: v.shopId, orderId: v.orderId, status: v.status as OrderStatus };
	} catch {
		return null;
	}
}

export function startLiveOrders(database: Database, options: { databaseUrl?: string; maxBackoffMs?: number } = {}): LiveOrders {
	const byShop = new Map<string, Set<OrderSubscriber>>();
	let closed = false;
	const each = (fn: (s: OrderSubscriber) => void) => {
		for (const set of byShop.values()) for (const s of set) fn(s);
	};
	const dispatch = (payload: string | undefined) => {
		const change = parseOrderChange(payload);
		if (!change) return;
		for (const s of byShop.get(change.shopId) ?? []) {
			try {
				s.change(change);
			} catch (e) {
				logger.warn({ err: e }, 'order feed subscriber failed');
			}
		}
	};

	let stopListening: () => Promise<void> = async () => {};
	let ready: Promise<void>;
	if (database.engine === 'pglite' && database.pglite) {
		const pglite = database.pglite;
		ready = pglite.listen(ORDERS_CHANNEL, dispatch).then((unsubscribe) => {
			stopListening = () => unsubscribe();
		});
	} else {
		const url = options.databaseUrl;
		if (!url) throw new Error('live orders on PostgreSQL need the database URL');
		const listener = pgListener(url, dispatch, () => each((s) => s.resync()), options.maxBackoffMs ?? 30_000);
		ready = listener.ready;
		stopListening = listener.stop;
	}
	ready.catch((e) => logger.error({ err: e }, 'order feed could not listen'));

	return {
		subscribe(shopId, subscriber) {
			if (closed) {
				subscriber.close();
				return () => {};
			}
			let set = byShop.get(shopId);
			if (!set) byShop.set(shopId, (set = new Set()));
			set.add(subscriber);
			return () => {
				set.delete(subscriber);
				if (set.size === 0 && byShop.get(shopId) === set) byShop.delete(shopId);
			};
		},
		ready: () => ready,
		async close() {
			if (closed) return;
			closed = true;
			each((s) => s.close());
			byShop.clear();
			await stopListening().catch(() => {});
		}
	};
}

/** The dedicated LISTEN connection of a PostgreSQL node, re-opened with backoff when it drops. */
function pgListener(url: string, onPayload: (payload: string | undefined) => void, onReconnect: () => void, maxBackoffMs: number) {
	let client: pg.Client | null = null;
	/** The connection being opened or in use: events of an older, abandoned one are ignored. */
	let latest: pg.Client | null = null;
	let stopped = false;
	let attempt = 0;
	let timer: NodeJS.Timeout | null = null;
	let markReady: () => void;
	const ready = new Promise<void>((resolve) => (markReady = resolve));

	const connect = async () => {
		if (stopped) return;
		const c = new pg.Client({ connectionString: url, application_name: 'echoppe-orders-listen' });
		latest = c;
		// Without an error listener a dropped connection would crash the process.
		c.on('error', (e) => {
			logger.warn({ err: e.message }, 'order feed connection lost');
			retry(c);
		});
		c.on('end', () => retry(c));
		c.on('notification', (n) => {
			if (n.channel === ORDERS_CHANNEL) onPayload(n.payload);
		});
		try {
			await c.connect();
			await c.query(`LISTEN ${ORDERS_CHANNEL}`);
		} catch (e) {
			logger.warn({ err: (e as Error).message }, 'order feed could not connect');
			retry(c);
			return;
		}
		if (stopped) {
			await c.end().catch(() => {});
			return;
		}
		client = c;
		if (attempt > 0) onReconnect();
		attempt = 0;
		markReady();
	};
	const retry = (c: pg.Client) => {
		if (stopped || timer || c !== latest) return;
		client = null;
		c.removeAllListeners('end');
		c.end().catch(() => {});
		const delay = Math.min(maxBackoffMs, 250 * 2 ** attempt++);
		timer = setTimeout(() => {
			timer = null;
			void connect();
		}, delay);
		timer.unref();
	};
	void connect();
	return {
		ready,
		async stop() {
			stopped = true;
			if (timer) clearTimeout(timer);
			const c = client;
			client = null;
			if (c) {
				c.removeAllListeners('end');
				await c.end().catch(() => {});
			}
		}
	};
}
