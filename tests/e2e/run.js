// Browser end-to-end suite: `node tests/e2e/run.js [file…] [--grep pattern]`.
// Starts ONE built server (fresh demo database) and ONE Chromium, runs tests/e2e/*.e2e.js with
// node:test (each test opens its own browser context), prints `N passed, N failed`, stops both.
// No Chromium: a loud warning and exit 0, unless E2E_REQUIRED=1 (CI), then exit 1.
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { findChromium, launchChromium, E2E_SERVER_ENV } from './lib.js';

const root = resolve(import.meta.dirname, '../..');
const here = import.meta.dirname;

// The server helper is TypeScript: Node ≥ 22.18 strips types by default, 22.17 needs the flag.
if (!process.features.typescript && !process.execArgv.includes('--experimental-strip-types')) {
	const again = spawnSync(
		process.execPath,
		['--experimental-strip-types', '--disable-warning=ExperimentalWarning', ...process.execArgv, ...process.argv.slice(1)],
		{
			stdio: 'inherit'
		}
	);
	process.exit(again.status ?? 1);
}

const args = process.argv.slice(2);
const grepAt = args.indexOf('--grep');
const grep = grepAt >= 0 ? args.splice(grepAt, 2)[1] : undefined;
const files = (
	args.length
		? args.map((f) => resolve(f))
		: readdirSync(here)
				.filter((f) => f.endsWith('.e2e.js') || f.endsWith('.e2e.ts'))
				.map((f) => join(here, f))
).sort();

const chromiumPath = findChromium();
if (!chromiumPath) {
	const required = process.env.E2E_REQUIRED === '1';
	const bar = '!'.repeat(78);
	console.warn(
		[
			'',
			bar,
			`!!  ${required ? 'BROWSER TESTS CANNOT RUN' : 'BROWSER TESTS SKIPPED'}: no Chromium found.`,
			'!!  Looked at $CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome.',
			'!!  The end-to-end journeys and accessibility checks did NOT run.',
			'!!  Install one:  apt-get install -y chromium        (Debian/Ubuntu)',
			'!!  or point to one:  CHROMIUM_PATH=/path/to/chrome npm test',
			required ? '!!  E2E_REQUIRED=1 is set: this is a failure.' : '!!  (Set E2E_REQUIRED=1 to make this a failure, as CI does.)',
			bar,
			''
		].join('\n')
	);
	console.log(required ? '0 passed, 1 failed (no Chromium, E2E_REQUIRED=1)' : '0 passed, 0 failed (browser tests SKIPPED: no Chromium)');
	process.exit(required ? 1 : 0);
}

if (!existsSync(join(root, 'build/handler.js'))) {
	console.error('No build: run `npm run build` first (or `npm test`, which builds when needed).');
	process.exit(1);
}
if (!files.length) {
	console.error('No end-to-end test files (tests/e2e/*.e2e.js).');
	process.exit(1);
}

const started = performance.now();
const { startServer } = await import('../setup/server.ts');
let server;
let chromium;
async function stopAll() {
	await chromium?.close().catch((e) => console.error('Chromium did not close:', e.message));
	await server?.stop().catch((e) => console.error('Server did not stop:', e.message));
}
process.once('SIGINT', () => stopAll().finally(() => process.exit(130)));
process.once('SIGTERM', () => stopAll().finally(() => process.exit(143)));

let passed = 0;
let failed = 0;
let skipped = 0;
try {
	[server, chromium] = await Promise.all([startServer(E2E_SERVER_ENV), launchChromium({ server: true })]);
	console.log(`e2e: app on ${server.url}, Chromium ${chromiumPath} (ready in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
	process.env.E2E_BASE_URL = server.url;
	process.env.E2E_BROWSER_WS = chromium.wsEndpoint;

	const stream = run({
		files,
		concurrency: true,
		timeout: 120_000,
		testNamePatterns: grep ? [grep] : undefined
	});
	stream.on('test:pass', (data) => {
		if (data.details.type === 'suite') return;
		if (data.skip || data.todo) skipped++;
		else passed++;
	});
	stream.on('test:fail', (data) => {
		// A parent failing because a subtest failed is the same failure, counted once.
		if (data.details.error?.failureType === 'subtestsFailed') return;
		failed++;
	});
	await new Promise((ok, ko) => {
		const out = stream.compose(spec);
		out.on('data', (chunk) => process.stdout.write(chunk));
		out.on('end', ok);
		out.on('error', ko);
	});
} catch (error) {
	console.error(`e2e: could not run: ${error.stack ?? error}`);
	failed++;
} finally {
	if (failed && server) {
		const lines = server.output().trim().split('\n').slice(-60).join('\n');
		if (lines) console.log(`\n--- server output (last lines) ---\n${lines}\n---`);
	}
	await stopAll();
}

const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''} (browser tests, ${seconds} s)`);
process.exit(failed || !passed ? 1 : 0);
