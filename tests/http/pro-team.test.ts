import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startServer, type RunningServer } from '../setup/server.ts';
import { signInCookie, get } from './session.ts';

// Staff invitations, the owner-only rules and the guides, over real HTTP against the built
// server and its demo (the bakery's owner invites a shop assistant).
let server: RunningServer;
let base: string;
let owner: string;
let operator: string;
let consumer: string;

const NEW_EMAIL = `vendeuse-${randomUUID().slice(0, 6)}@exemple.fr`;
const PASSWORD = 'un-mot-de-passe-solide';

function post(path: string, body: Record<string, string>, cookie?: string) {
	return fetch(`${base}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { accept: 'text/html', origin: base, 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
		body: new URLSearchParams(body)
	});
}

const cookiesOf = (r: Response) =>
	r.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');

/** The invitation link sent to an address, read in the operator's outbox like a mail client would. */
async function invitationPath(email: string): Promise<string> {
	const html = await (await get(base, '/admin/e-mails', operator)).text();
	const at = html.indexOf(email);
	expect(at).toBeGreaterThan(-1);
	const match = html.slice(at).match(/\/invitation\/([A-Za-z0-9_-]{20,})/);
	expect(match).not.toBeNull();
	return `/invitation/${match![1]}`;
}

beforeAll(async () => {
	server = await startServer();
	base = server.url;
	[owner, operator, consumer] = await Promise.all([
		signInCookie(base, 'boulangerie@saint-aubin.demo'),
		signInCookie(base, 'operateur@saint-aubin.demo'),
		signInCookie(base, 'client@saint-aubin.demo')
	]);
}, 90_000);

afterAll(async () => {
	await server?.stop();
});

describe('staff invitations', () => {
	let link: string;
	let staff: string;

	it('refuses a bad email field by field, without JavaScript', async () => {
		const r = await post('/pro/equipe?/invite', { email: 'pas-un-email', role: 'shop_staff' }, owner);
		expect(r.status).toBe(400);
		const html = await r.text();
		expect(html).toContain('Saisissez une adresse e-mail valide');
		expect(html).toMatch(/aria-invalid="true"/);
	});

	it('invites by email: the invitation is listed and the link is mailed', async () => {
		const r = await post('/pro/equipe?/invite', { email: NEW_EMAIL, role: 'shop_staff' }, owner);
		expect(r.status).toBe(200);
		expect(await r.text()).toContain(`Invitation envoyée à ${NEW_EMAIL}`);
		const page = await (await get(base, '/pro/equipe', owner)).text();
		expect(page).toContain(NEW_EMAIL);
		link = await invitationPath(NEW_EMAIL);
	});

	it('sends a visitor to sign up, then back to the invitation', async () => {
		const anonymous = await get(base, link);
		expect(anonymous.status).toBe(200);
		const html = await anonymous.text();
		expect(html).toContain(`/inscription?redirect=${encodeURIComponent(link)}`);
		expect(html).toContain(`/connexion?redirect=${encodeURIComponent(link)}`);
		expect(anonymous.headers.get('referrer-policy')).toBe('same-origin');

		const signUp = await post('/inscription', { name: 'Inès Vendeuse', email: NEW_EMAIL, password: PASSWORD, redirect: link });
		expect(signUp.status).toBe(303);
		expect(signUp.headers.get('location')).toBe(link);
		staff = cookiesOf(signUp);
		expect(await (await get(base, link, staff)).text()).toContain('Accepter et rejoindre la boutique');
	});

	it('refuses the link to another account', async () => {
		const page = await (await get(base, link, consumer)).text();
		expect(page).toContain('Vous êtes connecté avec client@saint-aubin.demo');
		const r = await post(link, {}, consumer);
		expect(r.status).toBe(409);
		expect((await get(base, '/pro', consumer)).status).toBe(403);
	});

	it('accepts once: the new member reaches /pro, a replay is refused', async () => {
		const accepted = await post(link, {}, staff);
		expect(accepted.status).toBe(303);
		expect(accepted.headers.get('location')).toBe('/pro');
		staff = `${staff}; ${cookiesOf(accepted)}`;
		const pro = await get(base, '/pro', staff);
		expect(pro.status).toBe(200);
		expect(await pro.text()).toContain('Équipe');

		const replay = await post(link, {}, staff);
		expect(replay.status).toBe(409);
		expect(await replay.text()).toContain('déjà été utilisée');
		expect(await (await get(base, link)).text()).toContain('déjà été utilisée');
	});

	it('shows staff the team read-only and refuses every owner-only action with 403', async () => {
		const page = await get(base, '/pro/equipe', staff);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('Seul un gérant de la boutique peut inviter');
		expect(html).not.toContain('?/invite');

		const ownerPage = await (await get(base, '/pro/equipe', owner)).text();
		const ids = [...ownerPage.matchAll(/name="id" value="([0-9a-f-]{36})"/g)].map((m) => m[1]);
		expect(ids.length).toBeGreaterThan(0);
		for (const [action, body] of [
			['invite', { email: 'autre@exemple.fr', role: 'shop_owner' }],
			['role', { id: ids[0], role: 'shop_staff' }],
			['remove', { id: ids[0] }],
			['revoke', { id: ids[0] }]
		] as const) {
			const r = await post(`/pro/equipe?/${action}`, body, staff);
			expect(r.status, action).toBe(403);
		}
		// Nothing changed: the owner is still the owner.
		expect(await (await get(base, '/pro/equipe', owner)).text()).toContain('Gérant');
	});

	it("treats unknown or other shops' ids as not found, and keeps the last owner", async () => {
		const unknown = await post('/pro/equipe?/revoke', { id: randomUUID() }, owner);
		expect(unknown.status).toBe(404);
		const removeUnknown = await post('/pro/equipe?/remove', { id: randomUUID() }, owner);
		expect(removeUnknown.status).toBe(404);
		const html = await (await get(base, '/pro/equipe', owner)).text();
		const ownerRow = html.slice(html.indexOf('(vous)'));
		const myId = [...ownerRow.matchAll(/name="id" value="([0-9a-f-]{36})"/g)].map((m) => m[1])[0];
		const demote = await post('/pro/equipe?/role', { id: myId, role: 'shop_staff' }, owner);
		expect(demote.status).toBe(409);
		expect(await demote.text()).toContain('au moins un gérant');
	});
});

describe('guides and checklist', () => {
	it('lists, searches without JavaScript and shows guides; unknown slugs are 404', async () => {
		const list = await get(base, '/pro/guides', owner);
		expect(list.status).toBe(200);
		expect(await list.text()).toContain('Allergènes et informations obligatoires');
		const search = await (await get(base, '/pro/guides?q=retractation', owner)).text();
		expect(search).toContain('/pro/guides/mentions-legales-cgv');
		expect(search).not.toContain('/pro/guides/photos-produits"');
		const guide = await get(base, '/pro/guides/prix-unitaires', owner);
		expect(guide.status).toBe(200);
		expect(await guide.text()).toContain('3 décembre 1987');
		expect((await get(base, '/pro/guides/inconnu', owner)).status).toBe(404);
		expect((await get(base, '/pro/guides', consumer)).status).toBe(403);
	});

	it('shows the getting-started checklist with its progress on /pro', async () => {
		const html = await (await get(base, '/pro', owner)).text();
		expect(html).toContain('Pour bien démarrer');
		expect(html).toMatch(/\d sur \d/);
		expect(html).toContain('<progress');
	});
});
