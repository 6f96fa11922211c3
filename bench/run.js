// `npm run bench`: load scenarios against the built server, on PostgreSQL and then on PGlite.
//
//   node bench/run.js [--postgres | --pglite] [--duration 10] [--warmup 2] [--connections 20]
//                     [--products 20000] [--budget 360] [--wait-idle 0] [--no-build] [--no-readme]
//                     [--scenarios product,checkout] [--profile DIR]   (then: node bench/profile-summary.js DIR)
//
// For each engine: a fresh database (PostgreSQL: BENCH_DATABASE_URL, or a database created on
// 127.0.0.1 and dropped at the end; PGlite: BENCH_DATA_DIR, or a temporary folder removed at the
// end; given ones are kept, and seeding them again changes nothing) is migrated, seeded with the
// demo territory and grown to a large catalogue IN THIS PROCESS, before the server starts
// (SEED_DEMO=false). Slot capacities are raised so the checkout run never fills a slot. The built
// server then runs on a free port of 127.0.0.1 with DB_POOL_SIZE=20 and ADDRESS_HEADER=
// x-forwarded-for (each simulated buyer has its own address, so the per-address checkout rate
// limit applies per buyer, as in real life). Each scenario: a warm-up, then autocannon (or, for
// the multi-step checkout, a custom loop of buyers) for a fixed time. CPU of the server, of
// PostgreSQL and of this load generator is sampled from /proc during each scenario.
//
// Everything is bounded: every loop by a deadline and a count, the whole run by a watchdog.
// Figures go to stdout and between the markers of bench/README.md.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';

const root = resolve(import.meta.dirname, '..');
process.chdir(root);

// The db modules are TypeScript: Node ≥ 22.18 strips types by default, 22.17 needs the flag.
if (!process.features.typescript && !process.execArgv.includes('--experimental-strip-types')) {
	const again = spawnSync(
		process.execPath,
		['--experimental-strip-types', '--disable-warning=ExperimentalWarning', ...process.execArgv, ...process.argv.slice(1)],
		{ stdio: 'inherit' }
	);
	process.exit(again.status ?? 1);
}

const { values: opts } = parseArgs({
	options: {
		postgres: { type: 'boolean', default: false },
		pglite: { type: 'boolean', default: false },
		duration: { type: 'string', default: '10' },
		warmup: { type: 'string', default: '2' },
		connections: { type: 'string', default: '20' },
		products: { type: 'string', default: '20000' },
		budget: { type: 'string', default: '360' },
		'wait-idle': { type: 'string', default: '0' },
		scenarios: { type: 'string', default: '' },
		profile: { type: 'string', default: '' },
		'no-build': { type: 'boolean', default: false },
		'no-readme': { type: 'boolean', default: false },
		workers: { type: 'string', default: '' },
		'pg-socket': { type: 'string', default: '' }
	}
});
/**
 * `--pg-socket /var/run/postgresql`: the server reaches PostgreSQL through its Unix socket instead
 * of TCP on 127.0.0.1 (what docs/operations.md advises when both run on one machine).
 */
const PG_SOCKET = opts['pg-socket'];
const viaSocket = (url) => {
	if (!PG_SOCKET) return url;
	const u = new URL(url);
	return `postgres://${u.username}@/${u.pathname.slice(1)}?host=${encodeURIComponent(PG_SOCKET)}`;
};
/**
 * App processes on PostgreSQL (`WEB_CONCURRENCY`, server.js): one per core by default, as
 * docs/operations.md recommends; `--workers 1` for one process. PGlite always runs one.
 */
const PG_WORKERS = Math.max(1, Number(opts.workers || os.availableParallelism()));
const workersFor = (engine) => (engine === 'postgres' ? PG_WORKERS : 1);
const DURATION = Number(opts.duration);
/** Seconds per measured run for the engine being benched (shortened for PGlite to fit the budget). */
let duration = DURATION;
const WARMUP = Number(opts.warmup);
const CONNECTIONS = Number(opts.connections);
const PRODUCTS = Number(opts.products);
const BUDGET_S = Number(opts.budget);
const WAIT_IDLE_S = Number(opts['wait-idle']);
/** `--scenarios product,checkout`: only the scenarios whose name contains one of these words. */
const SCENARIOS = opts.scenarios ? opts.scenarios.split(',').map((w) => w.trim().toLowerCase()) : null;
const selected = (name) => !SCENARIOS || SCENARIOS.some((w) => name.toLowerCase().includes(w));
/** `--profile DIR`: the server runs with --cpu-prof and writes its profile to DIR when it stops. */
const PROFILE_DIR = opts.profile ? resolve(opts.profile) : null;
const engines =
	opts.postgres || opts.pglite ? [opts.postgres && 'postgres', opts.pglite && 'pglite'].filter(Boolean) : ['postgres', 'pglite'];
const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const startedAt = Date.now();
const HOST = '127.0.0.1';
let serverEntry = 'server.js';

// ── Safety: everything this run starts is stopped, whatever happens ────────────────────────
const children = new Set();
const cleanups = [];
function killChildren() {
	for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
}
process.on('exit', killChildren);
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, async () => {
		killChildren();
		for (const cleanup of cleanups.splice(0)) await cleanup().catch(() => {});
		process.exit(130);
	});
}
// A hard stop well past the budget: the run must end on its own.
const watchdog = setTimeout(
	async () => {
		console.error(`bench: watchdog — still running after ${BUDGET_S + WAIT_IDLE_S + 240} s, stopping`);
		killChildren();
		for (const cleanup of cleanups.splice(0)) await cleanup().catch(() => {});
		process.exit(2);
	},
	(BUDGET_S + WAIT_IDLE_S + 240) * 1000
);
watchdog.unref();

const log = (...args) => console.log(`[${((Date.now() - startedAt) / 1000).toFixed(0).padStart(3)} s]`, ...args);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ── Build ──────────────────────────────────────────────────────────────────────────────────
function newest(dir) {
	let latest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (entry.name === 'paraglide') continue;
		const path = join(dir, entry.name);
		latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
	}
	return latest;
}

function buildIfNeeded() {
	const built = 'build/handler.js';
	const sources = Math.max(newest('src'), newest('messages'), statSync('package.json').mtimeMs);
	if (existsSync(built) && (opts['no-build'] || statSync(built).mtimeMs >= sources)) return 'up to date';
	if (opts['no-build'] && !existsSync(built)) throw new Error('No build and --no-build given');
	log('building (npx vite build)…');
	const result = spawnSync('npx', ['vite', 'build'], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000, encoding: 'utf8' });
	if (result.status !== 0) {
		console.error(result.stdout?.slice(-3000), result.stderr?.slice(-3000));
		throw new Error('build failed');
	}
	return 'rebuilt';
}

/**
 * The server runs from a private copy of the build (bench/.scratch/, ignored by git and eslint):
 * others may rebuild `build/` while the bench runs, which would swap the chunks under a running
 * server. Node still resolves the packages from the project's node_modules, and the migrations
 * from the working directory.
 */
