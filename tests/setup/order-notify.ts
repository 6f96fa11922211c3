import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client.ts';

// TEMPORARY, until drizzle-pending/order_notify.sql becomes a numbered migration: the tests of
// the live order board install the trigger themselves. Remove this file (and its calls) then.

const file = resolve(import.meta.dirname, '../../drizzle-pending/order_notify.sql');
const statements = () =>
	readFileSync(file, 'utf8')
		.split('--> statement-breakpoint')
		.map((s) => s.trim())
		.filter(Boolean);

export async function installOrderNotify(db: Db): Promise<void> {
	for (const statement of statements()) await db.execute(sql.raw(statement));
}

/** The same through a plain connection (a running server's PostgreSQL database). */
export async function installOrderNotifyAt(databaseUrl: string): Promise<void> {
	const client = new pg.Client({ connectionString: databaseUrl });
	await client.connect();
	try {
		for (const statement of statements()) await client.query(statement);
	} finally {
		await client.end();
	}
}
