// The merchant's team and help, on a phone: the getting-started checklist, the guides and their
// search, inviting a shop assistant who signs up from the emailed link and joins. axe on each page.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { useApp, openPage, visit, checkA11y, signIn, newestEmail, DEMO, PHONE } from './lib.js';

const app = useApp();

describe('merchant team and guides', () => {
	test('checklist, guides and search, on a phone, without surprises for a screen reader', async (t) => {
		const { page } = await openPage(t, app, { viewport: PHONE });
		await signIn(page, DEMO.merchant, undefined, '/connexion?redirect=/pro');
		await page.waitForURL((u) => u.pathname === '/pro');
		const checklist = page.getByRole('region', { name: 'Pour bien démarrer' });
		await checklist.waitFor();
		assert.match(await checklist.innerText(), /\d sur \d/);
		await checkA11y(page);

		await visit(page, '/pro/guides');
		await checkA11y(page);
		const search = page.getByRole('searchbox', { name: 'Rechercher dans les guides' });
		await search.fill('allergènes');
		await search.press('Enter');
		await page.waitForURL((u) => u.pathname === '/pro/guides' && u.searchParams.has('q'));
		await page.getByRole('link', { name: 'Allergènes et informations obligatoires pour la vente à distance' }).click();
		await page.getByRole('heading', { level: 1, name: 'Allergènes et informations obligatoires pour la vente à distance' }).waitFor();
		await checkA11y(page);
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		assert.ok(width <= PHONE.width, `the guide fits a phone (${width}px)`);
	});

	test('the owner invites a shop assistant, who signs up from the email and joins', async (t) => {
		const email = `aide-${randomUUID().slice(0, 6)}@exemple.fr`;
		const { page } = await openPage(t, app, { viewport: PHONE });
		await signIn(page, DEMO.merchant, undefined, '/connexion?redirect=/pro/equipe');
		await page.waitForURL((u) => u.pathname === '/pro/equipe');
		await checkA11y(page);
		const invite = page.getByRole('region', { name: 'Inviter une personne' });
		await invite.getByLabel('Adresse e-mail de la personne').fill(email);
		await invite.getByRole('radio', { name: /catalogue, stock et commandes/ }).check();
		await invite.getByRole('button', { name: 'Envoyer l’invitation' }).click();
		await page
			.getByRole('status')
			.filter({ hasText: `Invitation envoyée à ${email}` })
			.waitFor();
		await checkA11y(page);

		const mail = await newestEmail(t, app, email);
		const link = mail.links.find((l) => l.includes('/invitation/'));
		assert.ok(link, 'the email holds the invitation link');

		const { page: newcomer } = await openPage(t, app, { viewport: PHONE });
		await visit(newcomer, new URL(link).pathname);
		await checkA11y(newcomer);
		await newcomer.getByRole('link', { name: 'Créer mon compte' }).click();
		await newcomer.getByLabel('Nom et prénom').fill('Inès Aide');
		await newcomer.getByLabel('Adresse e-mail').fill(email);
		await newcomer.getByLabel('Mot de passe').fill('un-mot-de-passe-solide');
		await newcomer.getByRole('button', { name: 'Créer mon compte' }).click();
		await newcomer.getByRole('button', { name: 'Accepter et rejoindre la boutique' }).click();
		await newcomer.waitForURL((u) => u.pathname === '/pro');
		await visit(newcomer, '/pro/equipe');
		await newcomer.getByText('Seul un gérant de la boutique peut inviter').waitFor();
		assert.equal(await newcomer.getByRole('button', { name: 'Envoyer l’invitation' }).count(), 0);
		await checkA11y(newcomer);
	});
});
