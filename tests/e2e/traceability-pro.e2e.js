// Issue 6's done-when, on a phone: a merchant creates an external producer (position by the pin's
// fields), links it to two products, and records a lot while restocking; the public product page
// shows the distance, the intermediaries, the short-circuit badge and the lot; the shelf-label PDF's
// QR code, decoded out of the rendered PDF, opens the lot's traceability page. axe on every screen.
// The label fixes the lot's code. Then, without JavaScript and with the keyboard, a lot typed wrong is corrected (a refused date first)
// and a mistaken one deleted.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openPage, visit, checkA11y, signIn, PHONE } from './lib.js';
import { decodeQrCodes, labelRegion } from '../support/pdf-qr.ts';

const app = useApp();

/**
 * Two of the bakery's products with no origin yet (so the new producer becomes their origin) whose
 * first size has its stock counted (so it can be restocked).
 */
async function trackedProducts(page) {
	const shops = await (await fetch(`${app.url}/api/v1/shops`)).json();
	const bakery = shops.items.find((s) => s.trade === 'bakery');
	const { items } = await (await fetch(`${app.url}/api/v1/products?shop=${bakery.slug}&limit=40`)).json();
	const found = [];
	for (const item of items) {
		const trace = await (await fetch(`${app.url}/api/v1/products/${item.id}/traceability`)).json();
		if (trace.producers.length || trace.chain.length || trace.source) continue;
		await visit(page, `/pro/catalogue/${item.id}`);
		const mode = await page.locator('[name="variants.0.stockMode"]').inputValue();
		if (mode !== 'tracked') continue;
		found.push({ id: item.id, name: item.name, variantId: await page.locator('[name="variants.0.id"]').inputValue() });
		if (found.length === 2) return found;
	}
	throw new Error('the bakery has fewer than two tracked products');
}

