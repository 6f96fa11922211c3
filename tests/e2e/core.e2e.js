// Core journeys on the demo territory (Saint-Aubin), driven as a screen reader user would: by
// role, label and visible French text. Every page reached is checked with axe.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useApp, openPage, visit, checkA11y, signIn, magicLinkForm, newestEmail, DEMO, PHONE } from './lib.js';

const app = useApp();
const fr = JSON.parse(readFileSync(new URL('../../messages/fr.json', import.meta.url), 'utf8'));

/** The first shop card of the home page: its link and the shop's name (the card's heading). */
async function firstShop(page) {
	const link = page.getByRole('region', { name: 'Les commerces' }).getByRole('link').first();
	const name = (await link.getByRole('heading').innerText()).trim();
	const href = await link.getAttribute('href');
	assert.match(href ?? '', /^\/boutiques\/[^/]+$/, 'a shop card links to /boutiques/<slug>');
	return { link, name, href };
}

async function heading1(page) {
	return (await page.getByRole('heading', { level: 1 }).first().innerText()).trim();
}

/** What a screen reader announces with a field: the texts its aria-describedby points to. */
async function description(locator) {
	return locator.evaluate((el) =>
		(el.getAttribute('aria-describedby') ?? '')
			.split(/\s+/)
			.filter(Boolean)
			.map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
			.join(' ')
	);
}

