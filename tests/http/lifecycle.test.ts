import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../setup/server.ts';
import { signInCookie, get } from './session.ts';

// What an installer meets: data kept across restarts, a fresh demo after removing the data folder,
// and the first-run setup on an empty database. Runs on PGlite; the first-run part also on PostgreSQL
// when TEST_DATABASE_URL is set (startServer then gives the server a fresh database).
const running: RunningServer[] = [];
afterAll(async () => {
	await Promise.all(running.map((s) => s.stop()));
});
const start = async (...args: Parameters<typeof startServer>) => {
	const s = await startServer(...args);
	running.push(s);
	return s;
};

const form = (base: string, path: string, body: Record<string, string>, cookie?: string) =>
	fetch(`${base}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { accept: 'text/html', origin: base, 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
		body: new URLSearchParams(body)
	});

describe.skipIf(!!process.env.TEST_DATABASE_URL)('embedded data folder', () => {
	it('keeps accounts across a restart and gives a fresh demo once removed', async () => {
		const dataDir = mkdtempSync(join(tmpdir(), 'echoppe-life-'));
		try {
			const first = await start({ DATABASE_URL: '' }, { dataDir });
			const created = await form(first.url, '/inscription', {
				name: 'Paul Durand',
				email: 'paul@exemple.fr',
				password: 'mot-de-passe-de-paul'
			});
			expect(created.status).toBe(303);
			await first.stop();

			const second = await start({ DATABASE_URL: '' }, { dataDir });
			expect(await signInCookie(second.url, 'paul@exemple.fr', 'mot-de-passe-de-paul')).toContain('better-auth.session_token=');
			await second.stop();

			rmSync(dataDir, { recursive: true, force: true });
			const third = await start({ DATABASE_URL: '' }, { dataDir });
			await expect(signInCookie(third.url, 'paul@exemple.fr', 'mot-de-passe-de-paul')).rejects.toThrow();
			expect(await (await get(third.url, '/')).text()).toContain('Saint-Aubin-sur-Loire');
		} finally {
			rmSync(dataDir, { recursive: true, force: true });
		}
	}, 120_000);
});

describe('first-run setup on an empty database', () => {
	it('leads to /setup, creates the territory and its operator, then closes', async () => {
		const server = await start({ SEED_DEMO: 'false' });
		const home = await get(server.url, '/');
		expect(home.status).toBe(303);
		expect(home.headers.get('location')).toBe('/setup');
		expect((await get(server.url, '/setup')).status).toBe(200);

		const bad = await form(server.url, '/setup', { territoryName: '', name: 'Jeanne', email: 'jeanne', password: 'court' });
		expect(bad.status).toBe(400);
		expect(await bad.text()).toContain('Ce champ est obligatoire.');

		const done = await form(server.url, '/setup', {
			territoryName: 'Commerces de Montsoreau',
			name: 'Jeanne Martin',
			email: 'jeanne@mairie-montsoreau.fr',
			password: 'un-mot-de-passe-solide'
		});
		expect(done.status).toBe(303);
		const operator = await signInCookie(server.url, 'jeanne@mairie-montsoreau.fr', 'un-mot-de-passe-solide');
		const admin = await get(server.url, '/admin', operator);
		expect(admin.status).toBe(200);
		expect(await admin.text()).toContain('Commerces de Montsoreau');
		// The setup cannot be replayed.
		expect((await get(server.url, '/setup')).status).toBe(303);
		const replay = await form(server.url, '/setup', {
			territoryName: 'Prise de contrôle',
			name: 'Intrus',
			email: 'intrus@exemple.fr',
			password: 'mot-de-passe-intrus'
		});
		// Refused (the page then sends the visitor home): no account, no second territory.
		expect([303, 409]).toContain(replay.status);
		expect(replay.headers.get('location') ?? '/').toBe('/');
		await expect(signInCookie(server.url, 'intrus@exemple.fr', 'mot-de-passe-intrus')).rejects.toThrow();
		expect(await (await get(server.url, '/')).text()).toContain('Commerces de Montsoreau');
	}, 120_000);
});
