import { createServer, type Server } from 'node:http';

export type Received = { headers: Record<string, string | string[] | undefined>; body: string; at: number };

/**
 * A webhook receiver on 127.0.0.1, as a shop's server would be: it records each request (headers,
 * raw body, time) and answers the statuses given, one per request, then 200.
 */
export async function webhookReceiver(statuses: number[] = []) {
	const received: Received[] = [];
	const server: Server = createServer((req, res) => {
		let body = '';
		req.setEncoding('utf8');
		req.on('data', (c: string) => (body += c));
		req.on('end', () => {
			received.push({ headers: req.headers, body, at: Date.now() });
			res.statusCode = statuses.shift() ?? 200;
			res.end();
		});
	});
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return { url: `http://127.0.0.1:${port}/echoppe`, received, close: () => new Promise((ok) => server.close(ok)) };
}
