// API keys and webhooks on a phone: the owner creates a key (shown once), revokes it, adds a
// webhook and sees its signing secret; axe on each state of the page, nothing wider than the phone.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openPage, checkA11y, signIn, DEMO, PHONE } from './lib.js';

const app = useApp();

async function fitsPhone(page) {
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	assert.ok(width <= PHONE.width, `the page fits a phone (${width}px)`);
}

describe('API keys and webhooks', () => {
	test('the owner creates a key, copies it once, revokes it, and adds a webhook', async (t) => {
		const { page } = await openPage(t, app, { viewport: PHONE });
		await signIn(page, DEMO.merchant, undefined, '/connexion?redirect=/pro/api');
		await page.waitForURL((u) => u.pathname === '/pro/api');
		await page.getByRole('heading', { level: 1, name: 'API et webhooks' }).waitFor();
		await page.getByText('Aucune clé pour l’instant').waitFor();
		await checkA11y(page);

		const create = page.getByRole('region', { name: 'Créer une clé' });
		await create.getByRole('button', { name: 'Créer la clé' }).click();
		await create.getByText('Donnez un nom à la clé').waitFor();
		await checkA11y(page);
		await create.getByLabel('Nom de la clé').fill('Caisse du magasin');
		await create.getByRole('checkbox', { name: /Lire les commandes/ }).check();
		await create.getByRole('checkbox', { name: /Faire avancer les commandes/ }).check();
		await create.getByRole('button', { name: 'Créer la clé' }).click();
		const shown = page.getByRole('textbox', { name: 'Nouvelle clé d’API' });
		await shown.waitFor();
		const token = await shown.inputValue();
		assert.match(token, /^echp_[A-Za-z0-9_-]{43}$/);
		await checkA11y(page);
		await fitsPhone(page);

		const keys = page.getByRole('region', { name: 'Clés d’API' });
		await keys.getByText(token.slice(0, 13)).waitFor();
		await keys.getByRole('button', { name: 'Révoquer — Caisse du magasin' }).click();
		await page.getByRole('status').filter({ hasText: 'La clé est révoquée' }).waitFor();
		await keys.getByText(/Révoquée le/).waitFor();
		assert.equal(await page.getByText(token).count(), 0, 'the key is never shown again');

		const add = page.getByRole('region', { name: 'Ajouter un webhook' });
		await add.getByLabel('Adresse (URL)').fill('http://127.0.0.1:9/hook');
		await add.getByRole('button', { name: 'Ajouter le webhook' }).click();
		await add.getByText('Cette adresse est sur un réseau privé').waitFor();
		await checkA11y(page);
		await add.getByLabel('Adresse (URL)').fill('https://caisse.exemple.fr/echoppe');
		await add.getByRole('button', { name: 'Ajouter le webhook' }).click();
		await page.getByRole('status').filter({ hasText: 'Webhook ajouté' }).waitFor();
		const hooks = page.getByRole('region', { name: 'Webhooks' });
		await hooks.getByText('https://caisse.exemple.fr/echoppe', { exact: true }).waitFor();
		assert.match(await hooks.getByLabel('Clé de signature').inputValue(), /^whsec_/);
		await checkA11y(page);
		await fitsPhone(page);
	});
});
