// The buying journey in a browser, with and without JavaScript: search, add products of three
// shops, the cart, a guest checkout with shop pickup, pickup point and home delivery, the review,
// the order, the confirmation, the confirmation email and the order page it links to.
// Every page reached is checked with axe.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openPage, visit, checkA11y, newestEmail } from './lib.js';

const app = useApp();

/** Shop pickup, a pickup point (its only one: the town hall), delivery by postcode zone. */
const BAKERY = { slug: 'boulangerie-au-pain-d-antan', name: "Boulangerie Au Pain d'Antan" };
const PATISSERIE = { slug: 'patisserie-les-delices-de-leonie', name: 'Pâtisserie Les Délices de Léonie' };
const GREENGROCER = { slug: 'le-panier-de-saison', name: 'Le Panier de Saison' };
const POSTCODE = '37285';

/**
 * A product of a shop to buy through the public API: its path, a variant in stock and a whole
 * quantity worth at least `minCents` (a delivery minimum), which the stock can serve.
 */
async function productToBuy(shop, minCents = 0) {
	const shops = await (await fetch(`${app.url}/api/v1/shops`)).json();
	assert.ok(
		shops.items.some((s) => s.slug === shop.slug),
		`the demo data has ${shop.name} at /boutiques/${shop.slug}`
	);
	const response = await fetch(`${app.url}/api/v1/products?shop=${shop.slug}&limit=5`);
	assert.equal(response.status, 200, `GET /api/v1/products?shop=${shop.slug}`);
	const { items } = await response.json();
	for (const product of items.filter((p) => p.available)) {
		const detail = await (await fetch(`${app.url}/api/v1/products/${product.id}`)).json();
		for (const variant of detail.variants) {
			if (variant.stockMode === 'on_order') continue;
			const quantity = Math.max(1, Math.ceil(minCents / variant.priceCents));
			if (variant.stock === null || variant.stock >= quantity)
				return { path: `/boutiques/${shop.slug}/${product.slug}`, variant: variant.name, quantity: String(quantity) };
		}
	}
	throw new Error(`no product of ${shop.slug} in stock for ${minCents / 100} €`);
}

/** On a product page: the variant's quantity, then its "Ajouter au panier"; waits for the notice. */
async function addToCart(page, { variant, quantity }) {
	const field = page.getByLabel(`Quantité — ${variant}`, { exact: true });
	await field.fill(quantity);
	await page.locator('form').filter({ has: field }).getByRole('button', { name: 'Ajouter au panier' }).click();
	await page
		.getByText(/ajouté à votre panier/)
		.first()
		.waitFor()
		.catch(async () => {
			throw new Error(`No "added to your cart" notice on ${page.url()}:\n${(await page.locator('main').innerText()).slice(0, 800)}`);
		});
}

/** The first real option of a select (the first one may be a "— Choisissez … —" placeholder). */
async function chooseFirst(select) {
	const values = await select.locator('option').evaluateAll((options) => options.map((o) => o.value).filter(Boolean));
	assert.ok(values.length, 'the list offers a choice');
	await select.selectOption(values[0]);
}