function snapshotBuild() {
	const dir = join(root, 'bench/.scratch/server');
	rmSync(dir, { recursive: true, force: true });
	for (let attempt = 0; attempt < 30; attempt++) {
		const age = Date.now() - statSync('build/handler.js').mtimeMs;
		if (age > 3000) break; // a build being written right now: let it finish
		spawnSync('sleep', ['1']);
	}
	cpSync(join(root, 'build'), join(dir, 'build'), { recursive: true });
	cpSync(join(root, 'server.js'), join(dir, 'server.js'));
	cleanups.push(async () => {
		rmSync(dir, { recursive: true, force: true });
		try {
			rmdirSync(join(root, 'bench/.scratch')); // only when nothing else is in it
		} catch {
			// not empty, or already gone
		}
	});
	return join(dir, 'server.js');
}

// ── Databases ──────────────────────────────────────────────────────────────────────────────
async function freePort() {
	return new Promise((ok, ko) => {
		const srv = createServer();
		srv.listen(0, HOST, () => {
			const address = srv.address();
			srv.close(() => ok(address.port));
		});
		srv.on('error', ko);
	});
}

async function createPostgresDatabase() {
	if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, drop: async () => {} };
	const { default: pg } = await import('pg');
	const name = `echoppe_bench_${randomBytes(5).toString('hex')}`;
	const admin = new pg.Client({ connectionString: ADMIN_URL });
	await admin.connect();
	await admin.query(`create database ${name}`);
	await admin.end();
	const url = new URL(ADMIN_URL);
	if (!['127.0.0.1', 'localhost'].includes(url.hostname)) throw new Error('bench: PostgreSQL must be on 127.0.0.1');
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		name,
		drop: async () => {
			const c = new pg.Client({ connectionString: ADMIN_URL });
			await c.connect();
			await c.query(`drop database if exists ${name} with (force)`);
			await c.end();
		}
	};
}

/**
 * Migrates, seeds the demo, grows the catalogue, raises slot capacities, and reads what the
 * scenarios need (ids, paths, variants per shop). Also measures the domain functions in-process
 * (no HTTP) and EXPLAINs the search query, while no server competes for the CPU.
 */
async function prepareDatabase(engine, target) {
	const { openDatabase, queryRows } = await import('../src/lib/server/db/client.ts');
	const { migrate } = await import('../src/lib/server/db/migrate.ts');
	const { seedDemo } = await import('../src/lib/server/db/seed/index.ts');
	const { growCatalog, BROAD_TERMS } = await import('./large-catalog.ts');
	const { sql } = await import('drizzle-orm');
	const timings = {};
	let t = performance.now();
	// The server keeps its embedded database in DATA_DIR/pglite (runtime.ts `pgliteDir`).
	const database = await openDatabase(engine === 'postgres' ? { databaseUrl: target, poolSize: 20 } : { dataDir: join(target, 'pglite') });
	try {
		await migrate(database);
		timings.migrate = performance.now() - t;
		t = performance.now();
		await seedDemo(database.db, { now: new Date() });
		timings.seed = performance.now() - t;
		const grown = await growCatalog(database.db, { products: PRODUCTS });
		timings.grow = grown.ms;
		// The checkout run takes far more places than a real day has: raise every slot's capacity.
		await database.db.execute(sql`update slots set capacity = 100000`);
		const db = database.db;
		const territoryId = grown.territoryId;
		const [counts] = await queryRows(
			db,
			sql`select (select count(*)::int from products where territory_id = ${territoryId} and status = 'active') as products,
				(select count(*)::int from variants) as variants,
				(select count(*)::int from shops where territory_id = ${territoryId} and status = 'active') as shops`
		);
		const termCounts = {};
		for (const term of BROAD_TERMS) {
			const [row] = await queryRows(
				db,
				sql`select count(*)::int as n from products p where p.territory_id = ${territoryId} and p.status = 'active'
					and (p.search @@ websearch_to_tsquery('french', f_unaccent(${term})) or f_unaccent(lower(${term})) <% f_unaccent(lower(p.name)))`
			);
			termCounts[term] = row.n;
		}
		// A fixed sample of product pages and ids (md5 order: deterministic, spread over shops).
		const sample = await queryRows(
			db,
			sql`select p.id, p.slug, s.slug as shop_slug from products p join shops s on s.id = p.shop_id
				where p.territory_id = ${territoryId} and p.status = 'active' and s.status = 'active'
				order by md5(p.id::text) limit 2000`
		);
		// Shops a buyer can check out at with a pickup slot and no minimum order.
		const checkoutShops = await queryRows(
			db,
			sql`select s.id, s.slug, s.lead_minutes from shops s
				where s.territory_id = ${territoryId} and s.status = 'active' and s.offers_pickup and s.min_order_cents = 0
				and exists (select 1 from slots sl where sl.shop_id = s.id and sl.kind = 'shop_pickup'
					and sl.starts_at > now() + make_interval(mins => s.lead_minutes + 30))
				order by s.slug`
		);
		for (const shop of checkoutShops) {
			const rows = await queryRows(
				db,
				sql`select v.id from variants v join products p on p.id = v.product_id
					where p.shop_id = ${shop.id} and p.status = 'active' and not p.sold_out_today and not v.archived
					and v.stock_mode = 'tracked' and v.stock >= 1000 and p.unit = 'piece'
					order by md5(v.id::text) limit 200`
			);
			shop.variants = rows.map((r) => r.id);
		}
		const cartVariants = checkoutShops.flatMap((s) => s.variants.slice(0, 40));
		const usable = checkoutShops.filter((s) => s.variants.length > 0);
		for (const shop of usable) {
			const rows = await queryRows(
				db,
				sql`select id from slots where shop_id = ${shop.id} and kind = 'shop_pickup'
					and starts_at > now() + make_interval(mins => ${shop.lead_minutes} + 60) order by starts_at limit 40`
			);
			shop.slots = rows.map((r) => r.id);
		}
		const domain = await measureDomain(database, territoryId, sample, BROAD_TERMS, usable);
		await db.execute(sql`vacuum analyze`).catch(() => {});
		return {
			timings,
			grown,
			counts,
			termCounts,
			terms: [...BROAD_TERMS],
			territoryId,
			sample,
			checkoutShops: checkoutShops.filter((s) => s.variants.length > 0),
			cartVariants,
			domain
		};
	} finally {
		await database.close();
	}
}

/**
 * The domain functions behind the search API and the product API, called in-process with 20 at
 * a time for a few seconds: the rate the database and the domain code allow without HTTP,
 * SvelteKit or rendering. And the search query's plan (EXPLAIN ANALYZE, BUFFERS).
 */
