// The back-office menu: folded into one line on a phone (opens with the keyboard, no JavaScript
// needed), a sidebar on a wide screen, the current page marked for screen readers. axe both ways.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openPage, checkA11y, signIn, DEMO, PHONE } from './lib.js';

const app = useApp();

describe('back-office menu', () => {
	test('on a phone it takes one line and opens from the keyboard', async (t) => {
		const { page } = await openPage(t, app, { viewport: PHONE, javaScriptEnabled: false });
		await signIn(page, DEMO.merchant, undefined, '/connexion?redirect=/pro/catalogue');
		await page.waitForURL((u) => u.pathname === '/pro/catalogue');
		const nav = page.getByRole('navigation', { name: 'Menu commerçant' });
		const folded = await nav.boundingBox();
		assert.ok(folded && folded.height < 80, `the folded menu is ${folded?.height} px high`);
		const catalogue = nav.getByRole('link', { name: 'Catalogue', exact: true });
		assert.equal(await catalogue.isVisible(), false);
		await checkA11y(page);

		await nav.locator('summary').focus();
		await page.keyboard.press('Enter');
		await catalogue.waitFor();
		assert.equal(await catalogue.getAttribute('aria-current'), 'page');
		assert.equal(await nav.getByRole('link', { name: 'Import et export' }).getAttribute('aria-current'), null);
		await checkA11y(page);
		await nav.getByRole('link', { name: 'Équipe' }).click();
		await page.waitForURL((u) => u.pathname === '/pro/equipe');
	});

	test('on a wide screen it is an open sidebar', async (t) => {
		const { page } = await openPage(t, app, { viewport: { width: 1280, height: 800 } });
		await signIn(page, DEMO.merchant, undefined, '/connexion?redirect=/pro/catalogue/import');
		await page.waitForURL((u) => u.pathname === '/pro/catalogue/import');
		const nav = page.getByRole('navigation', { name: 'Menu commerçant' });
		const current = nav.getByRole('link', { name: 'Import et export' });
		await current.waitFor();
		assert.equal(await current.getAttribute('aria-current'), 'page');
		assert.equal(await nav.getByRole('link', { name: 'Catalogue', exact: true }).getAttribute('aria-current'), null);
		await checkA11y(page);
	});
});
