// The merchant's order board in a browser, on a phone: with JavaScript, an order placed through
// the API appears without reload within 2 s and the page title counts the new orders; the big
// button moves it on. Without JavaScript, the same board works with plain forms, and a refusal
// without a reason is answered next to the reason field. axe on each page.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { useApp, openPage, visit, checkA11y, signIn, DEMO, PHONE } from './lib.js';

const app = useApp();

const localDay = (offsetDays = 0) =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(Date.now() + offsetDays * 86_400_000));

/** A customer orders one item at the demo bakery through the public API; returns the order's number. */
async function orderAtBakery(customerName) {
	const call = async (method, path, body, headers = {}) => {
		const r = await fetch(app.url + path, {
			method,
			headers: { 'content-type': 'application/json', ...headers },
			body: body === undefined ? undefined : JSON.stringify(body)
		});
		return { status: r.status, body: await r.json() };
	};
	const bakery = (await call('GET', '/api/v1/shops')).body.items.find((s) => s.trade === 'bakery');
	const slot = (await call('GET', `/api/v1/shops/${bakery.slug}/slots?from=${localDay()}&to=${localDay(6)}`)).body.items.find(
		(s) => Date.parse(s.startsAt) > Date.now() + 130 * 60_000
	);
	const products = (await call('GET', `/api/v1/products?shop=${bakery.slug}&limit=50`)).body.items;
	let variantId;
	for (const p of products.filter((p) => p.available && p.unit !== 'kg')) {
		const v = (await call('GET', `/api/v1/products/${p.id}`)).body.variants.find((v) => v.stockMode !== 'tracked' || v.stock >= 2);
		if (v) {
			variantId = v.id;
			break;
		}
	}
	const cart = (await call('POST', '/api/v1/carts')).body.id;
	assert.equal((await call('POST', `/api/v1/carts/${cart}/items`, { variantId, quantity: 1 })).status, 201);
	const placed = await call(
		'POST',
		`/api/v1/carts/${cart}/checkout`,
		{
			customer: { name: customerName, email: `e2e-${randomUUID().slice(0, 8)}@exemple.fr`, phone: '06 12 34 56 78' },
			acceptTerms: true,
			fulfilments: [{ shopId: bakery.id, method: 'pickup', slotId: slot.id }]
		},
		{ 'idempotency-key': randomUUID() }
	);
	assert.equal(placed.status, 201, JSON.stringify(placed.body));
	return placed.body.orders[0].number;
}

