import { inject } from 'vitest';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/lib/server/db/client.ts';
import { withDatabase } from './global.ts';

/**
 * A fresh, migrated database of its own for a test file, on the engine the suite runs on
 * (PGlite by default, PostgreSQL when TEST_DATABASE_URL is set). Close it in afterAll.
 */
export async function testDatabase(): Promise<Database> {
	const tpl = inject('dbTemplate');
	if (tpl.kind === 'pglite') {
		const blob = new Blob([readFileSync(tpl.file)]);
		return openDatabase({ loadDataDir: blob });
	}
	const name = `echoppe_t_${randomBytes(6).toString('hex')}`;
	const admin = new pg.Client({ connectionString: tpl.url });
	await admin.connect();
	await admin.query(`create database ${name} template ${tpl.template}`);
	await admin.end();
	const database = await openDatabase({ databaseUrl: withDatabase(tpl.url, name), poolSize: 30 });
	return {
		...database,
		async close() {
			await database.close();
			const a = new pg.Client({ connectionString: tpl.url });
			await a.connect();
			await a.query(`drop database if exists ${name} with (force)`).catch(() => {});
			await a.end();
		}
	};
}
