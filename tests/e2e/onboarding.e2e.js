// A new merchant opens a shop on a phone (390×844): sign-up, the six wizard steps, the submission;
// then the operator approves it and the shop is public. Every screen is checked with axe.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openPage, visit, checkA11y, signIn, DEMO, PHONE } from './lib.js';

const app = useApp();

describe('merchant onboarding', () => {
	test('onboarding wizard on a phone: sign up, six steps, submit, operator approves', async (t) => {
		const { page } = await openPage(t, app, { viewport: PHONE, isMobile: true, hasTouch: true });
		await visit(page, '/ouvrir-ma-boutique');
		await checkA11y(page);
		await page.getByRole('link', { name: 'Créer mon compte commerçant' }).click();
		await page.waitForURL(/\/inscription/);
		await checkA11y(page);
		await page.getByLabel('Nom et prénom').fill('Léonie Martin');
		await page.getByLabel('Adresse e-mail').fill(`leonie-${Date.now()}@exemple.fr`);
		await page.getByLabel('Mot de passe').fill('un-mot-de-passe-solide');
		await page.getByRole('button', { name: 'Créer mon compte' }).click();
		await page.waitForURL(/\/ouvrir-ma-boutique/);
		await page.getByLabel('Nom de votre boutique').fill('Le Fournil de Léonie');
		await page.getByRole('button', { name: 'Commencer' }).click();

		await page.waitForURL(/\/pro\/ouverture\/metier/);
		await page.getByText('Étape 1 sur 6').waitFor();
		await checkA11y(page);
		await page.getByLabel('Boulangerie').check();
		await page.getByRole('button', { name: 'Suivant' }).click();

		await page.waitForURL(/identite/);
		await page.getByText('Étape 2 sur 6').waitFor();
		await page.getByLabel('Téléphone').fill('02 47 12 34 56');
		await page.getByLabel('Raison sociale').fill('SARL Le Fournil de Léonie');
		await page.getByLabel('SIRET', { exact: true }).fill('73282932000075');
		await page.getByRole('button', { name: 'Suivant' }).click();
		await page.getByText('Ce SIRET n’est pas valide').first().waitFor();
		await checkA11y(page);
		await page.getByLabel('SIRET', { exact: true }).fill('732 829 320 00074');
		await page.getByRole('button', { name: 'Suivant' }).click();

		await page.waitForURL(/adresse/);
		await page.getByText('Étape 3 sur 6').waitFor();
		await page.getByLabel('Adresse (numéro et rue)').fill('2 place des Halles');
		await page.getByLabel('Code postal').fill('37285');
		await page.getByLabel('Commune').fill('Saint-Aubin-sur-Loire');
		// The pin map loads on demand; moving the pin with the keyboard fills in the coordinates.
		const pin = page.getByRole('button', { name: 'Emplacement de la boutique' });
		await pin.waitFor();
		const before = await page.getByLabel('Latitude').inputValue();
		await pin.focus();
		await page.keyboard.press('ArrowUp');
		assert.notEqual(await page.getByLabel('Latitude').inputValue(), before);
		await checkA11y(page);
		await page.getByRole('button', { name: 'Suivant' }).click();

		await page.waitForURL(/horaires/);
		await page.getByText('Étape 4 sur 6').waitFor();
		for (const day of ['mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi']) {
			await page.getByLabel(`Ouverture ${day}, plage 1`, { exact: false }).fill('07:00');
			await page.getByLabel(`Fermeture ${day}, plage 1`, { exact: false }).fill('13:00');
		}
		await checkA11y(page);
		await page.getByRole('button', { name: 'Suivant' }).click();

		await page.waitForURL(/retrait/);
		await page.getByText('Étape 5 sur 6').waitFor();
		await checkA11y(page);
		await page.getByRole('button', { name: 'Suivant' }).click();

		await page.waitForURL(/produits/);
		await page.getByText('Étape 6 sur 6').waitFor();
		await checkA11y(page);
		await page.getByRole('button', { name: 'Ajouter les produits cochés' }).click();
		await page.getByText('5 produit(s) ajouté(s)').waitFor();
		await page.getByRole('button', { name: 'Envoyer ma boutique pour validation' }).click();
		await page.waitForURL(/\/pro\/boutique/);
		await page.getByText('Votre boutique est envoyée').waitFor();
		await page.getByRole('button', { name: 'Emplacement de la boutique' }).waitFor();
		await checkA11y(page);

		const { page: operator } = await openPage(t, app, { viewport: PHONE, isMobile: true, hasTouch: true });
		await signIn(operator, DEMO.operator);
		await visit(operator, '/admin/boutiques');
		await checkA11y(operator);
		await operator.getByRole('link', { name: 'Le Fournil de Léonie' }).click();
		await operator.getByRole('button', { name: 'Valider et mettre en ligne' }).waitFor();
		// The shop's position on its map: a picture of the pin (it cannot be moved here), drawn before axe runs.
		await operator.getByRole('img', { name: 'Emplacement de la boutique' }).waitFor();
		await checkA11y(operator);
		await operator.getByRole('button', { name: 'Valider et mettre en ligne' }).click();
		await operator.waitForURL(/\/admin\/boutiques$/);

		await visit(page, '/boutiques/le-fournil-de-leonie');
		await page.getByRole('heading', { name: 'Le Fournil de Léonie' }).waitFor();
	});
});
