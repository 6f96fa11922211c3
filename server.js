// Production entry: serves the built app (`build/`) with Node's http server.
// Why not adapter-node's own entry: it assumes https when no proxy header says otherwise, which
// breaks forms and sign-in on plain http://localhost. Here the public URL is our ORIGIN setting:
// its scheme is passed to the handler through a header we set ourselves (any client value is
// dropped), the host comes from the request, so each territory keeps its own host name.
import http from 'node:http';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
const origin = new URL(process.env.ORIGIN ?? `http://localhost:${port}`);
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
	console.log(`Échoppe écoute sur / listening on ${origin.href} (${host}:${port})`);
});

let stopping = false;
function shutdown(signal) {
	if (stopping) return;
	stopping = true;
	console.log(`${signal}: arrêt en cours / shutting down`);
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
