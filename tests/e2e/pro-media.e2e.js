// A merchant on a phone adds a product photo and imports a catalogue file, with JavaScript (upload
// progress) and without; every screen is checked with axe.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { useApp, openPage, visit, checkA11y, signIn, PHONE } from './lib.js';

const app = useApp();

async function bakeryProductId() {
	const shops = await (await fetch(`${app.url}/api/v1/shops`)).json();
	const bakery = shops.items.find((s) => s.trade === 'bakery');
	const { items } = await (await fetch(`${app.url}/api/v1/products?shop=${bakery.slug}&limit=1`)).json();
	return items[0].id;
}

const jpeg = () =>
	sharp({ create: { width: 1200, height: 900, channels: 3, background: '#b5651d' } })
		.jpeg()
		.toBuffer();

describe('product photo and catalogue import on a phone', () => {
	for (const javaScriptEnabled of [true, false]) {
		test(`photo ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, async (t) => {
			const { page } = await openPage(t, app, { viewport: PHONE, javaScriptEnabled });
			await signIn(page, 'boulangerie@saint-aubin.demo');
			const id = await bakeryProductId();
			await visit(page, `/pro/catalogue/${id}/photo`);
			await checkA11y(page);
			await page
				.getByLabel('Prendre ou choisir une photo')
				.setInputFiles({ name: 'IMG_1234.jpg', mimeType: 'image/jpeg', buffer: await jpeg() });
			await page.getByLabel('Description de la photo').fill('Miche de pain de campagne');
			await page.getByRole('button', { name: /Enregistrer/ }).click();
			await page.getByText('Photo enregistrée').waitFor();
			const src = await page.locator('img.photo').first().getAttribute('src');
			assert.match(src ?? '', /^\/media\/.+-640\.webp$/);
			await checkA11y(page);
		});
	}

	test('import: problems listed by line, then a correct file applied', async (t) => {
		const { page } = await openPage(t, app, { viewport: PHONE });
		await signIn(page, 'boulangerie@saint-aubin.demo');
		await visit(page, '/pro/catalogue/import');
		await checkA11y(page);
		const file = (text) => ({ name: 'catalogue.csv', mimeType: 'text/csv', buffer: Buffer.from('\ufeff' + text) });
		await page.getByLabel('Fichier CSV ou Excel (.xlsx)').setInputFiles(file('SKU;Produit;Prix TTC;TVA\nE2E-1;Fougasse;trois;5,5\n'));
		await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
		await page.getByText('Rien n’a été modifié').waitFor();
		await checkA11y(page);
		await visit(page, '/pro/catalogue/import');
		await page
			.getByLabel('Fichier CSV ou Excel (.xlsx)')
			.setInputFiles(file('SKU;Produit;Prix TTC;TVA;Stock\nE2E-1;Fougasse;3,50;5,5;8\n'));
		await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
		await page.getByRole('button', { name: 'Importer les 1 ligne(s)' }).waitFor();
		await checkA11y(page);
		await page.getByRole('button', { name: 'Importer les 1 ligne(s)' }).click();
		await page.getByText('Import terminé').waitFor();
		await checkA11y(page);
	});
});
