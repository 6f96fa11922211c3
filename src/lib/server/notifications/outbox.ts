import { outboxEmails } from '../db/schema/index.ts';
import type { Db } from '../db/client.ts';

export type Email = { to: string; subject: string; text: string; html?: string; kind: string; territoryId?: string | null };

/**
 * Queues an email: written to the outbox in the caller's transaction, delivered later by the
 * mailer job (SMTP when configured). A failing SMTP server can therefore never fail the action
 * that sent the email.
 */
export async function queueEmail(db: Db, email: Email): Promise<string> {
	const [row] = await db
		.insert(outboxEmails)
		.values({
			toAddress: email.to,
			subject: email.subject,
			text: email.text,
			html: email.html,
			kind: email.kind,
			territoryId: email.territoryId ?? null
		})
		.returning({ id: outboxEmails.id });
	return row.id;
}
