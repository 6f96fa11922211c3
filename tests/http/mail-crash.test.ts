import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../setup/server.ts';
import { smtpStandIn, type SmtpStandIn } from '../setup/smtp.ts';
import { signInCookie } from './session.ts';
import { checkoutAtBakery, move, ownDatabase } from './bakery.ts';
import { until } from './json-api.ts';

// The "done when": the job queue survives a kill -9 of the app mid-send; after restart,
// every email is sent exactly once per order and kind. "Sent" = accepted by the SMTP server (its
// 250). The stand-in mail server reads a whole message and withholds the 250; the app is killed
// while it waits; the message was never accepted, so the restarted app (claims expire after
// MAIL_CLAIM_SECONDS) sends it again, and everything else once.

let smtp: SmtpStandIn;
let dataDir: string;
let database: Awaited<ReturnType<typeof ownDatabase>>;
let server: RunningServer | undefined;
let env: Record<string, string>;

beforeAll(async () => {
	smtp = await smtpStandIn('accept');
	dataDir = mkdtempSync(join(tmpdir(), 'echoppe-mail-crash-'));
	database = await ownDatabase('echoppe_mc');
	env = {
		SMTP_URL: smtp.url,
		MAIL_FROM: 'Échoppe <no-reply@saint-aubin.demo>',
		MAIL_POLL_SECONDS: '0.2',
		MAIL_CLAIM_SECONDS: '2',
		ADDRESS_HEADER: 'x-forwarded-for',
		...(database ? { DATABASE_URL: database.url } : {})
	};
}, 60_000);

afterAll(async () => {
	await server?.stop();
	await smtp?.close();
	await database?.drop();
	rmSync(dataDir, { recursive: true, force: true });
});

/** The (order, kind) of an order email, from its Message-ID `<order.<id>.<kind>@host>`. */
const orderKind = (messageId: string | null) =>
	/^<order\.([0-9a-f-]{36})\.([a-z_]+)@/
		.exec(messageId ?? '')
		?.slice(1)
		.join(':') ?? null;

describe('emails survive a kill -9 of the app mid-send', () => {
	it('sends every order email exactly once per order and kind after a restart', async () => {
		server = await startServer(env, { dataDir });
		const merchant = await signInCookie(server.url, 'boulangerie@saint-aubin.demo');
		// The demo's own emails (if any) go first, accepted.
		const first = await checkoutAtBakery(server.url, `crash-${randomUUID().slice(0, 8)}@exemple.fr`);
		expect(await until(() => smtp.accepted().some((m) => orderKind(m.messageId) === `${first.id}:confirmation`), 20_000)).toBe(true);

		// From now on the mail server takes each message and never answers it.
		smtp.mode = 'stall';
		const inFlight = smtp.nextInFlight();
		const second = await checkoutAtBakery(server.url, `crash-${randomUUID().slice(0, 8)}@exemple.fr`);
		const third = await checkoutAtBakery(server.url, `crash-${randomUUID().slice(0, 8)}@exemple.fr`);
		const moves: [string, string, string, string?][] = [
			[first.id, 'new', 'accepted'],
			[first.id, 'accepted', 'preparing'],
			[first.id, 'preparing', 'ready'],
			[second.id, 'new', 'accepted'],
			[third.id, 'new', 'refused', 'Four en panne']
		];
		for (const [orderId, from, to, reason] of moves) {
			const r = await move(server.url, merchant, { orderId, from, to, ...(reason ? { reason } : {}) });
			expect(r.status, `${from} → ${to}`).toBe(303);
		}
		const stalled = await inFlight;
		expect(stalled.accepted).toBe(false);
		await server.kill();
		const acceptedBeforeCrash = smtp.accepted().length;

		// Back on the same data: the stalled claim expires, everything still unsent goes, once.
		smtp.mode = 'accept';
		server = await startServer({ ...env, SEED_DEMO: 'false' }, { dataDir });
		const expected = [
			`${first.id}:confirmation`,
			`${first.id}:accepted`,
			`${first.id}:ready`,
			`${second.id}:confirmation`,
			`${second.id}:accepted`,
			`${third.id}:confirmation`,
			`${third.id}:refused`
		].sort();
		const ours = () =>
			smtp
				.accepted()
				.map((m) => orderKind(m.messageId))
				.filter((k): k is string => !!k && [first.id, second.id, third.id].some((id) => k.startsWith(id)));
		expect(await until(() => expected.every((k) => ours().includes(k)), 30_000), `accepted: ${ours().join(', ')}`).toBe(true);
		// Two more claim periods: nothing comes twice.
		await new Promise((r) => setTimeout(r, 5000));
		expect(ours().sort()).toEqual(expected);
		expect(smtp.accepted().length).toBeGreaterThan(acceptedBeforeCrash);
		// Every message the server accepted, ours and the demo's, exactly once (by Message-ID).
		const ids = smtp.accepted().map((m) => m.messageId);
		expect(new Set(ids).size).toBe(ids.length);
		// The one in flight at the crash was among those sent again.
		expect(smtp.accepted().some((m) => m.messageId === stalled.messageId)).toBe(true);
		expect(smtp.received.filter((m) => m.messageId === stalled.messageId)).toHaveLength(2);
	}, 240_000);
});
