import { describe, it, expect, afterAll } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { startServer, type RunningServer } from '../setup/server.ts';
import { get } from './session.ts';
import { until } from './json-api.ts';

// WEB_CONCURRENCY: several app processes behind one port (server.js, node:cluster). On PostgreSQL
// they are as many app nodes; with the embedded database there is always one process.
const running: RunningServer[] = [];
afterAll(async () => {
	await Promise.all(running.map((s) => s.stop()));
});

/** Live child processes of `pid`, from /proc (Linux). */
function childrenOf(pid: number): number[] {
	return readdirSync('/proc')
		.filter((name) => /^\d+$/.test(name))
		.filter((name) => {
			try {
				const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
				// pid (comm) state ppid … — comm may hold spaces, so read after the last ')'.
				const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
				return Number(ppid) === pid && state !== 'Z';
			} catch {
				return false; // gone meanwhile
			}
		})
		.map(Number);
}

const alive = (pid: number) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
};

describe.skipIf(!process.env.TEST_DATABASE_URL)('WEB_CONCURRENCY on PostgreSQL', () => {
	it('serves from 2 processes, replaces one that dies, and stops them all on SIGTERM', async () => {
		const server = await startServer({ WEB_CONCURRENCY: '2' });
		running.push(server);
		expect(await until(() => childrenOf(server.pid).length === 2, 20_000)).toBe(true);
		// /readyz answers as soon as the first process listens; the supervisor speaks once both do.
		expect(await until(() => server.output().includes('2 processus / processes'), 30_000)).toBe(true);
		// The demo logins are printed once, not once per process.
		expect(server.output().split('Comptes de démonstration').length - 1).toBe(1);
		for (let i = 0; i < 6; i++) expect((await get(server.url, '/')).status).toBe(200);

		// A worker that crashes is replaced; the port keeps answering meanwhile.
		const [victim] = childrenOf(server.pid);
		process.kill(victim, 'SIGKILL');
		// A kept-alive connection to the dead process is reset; like a browser, retry once on a new one.
		const search = await get(server.url, '/recherche?q=pain').catch(() => get(server.url, '/recherche?q=pain'));
		expect(search.status).toBe(200);
		expect(await until(() => childrenOf(server.pid).length === 2 && !childrenOf(server.pid).includes(victim), 30_000)).toBe(true);
		expect(await until(() => server.output().includes('worker 0 died') || server.output().includes('worker 1 died'), 5000)).toBe(true);
		// Wait until the replacement listens, then every request is still served.
		await new Promise((r) => setTimeout(r, 3000));
		for (let i = 0; i < 6; i++) expect((await get(server.url, '/')).status).toBe(200);

		// Every worker dying at once (a request that crashes each of them): the supervisor stays
		// and starts them again, it does not exit quietly leaving the site down.
		const all = childrenOf(server.pid);
		for (const pid of all) process.kill(pid, 'SIGKILL');
		expect(await until(() => all.every((pid) => !alive(pid)), 10_000)).toBe(true);
		expect(alive(server.pid)).toBe(true);
		expect(await until(() => childrenOf(server.pid).filter((pid) => !all.includes(pid)).length === 2, 60_000)).toBe(true);
		const answered = async () => {
			for (let i = 0; i < 100; i++) {
				const r = await get(server.url, '/').catch(() => null);
				if (r?.status === 200) return true;
				await new Promise((r) => setTimeout(r, 300));
			}
			return false;
		};
		expect(await answered()).toBe(true);
		// The workers run server.js itself (not the entry that started the supervisor).
		for (const pid of childrenOf(server.pid)) expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8')).toContain('server.js');

		const workers = childrenOf(server.pid);
		await server.stop();
		expect(await until(() => workers.every((pid) => !alive(pid)), 15_000)).toBe(true);
	}, 180_000);
});

describe.skipIf(!!process.env.TEST_DATABASE_URL)('WEB_CONCURRENCY with the embedded database', () => {
	it('says it is ignored and serves from one process', async () => {
		const server = await startServer({ DATABASE_URL: '', WEB_CONCURRENCY: '3' });
		running.push(server);
		expect(server.output()).toContain('WEB_CONCURRENCY ignored');
		expect(childrenOf(server.pid)).toEqual([]);
		expect((await get(server.url, '/')).status).toBe(200);
	}, 120_000);
});
