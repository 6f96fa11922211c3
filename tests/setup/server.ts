import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export type RunningServer = {
	url: string;
	dataDir: string;
	databaseUrl?: string;
	/** The server's process id (with WEB_CONCURRENCY, the supervisor's). */
	pid: number;
	stop(): Promise<void>;
	/** kill -9: no graceful stop, nothing flushed or cleaned (crash tests). */
	kill(): Promise<void>;
	output(): string;
};

export async function freePort(): Promise<number> {
	return new Promise((ok, ko) => {
		const srv = createServer();
		srv.listen(0, '127.0.0.1', () => {
			const address = srv.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			srv.close(() => ok(port));
		});
		srv.on('error', ko);
	});
}

/**
 * Starts the built server (`build/`, from `npm run build`) on a free port with a fresh data
 * folder — or, when TEST_DATABASE_URL is set, a fresh PostgreSQL database — and waits until
 * /readyz answers. The demo territory is seeded unless `env.SEED_DEMO` says otherwise.
 */
export async function startServer(env: Record<string, string> = {}, options: { dataDir?: string } = {}): Promise<RunningServer> {
	const root = resolve(import.meta.dirname, '../..');
	if (!existsSync(join(root, 'build/handler.js'))) throw new Error('No build: run `npm run build` first');
	const port = await freePort();
	// A given data folder is the caller's: kept at stop (restart tests).
	const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'echoppe-srv-'));
	let databaseUrl: string | undefined;
	let dbName: string | undefined;
	const base = process.env.TEST_DATABASE_URL;
	if (base && !env.DATABASE_URL) {
		dbName = `echoppe_s_${randomBytes(6).toString('hex')}`;
		const admin = new pg.Client({ connectionString: base });
		await admin.connect();
		await admin.query(`create database ${dbName}`);
		await admin.end();
		const u = new URL(base);
		u.pathname = `/${dbName}`;
		databaseUrl = u.toString();
	}
	const child: ChildProcess = spawn(process.execPath, ['server.js'], {
		cwd: root,
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://localhost:${port}`,
			DATA_DIR: dataDir,
			SEED_DEMO: 'true',
			LOG_LEVEL: 'warn',
			...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let out = '';
	child.stdout!.on('data', (d) => (out += d));
	child.stderr!.on('data', (d) => (out += d));
	const url = `http://localhost:${port}`;
	const deadline = Date.now() + 120_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
		try {
			const r = await fetch(`${url}/readyz`);
			if (r.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`server not ready in 120 s:\n${out}`);
		}
		await new Promise((r) => setTimeout(r, 150));
	}
	return {
		url,
		dataDir,
		databaseUrl,
		pid: child.pid!,
		output: () => out,
		async kill() {
			if (child.exitCode !== null || child.signalCode !== null) return;
			const exited = new Promise((r) => child.once('exit', r));
			child.kill('SIGKILL');
			await exited;
		},
		async stop() {
			if (child.exitCode === null && child.signalCode === null) {
				const exited = new Promise((r) => child.once('exit', r));
				child.kill('SIGTERM');
				await Promise.race([exited, new Promise((r) => setTimeout(r, 8000))]);
				if (child.exitCode === null) child.kill('SIGKILL');
			}
			if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
			if (dbName && base) {
				const admin = new pg.Client({ connectionString: base });
				await admin.connect();
				await admin.query(`drop database if exists ${dbName} with (force)`).catch(() => {});
				await admin.end();
			}
		}
	};
}
