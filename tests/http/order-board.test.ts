import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startServer, type RunningServer } from '../setup/server.ts';
import { signInCookie, get } from './session.ts';
import { checkoutAtBakery, move } from './bakery.ts';

// The "done when": the merchant's board listens on node B; an order checked out through
// the API on node A shows up there within 2 s; the merchant moves it to ready; the customer's
// email is in the outbox. With PostgreSQL (TEST_DATABASE_URL) the two nodes share one database;
// with PGlite (one process per data folder) A and B are the same node.

const twoNodes = !!process.env.TEST_DATABASE_URL;
let nodeA: RunningServer;
let nodeB: RunningServer;
let dataDir: string;
let ownDatabase: { admin: string; name: string; url: string } | undefined;

beforeAll(async () => {
	dataDir = mkdtempSync(join(tmpdir(), 'echoppe-order-board-'));
	const env: Record<string, string> = { ADDRESS_HEADER: 'x-forwarded-for' };
	const base = process.env.TEST_DATABASE_URL;
	if (base) {
		const name = `echoppe_ob_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
		const admin = new pg.Client({ connectionString: base });
		await admin.connect();
		await admin.query(`create database ${name}`);
		await admin.end();
		const u = new URL(base);
		u.pathname = `/${name}`;
		ownDatabase = { admin: base, name, url: u.toString() };
		env.DATABASE_URL = ownDatabase.url;
		nodeA = await startServer(env, { dataDir });
		nodeB = await startServer({ ...env, SEED_DEMO: 'false' }, { dataDir: mkdtempSync(join(tmpdir(), 'echoppe-order-board-b-')) });
	} else {
		nodeA = nodeB = await startServer(env, { dataDir });
	}
}, 240_000);

afterAll(async () => {
	await nodeA?.stop();
	if (nodeB !== nodeA) {
		await nodeB?.stop();
		rmSync(nodeB.dataDir, { recursive: true, force: true });
	}
	rmSync(dataDir, { recursive: true, force: true });
	if (ownDatabase) {
		const admin = new pg.Client({ connectionString: ownDatabase.admin });
		await admin.connect();
		await admin.query(`drop database if exists ${ownDatabase.name} with (force)`);
		await admin.end();
	}
});

type SseEvent = { event: string; data: string; at: number };

/** Reads a server-sent event stream as a browser's EventSource would. */
async function openStream(url: string, cookie: string) {
	const controller = new AbortController();
	const response = await fetch(url, { headers: { cookie, accept: 'text/event-stream' }, signal: controller.signal });
	const events: SseEvent[] = [];
	let buffer = '';
	let ended = false;
	const reading = (async () => {
		const decoder = new TextDecoder();
		const reader = response.body!.getReader();
		try {
			for (;;) {
				const { value, done } = await reader.read();
				if (done) break;
				buffer += decoder.decode(value, { stream: true });
				let cut;
				while ((cut = buffer.indexOf('\n\n')) >= 0) {
					const block = buffer.slice(0, cut);
					buffer = buffer.slice(cut + 2);
					const lines = block.split('\n');
					const field = (name: string) =>
						lines
							.filter((l) => l.startsWith(`${name}:`))
							.map((l) => l.slice(name.length + 1).trim())
							.join('\n');
					events.push({
						event: field('event') || (lines.some((l) => l.startsWith('data:')) ? 'message' : 'comment'),
						data: field('data'),
						at: Date.now()
					});
				}
			}
		} catch {
			// aborted
		}
		ended = true;
	})();
	const waitFor = async (test: (e: SseEvent) => boolean, ms = 2000): Promise<SseEvent> => {
		const deadline = Date.now() + ms;
		for (;;) {
			const found = events.find(test);
			if (found) return found;
			if (Date.now() > deadline) throw new Error(`no matching event within ${ms} ms; got ${JSON.stringify(events)}`);
			await new Promise((r) => setTimeout(r, 20));
		}
	};
	return {
		response,
		events,
		waitFor,
		ended: () => ended,
		reading,
		close: () => controller.abort()
	};
}

describe(twoNodes ? 'the order board across two app nodes on one PostgreSQL' : 'the order board (PGlite, one node)', () => {
	it('shows an order taken on node A on the board of node B within 2 s; ready emails the customer', async () => {
		const merchant = await signInCookie(nodeB.url, 'boulangerie@saint-aubin.demo');
		const stream = await openStream(`${nodeB.url}/pro/commandes/flux`, merchant);
		expect(stream.response.status).toBe(200);
		expect(stream.response.headers.get('content-type')).toContain('text/event-stream');
		await stream.waitFor((e) => e.event === 'comment');

		const email = `board-${randomUUID().slice(0, 8)}@exemple.fr`;
		const order = await checkoutAtBakery(nodeA.url, email);
		const arrived = await stream.waitFor((e) => e.event === 'order' && JSON.parse(e.data).orderId === order.id);
		expect(JSON.parse(arrived.data)).toEqual({ orderId: order.id, status: 'new' });
		expect(arrived.at - order.placedAt).toBeLessThan(2000);

		// The board of node B lists it under "new", with the customer.
		const board = await get(nodeB.url, '/pro/commandes', merchant);
		expect(board.status).toBe(200);
		const html = await board.text();
		expect(html).toContain(`Commande n° ${order.number}`);
		expect(html).toContain('Camille Durand');
		expect(html).toMatch(/<title>\(\d+\) Commandes/);

		let from = 'new';
		for (const to of ['accepted', 'preparing', 'ready']) {
			const r = await move(nodeB.url, merchant, { orderId: order.id, from, to });
			expect(r.status, await r.clone().text()).toBe(303);
			expect(r.headers.get('location')).toBe('/pro/commandes?status=new');
			await stream.waitFor((e) => e.event === 'order' && JSON.parse(e.data).orderId === order.id && JSON.parse(e.data).status === to);
			from = to;
		}

		// The customer's "ready" email is in the outbox (the operator's view of it).
		const operator = await signInCookie(nodeA.url, 'operateur@saint-aubin.demo');
		const outbox = await (await get(nodeA.url, '/admin/e-mails', operator)).text();
		expect(outbox).toContain(email);
		expect(outbox).toContain(`Commande n° ${order.number} chez`);
		expect(outbox).toMatch(new RegExp(`Commande n° ${order.number} chez [^<]+ : prête`));
		expect(outbox).toMatch(new RegExp(`Commande n° ${order.number} chez [^<]+ : acceptée`));

		// The history page shows every step.
		const detail = await (await get(nodeB.url, `/pro/commandes/${order.id}`, merchant)).text();
		for (const step of ['Nouvelles → Acceptées', 'Acceptées → En préparation', 'En préparation → Prêtes']) expect(detail).toContain(step);
		stream.close();
	});

	it('refuses a move without a reason, an illegal move, and another shop’s order', async () => {
		const merchant = await signInCookie(nodeB.url, 'boulangerie@saint-aubin.demo');
		const order = await checkoutAtBakery(nodeA.url, `board-${randomUUID().slice(0, 8)}@exemple.fr`);
		const noReason = await move(nodeB.url, merchant, { orderId: order.id, from: 'new', to: 'refused', reason: '' });
		expect(noReason.status).toBe(400);
		expect(await noReason.text()).toContain('Indiquez la raison');
		const illegal = await move(nodeB.url, merchant, { orderId: order.id, from: 'new', to: 'completed' });
		expect(illegal.status).toBe(409);
		expect(await illegal.text()).toContain('ne peut pas passer à cet état');

		const other = await signInCookie(nodeB.url, 'patisserie-les-delices-de-leonie@saint-aubin.demo');
		expect((await get(nodeB.url, `/pro/commandes/${order.id}`, other)).status).toBe(404);
		expect((await move(nodeB.url, other, { orderId: order.id, from: 'new', to: 'accepted' })).status).toBe(404);
		expect((await get(nodeB.url, `/pro/commandes/${randomUUID()}`, merchant)).status).toBe(404);
		expect((await get(nodeB.url, '/pro/commandes/pas-un-id', merchant)).status).toBe(404);
		// Nothing moved: the order is still new, and refusing with a reason works.
		const refused = await move(nodeB.url, merchant, { orderId: order.id, from: 'new', to: 'refused', reason: 'Four en panne' });
		expect(refused.status).toBe(303);
		const done = await move(nodeB.url, merchant, { orderId: order.id, from: 'refused', to: 'accepted' });
		expect(done.status).toBe(409);
		expect(await done.text()).toContain('terminée');
	});

	it('keeps the stream to the signed-in merchant', async () => {
		const anonymous = await fetch(`${nodeB.url}/pro/commandes/flux`, { redirect: 'manual' });
		expect(anonymous.status).toBe(303);
		const consumer = await signInCookie(nodeB.url, 'client@saint-aubin.demo');
		expect((await get(nodeB.url, '/pro/commandes/flux', consumer)).status).toBe(403);
	});

	it('does not hold up a graceful stop with an open stream', async () => {
		const merchant = await signInCookie(nodeB.url, 'boulangerie@saint-aubin.demo');
		const stream = await openStream(`${nodeB.url}/pro/commandes/flux`, merchant);
		await stream.waitFor((e) => e.event === 'comment');
		const started = Date.now();
		await nodeB.stop();
		expect(Date.now() - started).toBeLessThan(5000);
		await stream.reading;
		expect(stream.ended()).toBe(true);
	});
});
