import { pgTable, text, timestamp, integer, uuid, index } from 'drizzle-orm/pg-core';

/**
 * Every email the platform sends is first written here, then delivered by a job (SMTP when
 * configured). In embedded mode without SMTP it stays here, readable by the operator.
 */
export const outboxEmails = pgTable(
	'outbox_emails',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		territoryId: uuid('territory_id'),
		toAddress: text('to_address').notNull(),
		subject: text('subject').notNull(),
		text: text('text').notNull(),
		html: text('html'),
		kind: text('kind').notNull(),
		status: text('status').notNull().default('pending'),
		attempts: integer('attempts').notNull().default(0),
		lastError: text('last_error'),
		/** Not before this time (retries back off); null = as soon as possible. */
		nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		sentAt: timestamp('sent_at', { withTimezone: true }),
		/**
		 * One email per business fact (`order:<id>:<kind>`): queued with `on conflict do nothing`, so a
		 * replayed action or two nodes' reminder ticks queue it once; also the Message-ID's left part.
		 */
		dedupeKey: text('dedupe_key').unique('outbox_emails_dedupe_key')
	},
	(t) => [index('outbox_to').on(t.toAddress, t.createdAt)]
);

/** Platform-wide settings generated at first start and shared by every app node (auth secret…). */
export const appSettings = pgTable('app_settings', {
	key: text('key').primaryKey(),
	value: text('value').notNull(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

/** Fixed-window counters for rate limits (sign-in, sign-up, checkout), shared by all app nodes. */
export const rateLimitHits = pgTable('rate_limit_hits', {
	key: text('key').primaryKey(),
	windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
	count: integer('count').notNull()
});
