import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.ts';
import { queueStatusEmail } from '../orders/emails.ts';

export type ReminderOptions = {
	secret: string;
	origin: string;
	/** From this hour of the territory's day (0–23), the day's reminders go out. */
	hour: number;
	/** For tests: the current time. */
	now?: Date;
};

/**
 * The morning reminder: on the day of its slot, from `hour` (territory time), one email per order
 * still accepted, preparing or ready whose slot has not ended. Orders placed after that morning's
 * reminder time are left out (their confirmation is hours old at most). Each email's dedupe key
 * `order:<id>:reminder` makes it at most one per order, however many nodes run this tick at once
 * and however often; the `not exists` only saves the work of rebuilding emails already queued.
 */
export async function queueReminders(db: Db, options: ReminderOptions): Promise<number> {
	const now = options.now ?? new Date();
	const due = await queryRows<{ id: string; timezone: string }>(
		db,
		sql`select o.id, t.timezone
			from orders o
			join slots s on s.id = o.slot_id
			join territories t on t.id = o.territory_id
			where o.status in ('accepted', 'preparing', 'ready')
				and s.ends_at > ${now}::timestamptz
				and (s.starts_at at time zone t.timezone)::date = (${now}::timestamptz at time zone t.timezone)::date
				and extract(hour from ${now}::timestamptz at time zone t.timezone) >= ${options.hour}
				and o.created_at < (date_trunc('day', ${now}::timestamptz at time zone t.timezone) + make_interval(hours => ${options.hour})) at time zone t.timezone
				and not exists (select 1 from outbox_emails e where e.dedupe_key = 'order:' || o.id || ':reminder')
			order by s.starts_at
			limit 500`
	);
	for (const order of due) {
		await queueStatusEmail(db, order.id, 'reminder', null, { secret: options.secret, origin: options.origin, timezone: order.timezone });
	}
	return due.length;
}
