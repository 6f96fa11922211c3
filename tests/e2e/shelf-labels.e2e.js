// Shelf labels on a phone: filter the products, tick a few (and "select all"), choose a sheet and
// a start position, get the PDF; an empty selection comes back with its message. axe on each state.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openPage, visit, checkA11y, signIn, PHONE } from './lib.js';

const app = useApp();
const GROWER = 'les-jardins-de-la-varenne@saint-aubin.demo';

describe('shelf labels', () => {
	test('a market gardener prints labels for two products on a partly used sheet', async (t) => {
		const { page } = await openPage(t, app, { viewport: PHONE });
		await signIn(page, GROWER, undefined, '/connexion?redirect=/pro/etiquettes');
		await page.waitForURL((u) => u.pathname === '/pro/etiquettes');
		await page.getByRole('heading', { level: 1, name: 'Étiquettes de rayon' }).waitFor();
		await checkA11y(page);
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		assert.ok(width <= PHONE.width, `the page fits a phone (${width}px)`);

		// "Select all" ticks every product shown, and unticks them.
		const boxes = page.locator('input[name="product"]');
		const count = await boxes.count();
		assert.ok(count > 5);
		await page.getByLabel('Tout sélectionner').check();
		assert.equal(await page.locator('input[name="product"]:checked').count(), count);
		await page.getByLabel('Tout sélectionner').uncheck();
		assert.equal(await page.locator('input[name="product"]:checked').count(), 0);

		// An empty selection comes back with a clear message.
		await page.getByRole('button', { name: 'Créer le PDF' }).click();
		await page.waitForURL((u) => u.searchParams.get('erreur') === 'empty');
		await page.getByRole('alert').filter({ hasText: 'Choisissez au moins un produit' }).waitFor();
		await checkA11y(page);

		await page.getByRole('radio', { name: /14 par planche/ }).check();
		assert.equal(await page.getByLabel("Commencer à l'étiquette n°").getAttribute('max'), '14');
		await page.getByLabel("Commencer à l'étiquette n°").fill('5');
		await boxes.nth(0).check();
		await boxes.nth(1).check();
		const firstId = await boxes.nth(0).getAttribute('value');
		await page.locator(`input[name="qty-${firstId}"]`).fill('3');
		const [response] = await Promise.all([
			page.waitForResponse((r) => r.url().endsWith('/pro/etiquettes/planche.pdf')),
			page.getByRole('button', { name: 'Créer le PDF' }).click()
		]);
		assert.equal(response.status(), 200);
		assert.equal(response.headers()['content-type'], 'application/pdf');
		// The chosen sheet reached the server (the PDF itself is read back by tests/http/shelf-labels.test.ts;
		// headless Chromium swaps the body for its viewer page).
		assert.match(response.headers()['content-disposition'], /etiquettes-l7163\.pdf/);
	});

	test('the page lays out on a phone when the shop has a filter with no match', async (t) => {
		const { page } = await openPage(t, app, { viewport: PHONE });
		await signIn(page, GROWER, undefined, '/connexion?redirect=/pro/etiquettes');
		await page.waitForURL((u) => u.pathname === '/pro/etiquettes');
		await visit(page, '/pro/etiquettes?q=zzzzzz');
		await page.getByText('Aucun produit ne correspond à cette recherche.').waitFor();
		await checkA11y(page);
	});
});
