import type { RequestHandler } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { shopScopeOf } from '#lib/server/http/scope.ts';

// Server-sent events for the order board: one `order` event per change of one of THIS shop's
// orders (the tenancy guard gave us the scope; the feed filters by shop), whichever app node
// made the change. A comment line every 25 s keeps proxies from closing an idle stream. The
// stream ends when the browser goes away and when the server stops (the feed closes it), so it
// never holds a graceful stop up; EventSource reconnects by itself after `retry` ms.

const HEARTBEAT_MS = 25_000;

export const GET: RequestHandler = async ({ locals, request }) => {
	const scope = shopScopeOf(locals);
	const { liveOrders } = await appContext();
	const encoder = new TextEncoder();
	let cleanup = () => {};

	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			let open = true;
			const send = (text: string) => {
				if (!open) return;
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					cleanup();
				}
			};
			const heartbeat = setInterval(() => send(': ping\n\n'), HEARTBEAT_MS);
			const unsubscribe = liveOrders.subscribe(scope.shopId, {
				change: (c) => send(`event: order\ndata: ${JSON.stringify({ orderId: c.orderId, status: c.status })}\n\n`),
				resync: () => send('event: resync\ndata: {}\n\n'),
				close: () => {
					cleanup();
					try {
						controller.close();
					} catch {
						// already closed by the client
					}
				}
			});
			cleanup = () => {
				if (!open) return;
				open = false;
				clearInterval(heartbeat);
				unsubscribe();
			};
			request.signal.addEventListener('abort', () => cleanup(), { once: true });
			send('retry: 3000\n: ready\n\n');
		},
		cancel() {
			cleanup();
		}
	});

	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-store',
			// nginx and similar proxies: do not buffer the stream.
			'x-accel-buffering': 'no',
			// When the stream ends (server stopping), close the socket too rather than keep it
			// alive: a graceful stop waits for every open connection.
			connection: 'close'
		}
	});
};
