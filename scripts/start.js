// `npm start`: builds the app when the build is missing or older than the sources, then serves it.
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function newest(dir) {
	let latest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (entry.name === 'paraglide') continue;
		const path = join(dir, entry.name);
		latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
	}
	return latest;
}

const built = 'build/handler.js';
const sources = Math.max(newest('src'), newest('messages'), statSync('package.json').mtimeMs);
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
	console.log('Construction de l’application… / Building the app…');
	const result = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}
await import('../server.js');