// Journeys are independent (own browser context each); E2E_CONCURRENCY runs several at once on
// machines with cores to spare (on 2 cores one at a time is faster: axe is CPU-bound).
describe('core journeys', { concurrency: Number(process.env.E2E_CONCURRENCY ?? 1) }, () => {
	test('home → a shop → a product, each page accessible', async (t) => {
		const { page } = await openPage(t, app);
		await visit(page, '/');
		assert.match(await heading1(page), /^Les commerces et producteurs de /);
		await checkA11y(page);

		const shop = await firstShop(page);
		await shop.link.click();
		await page.waitForURL(shop.href);
		await page.getByRole('heading', { level: 1, name: shop.name }).waitFor();
		await checkA11y(page);

		const product = page.locator(`a[href^="${shop.href}/"]`).first();
		const productName = (await product.getByRole('heading').innerText()).trim();
		const productHref = await product.getAttribute('href');
		await product.click();
		await page.waitForURL(productHref);
		await page.getByRole('heading', { level: 1, name: productName }).waitFor();
		await checkA11y(page);

		// The same pages answer 200 when loaded directly (server rendering, shared links).
		await visit(page, shop.href);
		await visit(page, productHref);
	});

	test('sign-in and sign-up pages are accessible', async (t) => {
		const { page } = await openPage(t, app);
		await visit(page, '/connexion');
		await page.getByRole('heading', { level: 1, name: 'Se connecter' }).waitFor();
		await checkA11y(page);
		await visit(page, '/inscription');
		await page.getByRole('button', { name: 'Créer mon compte' }).waitFor();
		await checkA11y(page);
	});

	for (const javaScriptEnabled of [true, false]) {
		test(`sign-up with bad input shows French field errors (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async (t) => {
			const { page } = await openPage(t, app, { javaScriptEnabled });
			await visit(page, '/inscription');
			const name = page.getByLabel('Nom et prénom');
			const email = page.getByLabel('Adresse e-mail');
			const password = page.getByLabel('Mot de passe', { exact: true });
			await name.fill('');
			await email.fill('pas-un-email');
			await password.fill('court');
			await page.getByRole('button', { name: 'Créer mon compte' }).click();
			await page.locator('[aria-invalid="true"]').first().waitFor();

			assert.equal(new URL(page.url()).pathname, '/inscription', 'stays on the sign-up page');
			for (const [field, label, message] of [
				[name, 'Nom et prénom', fr.error_required],
				[email, 'Adresse e-mail', fr.error_email_invalid],
				[password, 'Mot de passe', fr.error_password_short]
			]) {
				assert.equal(await field.getAttribute('aria-invalid'), 'true', `${label} is marked invalid`);
				assert.ok(
					(await description(field)).includes(message),
					`${label} is described by « ${message} », got « ${await description(field)} »`
				);
				await page.getByText(message).first().waitFor({ state: 'visible' });
			}
			assert.equal(await email.inputValue(), 'pas-un-email', 'what was typed is kept');
			await checkA11y(page);
		});
	}

	test('a merchant signs in and reaches the merchant space', async (t) => {
		const { page } = await openPage(t, app);
		await signIn(page, DEMO.merchant);
		await visit(page, '/pro');
		// The back office says where you are ("Espace commerçant"), has its own menu, and its title is the shop.
		await page.getByRole('main').getByText('Espace commerçant').first().waitFor();
		await page.getByRole('navigation', { name: 'Menu commerçant' }).waitFor();
		await page.getByRole('heading', { level: 1, name: /boulangerie/i }).waitFor();
		await checkA11y(page);
	});

	test('a consumer is refused the merchant and operator spaces with a 403 page', async (t) => {
		const { page } = await openPage(t, app);
		await signIn(page, DEMO.consumer);
		for (const path of ['/pro', '/admin']) {
			await visit(page, path, 403);
			const h1 = await page
				.getByRole('heading', { level: 1 })
				.first()
				.innerText({ timeout: 3000 })
				.catch(() => '(no h1)');
			const shown = (await page.locator('body').innerText()).trim().slice(0, 300);
			assert.equal(
				h1.trim(),
				'Erreur 403',
				`${path}: expected the site's own error page, with the heading "Erreur 403"; the page shows:\n${shown}`
			);
			await page.getByRole('link', { name: 'Retour à l’accueil' }).waitFor();
			await checkA11y(page);
		}
	});

	test('the operator reaches the territory administration', async (t) => {
		const { page } = await openPage(t, app);
		await signIn(page, DEMO.operator);
		await visit(page, '/admin');
		await page.getByRole('heading', { name: 'Administration du territoire' }).first().waitFor();
		await checkA11y(page);
		await visit(page, '/admin/e-mails');
		await page.getByRole('heading', { level: 1, name: 'E-mails envoyés par la plateforme' }).waitFor();
		await checkA11y(page);
	});

	test('magic link: asked on /connexion, read in the outbox, opened → signed in', async (t) => {
		const { page } = await openPage(t, app);
		await visit(page, '/connexion');
		const form = magicLinkForm(page);
		await form.getByLabel('Adresse e-mail').fill(DEMO.consumer);
		await form.getByRole('button', { name: 'Recevoir un lien' }).click();
		await page
			.getByRole('status')
			.filter({ hasText: fr.signin_magic_sent })
			.waitFor()
			.catch(async () => {
				throw new Error(`No "link sent" confirmation; the section shows:\n${await form.innerText()}`);
			});
		await checkA11y(page);

		const email = await newestEmail(t, app, DEMO.consumer);
		const link = email.links.find((l) => l.includes('magic-link'));
		assert.ok(link, `the email holds a sign-in link:\n${email.text}`);
		assert.equal(new URL(link).origin, app.url, 'the link points at the app itself');

		await page.goto(link);
		await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
		assert.ok(!new URL(page.url()).pathname.startsWith('/connexion'), `left the sign-in page (at ${page.url()})`);
	});

	test('the language switch shows the site in English', async (t) => {
		const { page } = await openPage(t, app);
		await visit(page, '/');
		await page.getByRole('button', { name: 'English' }).click();
		await page.getByRole('heading', { level: 1, name: /^Shops and producers of / }).waitFor();
		assert.equal(await page.locator('html').getAttribute('lang'), 'en');
		assert.equal(new URL(page.url()).pathname, '/', 'stays on the same page');
		await page.getByRole('link', { name: 'Sign in' }).waitFor();
		await page.getByRole('button', { name: /français/i }).waitFor();
		await checkA11y(page);
	});

	test('keyboard: the first Tab on the home page reaches the skip link, which leads to the content', async (t) => {
		const { page } = await openPage(t, app);
		await visit(page, '/');
		await page.keyboard.press('Tab');
		const focused = await page.evaluate(() => ({
			tag: document.activeElement?.tagName,
			text: document.activeElement?.textContent?.trim()
		}));
		assert.deepEqual(focused, { tag: 'A', text: 'Aller au contenu' }, 'first focus stop is the skip link');
		const box = await page.getByRole('link', { name: 'Aller au contenu' }).boundingBox();
		assert.ok(box && box.width > 1 && box.height > 1 && box.y >= 0 && box.y < 844, 'the focused skip link is visible on screen');
		await page.keyboard.press('Enter');
		await page.waitForFunction(() => document.activeElement?.id === 'main' || location.hash === '#main');
	});

	test('phone (390×844): home and a shop page fit the screen and are accessible', async (t) => {
		const { page } = await openPage(t, app, { viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
		const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
		await visit(page, '/');
		assert.ok(await fits(), 'home: no horizontal scrolling');
		await checkA11y(page);
		const shop = await firstShop(page);
		await visit(page, shop.href);
		await page.getByRole('heading', { level: 1, name: shop.name }).waitFor();
		assert.ok(await fits(), 'shop page: no horizontal scrolling');
		await checkA11y(page);
	});
});
