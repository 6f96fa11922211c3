// Preparation on a phone: the merchant accepts an order of goods sold by the kg, opens the
// picking list, weighs the line (a weight beyond the announced tolerance is refused next to its
// field), and proposes a substitute for the other item; the customer, from the order page reached
// with the link's secret, accepts it. axe on every screen.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { useApp, openPage, visit, checkA11y, signIn, PHONE } from './lib.js';

const app = useApp();

const parisDay = (d) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(d);

async function call(method, path, body, headers = {}) {
	const r = await fetch(app.url + path, {
		method,
		headers: { 'content-type': 'application/json', ...headers },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	return { status: r.status, body: await r.json() };
}

/** A demo shop selling by the kg, an order there (1 kg + 1 piece) through the public API. */
async function orderByTheKilo(customerName) {
	const shops = (await call('GET', '/api/v1/shops')).body.items.filter((s) => s.trade !== 'bakery');
	const buyable = (v) => v.stockMode !== 'tracked' || v.stock >= 3;
	for (const shop of shops) {
		const found = {};
		for (const p of (await call('GET', `/api/v1/products?shop=${shop.slug}&limit=50`)).body.items.filter((p) => p.available)) {
			const v = (await call('GET', `/api/v1/products/${p.id}`)).body.variants.find(buyable);
			if (!v) continue;
			if (p.unit === 'kg' && !found.kg) found.kg = v.id;
			else if (p.unit === 'piece' && !found.piece) found.piece = { id: v.id, name: p.name };
			if (found.kg && found.piece) break;
		}
		if (!found.kg || !found.piece) continue;
		const to = parisDay(new Date(Date.now() + 6 * 86_400_000));
		const slot = (await call('GET', `/api/v1/shops/${shop.slug}/slots?from=${parisDay(new Date())}&to=${to}`)).body.items.find(
			(s) => Date.parse(s.startsAt) > Date.now() + 4 * 3_600_000
		);
		if (!slot) continue;
		const cart = (await call('POST', '/api/v1/carts')).body.id;
		assert.equal((await call('POST', `/api/v1/carts/${cart}/items`, { variantId: found.kg, quantity: 1 })).status, 201);
		assert.equal((await call('POST', `/api/v1/carts/${cart}/items`, { variantId: found.piece.id, quantity: 1 })).status, 201);
		const placed = await call(
			'POST',
			`/api/v1/carts/${cart}/checkout`,
			{
				customer: { name: customerName, email: `e2e-${randomUUID().slice(0, 8)}@exemple.fr`, phone: '06 12 34 56 78' },
				acceptTerms: true,
				fulfilments: [{ shopId: shop.id, method: 'pickup', slotId: slot.id }]
			},
			{ 'idempotency-key': randomUUID() }
		);
		assert.equal(placed.status, 201, JSON.stringify(placed.body));
		return { shop, slot, order: placed.body.orders[0], kg: found.kg };
	}
	throw new Error('no demo shop sells by the kg');
}

describe('preparation', () => {
	test('the merchant weighs and proposes a substitute; the customer accepts it from the order page', async (t) => {
		const name = `Client ${randomUUID().slice(0, 6)}`;
		const { shop, slot, order, kg } = await orderByTheKilo(name);
		const { page } = await openPage(t, app, { viewport: PHONE });
		await signIn(page, `${shop.slug}@saint-aubin.demo`);
		await visit(page, '/pro/commandes');
		await page
			.getByRole('article', { name: `Commande n° ${order.number}` })
			.getByRole('button', { name: 'Accepter' })
			.click();
		await page.getByRole('article', { name: `Commande n° ${order.number}` }).waitFor({ state: 'detached' });

		// The picking list of the slot's day.
		await visit(page, `/pro/preparation?jour=${parisDay(new Date(slot.startsAt))}`);
		await page.getByRole('heading', { level: 1, name: 'Préparation' }).waitFor();
		await page.getByRole('heading', { name: 'À prélever au total' }).waitFor();
		await checkA11y(page);
		await page.getByRole('link', { name: `N° ${order.number} — ${name}` }).click();
		await page.getByRole('heading', { level: 1, name: `Commande n° ${order.number}` }).waitFor();
		await checkA11y(page);

		// Weighing: beyond the tolerance, the message is next to the field; within, saved.
		const weight = page.getByLabel('Poids pesé (kg)');
		await weight.fill('1,320');
		await page.getByRole('button', { name: 'Enregistrer le poids' }).click();
		await page.getByText('Le poids saisi (1,320 kg) dépasse la tolérance annoncée (0,900–1,100 kg)').first().waitFor();
		assert.equal(await page.getByLabel('Poids pesé (kg)').getAttribute('aria-invalid'), 'true');
		await checkA11y(page);
		await page.getByLabel('Poids pesé (kg)').fill('1,05');
		await page.getByRole('button', { name: 'Enregistrer le poids' }).click();
		await page.getByText('Poids enregistré, total de la commande mis à jour.').waitFor();
		await page.getByText(/Pesé : 1,050 kg/).waitFor();

		// A substitute for the kg line: another product of the shop.
		const line = page.locator('li', { has: page.getByLabel('Poids pesé (kg)') });
		await line.getByText('Proposer un remplacement').click();
		const select = line.getByLabel('Produit proposé à la place');
		const options = await select.locator('option').evaluateAll((els) => els.map((e) => e.value).filter(Boolean));
		const substitute = options.find((v) => v !== kg);
		assert.ok(substitute, 'another product to propose');
		await select.selectOption(substitute);
		await line.getByLabel('Quantité').fill('1');
		await line.getByRole('button', { name: 'Envoyer la proposition au client' }).click();
		const done = page.getByText('Proposition envoyée au client par e-mail.');
		const refused = page.locator('.alert-error, .field .error');
		await Promise.race([done.waitFor(), refused.first().waitFor()]);
		assert.equal(await refused.count(), 0, await refused.allInnerTexts().then((x) => x.join(' ')));
		await page.getByText(/En attente de la réponse du client/).waitFor();
		await checkA11y(page);

		// The customer, from the emailed link (no account).
		const { page: customer } = await openPage(t, app, { viewport: PHONE });
		await visit(customer, `/commandes/${order.id}?t=${order.accessToken}`);
		await customer.getByRole('heading', { name: 'La boutique vous propose un remplacement' }).waitFor();
		await checkA11y(customer);
		await customer.getByRole('button', { name: "J'accepte le remplacement" }).click();
		await customer.getByText('le remplacement est ajouté à votre commande').waitFor();
		assert.equal(await customer.getByRole('heading', { name: 'La boutique vous propose un remplacement' }).count(), 0);
		await customer.getByText(/Remplacement accepté par le client/).waitFor();
		await checkA11y(customer);

		// Back behind the counter, the merchant's feed says the customer accepted.
		await visit(page, '/pro/notifications');
		await page.getByText(`Commande n° ${order.number} : ${name} accepte le produit de remplacement`).waitFor();
		await checkA11y(page);
	});
});
