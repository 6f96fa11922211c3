// The promise to merchants, end to end on a phone (390×844): a new merchant signs up, goes through
// the six wizard steps, ends up with five products (two from the starter list; a product with a
// photo taken from a file, a product sold by the kilo and a product in three sizes, all three
// made in the catalogue), sends the shop for approval; the operator approves it; then a visitor
// without an account finds the shop, its products, the photo, the price per kilo, the three sizes,
// and finds the products through the storefront search. Axe runs on every screen of the journey.
//
// Names carry a word made of this run's time, so the journey also runs against a database where
// it already ran. With SCREENSHOTS=<folder>, it also saves the phone screenshots of the README.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { useApp, openPage, visit, checkA11y, signIn, DEMO, PHONE } from './lib.js';

const app = useApp();
const MOBILE = { viewport: PHONE, isMobile: true, hasTouch: true };

/** A word only this run uses, letters only so that search stems it like any word: "qbdjfhcaie". */
const runWord = () =>
	'q' +
	String(Date.now())
		.slice(-9)
		.replace(/\d/g, (d) => 'bcdfghjklm'[Number(d)]);

/** A 1600×1200 JPEG as a phone camera would make: a background with shapes drawn on it. */
async function cameraPhoto() {
	const svg = Buffer.from(
		`<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1200">
			<rect width="1600" height="1200" fill="#e9d8a6"/>
			<circle cx="800" cy="620" r="420" fill="#ca6702"/>
			<ellipse cx="800" cy="560" rx="300" ry="180" fill="#ee9b00"/>
			<rect x="120" y="980" width="1360" height="120" rx="40" fill="#6b4226"/>
		</svg>`
	);
	return sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#f4efe6' } })
		.composite([{ input: svg }])
		.jpeg({ quality: 85 })
		.toBuffer();
}

/**
 * Saves a phone screenshot (the 390×844 viewport) for the README when SCREENSHOTS names a folder,
 * scrolled so that `top` (a locator) starts the picture, with no focused field or caret.
 */
async function screenshot(page, name, top) {
	const folder = process.env.SCREENSHOTS;
	if (!folder) return;
	const dir = resolve(folder);
	mkdirSync(dir, { recursive: true });
	await page.evaluate(() => /** @type {HTMLElement | null} */ (document.activeElement)?.blur());
	if (top) {
		await top.first().evaluate((el) => {
			el.scrollIntoView({ block: 'start' });
			window.scrollBy(0, -12);
		});
	}
	await page.screenshot({ path: join(dir, `${name}.png`), animations: 'disabled', caret: 'hide' });
}

/** Fills one size row ("Nouveau format (n)") of the product form. */
async function fillVariant(page, n, { name, price, net, netUnit, sku, stock }) {
	const row = page.getByRole('group', { name: `Nouveau format (${n})` });
	await row.getByLabel('Nom du format').fill(name);
	await row.getByLabel('Prix TTC (€)').fill(price);
	if (net) {
		await row.getByLabel('Quantité nette', { exact: true }).fill(net);
		await row.getByLabel('Unité de la quantité nette').selectOption(netUnit);
	}
	if (stock) await row.getByLabel('Quantité en stock').fill(stock);
	if (sku) await row.getByLabel('Référence (facultatif)').fill(sku);
}

/** Creates a product through /pro/catalogue/nouveau; returns the URL of its edit page. */
async function createProduct(page, { name, unit, variants, ingredients, storage, allergensNone = true }, shot = false) {
	await page.getByRole('link', { name: 'Ajouter un produit' }).click();
	await page.getByRole('heading', { level: 1, name: 'Nouveau produit' }).waitFor();
	await checkA11y(page);
	await page.getByLabel('Nom du produit').fill(name);
	if (unit) await page.getByLabel('Vendu à').selectOption(unit);
	for (const [i, variant] of variants.entries()) await fillVariant(page, i + 1, variant);
	if (ingredients) await page.getByLabel('Ingrédients').fill(ingredients);
	if (allergensNone) await page.getByRole('checkbox', { name: 'Ne contient aucun des 14 allergènes' }).check();
	if (storage) await page.getByLabel('Conservation').fill(storage);
	await page.getByRole('button', { name: 'Créer le produit' }).click();
	await page.getByText('Produit créé.').waitFor();
	await page.getByRole('heading', { level: 1, name }).waitFor();
	await checkA11y(page);
	if (shot) await screenshot(page, 'catalog-product-form', page.getByRole('group', { name: 'Formats, prix et stock' }));
	return page.url();
}

