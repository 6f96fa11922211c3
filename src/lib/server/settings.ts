import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { appSettings } from './db/schema/index.ts';
import type { Db } from './db/client.ts';

/**
 * Returns the stored setting, creating it with `make()` the first time. Insert-or-ignore then
 * read, so several nodes starting together agree on one value.
 */
export async function ensureSetting(db: Db, key: string, make: () => string): Promise<string> {
	await db.insert(appSettings).values({ key, value: make() }).onConflictDoNothing();
	const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, key));
	return row.value;
}

export const randomSecret = () => randomBytes(32).toString('base64url');
