import type { Db } from '../db/client.ts';
import type { Config } from '../config.ts';
import { startLoop } from './mailer.ts';
import { queueReminders } from './reminders.ts';
import { deliverPushes, vapidKeys } from './push.ts';

/**
 * The notification loops every app node runs (like the mailer): the morning reminders (once a
 * minute; concurrent nodes are harmless thanks to the dedupe key) and the pushes to merchants'
 * phones (at the mailer's pace; claims with skip locked). Both only read the database and write to it:
 * no request ever waits for them. Returns the stop function.
 */
export async function startNotificationJobs(db: Db, cfg: Config, secret: string): Promise<() => Promise<void>> {
	const keys = await vapidKeys(db);
	const stops = [
		startLoop('reminders', Math.max(cfg.mailPollMs, 60_000), () =>
			queueReminders(db, { secret, origin: cfg.origin, hour: cfg.reminderHour })
		),
		startLoop('push', cfg.mailPollMs, () => deliverPushes(db, { keys, subject: cfg.vapidSubject, claimSeconds: cfg.mailClaimSeconds }))
	];
	return async () => {
		await Promise.all(stops.map((stop) => stop()));
	};
}