describe('a merchant opens a shop alone, on a phone', () => {
	// One long journey (about 30 screens, each checked by axe): more time than run.js's default per test.
	test(
		'sign-up, wizard, five products (photo, by the kilo, three sizes), approval, public and searchable',
		{ timeout: 360_000 },
		async (t) => {
			const word = runWord();
			const title = word[0].toUpperCase() + word.slice(1);
			const shopName = `Épicerie ${title}`;
			const honey = `Miel de tilleul ${title}`;
			const olives = `Olives de Nyons ${title}`;
			const terrine = `Terrine de campagne ${title}`;

			// Sign-up and the wizard.
			const { page } = await openPage(t, app, MOBILE);
			await visit(page, '/ouvrir-ma-boutique');
			await checkA11y(page);
			await page.getByRole('link', { name: 'Créer mon compte commerçant' }).click();
			await page.waitForURL(/\/inscription/);
			await checkA11y(page);
			await page.getByLabel('Nom et prénom').fill('Camille Durand');
			await page.getByLabel('Adresse e-mail').fill(`camille-${word}@exemple.fr`);
			await page.getByLabel('Mot de passe').fill('un-mot-de-passe-solide');
			await page.getByRole('button', { name: 'Créer mon compte' }).click();
			await page.waitForURL(/\/ouvrir-ma-boutique/);
			await checkA11y(page);
			await page.getByLabel('Nom de votre boutique').fill(shopName);
			await page.getByRole('button', { name: 'Commencer' }).click();

			await page.waitForURL(/\/pro\/ouverture\/metier/);
			await page.getByText('Étape 1 sur 6').waitFor();
			await checkA11y(page);
			await page.getByLabel('Épicerie', { exact: true }).check();
			await screenshot(page, 'wizard-trade', page.getByText('Étape 1 sur 6'));
			await page.getByRole('button', { name: 'Suivant' }).click();

			await page.waitForURL(/identite/);
			await page.getByText('Étape 2 sur 6').waitFor();
			await checkA11y(page);
			await page.getByLabel('Téléphone').fill('02 47 98 76 54');
			await page.getByLabel('Raison sociale').fill(`SARL ${shopName}`);
			await page.getByLabel('SIRET', { exact: true }).fill('732 829 320 00074');
			await page.getByRole('button', { name: 'Suivant' }).click();

			await page.waitForURL(/adresse/);
			await page.getByText('Étape 3 sur 6').waitFor();
			await page.getByLabel('Adresse (numéro et rue)').fill('14 rue du Commerce');
			await page.getByLabel('Code postal').fill('37285');
			await page.getByLabel('Commune').fill('Saint-Aubin-sur-Loire');
			// Without touching the pin, the offline geocoder keeps the territory's default position.
			await page.getByRole('button', { name: 'Emplacement de la boutique' }).waitFor();
			await checkA11y(page);
			await page.getByRole('button', { name: 'Suivant' }).click();

			await page.waitForURL(/horaires/);
			await page.getByText('Étape 4 sur 6').waitFor();
			for (const day of ['mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi']) {
				await page.getByLabel(`Ouverture ${day}, plage 1`, { exact: false }).fill('09:00');
				await page.getByLabel(`Fermeture ${day}, plage 1`, { exact: false }).fill('19:00');
			}
			await checkA11y(page);
			await page.getByRole('button', { name: 'Suivant' }).click();

			await page.waitForURL(/retrait/);
			await page.getByText('Étape 5 sur 6').waitFor();
			await checkA11y(page);
			await page.getByRole('button', { name: 'Suivant' }).click();

			// Step 6: the first five starter products are ticked; the merchant keeps two of them.
			await page.waitForURL(/produits/);
			await page.getByText('Étape 6 sur 6').waitFor();
			await checkA11y(page);
			const starter = page.getByRole('group', { name: /Produits courants/ });
			const picks = starter.getByRole('checkbox');
			assert.ok((await picks.count()) >= 15, 'at least 15 starter products');
			const starterNames = [];
			for (let i = 0; i < 5; i++) {
				const box = picks.nth(i);
				assert.equal(await box.isChecked(), true);
				if (i >= 2) await box.uncheck();
				else starterNames.push((await page.locator(`label[for="pick-${i}"] .name`).innerText()).trim());
			}
			await page.getByLabel(`Prix de ${starterNames[0]}`, { exact: false }).fill('3,20');
			await screenshot(page, 'wizard-products', page.getByText('Étape 6 sur 6'));
			await page.getByRole('button', { name: 'Ajouter les produits cochés' }).click();
			await page.getByText('2 produit(s) ajouté(s)').waitFor();
			await checkA11y(page);

			// The catalogue: three products made by hand.
			await visit(page, '/pro/catalogue');
			await page.getByRole('heading', { level: 1, name: 'Catalogue' }).waitFor();
			await checkA11y(page);

			const terrineUrl = await createProduct(page, {
				name: terrine,
				variants: [{ name: 'Pot de 180 g', price: '6,90', net: '0,18', netUnit: 'kg', stock: '12', sku: `TER-${word}` }],
				ingredients: 'Viande de porc, foie de porc, oignons, sel, poivre',
				storage: 'À conserver à température ambiante ; au frais après ouverture.'
			});
			await page.getByRole('link', { name: 'Photo', exact: true }).click();
			await page.getByRole('heading', { level: 1, name: new RegExp(terrine) }).waitFor();
			await checkA11y(page);
			const folder = mkdtempSync(join(tmpdir(), 'echoppe-photo-'));
			t.after(() => rmSync(folder, { recursive: true, force: true }));
			const file = join(folder, 'IMG_2041.jpg');
			writeFileSync(file, await cameraPhoto());
			await page.getByLabel('Prendre ou choisir une photo').setInputFiles(file);
			await page.getByLabel('Description de la photo').fill('Terrine de campagne dans son pot en verre');
			await page.getByRole('button', { name: /Enregistrer/ }).click();
			await page.getByText('Photo enregistrée').waitFor();
			assert.match((await page.locator('img.photo').first().getAttribute('src')) ?? '', /^\/media\//);
			await checkA11y(page);

			await visit(page, '/pro/catalogue');
			await createProduct(page, {
				name: olives,
				unit: 'kg',
				variants: [{ name: 'Au kilo', price: '18,90', stock: '5', sku: `OLI-${word}` }],
				ingredients: 'Olives noires de Nyons, eau, sel',
				storage: 'Au frais, dans leur saumure.'
			});
			// Sold by the kilo without typing a net quantity: the price typed is the price of a kilo.
			await page.getByText('soit 18,90 € / kg').waitFor();

			await visit(page, '/pro/catalogue');
			const honeyUrl = await createProduct(
				page,
				{
					name: honey,
					variants: [
						{ name: '250 g', price: '5,50', net: '0,25', netUnit: 'kg', stock: '10', sku: `MIEL-250-${word}` },
						{ name: '500 g', price: '9,50', net: '0,5', netUnit: 'kg', stock: '8', sku: `MIEL-500-${word}` },
						{ name: '1 kg', price: '17,00', net: '1', netUnit: 'kg', stock: '4', sku: `MIEL-1000-${word}` }
					],
					ingredients: 'Miel de tilleul',
					storage: 'À l’abri de la chaleur et de l’humidité.'
				},
				true
			);
			await page.getByText('soit 22,00 € / kg').waitFor();
			assert.ok(honeyUrl && terrineUrl);

			await visit(page, '/pro/catalogue');
			for (const name of [...starterNames, terrine, olives, honey]) await page.getByRole('link', { name, exact: true }).first().waitFor();
			await checkA11y(page);
			await screenshot(page, 'catalog-list', page.locator('ul.products'));

			// The public page of the shop, found from a product's "see online" link.
			await page.goto(honeyUrl);
			const publicHref = await page.getByRole('link', { name: 'Voir la fiche en ligne' }).getAttribute('href');
			const shopPath = /^\/boutiques\/[^/]+/.exec(publicHref ?? '')?.[0];
			assert.ok(shopPath, `a public link: ${publicHref}`);

			await page.goto('/pro/ouverture/produits');
			await page.getByRole('button', { name: 'Envoyer ma boutique pour validation' }).click();
			await page.waitForURL(/\/pro\/boutique/);
			await page.getByText('Votre boutique est envoyée').waitFor();
			await page.getByRole('button', { name: 'Emplacement de la boutique' }).waitFor();
			await checkA11y(page);

			// Pending: nobody sees it yet.
			const { page: visitor } = await openPage(t, app, MOBILE);
			await visit(visitor, shopPath, 404);

			// The operator approves.
			const { page: operator } = await openPage(t, app, MOBILE);
			await signIn(operator, DEMO.operator);
			await visit(operator, '/admin/boutiques');
			await checkA11y(operator);
			await operator.getByRole('link', { name: shopName }).click();
			await operator.getByRole('button', { name: 'Valider et mettre en ligne' }).waitFor();
			// The shop's position on its map: a picture of the pin (it cannot be moved here), drawn before axe runs.
			await operator.getByRole('img', { name: 'Emplacement de la boutique' }).waitFor();
			await checkA11y(operator);
			await operator.getByRole('button', { name: 'Valider et mettre en ligne' }).click();
			await operator.waitForURL(/\/admin\/boutiques$/);
			await checkA11y(operator);

			// A visitor without an account: the shop and its five products.
			await visit(visitor, shopPath);
			await visitor.getByRole('heading', { level: 1, name: shopName }).waitFor();
			const products = visitor.getByRole('region', { name: /Produits/ });
			for (const name of [...starterNames, terrine, olives, honey]) {
				await visitor.getByRole('heading', { level: 3, name, exact: true }).waitFor();
			}
			await checkA11y(visitor);
			assert.ok(products);

			// The photo is served and loads.
			const photo = visitor.locator('article.card', { has: visitor.getByRole('heading', { name: terrine }) }).locator('img');
			await photo.scrollIntoViewIfNeeded();
			assert.match((await photo.getAttribute('src')) ?? '', /^\/media\//);
			await visitor.waitForFunction((img) => img.complete && img.naturalWidth > 0, await photo.elementHandle());

			// Sold by the kilo: the price per kilo is shown.
			await visitor.getByRole('heading', { level: 3, name: olives }).click();
			await visitor.waitForURL(/\/boutiques\/[^/]+\/[^/]+/);
			await visitor.getByRole('heading', { level: 1, name: olives }).waitFor();
			await visitor.getByText('18,90 € / kg').first().waitFor();
			await checkA11y(visitor);

			// Three sizes, each with its price.
			await visit(visitor, shopPath);
			await visitor.getByRole('heading', { level: 3, name: honey }).click();
			await visitor.getByRole('heading', { level: 1, name: honey }).waitFor();
			const sizes = visitor.getByRole('region', { name: 'Formats et prix' }).getByRole('rowheader');
			assert.deepEqual(
				(await sizes.allInnerTexts()).map((s) => s.trim()),
				['250 g', '500 g', '1 kg']
			);
			for (const price of ['5,50 €', '9,50 €', '17,00 €']) await visitor.getByText(price, { exact: true }).first().waitFor();
			await checkA11y(visitor);

			// The product page shows the photo too.
			await visit(visitor, shopPath);
			await visitor.getByRole('heading', { level: 3, name: terrine }).click();
			await visitor.getByRole('heading', { level: 1, name: terrine }).waitFor();
			const big = visitor.getByRole('img', { name: 'Terrine de campagne dans son pot en verre' });
			assert.match((await big.getAttribute('src')) ?? '', /^\/media\//);
			await visitor.waitForFunction((img) => img.complete && img.naturalWidth > 0, await big.elementHandle());
			await checkA11y(visitor);

			// The storefront search finds them by this run's word.
			await visit(visitor, `/recherche?q=${word}`);
			for (const name of [terrine, olives, honey]) await visitor.getByRole('heading', { level: 3, name, exact: true }).waitFor();
			await checkA11y(visitor);
			// And the starter products, within this shop.
			const shopSlug = shopPath.split('/')[2];
			await visit(visitor, `/recherche?q=${encodeURIComponent(starterNames[1])}&shop=${shopSlug}`);
			await visitor.getByRole('heading', { level: 3, name: starterNames[1], exact: true }).waitFor();
			await checkA11y(visitor);
		}
	);
});
