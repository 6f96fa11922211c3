import { outboxEmails } from '../db/schema/index.ts';
import type { Db } from '../db/client.ts';

export type Email = {
	to: string;
	subject: string;
	text: string;
	html?: string;
	kind: string;
	territoryId?: string | null;
	/**
	 * One email per business fact, e.g. `orderEmailKey(id, 'accepted')`: a second queue with the
	 * same key does nothing (replays, concurrent reminder ticks on several nodes). Also gives the
	 * email a stable Message-ID, so a resend after a crash can be dropped by mail servers.
	 */
	dedupeKey?: string;
};

/** The dedupe key of an order's email of one kind: `order:<id>:<kind>`. */
export const orderEmailKey = (orderId: string, kind: OrderEmailKind) => `order:${orderId}:${kind}`;

/**
 * The kinds of email an order gets, each at most once. `unavailable` and `substitution` belong to
 * the preparation screens, which pass their keys the same way.
 */
export type OrderEmailKind =
	'confirmation' | 'accepted' | 'ready' | 'reminder' | 'cancelled' | 'refused' | 'unavailable' | 'substitution' | (string & {});

/**
 * Queues an email: written to the outbox in the caller's transaction, delivered later by the
 * mailer job (SMTP when configured). A failing SMTP server can therefore never fail the action
 * that sent the email. Returns the outbox id, or null when an email with the same dedupe key was
 * already queued (nothing written).
 */
export async function queueEmail(db: Db, email: Email): Promise<string | null> {
	const [row] = await db
		.insert(outboxEmails)
		.values({
			toAddress: email.to,
			subject: email.subject,
			text: email.text,
			html: email.html,
			kind: email.kind,
			territoryId: email.territoryId ?? null,
			dedupeKey: email.dedupeKey ?? null
		})
		.onConflictDoNothing({ target: outboxEmails.dedupeKey })
		.returning({ id: outboxEmails.id });
	return row?.id ?? null;
}