async function measureDomain(database, territoryId, sample, terms, shops) {
	const { searchProducts } = await import('../src/lib/server/catalog/search.ts');
	const { getProduct } = await import('../src/lib/server/catalog/queries.ts');
	const { createCart, addToCart, getCart } = await import('../src/lib/server/checkout/cart.ts');
	const { checkout } = await import('../src/lib/server/checkout/checkout.ts');
	const { hit, rateRules } = await import('../src/lib/server/security/rate-limit.ts');
	const out = {};
	const run = async (name, fn, seconds) => {
		const latencies = [];
		const deadline = performance.now() + seconds * 1000;
		let i = 0;
		const cpu0 = process.cpuUsage();
		const t0 = performance.now();
		await Promise.all(
			Array.from({ length: CONNECTIONS }, async () => {
				for (let n = 0; n < 1_000_000 && performance.now() < deadline; n++) {
					const s = performance.now();
					await fn(i++);
					latencies.push(performance.now() - s);
				}
			})
		);
		const elapsed = (performance.now() - t0) / 1000;
		const cpu = process.cpuUsage(cpu0);
		latencies.sort((a, b) => a - b);
		out[name] = {
			perSecond: latencies.length / elapsed,
			p50: percentile(latencies, 50),
			p99: percentile(latencies, 99),
			nodeCpu: (cpu.user + cpu.system) / 1e6 / elapsed
		};
	};
	await run('search', (i) => searchProducts(database.db, territoryId, { q: terms[i % terms.length], limit: 24 }), 1); // warm-up
	await run('search', (i) => searchProducts(database.db, territoryId, { q: terms[i % terms.length], limit: 24 }), 4);
	await run('product', (i) => getProduct(database.db, territoryId, { id: sample[i % sample.length].id }), 1);
	await run('product', (i) => getProduct(database.db, territoryId, { id: sample[i % sample.length].id }), 3);
	// The checkout flow as the API runs it (cart, 2 × add with the cart read before and after,
	// rate-limit hit, cart read, checkout), minus HTTP: what the domain code and the database allow.
	const pairs = shops.flatMap((a, i) => shops.slice(i + 1).map((b) => [a, b]));
	const runId = randomBytes(4).toString('hex');
	const flow = async (i) => {
		const [a, b] = pairs[i % pairs.length];
		const cartId = await createCart(database.db, territoryId);
		for (const shop of [a, b]) {
			await getCart(database.db, territoryId, cartId);
			await addToCart(
				database.db,
				{ territoryId, cartId, userId: null },
				{ variantId: shop.variants[i % shop.variants.length], quantity: 1 },
				'fr'
			);
			await getCart(database.db, territoryId, cartId);
		}
		await hit(database.db, `checkout:domain-${runId}-${i}`, rateRules.checkout);
		await getCart(database.db, territoryId, cartId);
		await checkout(
			database.db,
			{
				territoryId,
				cartId,
				userId: null,
				idempotencyKey: `domain-${runId}-${i}`,
				secret: 'b'.repeat(48),
				origin: 'http://127.0.0.1',
				locale: 'fr'
			},
			{
				customer: { name: `Client ${i}`, email: `client${i}@bench.example`, phone: '06 12 34 56 78' },
				acceptTerms: true,
				fulfilments: [a, b].map((shop) => ({ shopId: shop.id, method: 'pickup', slotId: shop.slots[i % shop.slots.length] })),
				payment: { method: 'on_site' }
			}
		);
	};
	if (pairs.length && shops.every((s) => s.slots.length)) {
		await run('checkout', flow, 1);
		await run('checkout', (i) => flow(i + 100_000), 4);
	}
	out.explain = await explainSearch(database, territoryId, terms[0]);
	return out;
}

/** Captures the SQL that searchProducts sends (drizzle logger) and runs EXPLAIN ANALYZE on the page query. */
async function explainSearch(database, territoryId, term) {
	const schema = await import('../src/lib/server/db/schema/index.ts');
	const { searchProducts } = await import('../src/lib/server/catalog/search.ts');
	const captured = [];
	const logger = { logQuery: (query, params) => captured.push({ query, params }) };
	const db =
		database.engine === 'postgres'
			? (await import('drizzle-orm/node-postgres')).drizzle(database.pool, { schema, logger })
			: (await import('drizzle-orm/pglite')).drizzle(database.pglite, { schema, logger });
	await searchProducts(db, territoryId, { q: term, limit: 24 });
	const settings = captured.find((c) => c.query.includes('set_config'));
	const page = captured.find((c) => c.query.includes('materialized'));
	if (!page) return null;
	const text = `explain (analyze, buffers, costs off) ${page.query}`;
	let rows;
	if (database.engine === 'postgres') {
		const client = await database.pool.connect();
		try {
			await client.query('begin');
			if (settings) await client.query(settings.query, settings.params);
			rows = (await client.query(text, page.params)).rows;
			await client.query('rollback');
		} finally {
			client.release();
		}
	} else {
		await database.pglite.query('begin');
		if (settings) await database.pglite.query(settings.query, settings.params);
		rows = (await database.pglite.query(text, page.params)).rows;
		await database.pglite.query('rollback');
	}
	return { term, plan: rows.map((r) => r['QUERY PLAN']).join('\n') };
}

// ── Server ─────────────────────────────────────────────────────────────────────────────────
async function startServer(env) {
	const port = await freePort();
	const url = `http://${HOST}:${port}`;
	const child = spawn(process.execPath, [...(PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []), serverEntry], {
		cwd: root,
		env: {
			...process.env,
			PORT: String(port),
			HOST,
			ORIGIN: url,
			SEED_DEMO: 'false',
			DB_POOL_SIZE: '20',
			LOG_LEVEL: 'warn',
			ADDRESS_HEADER: 'x-forwarded-for',
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	children.add(child);
	let out = '';
	child.stdout.on('data', (d) => (out = (out + d).slice(-20_000)));
	child.stderr.on('data', (d) => (out = (out + d).slice(-20_000)));
	const deadline = Date.now() + 90_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
		try {
			const r = await fetch(`${url}/readyz`, { headers: { 'x-forwarded-for': '10.255.0.1' } });
			if (r.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) throw new Error(`server not ready in 90 s:\n${out}`);
		await sleep(150);
	}
	// With WEB_CONCURRENCY, /readyz answers once the first process listens; the supervisor says
	// when all do.
	while (Number(env.WEB_CONCURRENCY ?? 1) > 1 && !out.includes('processus / processes')) {
		if (child.exitCode !== null || Date.now() > deadline) throw new Error(`server processes not all up in 90 s:\n${out}`);
		await sleep(150);
	}
	return {
		url,
		port,
		pid: child.pid,
		output: () => out,
		async stop() {
			if (child.exitCode === null) {
				const exited = new Promise((r) => child.once('exit', r));
				child.kill('SIGTERM');
				await Promise.race([exited, sleep(8000)]);
				if (child.exitCode === null) child.kill('SIGKILL');
			}
			children.delete(child);
		}
	};
}

// ── CPU sampling (/proc) ───────────────────────────────────────────────────────────────────
const TICKS = (() => {
	try {
		return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
	} catch {
		return 100;
	}
})();

/** CPU ticks of the server: its process and, with WEB_CONCURRENCY, its worker processes. */
function serverTicks(pid) {
	let ticks = procTicks(pid);
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) ticks += procTicks(Number(name));
		} catch {
			// gone meanwhile
		}
	}
	return ticks;
}