describe('traceability in the back office', () => {
	test('create an external producer, link it to two products, add a lot at restock', async (t) => {
		const { page } = await openPage(t, app, { viewport: PHONE });
		await signIn(page, 'boulangerie@saint-aubin.demo');
		await visit(page, '/pro/producteurs');
		await checkA11y(page);
		await page.getByRole('link', { name: 'Nouveau producteur' }).click();
		await page.getByRole('heading', { name: 'Nouveau producteur' }).waitFor();
		// axe with the map drawn: its pin, named for a producer, and its controls.
		await page
			.getByRole('region', { name: 'Carte de l’emplacement du producteur' })
			.getByRole('button', { name: 'Emplacement du producteur' })
			.waitFor();
		await checkA11y(page);
		await page.getByLabel('Nom du producteur').fill('Moulin Bellevue');
		await page.getByLabel("Adresse de la ferme ou de l'atelier").fill('Route du moulin');
		await page.getByLabel('Commune').fill('Montlouis');
		await page.getByLabel('Latitude').fill('47,39');
		await page.getByLabel('Longitude').fill('0,83');
		await page.getByLabel('Labels').fill('AB');
		await page.getByRole('button', { name: 'Créer le producteur' }).click();
		await page.getByText('Producteur créé').waitFor();
		await checkA11y(page);

		const products = await trackedProducts(page);
		for (const product of products) {
			await visit(page, `/pro/catalogue/${product.id}/origine`);
			await page.getByLabel('Producteur à ajouter').selectOption({ label: 'Moulin Bellevue (Montlouis)' });
			await page.getByRole('button', { name: 'Ajouter ce producteur' }).click();
			await page.getByText('Producteurs enregistrés.').waitFor();
			assert.equal(await page.getByText(/Distance parcourue/).count(), 1);
		}
		await checkA11y(page);

		const [first] = products;
		await visit(page, `/pro/catalogue?q=${encodeURIComponent(first.name)}`);
		const form = page.locator('form.restock').filter({ has: page.locator(`input[value="${first.variantId}"]`) });
		await form.locator(`#stock-${first.variantId}`).fill('24');
		await form.getByText('Lot (facultatif)').click();
		await form.locator(`#lotCode-${first.variantId}`).fill('PAIN-2611');
		await form.locator(`#lotProducedOn-${first.variantId}`).fill('2026-11-26');
		await form.locator(`#lotBestBefore-${first.variantId}`).fill('2026-11-29');
		await checkA11y(page);
		await form.getByRole('button', { name: 'Mettre à jour' }).click();
		await page.getByText('Stock mis à jour.').waitFor();
		await visit(page, `/pro/catalogue/${first.id}/origine`);
		await page.getByRole('cell', { name: 'PAIN-2611', exact: true }).waitFor();
		await checkA11y(page);

		// What a shopper sees: the facts and the lot on the product's public page.
		const item = await (await fetch(`${app.url}/api/v1/products/${first.id}`)).json();
		await visit(page, `/boutiques/${item.shop.slug}/${item.slug}`);
		const body = await page.locator('main').innerText();
		assert.match(body, /Produit à [\d,]+\s+km de la boutique/); // "11\u00a0km": a non-breaking space
		assert.match(body, /1 intermédiaire : la boutique/);
		assert.match(body, /Circuit court/);
		assert.match(body, /PAIN-2611/);
		await checkA11y(page);

		// The shelf label for that lot: its QR code, read off the rendered PDF, opens the lot's page.
		const sheet = await page.request.get(
			`/pro/etiquettes/planche.pdf?layout=shelf&product=${first.id}&qty-${first.id}=1&lot-${first.id}=PAIN-2611`
		);
		assert.equal(sheet.status(), 200);
		assert.equal(sheet.headers()['content-type'], 'application/pdf');
		const [url] = await decodeQrCodes(Buffer.from(await sheet.body()), 1, [labelRegion('shelf', 1, 0)]);
		assert.equal(url, `${app.url}/tracabilite/${first.id}/lot/PAIN-2611`);
		await page.goto(url);
		await page.getByRole('heading', { level: 1, name: /Lot PAIN-2611/ }).waitFor();
		assert.match(await page.locator('main').innerText(), /Moulin Bellevue/);
		await checkA11y(page);

		// Printed on a label, the lot keeps its code: its page says so and offers no code field.
		await visit(page, `/pro/catalogue/${first.id}/origine`);
		await page.getByRole('cell', { name: 'Sur étiquettes' }).waitFor();
		await page.getByRole('link', { name: 'Corriger le lot PAIN-2611' }).click();
		await page.getByText('Ce lot est imprimé sur des étiquettes').waitFor();
		assert.equal(await page.getByRole('textbox', { name: 'Code du lot' }).count(), 0);
		assert.match(await page.getByRole('region', { name: 'Historique' }).innerText(), /Imprimé sur des étiquettes/);
		await checkA11y(page);
	});

	test('correct a lot typed wrong and delete a mistaken one, without JavaScript, with the keyboard', async (t) => {
		const { page } = await openPage(t, app, { viewport: PHONE, javaScriptEnabled: false });
		await signIn(page, 'boulangerie@saint-aubin.demo');
		const shops = await (await fetch(`${app.url}/api/v1/shops`)).json();
		const bakery = shops.items.find((s) => s.trade === 'bakery');
		const { items } = await (await fetch(`${app.url}/api/v1/products?shop=${bakery.slug}&limit=5`)).json();
		const product = items[items.length - 1];
		const origin = `/pro/catalogue/${product.id}/origine`;

		await visit(page, origin);
		const add = page.locator('form[action="?/lot"]');
		await add.getByLabel('Code du lot').fill('FOUR-0112');
		await add.getByLabel('Date de production ou de récolte').fill('2026-12-01');
		await add.getByLabel('À consommer avant').fill('2026-12-04');
		await add.getByRole('button', { name: 'Enregistrer le lot' }).click();
		await page.getByText('Lot enregistré.').waitFor();
		await page.getByRole('cell', { name: 'Pas encore vendu' }).first().waitFor();
		await checkA11y(page);

		// To the lot's page by the keyboard: focus its link, press Enter.
		await page.getByRole('link', { name: 'Corriger le lot FOUR-0112' }).focus();
		await page.keyboard.press('Enter');
		await page.getByRole('heading', { level: 1, name: /^Lot FOUR-0112 — / }).waitFor();
		const lotPage = new URL(page.url()).pathname;
		assert.match(await page.locator('main').innerText(), /Lot enregistré sous le code FOUR-0112/);
		await checkA11y(page);

		// A best-before date before the production date: refused next to its field, what was typed kept.
		const correct = page.locator('form[action="?/correct"]');
		const bestBefore = correct.getByLabel('À consommer avant');
		await bestBefore.fill('2026-11-28');
		await bestBefore.press('Enter');
		await page.getByText('Certains champs sont à corriger').waitFor();
		assert.equal(await bestBefore.getAttribute('aria-invalid'), 'true');
		assert.equal(await bestBefore.inputValue(), '2026-11-28');
		const described = await bestBefore.getAttribute('aria-describedby');
		assert.match(await page.locator(`#${described}`).innerText(), /La date limite ne peut pas précéder la date de production/);
		await checkA11y(page);

		// The right code and date, submitted with Enter from the last field.
		await correct.getByLabel('Code du lot').fill('FOUR-0112B');
		await bestBefore.fill('2026-12-05');
		const note = correct.getByLabel('Note');
		await note.fill('Fournée du matin');
		await note.press('Enter');
		await page.getByText('Correction enregistrée.').waitFor();
		await page.getByRole('heading', { level: 1, name: /^Lot FOUR-0112B — / }).waitFor();
		const history = await page.getByRole('region', { name: 'Historique' }).innerText();
		assert.match(history, /Code du lot : FOUR-0112 → FOUR-0112B/);
		assert.match(history, /À consommer avant : 2026-12-04 → 2026-12-05/);
		await checkA11y(page);

		// The public page follows the corrected code.
		await visit(page, `/tracabilite/${product.id}/lot/FOUR-0112B`);
		await page.getByRole('heading', { level: 1, name: /Lot FOUR-0112B/ }).waitFor();
		await visit(page, `/tracabilite/${product.id}/lot/FOUR-0112`, 404);

		// The lot was a mistake after all: never sold, it can be deleted.
		await visit(page, lotPage);
		await page.getByRole('button', { name: 'Supprimer ce lot' }).focus();
		await page.keyboard.press('Enter');
		await page.getByText('Lot retiré.').waitFor();
		assert.equal(await page.getByRole('cell', { name: 'FOUR-0112B', exact: true }).count(), 0);
		await checkA11y(page);
	});
});
