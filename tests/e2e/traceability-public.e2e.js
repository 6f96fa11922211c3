// Where products come from, as a visitor on a phone sees it: the producer map, a producer's page,
// a short-circuit product with its badge explained by a tap, its traceability page (timeline and
// map drawn without tiles); the traceability page again without JavaScript, as a QR code on a
// shelf label opens it on any phone. Axe on every page.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openPage, visit, checkA11y, PHONE } from './lib.js';

const app = useApp();

describe('traceability for visitors', () => {
	test('producer map → producer → short-circuit product → traceability page', async (t) => {
		const { page } = await openPage(t, app, { viewport: PHONE });
		await visit(page, '/producteurs');
		await page.getByRole('heading', { level: 1, name: 'Les producteurs du territoire' }).waitFor();
		await checkA11y(page);
		// The map is there on demand; the list alone is complete.
		await page.getByText('Voir la carte').click();
		await page.getByRole('region', { name: 'Carte des commerces et producteurs' }).waitFor();
		await page.locator('.map-canvas .leaflet-marker-icon[role="button"]').first().waitFor();
		// The whole page with the map: markers of nearby farms, too close at the territory's zoom, are one named group.
		await page
			.getByRole('button', { name: /^\d+ producteurs ici : / })
			.first()
			.waitFor();
		await checkA11y(page);

		const first = page.locator('a.trader-link').first();
		const producerName = (await first.locator('h3').innerText()).trim();
		await first.click();
		await page.getByRole('heading', { level: 1, name: producerName }).waitFor();
		await page.getByRole('img', { name: new RegExp(`^Carte : ${producerName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).waitFor();
		await checkA11y(page);

		// A short-circuit product from the search filter; its page shows the badge and explains it on tap.
		await visit(page, '/recherche?shortCircuit=1');
		await page.getByText('Circuit court').first().waitFor();
		await checkA11y(page);
		await page.locator('.grid article a').first().click();
		await page.getByRole('heading', { name: 'Origine' }).waitFor();
		const badge = page.locator('details.short-circuit summary');
		await badge.click();
		await page.getByText('Circuit court : au plus un intermédiaire entre le producteur et vous.').waitFor();
		await checkA11y(page);

		await page.getByRole('link', { name: 'Voir d’où vient ce produit' }).click();
		await page.getByRole('heading', { name: 'Le trajet' }).waitFor();
		assert.ok((await page.locator('ol.timeline li').count()) >= 2);
		await checkA11y(page);
	});

	test('the traceability page reads without JavaScript', async (t) => {
		const { page } = await openPage(t, app, { viewport: PHONE });
		await visit(page, '/recherche?shortCircuit=1');
		await page.locator('.grid article a').first().click();
		const href = await page.getByRole('link', { name: 'Voir d’où vient ce produit' }).getAttribute('href');
		assert.match(href ?? '', /^\/tracabilite\/[0-9a-f-]{36}$/);

		const { page: plain } = await openPage(t, app, { viewport: PHONE, javaScriptEnabled: false });
		await visit(plain, href);
		await plain.getByRole('heading', { level: 1 }).waitFor();
		await plain.getByRole('heading', { name: 'Le trajet' }).waitFor();
		await plain.getByRole('img', { name: /^Carte du trajet, de / }).waitFor();
		await plain.getByText(/Produit à .* de la boutique/).waitFor();
		await checkA11y(plain);
		await visit(plain, '/tracabilite/00000000-0000-4000-8000-000000000000', 404);
	});
});
