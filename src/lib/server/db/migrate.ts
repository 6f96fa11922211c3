import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Database } from './client.ts';

/**
 * Where the SQL migrations are: `./drizzle` next to package.json. Looked up from the working
 * directory first (the built server runs from the project root), then from this file (tests, CLI).
 */
export function migrationsFolder(): string {
	const fromCwd = resolve('drizzle');
	if (existsSync(resolve(fromCwd, 'meta/_journal.json'))) return fromCwd;
	return fileURLToPath(new URL('../../../../drizzle', import.meta.url));
}

/** Applies every pending migration; safe to run at each start and from several nodes. */
export async function migrate(database: Database): Promise<void> {
	const folder = migrationsFolder();
	if (database.engine === 'pglite') {
		await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: folder });
	} else {
		// A session lock so two nodes starting together do not race on the same migration.
		const client = await database.pool!.connect();
		try {
			await client.query('select pg_advisory_lock(727272)');
			await migratePg(database.db as unknown as NodePgDatabase, { migrationsFolder: folder });
		} finally {
			await client.query('select pg_advisory_unlock(727272)').catch(() => {});
			client.release();
		}
	}
}
