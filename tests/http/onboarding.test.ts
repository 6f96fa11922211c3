import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import sharp from 'sharp';
import { startServer, type RunningServer } from '../setup/server.ts';
import { signInCookie, get } from './session.ts';

// A merchant opens a shop through the real pages, without JavaScript (plain form posts), and the
// operator approves it: the journey of issue 3 items 1 and 2, over HTTP against the built server.
let server: RunningServer;
let base: string;
let operator: string;
let bakery: string;
let merchant = '';
let shopId = '';
let slug = '';

beforeAll(async () => {
	server = await startServer();
	base = server.url;
	[operator, bakery] = await Promise.all([
		signInCookie(base, 'operateur@saint-aubin.demo'),
		signInCookie(base, 'boulangerie@saint-aubin.demo')
	]);
}, 90_000);

afterAll(async () => {
	await server?.stop();
});

/** A browser's form post; cookies set by the answer are added to the jar. */
async function post(path: string, fields: Record<string, string | string[]>, cookie = merchant) {
	const body = new URLSearchParams();
	for (const [k, v] of Object.entries(fields)) for (const one of ([] as string[]).concat(v)) body.append(k, one);
	const response = await fetch(`${base}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { accept: 'text/html', origin: base, 'content-type': 'application/x-www-form-urlencoded', cookie },
		body
	});
	return response;
}
const jar = (cookie: string, response: Response) =>
	[cookie, ...response.headers.getSetCookie().map((c) => c.split(';')[0])].filter(Boolean).join('; ');

describe('opening a shop', () => {
	it('invites a visitor to create an account, then come back', async () => {
		const page = await get(base, '/ouvrir-ma-boutique');
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('/inscription?redirect=%2Fouvrir-ma-boutique');
		expect((await get(base, '/')).status).toBe(200);
		expect(await (await get(base, '/')).text()).toContain('href="/ouvrir-ma-boutique"');
	});

	it('signs up, starts a draft shop and lands in the wizard', async () => {
		const email = `nouveau-${Date.now()}@exemple.fr`;
		const signUp = await post(
			'/inscription',
			{ name: 'Léonie Martin', email, password: 'un-mot-de-passe-solide', redirect: '/ouvrir-ma-boutique' },
			''
		);
		expect(signUp.status).toBe(303);
		expect(signUp.headers.get('location')).toBe('/ouvrir-ma-boutique');
		merchant = jar('', signUp);
		expect(await (await get(base, '/ouvrir-ma-boutique', merchant)).text()).toContain('Commencer');

		const empty = await post('/ouvrir-ma-boutique?/start', { name: '' });
		expect(empty.status).toBe(400);
		const start = await post('/ouvrir-ma-boutique?/start', { name: 'Fournil des Halles' });
		expect(start.status).toBe(303);
		expect(start.headers.get('location')).toBe('/pro/ouverture');
		merchant = jar(merchant, start);
		shopId = /pro_shop=([0-9a-f-]+)/.exec(merchant)![1];

		const resume = await get(base, '/pro/ouverture', merchant);
		expect(resume.headers.get('location')).toBe('/pro/ouverture/metier');
		// A step not reached yet sends back to the current one.
		expect((await get(base, '/pro/ouverture/adresse', merchant)).headers.get('location')).toBe('/pro/ouverture/metier');
		const step1 = await get(base, '/pro/ouverture/metier', merchant);
		expect(step1.status).toBe(200);
		expect(await step1.text()).toContain('Étape 1 sur 6');
	});

	it('walks through the steps, refusing bad input field by field', async () => {
		expect((await post('/pro/ouverture/metier?/save', { trade: 'casino' })).status).toBe(400);
		let r = await post('/pro/ouverture/metier?/save', { trade: 'bakery' });
		expect(r.headers.get('location')).toBe('/pro/ouverture/identite');

		const identity = {
			name: 'Fournil des Halles',
			description: 'Pain au levain.',
			phone: '02 47 12 34 56',
			email: 'contact@fournil.fr',
			legalName: 'SARL Fournil des Halles',
			siret: '73282932000075',
			vatNumber: ''
		};
		r = await post('/pro/ouverture/identite?/save', identity);
		expect(r.status).toBe(400);
		const html = await r.text();
		expect(html).toContain('Ce SIRET n’est pas valide');
		expect(html).toMatch(/id="f-siret"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="f-siret"/);
		r = await post('/pro/ouverture/identite?/save', { ...identity, siret: '73282932000074' });
		expect(r.headers.get('location')).toBe('/pro/ouverture/adresse');

		// Leaving and coming back resumes at the address step.
		expect((await get(base, '/pro/ouverture', merchant)).headers.get('location')).toBe('/pro/ouverture/adresse');
		r = await post('/pro/ouverture/adresse?/save', {
			address: '2 place des Halles',
			postcode: '37000',
			city: 'Saint-Aubin',
			latitude: '',
			longitude: ''
		});
		expect(r.headers.get('location')).toBe('/pro/ouverture/horaires');
		r = await post('/pro/ouverture/horaires?/save', { d2_opens1: '12:00', d2_closes1: '08:00' });
		expect(r.status).toBe(400);
		r = await post('/pro/ouverture/horaires?/save', { d2_opens1: '07:00', d2_closes1: '13:00', d3_opens1: '07:00', d3_closes1: '19:00' });
		expect(r.headers.get('location')).toBe('/pro/ouverture/retrait');
		r = await post('/pro/ouverture/retrait?/save', {
			offersPickup: 'on',
			slotMinutes: '30',
			leadMinutes: '60',
			slotCapacity: '4',
			minOrder: ''
		});
		expect(r.headers.get('location')).toBe('/pro/ouverture/produits');

		const page = await (await get(base, '/pro/ouverture/produits', merchant)).text();
		expect(page).toContain('Étape 6 sur 6');
		expect(page).toContain('Baguette de tradition');
		r = await post('/pro/ouverture/produits?/products', { pick: ['0', '1'], price_0: '-1', price_1: '1,30' });
		expect(r.status).toBe(400);
		r = await post('/pro/ouverture/produits?/products', {
			pick: ['0', '1', '2', '8', '9'],
			price_0: '1,10',
			price_1: '1,30',
			price_2: '4',
			price_8: '1,20',
			price_9: '1,40'
		});
		expect(r.status).toBe(200);
		expect(await r.text()).toContain('5 produit(s) ajouté(s)');
	});

	it('keeps the draft off the storefront until the operator approves it', async () => {
		const settings = await (await get(base, '/pro/boutique', merchant)).text();
		slug = /href="\/boutiques\/([a-z0-9-]+)"/.exec(settings)?.[1] ?? 'fournil-des-halles';
		expect((await get(base, `/boutiques/${slug}`)).status).toBe(404);
		expect((await get(base, '/pro/boutique/apercu', merchant)).status).toBe(200);

		const submit = await post('/pro/ouverture/produits?/submit', {});
		expect(submit.status).toBe(303);
		expect(submit.headers.get('location')).toBe('/pro/boutique?envoyee=1');
		expect((await get(base, '/pro/ouverture', merchant)).headers.get('location')).toBe('/pro/boutique');
		expect((await get(base, `/boutiques/${slug}`)).status).toBe(404);

		// Only the territory's operator sees and decides.
		expect((await get(base, '/admin/boutiques', merchant)).status).toBe(403);
		expect((await get(base, `/admin/boutiques/${shopId}`, bakery)).status).toBe(403);
		expect((await post(`/admin/boutiques/${shopId}?/approve`, {}, bakery)).status).toBe(403);
		expect(await (await get(base, '/admin/boutiques', operator)).text()).toContain('Fournil des Halles');
		const detail = await (await get(base, `/admin/boutiques/${shopId}`, operator)).text();
		expect(detail).toContain('73282932000074');
		expect(detail).toContain('Baguette de tradition');
		expect((await get(base, '/admin/boutiques/00000000-0000-0000-0000-000000000000', operator)).status).toBe(404);

		const approve = await post(`/admin/boutiques/${shopId}?/approve`, {}, operator);
		expect(approve.status).toBe(303);
		const page = await get(base, `/boutiques/${slug}`);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('Fournil des Halles');
		const outbox = await (await get(base, '/admin/e-mails', operator)).text();
		expect(outbox).toContain('Fournil des Halles est en ligne');
		expect(outbox).toContain('votre demande d’ouverture est bien reçue');
	});

	it('takes a shop photo from the phone, refusing a PDF renamed .jpg', async () => {
		const send = (file: Blob, name: string) => {
			const form = new FormData();
			for (const [k, v] of Object.entries({
				name: 'Fournil des Halles',
				description: '',
				phone: '02 47 12 34 56',
				email: 'contact@fournil.fr'
			}))
				form.append(k, v);
			form.append('photo', file, name);
			form.append('alt', 'La devanture du fournil');
			return fetch(`${base}/pro/boutique?/identity`, {
				method: 'POST',
				redirect: 'manual',
				headers: { accept: 'text/html', origin: base, cookie: merchant },
				body: form
			});
		};
		const fake = await send(new Blob(['%PDF-1.4 pas une photo'], { type: 'image/jpeg' }), 'devanture.jpg');
		expect(fake.status).toBe(400);
		expect(await fake.text()).toContain('JPEG, PNG ou WebP');
		const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#2a6' } })
			.jpeg()
			.toBuffer();
		const ok = await send(new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'devanture.jpg');
		expect(ok.status).toBe(200);
		const page = await (await get(base, `/boutiques/${slug}`)).text();
		expect(page).toMatch(/src="\/media\/[^"]+\.webp"/);
	});

	it('puts the shop on vacation from the settings: no slot, a notice on its page', async () => {
		const hours = { d2_opens1: '07:00', d2_closes1: '13:00', d3_opens1: '07:00', d3_closes1: '19:00' };
		const slots = async () => (await (await get(base, `/api/v1/shops/${slug}/slots`)).json()).items as unknown[];
		expect((await slots()).length).toBeGreaterThan(0);
		const r = await post('/pro/boutique?/hours', { ...hours, onVacation: 'on', vacationMessage: 'De retour lundi.' });
		expect(r.status).toBe(200);
		expect(await slots()).toEqual([]);
		const api = await (await get(base, `/api/v1/shops/${slug}`)).json();
		expect(api).toMatchObject({ onVacation: true, vacationMessage: 'De retour lundi.' });
		expect(await (await get(base, `/boutiques/${slug}`)).text()).toContain('Boutique en congés');
	});

	it('refuses another shop’s closure id in the settings form', async () => {
		const other = await post('/pro/boutique?/hours', { removeClosure: '00000000-0000-0000-0000-000000000000' }, merchant);
		expect(other.status).toBe(404);
	});
});
