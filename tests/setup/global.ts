import type { TestProject } from 'vitest/node';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../src/lib/server/db/client.ts';
import { migrate } from '../../src/lib/server/db/migrate.ts';

/**
 * Migrates once into a template, so each test file starts from a copy in milliseconds:
 * PGlite: a dumped data directory each file loads; PostgreSQL: a template database each file
 * clones with CREATE DATABASE … TEMPLATE.
 */
export default async function setup(project: TestProject) {
	const url = process.env.TEST_DATABASE_URL;
	if (url) {
		const template = `echoppe_tpl_${process.pid}`;
		const admin = new pg.Client({ connectionString: url });
		await admin.connect();
		await admin.query(`drop database if exists ${template}`);
		await admin.query(`create database ${template}`);
		const database = await openDatabase({ databaseUrl: withDatabase(url, template), poolSize: 2 });
		await migrate(database);
		await database.close();
		project.provide('dbTemplate', { kind: 'postgres', url, template });
		return async () => {
			await admin.query(`drop database if exists ${template} with (force)`).catch(() => {});
			await admin.end();
		};
	}
	const dir = mkdtempSync(join(tmpdir(), 'echoppe-tpl-'));
	const database = await openDatabase({});
	await migrate(database);
	const dump = await database.pglite!.dumpDataDir('none');
	await database.close();
	const file = join(dir, 'template.tar');
	writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
	project.provide('dbTemplate', { kind: 'pglite', file });
	return () => rmSync(dir, { recursive: true, force: true });
}

export function withDatabase(url: string, name: string): string {
	const u = new URL(url);
	u.pathname = `/${name}`;
	return u.toString();
}

declare module 'vitest' {
	export interface ProvidedContext {
		dbTemplate: { kind: 'pglite'; file: string } | { kind: 'postgres'; url: string; template: string };
	}
}