function procTicks(pid) {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return Number(fields[11]) + Number(fields[12]);
	} catch {
		return 0;
	}
}

/** CPU ticks of some PostgreSQL backends (those serving the bench database), by pid. */
function postgresTicks(pids) {
	return new Map(pids.map((pid) => [pid, procTicks(pid)]));
}

/** Ticks spent between two readings by the backends alive at both (a closed one reads 0). */
function ticksBetween(before, after) {
	let sum = 0;
	// A backend started during the scenario (the pool reconnected) spent all its ticks in it.
	for (const [pid, ticks] of after) if (ticks > 0) sum += ticks - (before.get(pid) ?? 0);
	return sum;
}

/** The backends connected to the bench database (PostgreSQL only; other databases' work is not counted). */
async function backendPids(databaseName) {
	if (!databaseName) return [];
	const { default: pg } = await import('pg');
	const c = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL ?? ADMIN_URL });
	await c.connect();
	try {
		return (await c.query('select pid from pg_stat_activity where datname = $1', [databaseName])).rows.map((r) => r.pid);
	} finally {
		await c.end();
	}
}

function machineTicks() {
	const line = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
	const idle = line[3] + (line[4] ?? 0);
	return { busy: line.reduce((a, b) => a + b, 0) - idle, total: line.reduce((a, b) => a + b, 0) };
}

/** Transactions and rows read by the bench database (PostgreSQL statistics; flushed about every second). */
async function databaseStats(databaseName) {
	if (!databaseName) return null;
	const { default: pg } = await import('pg');
	const c = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL ?? ADMIN_URL });
	await c.connect();
	try {
		const [row] = (
			await c.query(
				`select xact_commit + xact_rollback as xacts, tup_returned + tup_fetched as rows from pg_stat_database where datname = $1`,
				[databaseName]
			)
		).rows;
		return { xacts: Number(row.xacts), rows: Number(row.rows) };
	} finally {
		await c.end();
	}
}

/**
 * What the bench database's backends are doing, sampled every 200 ms until stopped: on average how
 * many run a statement (on CPU or I/O), wait for a lock held by another transaction, wait for the
 * app inside an open transaction, or sit idle.
 */
async function activitySampler(databaseName) {
	if (!databaseName) return async () => null;
	const { default: pg } = await import('pg');
	const c = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL ?? ADMIN_URL });
	await c.connect();
	const totals = { samples: 0, running: 0, lock: 0, inTransaction: 0, idle: 0, other: 0 };
	const waits = new Map();
	let stopped = false;
	const loop = (async () => {
		for (let i = 0; i < 10_000 && !stopped; i++) {
			const { rows } = await c.query(
				`select state, wait_event_type, left(regexp_replace(query, '[[:space:]]+', ' ', 'g'), 70) as query
				from pg_stat_activity where datname = $1 and pid <> pg_backend_pid() and backend_type = 'client backend'`,
				[databaseName]
			);
			totals.samples++;
			for (const r of rows) {
				if (r.state === 'active' && r.wait_event_type === 'Lock') {
					totals.lock++;
					waits.set(r.query, (waits.get(r.query) ?? 0) + 1);
				} else if (r.state === 'active') totals.running++;
				else if (r.state?.startsWith('idle in transaction')) totals.inTransaction++;
				else if (r.state === 'idle') totals.idle++;
				else totals.other++;
			}
			await sleep(200);
		}
	})();
	return async () => {
		stopped = true;
		await loop;
		await c.end();
		const n = Math.max(1, totals.samples);
		return {
			running: totals.running / n,
			lock: totals.lock / n,
			inTransaction: totals.inTransaction / n,
			idle: totals.idle / n,
			// The statements that wait for a lock, most frequent first, with their share of the waits.
			waits: [...waits]
				.sort((x, y) => y[1] - x[1])
				.slice(0, 3)
				.map(([query, count]) => ({ query, share: count / Math.max(1, totals.lock) }))
		};
	};
}

async function cpuSampler(server) {
	const stopActivity = await activitySampler(server.databaseName);
	const pids = await backendPids(server.databaseName);
	const stats = await databaseStats(server.databaseName);
	const a = {
		server: serverTicks(server.pid),
		pg: postgresTicks(pids),
		self: process.cpuUsage(),
		machine: machineTicks(),
		at: performance.now()
	};
	return async () => {
		const seconds = (performance.now() - a.at) / 1000;
		const machine = machineTicks();
		const serverSpent = serverTicks(server.pid) - a.server;
		const self = process.cpuUsage(a.self);
		const pidsAfter = [...new Set([...pids, ...(await backendPids(server.databaseName))])];
		const pgTicks = ticksBetween(a.pg, postgresTicks(pidsAfter));
		const activity = await stopActivity();
		const share = (ticks) => ticks / TICKS / seconds;
		// Statistics reach pg_stat_database about once a second: let the last ones land.
		if (server.databaseName) await sleep(1200);
		const after = await databaseStats(server.databaseName);
		const result = {
			seconds,
			activity,
			db: stats && after ? { xacts: after.xacts - stats.xacts, rows: after.rows - stats.rows } : null,
			server: share(serverSpent),
			workers: server.workers ?? 1,
			postgres: share(pgTicks),
			loadgen: (self.user + self.system) / 1e6 / seconds,
			machineBusy: (machine.busy - a.machine.busy) / Math.max(1, machine.total - a.machine.total)
		};
		// The rest of the machine's busy time: other programs, PostgreSQL's own background
		// processes, kernel work not charged to a process. Shares are of one core.
		result.other = Math.max(0, result.machineBusy * os.cpus().length - result.server - result.postgres - result.loadgen);
		return result;
	};
}

