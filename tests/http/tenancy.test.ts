import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startServer, type RunningServer } from '../setup/server.ts';
import { signInCookie, get } from './session.ts';

// Tenant isolation and access rules, tried over real HTTP against the built server and its demo.
let server: RunningServer;
let base: string;
let bakery: string;
let consumer: string;
let operator: string;
let otherShopId: string;

beforeAll(async () => {
	server = await startServer();
	base = server.url;
	[bakery, consumer, operator] = await Promise.all([
		signInCookie(base, 'boulangerie@saint-aubin.demo'),
		signInCookie(base, 'client@saint-aubin.demo'),
		signInCookie(base, 'operateur@saint-aubin.demo')
	]);
	const shops = (await (await get(base, '/api/v1/shops')).json()) as { items: { id: string; slug: string; trade: string }[] };
	otherShopId = shops.items.find((s) => s.trade !== 'bakery')!.id;
}, 90_000);

afterAll(async () => {
	await server?.stop();
});

describe('back-office access', () => {
	it('sends an anonymous visitor to the sign-in page, then back', async () => {
		for (const path of ['/pro', '/admin', '/admin/e-mails']) {
			const r = await get(base, path);
			expect(r.status).toBe(303);
			expect(r.headers.get('location')).toBe(`/connexion?redirect=${encodeURIComponent(path)}`);
		}
	});

	it('gives a consumer a clear 403 page on /pro and /admin', async () => {
		const pro = await get(base, '/pro', consumer);
		expect(pro.status).toBe(403);
		expect(await pro.text()).toContain('réservé aux commerçants');
		const admin = await get(base, '/admin', consumer);
		expect(admin.status).toBe(403);
		expect(await admin.text()).toContain('réservé à l’équipe qui gère le territoire');
	});

	it('lets the merchant into /pro on their own shop only', async () => {
		const page = await get(base, '/pro', bakery);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('Espace commerçant');
		expect((await get(base, '/admin', bakery)).status).toBe(403);
	});

	it('refuses another shop chosen by cookie or by the switch form', async () => {
		const forged = await get(base, '/pro', `${bakery}; pro_shop=${otherShopId}`);
		expect(forged.status).toBe(403);
		const switched = await fetch(`${base}/pro?/switch`, {
			method: 'POST',
			redirect: 'manual',
			headers: { accept: 'text/html', cookie: bakery, origin: base, 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ shopId: otherShopId })
		});
		expect(switched.status).toBe(403);
		expect(switched.headers.getSetCookie().some((c) => c.startsWith('pro_shop='))).toBe(false);
	});

	it('lets the operator into /admin and its outbox, not into /pro', async () => {
		const admin = await get(base, '/admin', operator);
		expect(admin.status).toBe(200);
		expect(await admin.text()).toContain('Administration du territoire');
		expect((await get(base, '/admin/e-mails', operator)).status).toBe(200);
		expect((await get(base, '/pro', operator)).status).toBe(403);
	});
});

describe('request protections', () => {
	it('refuses a form post from another origin (CSRF)', async () => {
		const r = await fetch(`${base}/connexion?/password`, {
			method: 'POST',
			redirect: 'manual',
			headers: { accept: 'text/html', origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ email: 'boulangerie@saint-aubin.demo', password: 'echoppe-demo-2026' })
		});
		expect(r.status).toBe(403);
		expect(r.headers.getSetCookie()).toEqual([]);
	});

	it('sends a strict Content-Security-Policy and security headers with pages', async () => {
		const r = await get(base, '/');
		const csp = r.headers.get('content-security-policy') ?? '';
		expect(csp).toContain("default-src 'self'");
		expect(csp).toContain("object-src 'none'");
		expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
		expect(r.headers.get('x-content-type-options')).toBe('nosniff');
		expect(r.headers.get('x-frame-options')).toBe('DENY');
	});

	it('answers sign-up errors field by field in French, without JavaScript', async () => {
		const r = await fetch(`${base}/inscription`, {
			method: 'POST',
			headers: { accept: 'text/html', origin: base, 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ name: '', email: 'pas-un-email', password: 'court' })
		});
		expect(r.status).toBe(400);
		const html = await r.text();
		expect(html).toContain('Ce champ est obligatoire.');
		expect(html).toContain('adresse e-mail valide');
		expect(html).toContain('au moins 10 caractères');
		expect(html).toMatch(/aria-invalid="true"/);
	});

	it('speaks English when the browser asks for it', async () => {
		const html = await (await get(base, '/connexion', undefined, { 'accept-language': 'en-GB,en;q=0.9' })).text();
		expect(html).toContain('<html lang="en"');
		expect(html).toContain('Sign in');
	});
});
