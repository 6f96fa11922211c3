// `node bench/profile-summary.js DIR|FILE.cpuprofile [top]`: where a server profile
// (`npm run bench -- --profile DIR`) spent its CPU — self time by function and by package.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const target = process.argv[2];
const top = Number(process.argv[3] ?? 25);
if (!target) {
	console.error('usage: node bench/profile-summary.js DIR|FILE.cpuprofile [top]');
	process.exit(1);
}
const file = statSync(target).isDirectory()
	? readdirSync(target)
			.filter((f) => f.endsWith('.cpuprofile'))
			.map((f) => join(target, f))
			.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]
	: target;
const profile = JSON.parse(readFileSync(file, 'utf8'));

// Self time per node: samples × their interval.
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
for (let i = 0; i < profile.samples.length; i++) {
	const dt = (profile.timeDeltas[i] ?? 0) / 1000;
	self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt);
}
const total = [...self.values()].reduce((a, b) => a + b, 0);

/** "node_modules/drizzle-orm/…" → "drizzle-orm"; the app's build → "app"; Node's own → "node". */
function packageOf(url) {
	if (!url) return '(native / gc / idle)';
	const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
	if (m) return m[1];
	if (url.startsWith('node:')) return 'node';
	if (url.includes('/build/')) return 'app (build)';
	return url.replace(/^file:\/\//, '');
}

const byFunction = new Map();
const byPackage = new Map();
for (const [id, ms] of self) {
	const { callFrame } = byId.get(id);
	const name = `${callFrame.functionName || '(anonymous)'}  ${packageOf(callFrame.url)}${callFrame.url ? `:${callFrame.lineNumber + 1}` : ''}`;
	byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
	const pkg = callFrame.functionName === '(idle)' ? '(idle)' : packageOf(callFrame.url);
	byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
}
const idle = byPackage.get('(idle)') ?? 0;
const busy = total - idle;
const show = (title, map, n) => {
	console.log(`\n${title}`);
	for (const [name, ms] of [...map]
		.filter(([k]) => k !== '(idle)' && !k.startsWith('(idle)'))
		.sort((a, b) => b[1] - a[1])
		.slice(0, n)) {
		console.log(`${((ms / busy) * 100).toFixed(1).padStart(5)} %  ${ms.toFixed(0).padStart(7)} ms  ${name}`);
	}
};
console.log(
	`${file}: ${(total / 1000).toFixed(1)} s profiled, ${(busy / 1000).toFixed(1)} s busy (${((busy / total) * 100).toFixed(0)} %)`
);
show('Self time by package (share of busy time)', byPackage, 15);
show('Self time by function', byFunction, top);
