import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import nodemailer from 'nodemailer';
import { eq, sql } from 'drizzle-orm';
import { testDatabase } from '../../../../tests/setup/db.ts';
import { smtpStandIn as smtpServer } from '../../../../tests/setup/smtp.ts';
import type { Database } from '../db/client.ts';
import { outboxEmails } from '../db/schema/index.ts';
import { queueEmail } from './outbox.ts';
import { deliverOutbox, messageId, MAX_ATTEMPTS } from './mailer.ts';

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
			expect(smtp.received[0].data).toContain('claire@exemple.fr');
			const [row] = await database.db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, 'claire@exemple.fr'));
			expect(row.status).toBe('sent');
			expect(row.sentAt).toBeInstanceOf(Date);
		} finally {
			transport.close();
			await smtp.close();
		}
	});

	it('keeps a refused email for later with a growing delay, and gives up after the last try', async () => {
		const smtp = await smtpServer('refuse');
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
			await smtp.close();
		}
	});
});

describe('one email per business fact', () => {
	it('queues an email once per dedupe key and sends it with a Message-ID derived from the key', async () => {
		const smtp = await smtpServer();
		const transport = nodemailer.createTransport(smtp.url);
		try {
			const key = `order:${crypto.randomUUID()}:accepted`;
			const email = { to: 'dedupe@exemple.fr', subject: 'Acceptée', text: 'Bonjour', kind: 'order_accepted', dedupeKey: key };
			const first = await queueEmail(database.db, email);
			expect(first).toEqual(expect.any(String));
			expect(await queueEmail(database.db, email)).toBeNull();
			// Concurrent queues of one key: one row.
			await Promise.all([1, 2, 3].map(() => queueEmail(database.db, email)));
			const rows = await database.db.select().from(outboxEmails).where(eq(outboxEmails.dedupeKey, key));
			expect(rows).toHaveLength(1);
			await deliverOutbox(database.db, transport, 'Échoppe <no-reply@exemple.fr>');
			expect(smtp.accepted().map((m) => m.messageId)).toEqual([`<${key.replaceAll(':', '.')}@exemple.fr>`]);
			expect(messageId({ id: 'x', dedupe_key: null }, 'no-reply@ville.fr')).toBe('<outbox.x@ville.fr>');
		} finally {
			transport.close();
			await smtp.close();
		}
	});

	it('takes back an email whose claim expired (its node died mid-send), and only then', async () => {
		await database.db.execute(sql`update outbox_emails set status = 'sent' where status <> 'sent'`);
		const smtp = await smtpServer('stall');
		const transport = nodemailer.createTransport(smtp.url + '&socketTimeout=400');
		try {
			await queueEmail(database.db, {
				to: 'claim@exemple.fr',
				subject: 'Essai',
				text: 'Essai',
				kind: 'test',
				dedupeKey: `claim:${crypto.randomUUID()}`
			});
			// A first node claims it for 1 s and stalls in the SMTP exchange…
			const stalled = deliverOutbox(database.db, transport, 'x@exemple.fr', { claimSeconds: 1 });
			await smtp.nextInFlight();
			// …another round meanwhile finds nothing to take.
			const idle = nodemailer.createTransport(smtp.url);
			expect(await deliverOutbox(database.db, idle, 'x@exemple.fr', { claimSeconds: 1 })).toEqual({ sent: 0, failed: 0 });
			await stalled;
			// (the stalled send timed out and counted as a failed try; forget its backoff to simulate a death instead)
			await database.db.execute(
				sql`update outbox_emails set status = 'sending', next_attempt_at = now() - interval '1 second', attempts = 0 where to_address = 'claim@exemple.fr'`
			);
			smtp.mode = 'accept';
			expect(await deliverOutbox(database.db, idle, 'x@exemple.fr', { claimSeconds: 1 })).toEqual({ sent: 1, failed: 0 });
			expect(smtp.accepted()).toHaveLength(1);
			idle.close();
		} finally {
			transport.close();
			await smtp.close();
		}
	});
});
