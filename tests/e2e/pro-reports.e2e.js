// Customers and sales reports in a browser, on a phone, without JavaScript: the empty states,
// then an order bought through the API and handed over; the customer list, the customer and the
// link to the order; the reports with their charts and tables, a quick period, a bad period
// answered next to its fields, and a CSV download. axe on every page.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { useApp, openPage, visit, checkA11y, signIn, PHONE } from './lib.js';

const app = useApp();

/** With SCREENSHOTS=<folder>, saves full-page phone screenshots of the pages (to look at them). */
async function shot(page, name) {
	if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/${name}.png`, fullPage: true });
}

const localDay = (offsetDays = 0) =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(Date.now() + offsetDays * 86_400_000));

// The bookshop: no other journey orders there, so its customers and reports start empty whatever
// ran before (the bakery's fill up with the order board's and preparation's journeys).
const SHOP_TRADE = 'bookshop';
const MERCHANT = 'librairie-le-chat-qui-lit@saint-aubin.demo';

/** A customer buys one item of the demo bookshop through the public API; returns the order id. */
async function buyAtShop(customerName) {
	const call = async (method, path, body, headers = {}) => {
		const r = await fetch(app.url + path, {
			method,
			headers: { 'content-type': 'application/json', ...headers },
			body: body && JSON.stringify(body)
		});
		return { status: r.status, body: await r.json() };
	};
	const shop = (await call('GET', '/api/v1/shops')).body.items.find((s) => s.trade === SHOP_TRADE);
	const slot = (await call('GET', `/api/v1/shops/${shop.slug}/slots?from=${localDay()}&to=${localDay(6)}`)).body.items.find(
		(s) => Date.parse(s.startsAt) > Date.now() + 130 * 60_000
	);
	for (const p of (await call('GET', `/api/v1/products?shop=${shop.slug}&limit=50`)).body.items.filter(
		(p) => p.available && p.unit === 'piece'
	)) {
		const v = (await call('GET', `/api/v1/products/${p.id}`)).body.variants.find((v) => v.stockMode !== 'tracked' || v.stock >= 1);
		if (!v) continue;
		const cart = (await call('POST', '/api/v1/carts')).body.id;
		assert.equal((await call('POST', `/api/v1/carts/${cart}/items`, { variantId: v.id, quantity: 1 })).status, 201);
		const placed = await call(
			'POST',
			`/api/v1/carts/${cart}/checkout`,
			{
				customer: { name: customerName, email: `e2e-${randomUUID().slice(0, 8)}@exemple.fr`, phone: '06 98 76 54 32' },
				acceptTerms: true,
				fulfilments: [{ shopId: shop.id, method: 'pickup', slotId: slot.id }]
			},
			{ 'idempotency-key': randomUUID() }
		);
		assert.equal(placed.status, 201, JSON.stringify(placed.body));
		return placed.body.orders[0].id;
	}
	throw new Error('no bookshop product to buy');
}

describe('customers and reports', () => {
	test('without JavaScript: empty states, then a handed-over order in the customers and the reports', async (t) => {
		const { page } = await openPage(t, app, { viewport: PHONE, javaScriptEnabled: false });
		await signIn(page, MERCHANT);

		await visit(page, '/pro/clients');
		await page.getByRole('heading', { level: 2, name: 'Pas encore de clients' }).waitFor();
		await checkA11y(page);
		await visit(page, '/pro/rapports');
		await page.getByRole('heading', { level: 2, name: 'Aucune vente sur cette période' }).waitFor();
		await checkA11y(page);

		// An order comes in and is handed over on the board (the board's plain forms, posted as the page would).
		const orderId = await buyAtShop('Léa Fontaine');
		for (const to of ['accepted', 'preparing', 'ready', 'completed']) {
			const r = await page.request.post('/pro/commandes?/move', {
				form: { orderId, to },
				headers: { origin: app.url, accept: 'text/html' },
				maxRedirects: 0
			});
			assert.equal(r.status(), 303);
		}

		await visit(page, '/pro/clients');
		await page.getByRole('searchbox', { name: 'Rechercher un client' }).fill('98 76');
		await page.locator('#main').getByRole('button', { name: 'Rechercher' }).click();
		await page.getByRole('link', { name: 'Léa Fontaine' }).waitFor();
		await checkA11y(page);
		await shot(page, 'pro-clients-search');
		await page.getByRole('link', { name: 'Léa Fontaine' }).click();
		await page.getByRole('heading', { level: 1, name: 'Léa Fontaine' }).waitFor();
		await shot(page, 'pro-client');
		await checkA11y(page);
		await page.getByRole('link', { name: /Commande n° \d+/ }).click();
		await page.waitForURL(`**/pro/commandes/${orderId}`);

		await visit(page, '/pro/rapports');
		await page.getByRole('heading', { level: 2, name: 'Ventes par jour' }).waitFor();
		assert.equal(await page.locator('svg.chart[role="img"]').count(), 3);
		assert.equal(await page.getByRole('table').count(), 3);
		await shot(page, 'pro-reports');
		await checkA11y(page);
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /CSV/ }).nth(2).click()]);
		assert.match(download.suggestedFilename(), /^tva-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);

		// Quick periods are links; a bad period is answered next to its fields.
		await page.getByRole('link', { name: 'Cette année' }).click();
		await page.getByRole('heading', { level: 2, name: 'Ventes par mois' }).waitFor();
		await page.getByLabel('Du', { exact: true }).fill('2026-05-02');
		await page.getByLabel('Au', { exact: true }).fill('2026-05-01');
		await page.getByRole('button', { name: 'Afficher' }).click();
		await page.getByText('La date de fin doit être le même jour ou après la date de début.').waitFor();
		assert.equal(await page.getByLabel('Au', { exact: true }).getAttribute('aria-invalid'), 'true');
		await checkA11y(page);
	});
});
