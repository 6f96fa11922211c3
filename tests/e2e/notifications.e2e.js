// The merchant's notifications on a phone: the feed lists a new order and is marked read with a
// plain form (with and without JavaScript); the push opt-in explains a refusal, and with the
// permission granted registers the push-only service worker (scope /pro) and tries to subscribe
// (headless Chromium has no push service: it then says the subscription failed). axe on each state.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { useApp, openPage, visit, checkA11y, signIn, DEMO, PHONE } from './lib.js';
import { checkoutAtBakery } from '../http/bakery.ts';

const app = useApp();
const BUTTON = 'Recevoir les nouvelles commandes sur ce téléphone';

describe('merchant notifications', () => {
	test('without JavaScript: the feed shows the new order, and everything is marked read', async (t) => {
		const order = await checkoutAtBakery(app.url, `e2e-${randomUUID().slice(0, 8)}@exemple.fr`);
		const { page } = await openPage(t, app, { viewport: PHONE, javaScriptEnabled: false });
		await signIn(page, DEMO.merchant);
		await visit(page, '/pro/notifications');
		await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
		await page.getByRole('link', { name: new RegExp(`Nouvelle commande n° ${order.number} de`) }).waitFor();
		// (Playwright turns scripts off without the parser's scripting flag, so <noscript> is not rendered here.)
		assert.match(await page.locator('noscript').first().innerHTML(), /Les notifications sur téléphone demandent JavaScript/);
		await checkA11y(page);
		await page.getByRole('button', { name: 'Tout marquer comme lu' }).click();
		await page.getByText('Tout est marqué comme lu.').waitFor();
		await page.getByText('Non lues : 0').waitFor();
		assert.equal(await page.getByRole('button', { name: 'Tout marquer comme lu' }).count(), 0);
		await checkA11y(page);
	});

	test('with notifications blocked, the button says how to allow them', async (t) => {
		const { page } = await openPage(t, app, { viewport: PHONE });
		await signIn(page, DEMO.merchant);
		await visit(page, '/pro');
		await page.getByRole('button', { name: BUTTON }).click();
		await page.getByText('Les notifications sont bloquées pour Échoppe').waitFor();
		await checkA11y(page);
	});

	test('with notifications allowed, the push-only service worker is registered for /pro', async (t) => {
		const { page, context } = await openPage(t, app, { viewport: PHONE });
		await context.grantPermissions(['notifications'], { origin: app.url });
		await signIn(page, DEMO.merchant);
		await visit(page, '/pro/notifications');
		await page.getByRole('button', { name: BUTTON }).click();
		// Either a push service answered (on), or, headless and offline, a clear failure.
		await page.getByText(/Ce téléphone reçoit les nouvelles commandes|L’abonnement n’a pas abouti/).waitFor({ timeout: 30_000 });
		const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration('/pro'))?.scope ?? null);
		assert.equal(scope, `${app.url}/pro`);
		await checkA11y(page);
	});
});
