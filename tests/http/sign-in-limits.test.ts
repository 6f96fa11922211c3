import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startServer, type RunningServer } from '../setup/server.ts';
import { DEMO_PASSWORD } from './session.ts';
import { rateRules } from '../../src/lib/server/security/rate-limit.ts';

// Sign-in limits as a real client meets them behind a proxy (the address comes from
// X-Forwarded-For): every attempt counts per address; per account only the failures count.

let server: RunningServer;
beforeAll(async () => {
	server = await startServer({ ADDRESS_HEADER: 'x-forwarded-for' });
}, 180_000);
afterAll(async () => {
	await server?.stop();
});

let addresses = 0;
const freshAddress = () => `10.77.${(++addresses >> 8) & 255}.${addresses & 255}`;

function signIn(email: string, password: string, address = freshAddress()) {
	return fetch(`${server.url}/connexion?/password`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			accept: 'text/html',
			origin: server.url,
			'content-type': 'application/x-www-form-urlencoded',
			'x-forwarded-for': address
		},
		body: new URLSearchParams({ email, password, redirect: '/' })
	});
}

const max = rateRules.signIn.max;

describe('sign-in limits', () => {
	it('never locks out an account owner who signs in successfully again and again', async () => {
		for (let i = 0; i < max + 3; i++) {
			const r = await signIn('client@saint-aubin.demo', DEMO_PASSWORD);
			expect(r.status, `sign-in ${i + 1}`).toBe(303);
		}
	});

	it('refuses an account, even with the right password, after too many wrong ones from anywhere', async () => {
		for (let i = 0; i < max; i++) {
			const r = await signIn('boucherie@saint-aubin.demo', `wrong-password-${i}`);
			expect(r.status).toBe(401);
			expect(await r.text()).toContain('incorrect');
		}
		const blocked = await signIn('boucherie@saint-aubin.demo', DEMO_PASSWORD);
		expect(blocked.status).toBe(429);
		expect(await blocked.text()).toContain('Trop de tentatives');
		expect(blocked.headers.getSetCookie().some((c) => c.startsWith('better-auth.session_token='))).toBe(false);
	});

	it('limits one address trying many accounts', async () => {
		const address = freshAddress();
		for (let i = 0; i < max; i++) {
			const r = await signIn(`personne-${i}@exemple.fr`, 'un-mot-de-passe', address);
			expect(r.status).toBe(401);
		}
		const blocked = await signIn('client@saint-aubin.demo', DEMO_PASSWORD, address);
		expect(blocked.status).toBe(429);
		// Another address is not affected.
		expect((await signIn('client@saint-aubin.demo', DEMO_PASSWORD)).status).toBe(303);
	});
});
