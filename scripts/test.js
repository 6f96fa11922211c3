// `npm test`: compiles the i18n messages, builds the app when the build is missing or older than
// the sources (same rule as `npm start`), then runs Vitest (unit, integration, HTTP) and the
// browser journeys (tests/e2e/run.js), which print their own summaries. Any failing step fails
// the command; the browser journeys still run after failing Vitest tests, so one run shows both.
// Without Chromium the browser step warns loudly and passes, unless E2E_REQUIRED=1.
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

process.chdir(resolve(import.meta.dirname, '..'));

function newest(dir) {
	let latest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (entry.name === 'paraglide') continue;
		const path = join(dir, entry.name);
		latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
	}
	return latest;
}

/** Runs one step with inherited output; returns true when it succeeded. */
function step(title, command, args) {
	const started = performance.now();
	console.log(`\n▶ ${title}`);
	const result = spawnSync(command, args, { stdio: 'inherit' });
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	if (result.status === 0) {
		console.log(`✔ ${title} (${seconds} s)`);
		return true;
	}
	const why = result.error ? result.error.message : result.signal ? `signal ${result.signal}` : `exit code ${result.status}`;
	console.error(`\n✖ ${title}: failed (${why}, ${seconds} s)`);
	return false;
}

const node = process.execPath;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

// The Paraglide compiler leaves timers behind that hold the process ~30 s after it is done:
// exit as soon as the compilation has finished (a failure still rejects and exits non-zero).
if (!step('i18n messages', node, ['--input-type=module', '-e', "await import('./scripts/i18n-compile.js'); process.exit(0);"]))
	process.exit(1);

const built = 'build/handler.js';
const sources = Math.max(newest('src'), newest('messages'), statSync('package.json').mtimeMs);
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
	if (!step('build', npm, ['run', 'build', '--silent'])) process.exit(1);
} else console.log('\n✔ build is up to date');

const failed = [];
if (!step('unit, integration and HTTP tests (vitest)', node, ['node_modules/vitest/vitest.mjs', 'run'])) failed.push('vitest');
// BROWSER_TESTS=skip leaves the browser journeys out (CI runs them on one engine only, see .ci/run).
if (process.env.BROWSER_TESTS === 'skip') console.log('\n- browser end-to-end tests skipped (BROWSER_TESTS=skip)');
else if (!step('browser end-to-end tests', node, ['tests/e2e/run.js'])) failed.push('browser end-to-end tests');

if (failed.length) {
	console.error(`\n✖ npm test failed: ${failed.join(', ')}`);
	process.exit(1);
}
console.log('\n✔ npm test: all steps passed');
