// `npm test`: compiles the i18n messages, builds the app when the build is missing or older than
// the sources (same rule as `npm start`), then runs Vitest (unit, integration, HTTP) and the
// browser journeys (tests/e2e/run.js). Any failing step fails the command.
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

function step(title, command, args) {
	const started = performance.now();
	console.log(`\n▶ ${title}`);
	const result = spawnSync(command, args, { stdio: 'inherit' });
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	if (result.status !== 0) {
		const why = result.error ? result.error.message : result.signal ? `signal ${result.signal}` : `exit code ${result.status}`;
		console.error(`\n✖ ${title}: failed (${why}, ${seconds} s)`);
		process.exit(result.status || 1);
	}
	console.log(`✔ ${title} (${seconds} s)`);
}

const node = process.execPath;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

step('i18n messages', node, ['scripts/i18n-compile.js']);

const built = 'build/handler.js';
const sources = Math.max(newest('src'), newest('messages'), statSync('package.json').mtimeMs);
if (!existsSync(built) || statSync(built).mtimeMs < sources) step('build', npm, ['run', 'build', '--silent']);
else console.log('\n✔ build is up to date');

step('unit, integration and HTTP tests (vitest)', node, ['node_modules/vitest/vitest.mjs', 'run']);
step('browser end-to-end tests', node, ['tests/e2e/run.js']);