// ── Load: autocannon scenarios ─────────────────────────────────────────────────────────────
function percentile(sorted, p) {
	if (!sorted.length) return null;
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function autocannonRun(url, request, seconds) {
	const { default: autocannon } = await import('autocannon');
	return new Promise((ok, ko) => {
		const instance = autocannon(
			{
				url,
				connections: CONNECTIONS,
				duration: seconds,
				timeout: 10,
				requests: [request]
			},
			(err, result) => (err ? ko(err) : ok(result))
		);
		// Hard bound, beyond autocannon's own duration.
		const stop = setTimeout(() => instance.stop(), (seconds + 15) * 1000);
		instance.on('done', () => clearTimeout(stop));
	});
}

function rotating(items) {
	let i = 0;
	return () => items[i++ % items.length];
}

/** CPU milliseconds per request (server, PostgreSQL), transactions and rows read per request. */
function perRequest(cpu, count) {
	if (!count) return null;
	const msEach = (share) => (share * cpu.seconds * 1000) / count;
	const server = msEach(cpu.server);
	const postgres = msEach(cpu.postgres);
	return {
		server,
		postgres,
		// At most: one core per server process (one JavaScript thread each), and the machine's cores
		// for the server and the database together (the load generator aside).
		ceiling: Math.min(
			(1000 * Math.min(cpu.workers ?? 1, os.cpus().length)) / Math.max(0.001, server),
			(1000 * os.cpus().length) / Math.max(0.001, server + postgres)
		),
		xacts: cpu.db ? cpu.db.xacts / count : null,
		rows: cpu.db ? cpu.db.rows / count : null
	};
}

async function scenario(server, name, makeRequest) {
	await autocannonRun(server.url, makeRequest(), WARMUP);
	const sample = await cpuSampler(server);
	const result = await autocannonRun(server.url, makeRequest(), duration);
	const cpu = await sample();
	const statuses = {};
	for (const [code, n] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = n.count ?? n;
	const ok = result.requests.total - result.non2xx - result.errors - result.timeouts;
	return {
		name,
		rps: Math.max(0, ok) / result.duration,
		p50: result.latency.p50,
		p99: result.latency.p99,
		requests: result.requests.total,
		errors: result.non2xx + result.errors + result.timeouts,
		statuses,
		cpu,
		each: perRequest(cpu, result.requests.total)
	};
}

// ── Load: the multi-step checkout ──────────────────────────────────────────────────────────
function httpClient(base) {
	const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS + 5 });
	const { hostname, port } = new URL(base);
	return {
		agent,
		request(method, path, { body, headers = {} } = {}) {
			const payload = body === undefined ? undefined : JSON.stringify(body);
			const started = performance.now();
			return new Promise((ok) => {
				const req = http.request(
					{
						host: hostname,
						port,
						method,
						path,
						agent,
						headers: {
							...headers,
							...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {})
						}
					},
					(res) => {
						const chunks = [];
						res.on('data', (c) => chunks.push(c));
						res.on('end', () => {
							let json = null;
							try {
								json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
							} catch {
								// not JSON
							}
							ok({ status: res.statusCode, json, ms: performance.now() - started });
						});
						res.on('error', () => ok({ status: 0, json: null, ms: performance.now() - started }));
					}
				);
				req.setTimeout(15_000, () => req.destroy(new Error('timeout')));
				req.on('error', () => ok({ status: 0, json: null, ms: performance.now() - started }));
				if (payload) req.write(payload);
				req.end();
			});
		}
	};
}

async function fetchSlots(client, shops) {
	const today = new Date();
	const day = (d) => d.toISOString().slice(0, 10);
	const to = new Date(today.getTime() + 12 * 86_400_000);
	for (const shop of shops) {
		const r = await client.request('GET', `/api/v1/shops/${shop.slug}/slots?from=${day(today)}&to=${day(to)}`, {
			headers: { 'x-forwarded-for': '10.255.0.2' }
		});
		// Leave an hour of margin past the lead time: a slot must still be valid at the end of the run.
		const earliest = Date.now() + (shop.lead_minutes + 60) * 60_000;
		shop.slots = (r.json?.items ?? []).filter((s) => s.remaining > 0 && Date.parse(s.startsAt) > earliest).map((s) => s.id);
	}
	return shops.filter((s) => s.slots.length > 0);
}

/**
 * 20 buyers in parallel, each in a loop: create a cart, add one line from each of two shops,
 * check out with a pickup slot at each shop and a fresh Idempotency-Key. Every flow comes from its
 * own client address. Counts completed (201) checkouts per second; latency of the checkout request
 * itself and of the whole flow.
 */
