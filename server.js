// Production entry: serves the built app (`build/`) with Node's http server.
// Why not adapter-node's own entry: it assumes https when no proxy header says otherwise, which
// breaks forms and sign-in on plain http://localhost. Here the public URL is our ORIGIN setting:
// its scheme is passed to the handler through a header we set ourselves (any client value is
// dropped), the host comes from the request, so each territory keeps its own host name.
//
// WEB_CONCURRENCY=N (PostgreSQL only) runs N app processes on this machine behind one port
// (node:cluster). Each is an app node like those of docs/operations.md — they share nothing but the
// database — so one Node thread no longer caps a multi-core machine. The embedded database
// (PGlite) lives inside one process, so without DATABASE_URL there is always one process.
import http from 'node:http';
import cluster from 'node:cluster';
import { fileURLToPath } from 'node:url';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
const origin = new URL(process.env.ORIGIN ?? `http://localhost:${port}`);
const wanted = Number.parseInt(process.env.WEB_CONCURRENCY ?? '1', 10);
const workers = Number.isInteger(wanted) && wanted > 0 ? Math.min(wanted, 64) : 1;
const embedded = !process.env.DATABASE_URL;

if (cluster.isPrimary && workers > 1 && embedded) {
	console.warn(
		'WEB_CONCURRENCY ignoré : la base intégrée ne sert qu’un processus (définissez DATABASE_URL) / ' +
			'WEB_CONCURRENCY ignored: the embedded database serves one process (set DATABASE_URL)'
	);
}

if (cluster.isPrimary && workers > 1 && !embedded) await supervise(workers);
else await serve();

/** One app process: the SvelteKit handler on the shared port. */
async function serve() {
	const PROTO_HEADER = 'x-echoppe-proto';
	process.env.PROTOCOL_HEADER = PROTO_HEADER;
	// Above the photo limit (MEDIA_MAX_MB, 12 MB): a too large photo still reaches the form action,
	// which answers with a message next to the field instead of a bare 413.
	process.env.BODY_SIZE_LIMIT ??= '25M';

	const { handler } = await import('./build/handler.js');

	const server = http.createServer((req, res) => {
		req.headers[PROTO_HEADER] = origin.protocol.replace(':', '');
		handler(req, res, () => {
			res.statusCode = 404;
			res.end();
		});
	});
	server.keepAliveTimeout = 65_000;

	server.listen(port, host, () => {
		if (cluster.isWorker) return; // the supervisor says it once for all
		console.log(`Échoppe écoute sur / listening on ${origin.href} (${host}:${port})`);
	});

	let stopping = false;
	function shutdown(signal) {
		if (stopping) return;
		stopping = true;
		if (!cluster.isWorker) console.log(`${signal}: arrêt en cours / shutting down`);
		// Stop accepting connections, let running requests finish, then close the database.
		// Long-lived streams (the order board's server-sent events) are told first: they never
		// finish on their own and would hold the stop up.
		process.emit('echoppe:draining', signal);
		server.close(() => {
			process.emit('sveltekit:shutdown', signal);
			setTimeout(() => process.exit(0), 2000).unref();
		});
		server.closeIdleConnections();
		setTimeout(() => {
			server.closeAllConnections();
		}, 10_000).unref();
	}
	process.on('SIGTERM', () => shutdown('SIGTERM'));
	process.on('SIGINT', () => shutdown('SIGINT'));
}

/**
 * The supervisor: starts one worker first, so that migrations and the demo seed run once, then the
 * others; replaces a worker that dies (waiting longer each time it keeps dying young); on
 * SIGTERM/SIGINT stops them all gracefully and exits.
 */
async function supervise(count) {
	let stopping = false;
	// Workers run this file, not the entry that started us (`npm start` runs scripts/start.js,
	// which would rebuild the app from a worker if the sources changed since).
	cluster.setupPrimary({ exec: fileURLToPath(import.meta.url) });

	function shutdown(signal) {
		if (stopping) return;
		stopping = true;
		console.log(`${signal}: arrêt en cours / shutting down`);
		for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
		const done = () => Object.keys(cluster.workers ?? {}).length === 0 && process.exit(0);
		cluster.on('exit', done);
		done();
		setTimeout(() => process.exit(0), 15_000).unref();
	}
	// From the start: a stop during the first worker's migrations is a graceful one too.
	process.on('SIGTERM', () => shutdown('SIGTERM'));
	process.on('SIGINT', () => shutdown('SIGINT'));

	const listening = (worker) =>
		new Promise((ok, ko) => {
			worker.once('listening', ok);
			worker.once('exit', (code) => ko(new Error(`worker exited with code ${code} before listening`)));
		});
	const deaths = new Map(); // index → recent quick deaths, for the restart delay
	const fork = (index) => {
		const startedAt = Date.now();
		const worker = cluster.fork({ ECHOPPE_WORKER: String(index) });
		worker.on('exit', (code, signal) => {
			if (stopping) return;
			const quick = Date.now() - startedAt < 30_000 ? (deaths.get(index) ?? 0) + 1 : 0;
			deaths.set(index, quick);
			const delay = Math.min(1000 * 2 ** quick, 60_000);
			console.error(`processus ${index} arrêté (${signal ?? code}), relancé / worker ${index} died (${signal ?? code}), restarting`);
			// Not unref'd: this timer keeps the supervisor alive when every worker died at once.
			setTimeout(() => {
				if (!stopping) fork(index);
			}, delay);
		});
		return worker;
	};
	try {
		await listening(fork(0));
	} catch (error) {
		if (stopping) process.exit(0); // stopped while the first worker was starting
		console.error(String(error));
		process.exit(1);
	}
	if (stopping) return;
	await Promise.all(Array.from({ length: count - 1 }, (_, i) => listening(fork(i + 1)).catch(() => {})));
	console.log(`Échoppe écoute sur / listening on ${origin.href} (${host}:${port}, ${count} processus / processes)`);
}
