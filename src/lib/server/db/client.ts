import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { cube } from '@electric-sql/pglite/contrib/cube';
import { earthdistance } from '@electric-sql/pglite/contrib/earthdistance';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { SQL } from 'drizzle-orm';
import * as schema from './schema/index.ts';
import { logger } from '../logger.ts';

/** The one database handle type the domain code takes, whichever engine is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type Database = {
	db: Db;
	engine: 'pglite' | 'postgres';
	/** The embedded engine, when embedded (pg-boss and LISTEN/NOTIFY need it). */
	pglite?: PGlite;
	pool?: pg.Pool;
	close(): Promise<void>;
};

/** PGlite needs its extensions loaded at start; PostgreSQL ships them as contrib. */
export const pgliteExtensions = { pg_trgm, unaccent, cube, earthdistance };

export type OpenOptions = { databaseUrl?: string; dataDir?: string; poolSize?: number; loadDataDir?: Blob | File };

export async function openDatabase(options: OpenOptions): Promise<Database> {
	if (options.databaseUrl) {
		const pool = new pg.Pool({
			connectionString: options.databaseUrl,
			max: options.poolSize ?? 20,
			// Set once per connection rather than per query: no JIT compilation nor parallel workers,
			// whose start-up costs more than this app's short queries (a whole-catalogue sort by price
			// crossed the JIT threshold and took 100 ms more to compile than to run).
			options: '-c jit=off -c max_parallel_workers_per_gather=0'
		});
		// An idle connection that the server closes (restart, failover, admin) is re-emitted here;
		// without a listener Node would crash the process. The pool replaces it on next use.
		pool.on('error', (error) => logger.warn({ err: error.message }, 'database connection lost'));
		const db = drizzlePg(pool, { schema }) as unknown as Db;
		return { db, engine: 'postgres', pool, close: () => pool.end() };
	}
	if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
	const pglite = await PGlite.create({
		dataDir: options.dataDir,
		extensions: pgliteExtensions,
		loadDataDir: options.loadDataDir
	});
	const db = drizzlePglite(pglite, { schema }) as unknown as Db;
	return { db, engine: 'pglite', pglite, close: () => pglite.close() };
}

/** Runs raw SQL and returns its rows; both drivers answer `{ rows }`. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
	const result = (await db.execute(query)) as unknown as { rows: T[] };
	return result.rows;
}