async function checkoutScenario(server, shops, runId) {
	const client = httpClient(server.url);
	let address = 0;
	const nextAddress = () => {
		address++;
		return `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
	};
	const pairs = [];
	for (let a = 0; a < shops.length; a++) for (let b = a + 1; b < shops.length; b++) pairs.push([shops[a], shops[b]]);
	const pick = (items, n) => items[n % items.length];

	const runFor = async (seconds, record) => {
		const deadline = performance.now() + seconds * 1000;
		const stats = { completed: 0, checkoutMs: [], flowMs: [], statuses: {}, failedSteps: {}, sampleError: null };
		let flow = 0;
		await Promise.all(
			Array.from({ length: CONNECTIONS }, async (_, buyer) => {
				for (let n = 0; n < 100_000 && performance.now() < deadline; n++) {
					const f = flow++;
					const headers = { 'x-forwarded-for': nextAddress() };
					const started = performance.now();
					const [shopA, shopB] = pick(pairs, f * 7 + buyer);
					const cart = await client.request('POST', '/api/v1/carts', { headers, body: {} });
					if (cart.status !== 201 || !cart.json?.id) {
						stats.failedSteps[`cart ${cart.status}`] = (stats.failedSteps[`cart ${cart.status}`] ?? 0) + 1;
						stats.sampleError ??= cart.json;
						continue;
					}
					let failed = false;
					for (const shop of [shopA, shopB]) {
						const item = await client.request('POST', `/api/v1/carts/${cart.json.id}/items`, {
							headers,
							body: { variantId: pick(shop.variants, f * 13 + buyer), quantity: 1 }
						});
						if (item.status < 200 || item.status > 299) {
							stats.failedSteps[`item ${item.status}`] = (stats.failedSteps[`item ${item.status}`] ?? 0) + 1;
							stats.sampleError ??= item.json;
							failed = true;
							break;
						}
					}
					if (failed) continue;
					const result = await client.request('POST', `/api/v1/carts/${cart.json.id}/checkout`, {
						headers: { ...headers, 'idempotency-key': `bench-${runId}-${record ? 'm' : 'w'}-${f}` },
						body: {
							customer: { name: `Client ${f}`, email: `client${f}@bench.example`, phone: '06 12 34 56 78' },
							acceptTerms: true,
							fulfilments: [shopA, shopB].map((shop) => ({
								shopId: shop.id,
								method: 'pickup',
								slotId: pick(shop.slots, f * 5 + buyer)
							})),
							payment: { method: 'on_site' }
						}
					});
					if (performance.now() > deadline + 100) break; // finished after the window: not counted
					stats.statuses[result.status] = (stats.statuses[result.status] ?? 0) + 1;
					stats.checkoutMs.push(result.ms);
					if (result.status === 201) {
						stats.completed++;
						stats.flowMs.push(performance.now() - started);
					} else stats.sampleError ??= result.json;
				}
			})
		);
		return stats;
	};

	await runFor(WARMUP, false);
	const sample = await cpuSampler(server);
	const t0 = performance.now();
	const stats = await runFor(duration, true);
	const elapsed = (performance.now() - t0) / 1000;
	const cpu = await sample();
	client.agent.destroy();
	stats.checkoutMs.sort((a, b) => a - b);
	stats.flowMs.sort((a, b) => a - b);
	const attempts = Object.values(stats.statuses).reduce((a, b) => a + b, 0);
	const failedSteps = Object.values(stats.failedSteps).reduce((a, b) => a + b, 0);
	return {
		name: 'checkout (completed/s)',
		rps: stats.completed / elapsed,
		p50: percentile(stats.checkoutMs, 50),
		p99: percentile(stats.checkoutMs, 99),
		flowP50: percentile(stats.flowMs, 50),
		flowP99: percentile(stats.flowMs, 99),
		requests: attempts,
		errors: attempts - stats.completed + failedSteps,
		statuses: { ...stats.statuses, ...stats.failedSteps },
		sampleError: stats.sampleError,
		cpu,
		// Per completed checkout: the whole flow (cart, 2 × add, checkout) is 4 requests.
		each: perRequest(cpu, stats.completed)
	};
}

// ── One engine ─────────────────────────────────────────────────────────────────────────────
async function benchEngine(engine) {
	let target;
	let drop = async () => {};
	if (engine === 'postgres') {
		const created = await createPostgresDatabase();
		target = created.url;
		drop = created.drop;
	} else if (process.env.BENCH_DATA_DIR) {
		target = resolve(process.env.BENCH_DATA_DIR);
	} else {
		target = mkdtempSync(join(os.tmpdir(), 'echoppe-bench-'));
		drop = async () => rmSync(target, { recursive: true, force: true });
	}
	cleanups.push(drop);
	const engineStarted = Date.now();
	try {
		log(`${engine}: migrate + demo seed + large catalogue (${PRODUCTS} products)…`);
		const prep = await prepareDatabase(engine, target);
		log(
			`${engine}: ready — ${prep.counts.products} products, ${prep.counts.variants} variants, ${prep.counts.shops} shops ` +
				`(migrate ${ms(prep.timings.migrate)}, seed ${ms(prep.timings.seed)}, grow ${ms(prep.timings.grow)}); ` +
				`broad terms match ${Object.entries(prep.termCounts)
					.map(([t, n]) => `${t} ${n}`)
					.join(', ')}`
		);
		log(
			`${engine}: in-process (no HTTP, ${CONNECTIONS} at a time): search ${prep.domain.search.perSecond.toFixed(0)}/s ` +
				`p50 ${fmt(prep.domain.search.p50)} ms p99 ${fmt(prep.domain.search.p99)} ms; ` +
				`getProduct ${prep.domain.product.perSecond.toFixed(0)}/s p50 ${fmt(prep.domain.product.p50)} ms p99 ${fmt(prep.domain.product.p99)} ms` +
				(prep.domain.checkout
					? `; checkout flow ${prep.domain.checkout.perSecond.toFixed(0)}/s p50 ${fmt(prep.domain.checkout.p50)} ms p99 ${fmt(prep.domain.checkout.p99)} ms`
					: '')
		);
		const server = await startServer(
			engine === 'postgres' ? { DATABASE_URL: viaSocket(target), WEB_CONCURRENCY: String(PG_WORKERS) } : { DATA_DIR: target }
		);
		server.workers = workersFor(engine);
		server.databaseName = engine === 'postgres' ? new URL(target).pathname.slice(1) : null;
		cleanups.push(() => server.stop());
		log(`${engine}: server up on ${server.url} (pid ${server.pid})`);
		const results = [];
		const client = httpClient(server.url);
		try {
			const xff = { 'x-forwarded-for': '10.250.0.1' };
			const searchTerms = rotating(prep.terms);
			// The routes keep identical searches for a few seconds (searchCache): a position that
			// differs by a hair on every request makes each one a new query, same matches, same ranking.
			let position = 0;
			const distinctPosition = () => `${(47.39 + (position++ % 1_000_000) * 1e-8).toFixed(8)},0.98`;
			const products = rotating(prep.sample);
			const pages = rotating(prep.sample);
			// Pre-created carts for the add-to-cart scenario.
			const carts = [];
			let refused = null;
			for (let i = 0; i < 400; i++) {
				const r = await client.request('POST', '/api/v1/carts', { headers: xff, body: {} });
				if (r.status === 201) carts.push(r.json.id);
				else refused ??= r;
			}
			if (!carts.length) throw new Error(`${engine}: cannot create carts: ${refused?.status} ${JSON.stringify(refused?.json)}`);
			const get = (next) => () => ({
				method: 'GET',
				headers: xff,
				setupRequest: (req) => ({ ...req, path: next() })
			});
			const plan = [
				['home page', get(() => '/')],
				['search page', get(() => `/recherche?q=${encodeURIComponent(searchTerms())}`)],
				['search page, no cache hit', get(() => `/recherche?q=${encodeURIComponent(searchTerms())}&near=${distinctPosition()}`)],
				[
					'product page',
					get(() => {
						const p = pages();
						return `/boutiques/${p.shop_slug}/${p.slug}`;
					})
				],
				['search API (24)', get(() => `/api/v1/products?q=${encodeURIComponent(searchTerms())}&limit=24`)],
				[
					'search API (24), no cache hit',
					get(() => `/api/v1/products?q=${encodeURIComponent(searchTerms())}&limit=24&near=${distinctPosition()}`)
				],
				['product API', get(() => `/api/v1/products/${products().id}`)],
				[
					'add to cart',
					() => {
						let i = 0;
						return {
							method: 'POST',
							headers: { ...xff, 'content-type': 'application/json' },
							setupRequest: (req) => {
								const c = i % carts.length;
								const k = Math.floor(i / carts.length) % 3;
								i++;
								return {
									...req,
									path: `/api/v1/carts/${carts[c]}/items`,
									body: JSON.stringify({ variantId: prep.cartVariants[(c * 3 + k) % prep.cartVariants.length], quantity: 1 })
								};
							}
						};
					}
				]
			];
			for (const [name, make] of plan) {
				if (!selected(name)) continue;
				const r = await scenario(server, name, make);
				results.push(r);
				log(`${engine}: ${describe(r)}`);
			}
			if (selected('checkout (completed/s)')) {
				const shops = await fetchSlots(client, prep.checkoutShops);
				if (shops.length < 2) throw new Error(`${engine}: fewer than two shops with pickup slots`);
				const r = await checkoutScenario(server, shops, randomBytes(4).toString('hex'));
				results.push(r);
				log(`${engine}: ${describe(r)} (flow p50 ${fmt(r.flowP50)} ms, p99 ${fmt(r.flowP99)} ms)`);
				if (r.sampleError) log(`${engine}: first checkout error: ${JSON.stringify(r.sampleError).slice(0, 400)}`);
			}
		} finally {
			client.agent.destroy();
			await server.stop();
			if (process.env.BENCH_SERVER_LOG) writeFileSync(process.env.BENCH_SERVER_LOG, server.output());
		}
		return { engine, prep, results, duration, seconds: (Date.now() - engineStarted) / 1000 };
	} finally {
		await drop().catch((e) => log(`${engine}: cleanup failed: ${e.message}`));
		cleanups.splice(cleanups.indexOf(drop), 1);
	}
}

const fmt = (n) => (n === null || n === undefined ? '—' : n >= 100 ? n.toFixed(0) : n.toFixed(1));
const ms = (n) => `${(n / 1000).toFixed(1)} s`;
const pct = (x) => `${Math.round(x * 100)} %`;
const activityOf = (a) =>
	`${fmt(a.running)} running, ${fmt(a.lock)} waiting for a lock, ${fmt(a.inTransaction)} idle in transaction, ${fmt(a.idle)} idle` +
	(a.waits.length ? ` (lock waits: ${a.waits.map((w) => `${pct(w.share)} in "${w.query}…"`).join(', ')})` : '');
function costOf(each) {
	const db = each.xacts === null ? '' : `, ${fmt(each.xacts)} db xacts, ${fmt(each.rows)} rows read`;
	return `CPU ${fmt(each.server)} ms server + ${fmt(each.postgres)} ms postgres (ceiling ${fmt(each.ceiling)}/s)${db}`;
}
function describe(r) {
	const statuses = Object.entries(r.statuses)
		.filter(([code]) => !/^2/.test(code))
		.map(([c, n]) => `${c}×${n}`)
		.join(' ');
	return (
		`${r.name.padEnd(22)} ${fmt(r.rps).padStart(6)}/s  p50 ${fmt(r.p50).padStart(5)} ms  p99 ${fmt(r.p99).padStart(5)} ms  ` +
		`errors ${r.errors}${statuses ? ` (${statuses})` : ''}  cpu: server ${pct(r.cpu.server)}, postgres ${pct(r.cpu.postgres)}, ` +
		`load generator ${pct(r.cpu.loadgen)}, rest of the machine ${pct(r.cpu.other)}` +
		(r.each ? `; per request: ${costOf(r.each)}` : '') +
		(r.cpu.activity ? `; db backends: ${activityOf(r.cpu.activity)}` : '')
	);
}

// ── Report ─────────────────────────────────────────────────────────────────────────────────
const TARGETS = {
	'search API (24)': { rps: 500, p99: 100, text: '≥ 500 req/s, p99 < 100 ms' },
	'search API (24), no cache hit': { rps: 500, p99: 100, text: '≥ 500 req/s, p99 < 100 ms' },
	'product API': { rps: 2000, text: '≥ 2,000 req/s' },
	'product page': { rps: 1000, text: '≥ 1,000 req/s' },
	'checkout (completed/s)': { rps: 200, p99: 300, text: '≥ 200/s, checkout p99 < 300 ms' }
};

function verdict(engine, r) {
	const t = TARGETS[r.name];
	if (!t || engine !== 'postgres') return '';
	const ok = r.rps >= t.rps && (t.p99 === undefined || (r.p99 ?? Infinity) < t.p99);
	return ok ? 'met' : '**missed**';
}

function markdown(runs, meta) {
	const lines = [];
	lines.push(
		`Run of ${meta.date} — commit \`${meta.commit}\`${meta.dirty ? ' (with uncommitted changes in the working tree)' : ''}; ` +
			`server built at ${meta.builtAt}${meta.buildStale ? ' (sources changed since: `--no-build`)' : ''}.`
	);
	lines.push('');
	lines.push(
		`Machine: ${meta.cores} cores (${meta.cpuModel}), ${meta.memGb} GB RAM, ${meta.os}; Node ${process.version}; ${meta.pgVersion}; ` +
			`PGlite ${meta.pgliteVersion}; autocannon ${meta.autocannonVersion}. The server, PostgreSQL and the load generator share the ${meta.cores} cores. ` +
			`Machine busy before the run (other work): ${pct(meta.background)}.`
	);
	lines.push('');
	lines.push(
		`Settings: ${CONNECTIONS} connections, ${WARMUP} s warm-up then ${runs.map((r) => `${r.duration} s (${r.engine})`).join(', ')} per scenario, ` +
			`DB_POOL_SIZE=20 per process, LOG_LEVEL=warn; app processes (WEB_CONCURRENCY): ${runs.map((r) => `${workersFor(r.engine)} (${r.engine})`).join(', ')}; ` +
			`PostgreSQL reached over ${PG_SOCKET ? `its Unix socket (${PG_SOCKET})` : 'TCP (127.0.0.1)'}; ` +
			`catalogue of ${PRODUCTS.toLocaleString('en')} active products; search terms rotate over one-word terms each matching ~10 % of the products.`
	);
	for (const run of runs) {
		const p = run.prep;
		lines.push('');
		lines.push(`### ${run.engine === 'postgres' ? 'PostgreSQL' : 'PGlite (reference)'}`);
		lines.push('');
		lines.push(
			`${p.counts.products.toLocaleString('en')} products, ${p.counts.variants.toLocaleString('en')} variants, ${p.counts.shops} active shops. ` +
				`Setup before the server starts: migrate ${ms(p.timings.migrate)}, demo seed ${ms(p.timings.seed)}, large catalogue ${ms(p.timings.grow)}. ` +
				`Matches per search term: ${Object.entries(p.termCounts)
					.map(([t, n]) => `${t} ${n}`)
					.join(', ')}.`
		);
		lines.push('');
		lines.push(
			'| scenario | req/s (2xx) | p50 ms | p99 ms | errors | target (PostgreSQL) | | CPU ms per request: server + db | CPU ceiling | db xacts / rows per request | CPU share: server / db / load gen / other work |'
		);
		lines.push('|---|--:|--:|--:|--:|---|---|--:|--:|--:|---|');
		for (const r of run.results) {
			const statuses = Object.entries(r.statuses)
				.filter(([code]) => !/^2/.test(code))
				.map(([c, n]) => `${c}×${n}`)
				.join(' ');
			lines.push(
				`| ${r.name} | ${fmt(r.rps)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${r.errors}${statuses ? ` (${statuses})` : ''} | ` +
					`${TARGETS[r.name]?.text ?? '—'} | ${verdict(run.engine, r)} | ` +
					(r.each
						? `${fmt(r.each.server)} + ${run.engine === 'postgres' ? fmt(r.each.postgres) : '(in server)'} | ${fmt(r.each.ceiling)}/s | ` +
							`${r.each.xacts === null ? '—' : `${fmt(r.each.xacts)} / ${fmt(r.each.rows)}`} | `
						: '— | — | — | ') +
					`${pct(r.cpu.server)} / ${run.engine === 'postgres' ? pct(r.cpu.postgres) : 'in server'} / ${pct(r.cpu.loadgen)} / ${pct(r.cpu.other)} |`
			);
		}
		if (run.results.some((r) => r.cpu.activity)) {
			lines.push('');
			lines.push(
				`Database backends during each scenario (pg_stat_activity every 200 ms; average number of the pool's ${CONNECTIONS} connections in each state):`
			);
			lines.push('');
			lines.push(
				'| scenario | running a statement | waiting for a lock | idle in transaction (waiting for the app) | idle | statements waiting for a lock |'
			);
			lines.push('|---|--:|--:|--:|--:|---|');
			for (const r of run.results.filter((x) => x.cpu.activity)) {
				const a = r.cpu.activity;
				const waits = a.waits.map((w) => `${pct(w.share)} \`${w.query.replaceAll('|', '\\|')}…\``).join('<br>');
				lines.push(`| ${r.name} | ${fmt(a.running)} | ${fmt(a.lock)} | ${fmt(a.inTransaction)} | ${fmt(a.idle)} | ${waits || '—'} |`);
			}
		}
		const c = run.results.find((r) => r.name.startsWith('checkout'));
		if (c) {
			lines.push('');
			lines.push(
				`Checkout: ${c.requests} checkout requests in ${run.duration} s by ${CONNECTIONS} buyers (2 lines from 2 shops, pickup slots, own client address each); ` +
					`p50/p99 is the checkout request; the whole flow (create cart, 2 × add, checkout) took p50 ${fmt(c.flowP50)} ms, p99 ${fmt(c.flowP99)} ms.`
			);
		}
		const d = p.domain;
		lines.push('');
		lines.push(
			`Domain functions in-process, no HTTP (${CONNECTIONS} at a time, before the server starts): ` +
				`\`searchProducts\` ${fmt(d.search.perSecond)}/s (p50 ${fmt(d.search.p50)} ms, p99 ${fmt(d.search.p99)} ms, Node CPU ${pct(d.search.nodeCpu)}); ` +
				`\`getProduct\` ${fmt(d.product.perSecond)}/s (p50 ${fmt(d.product.p50)} ms, p99 ${fmt(d.product.p99)} ms, Node CPU ${pct(d.product.nodeCpu)})` +
				(d.checkout
					? `; the checkout flow (\`createCart\`, 2 × \`addToCart\` with the cart read before and after, rate-limit \`hit\`, \`getCart\`, \`checkout\`) ` +
						`${fmt(d.checkout.perSecond)}/s (p50 ${fmt(d.checkout.p50)} ms, p99 ${fmt(d.checkout.p99)} ms, Node CPU ${pct(d.checkout.nodeCpu)}).`
					: '.')
		);
		if (d.explain) {
			lines.push('');
			lines.push(
				`<details><summary>EXPLAIN (ANALYZE, BUFFERS) of the search query as \`searchProducts\` sends it (24 results, "${d.explain.term}")</summary>`
			);
			lines.push('');
			lines.push('```');
			lines.push(d.explain.plan);
			lines.push('```');
			lines.push('');
			lines.push('</details>');
		}
	}
	return lines.join('\n');
}

