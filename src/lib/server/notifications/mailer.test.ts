import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createServer, type Server } from 'node:net';
import nodemailer from 'nodemailer';
import { eq, sql } from 'drizzle-orm';
import { testDatabase } from '../../../../tests/setup/db.ts';
import type { Database } from '../db/client.ts';
import { outboxEmails } from '../db/schema/index.ts';
import { queueEmail } from './outbox.ts';
import { deliverOutbox, MAX_ATTEMPTS } from './mailer.ts';

/**
 * A minimal SMTP server on 127.0.0.1 that records what it receives (or refuses every message),
 * so the real nodemailer client speaks real SMTP in these tests.
 */
function smtpServer(refuse = false): Promise<{ server: Server; port: number; received: string[] }> {
	const received: string[] = [];
	const server = createServer((socket) => {
		let data = false;
		let buffer = '';
		socket.write('220 test ESMTP\r\n');
		socket.on('data', (chunk) => {
			buffer += chunk.toString();
			let index: number;
			while ((index = buffer.indexOf('\r\n')) >= 0) {
				const line = buffer.slice(0, index);
				buffer = buffer.slice(index + 2);
				if (data) {
					if (line === '.') {
						data = false;
						socket.write(refuse ? '554 refused\r\n' : '250 queued\r\n');
					} else received[received.length - 1] += line + '\n';
					continue;
				}
				const verb = line.slice(0, 4).toUpperCase();
				if (verb === 'EHLO' || verb === 'HELO') socket.write('250 test\r\n');
				else if (verb === 'DATA') {
					data = true;
					received.push('');
					socket.write('354 go\r\n');
				} else if (verb === 'QUIT') socket.end('221 bye\r\n');
				else socket.write('250 ok\r\n');
			}
		});
	});
	return new Promise((ok) =>
		server.listen(0, '127.0.0.1', () => ok({ server, port: (server.address() as { port: number }).port, received }))
	);
}

let database: Database;
beforeAll(async () => {
	database = await testDatabase();
});
afterAll(async () => {
	await database.close();
});

describe('outbox delivery by SMTP', () => {
	it('sends pending emails once and marks them sent', async () => {
		const smtp = await smtpServer();
		const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true });
		try {
			await queueEmail(database.db, {
				to: 'claire@exemple.fr',
				subject: 'Commande n° 1',
				text: 'Bonjour Claire',
				kind: 'order_confirmation'
			});
			expect(await deliverOutbox(database.db, transport, 'Échoppe <no-reply@exemple.fr>')).toEqual({ sent: 1, failed: 0 });
			expect(await deliverOutbox(database.db, transport, 'Échoppe <no-reply@exemple.fr>')).toEqual({ sent: 0, failed: 0 });
			expect(smtp.received).toHaveLength(1);
			expect(smtp.received[0]).toContain('claire@exemple.fr');
			const [row] = await database.db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, 'claire@exemple.fr'));
			expect(row.status).toBe('sent');
			expect(row.sentAt).toBeInstanceOf(Date);
		} finally {
			transport.close();
			smtp.server.close();
		}
	});

	it('keeps a refused email for later with a growing delay, and gives up after the last try', async () => {
		const smtp = await smtpServer(true);
		const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true });
		try {
			await queueEmail(database.db, { to: 'refus@exemple.fr', subject: 'Essai', text: 'Essai', kind: 'test' });
			expect(await deliverOutbox(database.db, transport, 'x@exemple.fr')).toEqual({ sent: 0, failed: 1 });
			const [after] = await database.db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, 'refus@exemple.fr'));
			expect(after).toMatchObject({ status: 'pending', attempts: 1 });
			expect(after.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() + 30_000);
			// Not retried before its time…
			expect(await deliverOutbox(database.db, transport, 'x@exemple.fr')).toEqual({ sent: 0, failed: 0 });
			// …then, at the last allowed try, marked failed.
			await database.db.execute(
				sql`update outbox_emails set next_attempt_at = now(), attempts = ${MAX_ATTEMPTS - 1} where to_address = 'refus@exemple.fr'`
			);
			await deliverOutbox(database.db, transport, 'x@exemple.fr');
			const [last] = await database.db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, 'refus@exemple.fr'));
			expect(last.status).toBe('failed');
		} finally {
			transport.close();
			smtp.server.close();
		}
	});
});
