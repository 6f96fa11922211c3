import { createServer, type Server, type Socket } from 'node:net';

/** One message as the stand-in saw it: its raw text and whether it answered 250 (accepted). */
export type SmtpMessage = { data: string; accepted: boolean; messageId: string | null };

export type SmtpStandIn = {
	server: Server;
	port: number;
	url: string;
	/** Every message whose DATA was completed, accepted or not. */
	received: SmtpMessage[];
	/** Messages answered 250. */
	accepted(): SmtpMessage[];
	/** Resolves when the next message's final dot has arrived (the message is in flight). */
	nextInFlight(): Promise<SmtpMessage>;
	/** Changes how the next messages are answered. */
	mode: SmtpMode;
	close(): Promise<void>;
};

/**
 * `accept` answers 250; `refuse` 554; `hang` never greets; `stall` reads the whole message and
 * never answers it (the client waits for the 250 that does not come).
 */
export type SmtpMode = 'accept' | 'refuse' | 'hang' | 'stall';

/**
 * A minimal SMTP server on 127.0.0.1 (the mail server is a third party: the real nodemailer
 * client speaks real SMTP to this stand-in). Records every message and how it was answered.
 */
export function smtpStandIn(mode: SmtpMode = 'accept'): Promise<SmtpStandIn> {
	const received: SmtpMessage[] = [];
	const sockets = new Set<Socket>();
	let waiters: ((m: SmtpMessage) => void)[] = [];
	const standIn = { received, mode } as SmtpStandIn;
	const server = createServer((socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		socket.on('error', () => {});
		if (standIn.mode === 'hang') return;
		let data = false;
		let buffer = '';
		let current: SmtpMessage | null = null;
		socket.write('220 test ESMTP\r\n');
		socket.on('data', (chunk) => {
			buffer += chunk.toString();
			let index: number;
			while ((index = buffer.indexOf('\r\n')) >= 0) {
				const line = buffer.slice(0, index);
				buffer = buffer.slice(index + 2);
				if (data && current) {
					if (line === '.') {
						data = false;
						const message = current;
						message.messageId = /^message-id:\s*(\S+)/im.exec(message.data)?.[1] ?? null;
						received.push(message);
						const answer = standIn.mode;
						for (const wake of waiters) wake(message);
						waiters = [];
						if (answer === 'stall') continue;
						message.accepted = answer === 'accept';
						socket.write(message.accepted ? '250 queued\r\n' : '554 refused\r\n');
					} else current.data += line + '\n';
					continue;
				}
				const verb = line.slice(0, 4).toUpperCase();
				if (verb === 'EHLO' || verb === 'HELO') socket.write('250 test\r\n');
				else if (verb === 'DATA') {
					data = true;
					current = { data: '', accepted: false, messageId: null };
					socket.write('354 go\r\n');
				} else if (verb === 'QUIT') socket.end('221 bye\r\n');
				else socket.write('250 ok\r\n');
			}
		});
	});
	return new Promise((ok) =>
		server.listen(0, '127.0.0.1', () => {
			const port = (server.address() as { port: number }).port;
			Object.assign(standIn, {
				server,
				port,
				url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
				accepted: () => received.filter((m) => m.accepted),
				nextInFlight: () => new Promise<SmtpMessage>((wake) => waiters.push(wake)),
				close: () =>
					new Promise<void>((done) => {
						for (const s of sockets) s.destroy();
						server.close(() => done());
					})
			});
			ok(standIn);
		})
	);
}