describe('order board', () => {
	test('with JavaScript: a new order appears without reload within 2 s and is accepted with one button', async (t) => {
		const { page } = await openPage(t, app, { viewport: PHONE });
		await signIn(page, DEMO.merchant);
		await visit(page, '/pro/commandes');
		await page.getByRole('heading', { level: 1, name: 'Commandes' }).waitFor();
		await checkA11y(page);
		// The sound needs a gesture: the button is offered, and pressing it turns the sound on.
		const sound = page.getByRole('button', { name: 'Activer le son' });
		await sound.click();
		await page.getByRole('button', { name: 'Couper le son' }).waitFor();
		await page.getByText('Mise à jour en direct').waitFor();
		await page.evaluate(() => Object.assign(window, { notReloaded: true }));

		const name = `Client ${randomUUID().slice(0, 6)}`;
		const number = await orderAtBakery(name);
		const placedAt = Date.now();
		const card = page.getByRole('article', { name: `Commande n° ${number}` });
		await card.waitFor({ timeout: 2000 });
		assert.ok(Date.now() - placedAt < 2000, 'shown within 2 s');
		assert.equal(await page.evaluate(() => 'notReloaded' in window), true, 'the page was not reloaded');
		assert.match(await card.innerText(), new RegExp(name));
		assert.match(await page.title(), /^\(\d+\) Commandes/);
		await checkA11y(page);

		await card.getByRole('button', { name: 'Accepter' }).click();
		await card.waitFor({ state: 'detached' });
		await visit(page, '/pro/commandes?status=accepted');
		const accepted = page.getByRole('article', { name: `Commande n° ${number}` });
		await accepted.getByRole('button', { name: 'Commencer la préparation' }).waitFor();
		await accepted.getByRole('link', { name: /Détail et historique/ }).click();
		await page.getByRole('heading', { level: 1, name: `Commande n° ${number}` }).waitFor();
		await page.getByText('Nouvelles → Acceptées').waitFor();
		await checkA11y(page);
	});

	test('without JavaScript: plain forms move an order, and a refusal asks for its reason', async (t) => {
		const number = await orderAtBakery(`Sans JS ${randomUUID().slice(0, 6)}`);
		const { page } = await openPage(t, app, { viewport: PHONE, javaScriptEnabled: false });
		await signIn(page, DEMO.merchant);
		await visit(page, '/pro/commandes');
		const card = page.getByRole('article', { name: `Commande n° ${number}` });
		await checkA11y(page);

		await card.getByText('Refuser ou annuler…').click();
		await card.getByLabel('Raison (transmise au client)').fill('   ');
		await card.getByRole('button', { name: 'Refuser la commande' }).click();
		const again = page.getByRole('article', { name: `Commande n° ${number}` });
		const reason = again.getByLabel('Raison (transmise au client)');
		await again.getByText('Indiquez la raison').waitFor();
		assert.equal(await reason.getAttribute('aria-invalid'), 'true');
		const describedBy = await reason.getAttribute('aria-describedby');
		assert.match(await page.locator(`#${describedBy}`).innerText(), /Indiquez la raison/);
		await checkA11y(page);

		await visit(page, '/pro/commandes');
		await page
			.getByRole('article', { name: `Commande n° ${number}` })
			.getByRole('button', { name: 'Accepter' })
			.click();
		await page.waitForURL(/\/pro\/commandes/);
		assert.equal(await page.getByRole('article', { name: `Commande n° ${number}` }).count(), 0);
		await visit(page, '/pro/commandes?status=accepted');
		await page.getByRole('article', { name: `Commande n° ${number}` }).waitFor();
	});

	test('assisted order without JavaScript: errors on their fields, then the order with its history', async (t) => {
		const { page } = await openPage(t, app, { viewport: PHONE, javaScriptEnabled: false });
		await signIn(page, DEMO.merchant);
		await visit(page, '/pro/commandes');
		await page.getByRole('link', { name: 'Saisir une commande (téléphone, comptoir)' }).click();
		await page.getByRole('heading', { level: 1, name: 'Nouvelle commande par téléphone ou au comptoir' }).waitFor();
		await checkA11y(page);

		// Nothing chosen: each field says what is missing.
		await page.getByRole('button', { name: 'Enregistrer la commande' }).click();
		await page.getByRole('alert').first().waitFor();
		assert.equal(await page.getByLabel('Nom du client').getAttribute('aria-invalid'), 'true');
		await checkA11y(page);

		const name = `Mme Tel ${randomUUID().slice(0, 4)}`;
		await page.getByLabel('Nom du client').fill(name);
		await page.getByLabel('Téléphone').fill('02 47 00 00 00');
		const slot = page.getByLabel('Créneau de retrait');
		const choices = await slot.locator('option').evaluateAll((options) => options.map((o) => o.value).filter(Boolean));
		await slot.selectOption(choices.at(-1));
		await page.locator('input[type=number]').first().fill('1');
		await page.getByRole('button', { name: 'Enregistrer la commande' }).click();
		await page.waitForURL(/\/pro\/commandes\/[0-9a-f-]{36}$/);
		await page.getByText(name).waitFor();
		await page.getByText('Pas d’e-mail (client prévenu par téléphone)').waitFor();
		await page.getByText('par la boutique').waitFor();
		await checkA11y(page);
	});
});
