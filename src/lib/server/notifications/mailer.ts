import nodemailer, { type Transporter } from 'nodemailer';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.ts';
import { logger } from '../logger.ts';

/**
 * Delivers the outbox by SMTP when SMTP_URL is set. Each round claims a few pending emails with
 * `for update skip locked` (so several app nodes never send the same email twice), sends them,
 * and marks each sent, or schedules a retry with exponential backoff (1, 2, 4… minutes, 8 tries).
 * An order or sign-in only ever writes to the outbox, so a failing SMTP server never fails it.
 */
export const MAX_ATTEMPTS = 8;

type Pending = { id: string; to_address: string; subject: string; text: string; html: string | null; attempts: number };

export async function deliverOutbox(db: Db, transport: Transporter, from: string, batch = 20): Promise<{ sent: number; failed: number }> {
	// Claim in one short statement, send outside any transaction (the embedded engine has one
	// connection: a transaction held during SMTP would stall every request). A claim expires after
	// five minutes, so emails claimed by a node that died are sent by another.
	const claimed = await queryRows<Pending>(
		db,
		sql`update outbox_emails set status = 'sending', next_attempt_at = now() + interval '5 minutes'
			where id in (
				select id from outbox_emails
				where status in ('pending', 'sending') and (next_attempt_at is null or next_attempt_at <= now())
				order by created_at limit ${batch} for update skip locked)
			returning id, to_address, subject, text, html, attempts`
	);
	let sent = 0;
	let failed = 0;
	for (const mail of claimed) {
		try {
			await transport.sendMail({ from, to: mail.to_address, subject: mail.subject, text: mail.text, html: mail.html ?? undefined });
			await db.execute(
				sql`update outbox_emails set status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = null where id = ${mail.id}`
			);
			sent++;
		} catch (error) {
			failed++;
			const attempts = mail.attempts + 1;
			const message = error instanceof Error ? error.message.slice(0, 500) : 'send failed';
			await db.execute(sql`update outbox_emails set attempts = ${attempts}, last_error = ${message},
				status = ${attempts >= MAX_ATTEMPTS ? 'failed' : 'pending'},
				next_attempt_at = now() + make_interval(mins => ${2 ** (attempts - 1)})
				where id = ${mail.id}`);
			logger.warn({ emailId: mail.id, attempts, err: message }, 'email delivery failed');
		}
	}
	return { sent, failed };
}

/** Runs deliveries every few seconds until stopped; returns the stop function. */
export function startMailer(db: Db, smtpUrl: string, from: string, everyMs = 5000): () => Promise<void> {
	const transport = nodemailer.createTransport(smtpUrl);
	let running: Promise<unknown> = Promise.resolve();
	const timer = setInterval(() => {
		running = running.then(() => deliverOutbox(db, transport, from)).catch((err) => logger.error({ err }, 'mailer round failed'));
	}, everyMs);
	return async () => {
		clearInterval(timer);
		await running;
		transport.close();
	};
}