describe('checkout journeys', { concurrency: 1 }, () => {
	for (const javaScriptEnabled of [true, false]) {
		test(`guest checkout across three shops: pickup, pickup point, delivery (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async (t) => {
			const { page } = await openPage(t, app, { javaScriptEnabled });
			const email = `camille.${javaScriptEnabled ? 'js' : 'nojs'}.${Date.now()}@example.fr`;

			// Search, then a product card of the bakery.
			await visit(page, '/');
			const search = page.getByRole('search').first();
			await search.getByLabel('Rechercher un produit').fill('pain');
			await search.getByRole('button', { name: 'Rechercher' }).click();
			await page.waitForURL((url) => url.pathname === '/recherche' && url.searchParams.get('q') === 'pain');
			await page.getByRole('heading', { name: 'Résultats' }).waitFor();
			await checkA11y(page);
			const card = page.getByRole('main').locator(`a[href^="/boutiques/${BAKERY.slug}/"]`).first();
			const cardHref = await card.getAttribute('href');
			await card.click();
			await page.waitForURL(cardHref);
			await page.getByRole('heading', { level: 1 }).first().waitFor();
			await checkA11y(page);
			const firstVariant = (
				await page
					.locator('label', { hasText: /^Quantité — / })
					.first()
					.innerText()
			).trim();
			await addToCart(page, { variant: firstVariant.replace(/^Quantité — /, ''), quantity: '1' });

			// Products of the pastry shop and the greengrocer (enough for its 20 € delivery minimum).
			const cake = await productToBuy(PATISSERIE);
			await visit(page, cake.path);
			await addToCart(page, cake);
			const vegetables = await productToBuy(GREENGROCER, 2100);
			await visit(page, vegetables.path);
			await addToCart(page, vegetables);
			await checkA11y(page);

			// The cart, grouped by shop.
			await visit(page, '/panier');
			for (const shop of [BAKERY, PATISSERIE, GREENGROCER]) await page.getByRole('heading', { name: shop.name }).first().waitFor();
			await checkA11y(page);
			await page.getByRole('link', { name: 'Passer commande' }).click();
			await page.waitForURL('**/commande');

			// Step 1: the customer, then one fieldset per shop.
			await page.getByLabel('Nom et prénom').fill('Camille Martin');
			await page.getByLabel('Adresse e-mail').fill(email);
			await page.getByLabel('Téléphone').fill('06 12 34 56 78');
			const part = (shop) => page.getByRole('group', { name: shop.name, exact: true });

			const bakery = part(BAKERY);
			await bakery.getByRole('radio', { name: 'Retrait en boutique' }).check();
			await chooseFirst(bakery.getByLabel('Créneau de retrait en boutique'));

			const patisserie = part(PATISSERIE);
			await patisserie.getByRole('radio', { name: 'Retrait au point de retrait' }).check();
			await chooseFirst(patisserie.getByLabel('Point de retrait', { exact: true }));
			await chooseFirst(patisserie.getByLabel('Créneau au point de retrait'));

			const greengrocer = part(GREENGROCER);
			await greengrocer.getByRole('radio', { name: 'Livraison' }).check();
			await greengrocer.getByLabel('Adresse', { exact: true }).fill('3 rue des Lilas');
			await greengrocer.getByLabel('Code postal').fill(POSTCODE);
			await greengrocer.getByLabel('Commune').fill('Saint-Aubin-sur-Loire');
			await chooseFirst(greengrocer.getByLabel('Créneau de livraison'));

			await page.getByRole('checkbox', { name: 'J’accepte les conditions de vente des commerces' }).check();
			await checkA11y(page);
			await page.getByRole('button', { name: 'Vérifier ma commande' }).click();

			// Step 2: the review, then the order.
			await page
				.getByRole('heading', { name: 'Vérifiez votre commande' })
				.waitFor()
				.catch(async () => {
					throw new Error(`No review step; the page shows:\n${(await page.locator('main').innerText()).slice(0, 1500)}`);
				});
			for (const shop of [BAKERY, PATISSERIE, GREENGROCER])
				await page
					.getByRole('region', { name: new RegExp(shop.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
					.first()
					.waitFor();
			await checkA11y(page);
			await page.getByRole('button', { name: 'Commander avec obligation de paiement' }).click();

			await page.waitForURL(/\/commande\/confirmation\?c=/);
			await page
				.getByRole('heading', { name: /Merci, votre commande est enregistrée/ })
				.first()
				.waitFor();
			await page.getByText(`Un e-mail de confirmation vous a été envoyé à ${email}.`).waitFor();
			await page.getByText('À retirer au point de retrait').first().waitFor();
			const orders = page.getByRole('heading', { level: 2, name: /^Commande n° \d+ — / });
			assert.equal(await orders.count(), 3, 'one order per shop');
			await checkA11y(page);

			// The confirmation email, and the order page it links to.
			const mail = await newestEmail(t, app, email);
			const link = mail.links.find((l) => /\/commandes\/[0-9a-f-]{36}\?t=/.test(l));
			assert.ok(link, `the email links to an order page:\n${mail.text}`);
			assert.equal(new URL(link).origin, app.url, 'the link points at the app itself');
			const order = new URL(link);
			await visit(page, order.pathname + order.search);
			await page.getByText('Reçue — en attente d’acceptation par le commerçant').first().waitFor();
			await page.getByRole('button', { name: 'Annuler ma commande' }).waitFor();
			await checkA11y(page);
		});
	}
});
