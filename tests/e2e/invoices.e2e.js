// Invoices in a browser, on a phone: a completed order shows its invoice on the merchant's order
// page; a credit note is made there with a plain form (a quantity beyond what was invoiced is
// answered next to its field), listed at /pro/factures; the customer's order page links to both
// PDFs. With JavaScript (the merchant) and without (the customer). axe on each page.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { useApp, openPage, visit, checkA11y, signIn, DEMO, PHONE } from './lib.js';

const app = useApp();

/** With SCREENSHOTS=<folder>, saves a full-page phone screenshot (to look at the layout). */
const shot = (page, name) =>
	process.env.SCREENSHOTS ? page.screenshot({ path: `${process.env.SCREENSHOTS}/${name}.png`, fullPage: true }) : null;

const localDay = (offsetDays = 0) =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(Date.now() + offsetDays * 86_400_000));

/** Two loaves at the demo bakery, bought through the public API: the order's id, number and link secret. */
async function buyBread(customerName) {
	const call = async (method, path, body, headers = {}) => {
		const r = await fetch(app.url + path, {
			method,
			headers: { 'content-type': 'application/json', ...headers },
			body: body && JSON.stringify(body)
		});
		return { status: r.status, body: await r.json() };
	};
	const bakery = (await call('GET', '/api/v1/shops')).body.items.find((s) => s.trade === 'bakery');
	const slot = (await call('GET', `/api/v1/shops/${bakery.slug}/slots?from=${localDay()}&to=${localDay(6)}`)).body.items.find(
		(s) => Date.parse(s.startsAt) > Date.now() + 130 * 60_000
	);
	let variantId;
	for (const p of (await call('GET', `/api/v1/products?shop=${bakery.slug}&limit=50`)).body.items.filter(
		(p) => p.available && p.unit !== 'kg'
	)) {
		variantId = (await call('GET', `/api/v1/products/${p.id}`)).body.variants.find((v) => v.stockMode !== 'tracked' || v.stock >= 3)?.id;
		if (variantId) break;
	}
	const cart = (await call('POST', '/api/v1/carts')).body.id;
	assert.equal((await call('POST', `/api/v1/carts/${cart}/items`, { variantId, quantity: 2 })).status, 201);
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
	return placed.body.orders[0];
}

describe('invoices and credit notes', () => {
	test('the merchant completes an order, finds its invoice, makes a credit note; the customer downloads both', async (t) => {
		const order = await buyBread(`Client ${randomUUID().slice(0, 6)}`);
		const { page } = await openPage(t, app, { viewport: PHONE });
		await signIn(page, DEMO.merchant);

		// Before completion the order page says when the invoice comes.
		await visit(page, `/pro/commandes/${order.id}`);
		await page.getByText('La facture sera émise quand la commande passera à « Terminée ».').waitFor();
		let from = 'new';
		for (const to of ['accepted', 'preparing', 'ready', 'completed']) {
			const r = await page.request.post('/pro/commandes?/move', {
				form: { orderId: order.id, from, to },
				headers: { origin: app.url, accept: 'text/html' },
				maxRedirects: 0
			});
			assert.equal(r.status(), 303);
			from = to;
		}

		await visit(page, `/pro/commandes/${order.id}`);
		const invoiceLink = page.getByRole('link', { name: /^Facture F\d{4}-\d{6} \(PDF\)$/ });
		await invoiceLink.waitFor();
		const invoiceNumber = /F\d{4}-\d{6}/.exec(await invoiceLink.innerText())[0];
		const pdf = await page.request.get(`/pro/commandes/${order.id}/facture.pdf`);
		assert.equal(pdf.headers()['content-type'], 'application/pdf');
		await checkA11y(page);

		await page.getByText('Rembourser des articles (établir un avoir)').click();
		const quantity = page.getByLabel(/ — /).first(); // the line's label is « product — variant »
		await quantity.fill('5');
		await page.getByLabel('Motif').fill('Pain trop cuit');
		await page.getByRole('button', { name: 'Établir l’avoir' }).click();
		await page.getByText(/Au plus 2/).waitFor();
		await shot(page, 'invoices-credit-error');
		assert.equal(await quantity.getAttribute('aria-invalid'), 'true');
		await checkA11y(page);

		await quantity.fill('1');
		await page.getByRole('button', { name: 'Établir l’avoir' }).click();
		const done = page.getByText(/Avoir AV\d{4}-\d{6} établi/);
		await done.waitFor();
		const creditNumber = /AV\d{4}-\d{6}/.exec(await done.innerText())[0];
		await page.getByRole('link', { name: `Avoir ${creditNumber} (PDF)` }).waitFor();
		await checkA11y(page);

		await visit(page, '/pro/factures');
		await page.getByRole('heading', { level: 1, name: 'Factures et avoirs' }).waitFor();
		await page.getByRole('link', { name: invoiceNumber }).waitFor();
		await page.getByRole('link', { name: creditNumber }).waitFor();
		await page.getByRole('link', { name: 'Exporter pour le comptable (CSV)' }).waitFor();
		await shot(page, 'invoices-list');
		await checkA11y(page);
		await visit(page, '/pro/factures?mois=2001-01');
		await page.getByText('Aucune facture en janvier 2001').waitFor();
		await checkA11y(page);

		// The customer, from the link in their emails, without JavaScript.
		const { page: customer } = await openPage(t, app, { viewport: PHONE, javaScriptEnabled: false });
		await visit(customer, `/commandes/${order.id}?t=${encodeURIComponent(order.accessToken)}`);
		const link = customer.getByRole('link', { name: `Facture ${invoiceNumber} (PDF)` });
		await link.waitFor();
		await customer.getByRole('link', { name: `Avoir ${creditNumber} (PDF)` }).waitFor();
		await shot(customer, 'invoices-customer');
		const href = await link.getAttribute('href');
		const download = await customer.request.get(href);
		assert.equal(download.status(), 200);
		assert.equal(download.headers()['content-type'], 'application/pdf');
		await checkA11y(customer);
	});
});
