import nodemailer, { type Transporter } from 'nodemailer';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.ts';
import { mailAddress } from '../config.ts';
import { logger } from '../logger.ts';

/**
 * Delivers the outbox by SMTP when SMTP_URL is set. Each round claims a few pending emails with
 * `for update skip locked` (so several app nodes never send the same email twice), sends them,
 * and marks each sent, or schedules a retry with exponential backoff (1, 2, 4… minutes, 8 tries).
 * An order or sign-in only ever writes to the outbox, so a failing SMTP server never fails it.
 *
 * Exactly once means: accepted once by the SMTP server (its 250 reply to the message). The one
 * window left is a process dying after that 250 and before the row is marked sent: the claim
 * expires and the email goes again. It then carries the same Message-ID (derived from the dedupe
 * key, or the outbox id), which lets receiving servers and mail clients drop the duplicate.
 */
export const MAX_ATTEMPTS = 8;

type Pending = {
	id: string;
	to_address: string;
	subject: string;
	text: string;
	html: string | null;
	attempts: number;
	dedupe_key: string | null;
};

export type DeliveryOptions = {
	/** How long a claim lasts before another round may take the email again (default 300 s). */
	claimSeconds?: number;
	batch?: number;
};

/**
 * A Message-ID that is the same every time this email is sent: `<order.<id>.accepted@host>` from
 * the dedupe key `order:<id>:accepted`, else `<outbox.<id>@host>`.
 */
export function messageId(mail: { id: string; dedupe_key: string | null }, from: string): string {
	const local = mail.dedupe_key ? mail.dedupe_key.replace(/[^A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.]/g, '.') : `outbox.${mail.id}`;
	const host = mailAddress(from).split('@')[1] || 'echoppe.localhost';
	return `<${local}@${host}>`;
}

export async function deliverOutbox(
	db: Db,
	transport: Transporter,
	from: string,
	options: DeliveryOptions | number = {}
): Promise<{ sent: number; failed: number }> {
	const { claimSeconds = 300, batch = 20 } = typeof options === 'number' ? { batch: options } : options;
	// Claim in one short statement, send outside any transaction (the embedded engine has one
	// connection: a transaction held during SMTP would stall every request). A claim expires after
	// `claimSeconds`, so emails claimed by a node that died are sent by another (or by it, restarted).
	const claimed = await queryRows<Pending>(
		db,
		sql`update outbox_emails set status = 'sending', next_attempt_at = now() + make_interval(secs => ${claimSeconds})
			where id in (
				select id from outbox_emails
				where status in ('pending', 'sending') and (next_attempt_at is null or next_attempt_at <= now())
				order by created_at limit ${batch} for update skip locked)
			returning id, to_address, subject, text, html, attempts, dedupe_key`
	);
	let sent = 0;
	let failed = 0;
	for (const mail of claimed) {
		try {
			await transport.sendMail({
				from,
				to: mail.to_address,
				subject: mail.subject,
				text: mail.text,
				html: mail.html ?? undefined,
				messageId: messageId(mail, from)
			});
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

/**
 * The SMTP client: bounded timeouts, so a server that hangs costs the mailer loop (never a
 * request) at most a minute per email before it counts as a failed try.
 */
export function smtpTransport(smtpUrl: string): Transporter {
	const url = new URL(smtpUrl);
	// nodemailer reads its options from the URL's query; the operator's own values win.
	for (const [key, ms] of [
		['connectionTimeout', 15_000],
		['greetingTimeout', 15_000],
		['socketTimeout', 60_000]
	] as const) {
		if (!url.searchParams.has(key)) url.searchParams.set(key, String(ms));
	}
	return nodemailer.createTransport(url.toString());
}

/** Runs `round` every `everyMs` (rounds never overlap) until stopped; returns the stop function. */
export function startLoop(name: string, everyMs: number, round: () => Promise<unknown>): () => Promise<void> {
	let running: Promise<unknown> = Promise.resolve();
	let busy = false;
	const timer = setInterval(() => {
		if (busy) return;
		busy = true;
		running = round()
			.catch((err) => logger.error({ err }, `${name} round failed`))
			.finally(() => (busy = false));
	}, everyMs);
	timer.unref?.();
	return async () => {
		clearInterval(timer);
		await running;
	};
}

/** Runs deliveries every few seconds until stopped; returns the stop function. */
export function startMailer(db: Db, smtpUrl: string, from: string, everyMs = 5000, claimSeconds = 300): () => Promise<void> {
	const transport = smtpTransport(smtpUrl);
	const stop = startLoop('mailer', everyMs, () => deliverOutbox(db, transport, from, { claimSeconds }));
	return async () => {
		await stop();
		transport.close();
	};
}
