import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startServer, type RunningServer } from '../setup/server.ts';
import { signInCookie, get } from './session.ts';
import { checkoutAtBakery } from './bakery.ts';

// Correcting and deleting lots in /pro over real HTTP: the plain form posts a browser without
// JavaScript sends, the page's answers (field errors next to the fields, typed values kept), the
// code fixed once the lot is sold or printed, and another shop's ids in every URL.
let server: RunningServer;
let base: string;
let bakery: string;
let cheese: string;
let product: { id: string; variantId: string };

function post(path: string, cookie: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
	return fetch(`${base}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { accept: 'text/html', cookie, origin: base, 'content-type': 'application/x-www-form-urlencoded', ...headers },
		body: new URLSearchParams(fields)
	});
}
const html = async (path: string, cookie = bakery) => {
	const r = await get(base, path, cookie);
	expect(r.status).toBe(200);
	return r.text();
};
/** The hidden field and the values the lot's form shows, as a browser would send them back. */
function formOf(page: string): Record<string, string> {
	const form = /<form method="POST" action="\?\/correct"[\s\S]*?<\/form>/.exec(page)![0];
	const fields: Record<string, string> = {};
	for (const [, name, value] of form.matchAll(/<input[^>]*?name="([^"]+)"[^>]*?value="([^"]*)"/g)) fields[name] = value;
	for (const [, value, name] of form.matchAll(/<input[^>]*?value="([^"]*)"[^>]*?name="([^"]+)"/g)) fields[name] ??= value;
	for (const name of ['code', 'producedOn', 'bestBefore', 'quantity', 'note']) fields[name] ??= '';
	return fields;
}

async function createProduct(name: string) {
	const r = await post('/pro/catalogue/nouveau', bakery, {
		name,
		vatRateBps: '550',
		unit: 'piece',
		allergens: 'gluten',
		ingredients: 'Farine de seigle, eau, sel',
		storage: 'À température ambiante, 3 jours',
		'variants.0.name': '800 g',
		'variants.0.price': '6,40',
		'variants.0.netQuantity': '0,8',
		'variants.0.netUnit': 'kg',
		'variants.0.stockMode': 'tracked',
		'variants.0.stock': '30'
	});
	expect(r.status).toBe(303);
	const id = /\/pro\/catalogue\/([0-9a-f-]{36})/.exec(r.headers.get('location') ?? '')![1];
	const page = await html(`/pro/catalogue/${id}`);
	return { id, variantId: /name="variants\.0\.id" value="([0-9a-f-]{36})"/.exec(page)![1] };
}

/** Adds a lot from the origin page's form and returns its correction page's path. */
async function addLot(fields: Record<string, string>): Promise<string> {
	const origin = `/pro/catalogue/${product.id}/origine`;
	expect((await post(`${origin}?/lot`, bakery, fields)).status).toBe(303);
	const page = await html(origin);
	const link = new RegExp(`href="(${origin}/lots/[0-9a-f-]{36})"[^>]*aria-label="Corriger le lot ${fields.code}"`).exec(page);
	expect(link, `a link to correct ${fields.code}`).not.toBeNull();
	return link![1];
}

beforeAll(async () => {
	server = await startServer();
	base = server.url;
	[bakery, cheese] = await Promise.all([
		signInCookie(base, 'boulangerie@saint-aubin.demo'),
		signInCookie(base, 'fromagerie-la-cave-a-meules@saint-aubin.demo')
	]);
	product = await createProduct('Pain de seigle au levain');
}, 90_000);

afterAll(async () => {
	await server?.stop();
});

describe('correcting a lot with plain forms', () => {
	let lotPage: string;

	it('shows the lot, refuses bad dates next to the fields (French and English) and keeps what was typed', async () => {
		lotPage = await addLot({ code: 'SEI-2611', producedOn: '2026-11-26', bestBefore: '2026-11-30', quantity: '24' });
		const page = await html(lotPage);
		expect(page).toContain('Lot SEI-2611');
		expect(page).toContain('Lot enregistré sous le code SEI-2611');
		const fields = formOf(page);
		expect(fields).toMatchObject({ code: 'SEI-2611', producedOn: '2026-11-26', bestBefore: '2026-11-30', quantity: '24' });
		expect(fields.version).toMatch(/^[\w-]{22}$/);

		const backwards = await post(`${lotPage}?/correct`, bakery, { ...fields, bestBefore: '2026-11-20' });
		expect(backwards.status).toBe(400);
		const refused = await backwards.text();
		expect(refused).toMatch(/id="c-bestBefore-error">La date limite ne peut pas précéder la date de production\./);
		expect(refused).toContain('aria-invalid="true"');
		expect(refused).toContain('value="2026-11-20"');
		const english = await post(`${lotPage}?/correct`, bakery, { ...fields, producedOn: '2026-02-30' }, { 'accept-language': 'en' });
		expect(english.status).toBe(400);
		expect(await english.text()).toContain('Invalid date: use the YYYY-MM-DD format.');
		const empty = await post(`${lotPage}?/correct`, bakery, { ...fields, code: '' });
		expect(empty.status).toBe(400);
		expect(await empty.text()).toContain('Donnez le code du lot.');
		// Nothing was written.
		expect(formOf(await html(lotPage))).toMatchObject({ bestBefore: '2026-11-30', producedOn: '2026-11-26' });
	});

	it('corrects the code and the dates, shows it in the history and on the public page; a stale form is refused', async () => {
		const before = formOf(await html(lotPage));
		const r = await post(`${lotPage}?/correct`, bakery, { ...before, code: 'SEI-2711', producedOn: '2026-11-27', note: 'Fournée du soir' });
		expect(r.status).toBe(303);
		expect(r.headers.get('location')).toBe(`${lotPage}?saved=corrected`);
		const page = await html(`${lotPage}?saved=corrected`);
		expect(page).toContain('Correction enregistrée.');
		expect(page).toContain('Code du lot : SEI-2611 → SEI-2711');
		expect(page).toContain('Date de production ou de récolte : 2026-11-26 → 2026-11-27');
		expect((await get(base, `/tracabilite/${product.id}/lot/SEI-2711`)).status).toBe(200);
		expect((await get(base, `/tracabilite/${product.id}/lot/SEI-2611`)).status).toBe(404);

		// The first form, posted again (another tab): refused, and the page shows the lot as it is now.
		const stale = await post(`${lotPage}?/correct`, bakery, { ...before, bestBefore: '2026-12-01' });
		expect(stale.status).toBe(409);
		const staleHtml = await stale.text();
		expect(staleHtml).toContain('Ce lot a été modifié entre-temps');
		expect(staleHtml).toContain('value="SEI-2711"');
		expect(formOf(await html(lotPage)).bestBefore).toBe('2026-11-30');
	});

	it("another shop's lot is not found: page, correction, deletion; nothing written", async () => {
		const fields = formOf(await html(lotPage));
		expect((await get(base, lotPage, cheese)).status).toBe(404);
		expect((await post(`${lotPage}?/correct`, cheese, { ...fields, code: 'VOLE' })).status).toBe(404);
		expect((await post(`${lotPage}?/delete`, cheese, {})).status).toBe(404);
		const lotId = lotPage.split('/').pop()!;
		expect((await post(`/pro/catalogue/${product.id}/origine?/removeLot`, cheese, { lotId })).status).toBe(404);
		expect((await get(base, `/pro/catalogue/${product.id}/origine/lots/not-a-lot`, bakery)).status).toBe(404);
		expect((await get(base, `/pro/catalogue/${product.id}/origine/lots/${crypto.randomUUID()}`, bakery)).status).toBe(404);
		expect(formOf(await html(lotPage))).toMatchObject({ code: 'SEI-2711', version: fields.version });
	});

	it('a sold lot keeps its code and cannot be deleted, its dates can still be corrected', async () => {
		await checkoutAtBakery(base, 'lots@exemple.fr', product.variantId);
		let page = await html(lotPage);
		expect(page).toContain('Ce lot a été vendu');
		expect(page).not.toContain('id="c-code"');
		expect(page).not.toContain('Supprimer ce lot');
		const fields = formOf(page);
		const renamed = await post(`${lotPage}?/correct`, bakery, { ...fields, code: 'SEI-X' });
		expect(renamed.status).toBe(400);
		expect(await renamed.text()).toContain('Ce lot a déjà été vendu : son code ne peut plus changer');
		const deleted = await post(`${lotPage}?/delete`, bakery, {});
		expect(deleted.status).toBe(409);
		expect(await deleted.text()).toContain('il ne peut pas être supprimé');
		expect((await post(`${lotPage}?/correct`, bakery, { ...fields, bestBefore: '2026-12-02' })).status).toBe(303);
		page = await html(lotPage);
		expect(formOf(page)).toMatchObject({ code: 'SEI-2711', bestBefore: '2026-12-02' });
		const origin = await html(`/pro/catalogue/${product.id}/origine`);
		expect(origin).toMatch(/SEI-2711[\s\S]*?Vendu/);
		expect(origin).not.toContain('aria-label="Retirer le lot SEI-2711"');
	});

	it('a lot on printed labels keeps its code; a lot never sold is deleted with its public page', async () => {
		const printed = await addLot({ code: 'SEI-ETQ', bestBefore: '2026-12-10' });
		const sheet = await get(
			base,
			`/pro/etiquettes/planche.pdf?layout=shelf&product=${product.id}&qty-${product.id}=1&lot-${product.id}=SEI-ETQ`,
			bakery
		);
		expect(sheet.status).toBe(200);
		let page = await html(printed);
		expect(page).toContain('Ce lot est imprimé sur des étiquettes');
		expect(page).toContain('Imprimé sur des étiquettes');
		const renamed = await post(`${printed}?/correct`, bakery, { ...formOf(page), code: 'SEI-ETQ2' });
		expect(renamed.status).toBe(400);
		expect(await renamed.text()).toContain('leur QR code ouvre la page de ce lot');

		expect((await get(base, `/tracabilite/${product.id}/lot/SEI-ETQ`)).status).toBe(200);
		const deleted = await post(`${printed}?/delete`, bakery, {});
		expect(deleted.status).toBe(303);
		expect(deleted.headers.get('location')).toBe(`/pro/catalogue/${product.id}/origine?saved=lot_removed`);
		page = await html(`/pro/catalogue/${product.id}/origine?saved=lot_removed`);
		expect(page).toContain('Lot retiré.');
		expect(page).not.toContain('SEI-ETQ');
		expect((await get(base, `/tracabilite/${product.id}/lot/SEI-ETQ`)).status).toBe(404);
		expect((await get(base, printed, bakery)).status).toBe(404);
	});
});