async function metadata() {
	const git = (args) => {
		try {
			return execFileSync('git', args, { encoding: 'utf8' }).trim();
		} catch {
			return '';
		}
	};
	let pgVersion = 'PostgreSQL (not run)';
	if (engines.includes('postgres')) {
		const { default: pg } = await import('pg');
		const c = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL ?? ADMIN_URL });
		await c.connect();
		pgVersion = (await c.query('show server_version')).rows[0].server_version.replace(/ .*/, '');
		pgVersion = `PostgreSQL ${pgVersion} on 127.0.0.1`;
		await c.end();
	}
	const version = (pkg) => JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
	return {
		date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
		commit: git(['rev-parse', '--short', 'HEAD']),
		dirty: git(['status', '--porcelain']).length > 0,
		cores: os.cpus().length,
		cpuModel: os.cpus()[0]?.model?.trim() ?? 'unknown CPU',
		memGb: Math.round(os.totalmem() / 2 ** 30),
		os: `${os.type()} ${os.release()}`,
		pgVersion,
		pgliteVersion: version('@electric-sql/pglite'),
		builtAt: new Date(statSync(join(root, 'build/handler.js')).mtimeMs).toISOString().replace(/\.\d+Z$/, 'Z'),
		buildStale: statSync(join(root, 'build/handler.js')).mtimeMs < Math.max(newest('src'), newest('messages')),
		autocannonVersion: version('autocannon')
	};
}

function writeReadme(text) {
	const path = join(root, 'bench/README.md');
	const start = '<!-- bench:results:start -->';
	const end = '<!-- bench:results:end -->';
	const block = `${start}\n${text}\n${end}`;
	let readme = existsSync(path) ? readFileSync(path, 'utf8') : `# Load benchmark\n\n${start}\n${end}\n`;
	if (!readme.includes(start) || !readme.includes(end)) readme += `\n${start}\n${end}\n`;
	readme = readme.slice(0, readme.indexOf(start)) + block + readme.slice(readme.indexOf(end) + end.length);
	writeFileSync(path, readme);
	// Formatted as `npm run lint` expects (tables aligned by Prettier).
	const prettier = join(root, 'node_modules/prettier/bin/prettier.cjs');
	if (existsSync(prettier)) spawnSync(process.execPath, [prettier, '--write', path], { stdio: 'ignore', timeout: 60_000 });
}

/** Share of the machine's CPU busy over `seconds`, from /proc/stat. */
async function machineBusy(seconds) {
	const a = machineTicks();
	await sleep(seconds * 1000);
	const b = machineTicks();
	return (b.busy - a.busy) / Math.max(1, b.total - a.total);
}

/**
 * Other work on the machine (tests, browsers) skews every figure: measure it before the run and,
 * with --wait-idle N, wait up to N seconds for it to fall under 25 %.
 */
async function backgroundLoad() {
	const deadline = Date.now() + WAIT_IDLE_S * 1000;
	let busy = await machineBusy(2);
	for (let i = 0; i < 1000 && busy > 0.25 && Date.now() < deadline; i++) {
		log(`machine ${pct(busy)} busy before the run: waiting for it to calm down (up to ${WAIT_IDLE_S} s)`);
		await sleep(5000);
		busy = await machineBusy(2);
	}
	return busy;
}

// ── Main ───────────────────────────────────────────────────────────────────────────────────
let exitCode = 0;
try {
	// Idle first: a rebuild then disturbs nobody's running server, and the figures are cleaner.
	const background = await backgroundLoad();
	const build = buildIfNeeded();
	serverEntry = snapshotBuild();
	log(`machine ${pct(background)} busy before the run${background > 0.25 ? ' — other work is running: figures will be low' : ''}`);
	log(`build ${build}; engines: ${engines.join(', ')}; ${CONNECTIONS} connections, ${WARMUP} s + ${DURATION} s per scenario`);
	const meta = { ...(await metadata()), background };
	const budgetStart = Date.now();
	const runs = [];
	for (const engine of engines) {
		const elapsed = (Date.now() - budgetStart) / 1000;
		if (engine === 'pglite' && runs.length) {
			// The reference engine gets what is left of the budget: shorter runs, or none.
			const setup = 100;
			const scenarios = 10;
			const fits = Math.floor((BUDGET_S - elapsed - setup) / scenarios - WARMUP - 2);
			if (fits < 3) {
				log(`pglite: skipped — ${elapsed.toFixed(0)} s spent of the ${BUDGET_S} s budget (run \`npm run bench -- --pglite\`)`);
				continue;
			}
			duration = Math.min(DURATION, fits);
			if (duration < DURATION) log(`pglite: ${duration} s per scenario, to stay within the ${BUDGET_S} s budget`);
		}
		try {
			runs.push(await benchEngine(engine));
		} catch (error) {
			exitCode = 1;
			log(`${engine}: FAILED — ${error.stack ?? error}`);
		}
	}
	if (runs.length) {
		const text = markdown(runs, meta);
		console.log(`\n${text}\n`);
		if (!opts['no-readme']) {
			writeReadme(text);
			log('figures written to bench/README.md');
		}
	}
} catch (error) {
	exitCode = 1;
	console.error(error);
} finally {
	killChildren();
	for (const cleanup of cleanups.splice(0)) await cleanup().catch(() => {});
	log('done');
}
process.exit(exitCode);
