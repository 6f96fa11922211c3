import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startServer, type RunningServer } from '../setup/server.ts';
import { signInCookie, get } from './session.ts';

// The cart and checkout pages driven as a browser without JavaScript would: plain form posts that
// ask for HTML, cookies carried by hand, the next step read from the HTML the server answered.

let server: RunningServer;
let base: string;
let operator: string;

const BAKERY = 'boulangerie-au-pain-d-antan';
const GREENGROCER = 'le-panier-de-saison';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** A browser's cookie jar, reduced to what these pages use. */
class Jar {
	private cookies = new Map<string, string>();
	header(): string {
		return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
	}
	absorb(response: Response) {
		for (const line of response.headers.getSetCookie()) {
			const [pair, ...attributes] = line.split(';');
			const eq = pair.indexOf('=');
			const name = pair.slice(0, eq).trim();
			const value = pair.slice(eq + 1).trim();
			const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
			if (expired) this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
	}
	get(name: string) {
		return this.cookies.get(name);
	}
	add(cookieHeader: string) {
		for (const pair of cookieHeader.split('; ')) {
			const eq = pair.indexOf('=');
			this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
		}
	}
}

async function open(jar: Jar, path: string) {
	const response = await get(base, path, jar.header(), { accept: 'text/html' });
	jar.absorb(response);
	return { status: response.status, html: await response.text(), response };
}

async function submit(jar: Jar, path: string, fields: Record<string, string> | [string, string][]) {
	const response = await fetch(`${base}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { accept: 'text/html', origin: base, 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() },
		body: new URLSearchParams(fields)
	});
	jar.absorb(response);
	return { status: response.status, html: await response.text(), response };
}

const decode = (s: string) =>
	s.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

/** The options of a `<select name=…>` (values only, in order). */
function options(html: string, name: string): string[] {
	const select = new RegExp(`<select[^>]*name="${name.replaceAll('.', '\\.')}"[^>]*>([\\s\\S]*?)</select>`).exec(html);
	return select ? [...select[1].matchAll(new RegExp(`<option value="(${UUID})"`, 'g'))].map((m) => m[1]) : [];
}

/** The hidden fields of the form posting to `action`, as a browser would send them. */
function hiddenFields(html: string, action: string): [string, string][] {
	const form = new RegExp(`<form[^>]*action="${action.replace('?', '\\?')}"[^>]*>([\\s\\S]*?)</form>`).exec(html);
	if (!form) throw new Error(`no form posting to ${action}`);
	return [...form[1].matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)"/g)].map((m) => [decode(m[1]), decode(m[2])]);
}

async function firstVariant(shop: string): Promise<{ path: string; variantId: string }> {
	const list = (await (await get(base, `/api/v1/products?shop=${shop}&limit=10`)).json()) as {
		items: { slug: string; available: boolean }[];
	};
	for (const product of list.items.filter((p) => p.available)) {
		const path = `/boutiques/${shop}/${product.slug}`;
		const html = await (await get(base, path)).text();
		const match = new RegExp(`name="variantId" value="(${UUID})"`).exec(html);
		if (match) return { path, variantId: match[1] };
	}
	throw new Error(`no product to buy at ${shop}`);
}

/** How many order confirmation emails the outbox holds for an address. */
async function outboxFor(email: string): Promise<string[]> {
	const html = await (await get(base, '/admin/e-mails', operator)).text();
	return html.split('<tr').filter((row) => row.includes(`<td>${email}</td>`));
}

beforeAll(async () => {
	server = await startServer();
	base = server.url;
	operator = await signInCookie(base, 'operateur@saint-aubin.demo');
}, 120_000);

afterAll(async () => {
	await server?.stop();
});

describe('cart and checkout without JavaScript', () => {
	const jar = new Jar();
	const email = `camille.${Date.now()}@example.fr`;
	let bakery: { path: string; variantId: string };
	let greengrocer: { path: string; variantId: string };
	let shopIndex: Record<string, number>;
	let placeFields: [string, string][];
	let confirmation: string;

	it('adds products of two shops from their product pages', async () => {
		bakery = await firstVariant(BAKERY);
		greengrocer = await firstVariant(GREENGROCER);

		const added = await submit(jar, `${bakery.path}?/add`, { variantId: bakery.variantId, quantity: '2' });
		expect(added.status).toBe(200);
		expect(added.html).toContain('ajouté à votre panier');
		expect(added.html).toContain('href="/panier"');
		const cookie = added.response.headers.getSetCookie().find((c) => c.startsWith('cart='))!;
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);
		expect(cookie).toMatch(/Path=\//);
		expect(cookie).toMatch(/Max-Age=5184000/);
		expect(jar.get('cart')).toMatch(new RegExp(`^${UUID}$`));

		// Weighed goods take half-kilo steps, typed with a decimal comma as French people do.
		const weighed = await submit(jar, `${greengrocer.path}?/add`, { variantId: greengrocer.variantId, quantity: '1,5' });
		expect(weighed.status).toBe(200);
		expect(weighed.html).toContain('ajouté à votre panier');
	});

	it('answers a wrong quantity beside the field, in French', async () => {
		const piece = await submit(jar, `${bakery.path}?/add`, { variantId: bakery.variantId, quantity: '1.5' });
		expect(piece.status).toBe(400);
		expect(piece.html).toContain('indiquez un nombre entier');
		expect(piece.html).toMatch(/aria-invalid="true"/);
		const weighed = await submit(jar, `${greengrocer.path}?/add`, { variantId: greengrocer.variantId, quantity: '0,3' });
		expect(weighed.status).toBe(400);
		expect(weighed.html).toContain('par demi-kilo');
	});

	it('shows the cart grouped by shop, and changes a quantity', async () => {
		const cart = await open(jar, '/panier');
		expect(cart.status).toBe(200);
		const headings = [...cart.html.matchAll(/<h2 id="shop-[^"]+"[^>]*><a href="\/boutiques\/([^"]+)"/g)].map((m) => m[1]);
		expect(headings).toEqual([BAKERY, GREENGROCER]);
		expect(cart.html).toContain('Passer commande');
		expect(cart.html).toContain('href="/commande"');

		const itemIds = [...cart.html.matchAll(new RegExp(`name="itemId" value="(${UUID})"`, 'g'))].map((m) => m[1]);
		const greengrocerItem = itemIds.at(-1)!;
		const updated = await submit(jar, '/panier?/update', { itemId: greengrocerItem, quantity: '2' });
		expect(updated.status).toBe(200);
		expect(updated.html).toMatch(new RegExp(`id="qty-${greengrocerItem}"[^>]*value="2"`));
		const wrong = await submit(jar, '/panier?/update', { itemId: greengrocerItem, quantity: '-1' });
		expect(wrong.status).toBe(400);
		expect(wrong.html).toContain('La quantité doit être positive.');
	});

	it('refuses bad checkout input field by field, in French, and writes nothing', async () => {
		const page = await open(jar, '/commande');
		expect(page.status).toBe(200);
		expect(page.html).toMatch(/<legend[^>]*>Boulangerie Au Pain d'Antan<\/legend>/);
		expect(page.html).toMatch(/<optgroup label="[a-z]+ \d{1,2} [a-zéû]+">/);
		expect(page.html).toMatch(/\d\d:\d\d–\d\d:\d\d \(\d+ places?\)/);
		shopIndex = {};
		for (const m of page.html.matchAll(new RegExp(`name="fulfilments\\.(\\d+)\\.shopId" value="(${UUID})"`, 'g')))
			shopIndex[m[2]] = Number(m[1]);
		expect(Object.keys(shopIndex)).toHaveLength(2);
		const shops = (await (await get(base, '/api/v1/shops')).json()) as { items: { id: string; slug: string }[] };
		const idOf = (slug: string) => shops.items.find((s) => s.slug === slug)!.id;
		const b = shopIndex[idOf(BAKERY)];
		const g = shopIndex[idOf(GREENGROCER)];
		const before = await outboxFor(email);

		const bad = await submit(jar, '/commande?/review', {
			'customer.name': '',
			'customer.email': 'pas-un-email',
			'customer.phone': 'abc',
			[`fulfilments.${b}.shopId`]: idOf(BAKERY),
			[`fulfilments.${b}.method`]: 'pickup',
			[`fulfilments.${g}.shopId`]: idOf(GREENGROCER),
			[`fulfilments.${g}.method`]: 'delivery',
			[`fulfilments.${g}.address.line1`]: '3 rue des Lilas',
			[`fulfilments.${g}.address.postcode`]: '99999',
			[`fulfilments.${g}.address.city`]: 'Ailleurs'
		});
		expect(bad.status).toBe(400);
		expect(bad.html).toContain('Ce champ est obligatoire.');
		expect(bad.html).toContain('adresse e-mail valide');
		expect(bad.html).toContain('numéro de téléphone');
		expect(bad.html).toContain('Acceptez les conditions de vente des commerces');
		expect(bad.html).toContain('Choisissez un créneau.');
		expect(bad.html).toContain('ne livre pas à cette adresse');
		expect(bad.html).toMatch(/id="co-customer\.name"[^>]*aria-invalid="true"/);
		expect(bad.html).toMatch(/id="accept-terms"[^>]*aria-invalid="true"/);
		// The values typed stay in place.
		expect(bad.html).toContain('value="3 rue des Lilas"');
		expect(bad.html).not.toContain('Commander avec obligation de paiement');

		expect(await outboxFor(email)).toEqual(before);
		expect((await open(jar, '/panier')).html).not.toContain('Votre panier est vide');
	});

	it('reviews a valid checkout, then places it once even when posted twice', async () => {
		const page = await open(jar, '/commande');
		const ids = Object.entries(shopIndex);
		const fields: Record<string, string> = {
			'customer.name': 'Camille Martin',
			'customer.email': email,
			'customer.phone': '06 12 34 56 78',
			acceptTerms: 'true'
		};
		for (const [shopId, i] of ids) {
			fields[`fulfilments.${i}.shopId`] = shopId;
			const points = options(page.html, `fulfilments.${i}.pickupPointId`);
			if (points.length) {
				// Pickup point for the shop that has some: the first point and its first slot.
				fields[`fulfilments.${i}.method`] = 'pickup_point';
				fields[`fulfilments.${i}.pickupPointId`] = points[0];
				fields[`fulfilments.${i}.slot.pickup_point`] = options(page.html, `fulfilments.${i}.slot.pickup_point`)[0];
			} else {
				fields[`fulfilments.${i}.method`] = 'pickup';
				fields[`fulfilments.${i}.slot.pickup`] = options(page.html, `fulfilments.${i}.slot.pickup`)[0];
			}
		}
		const review = await submit(jar, '/commande?/review', fields);
		expect(review.status).toBe(200);
		expect(review.html).toContain('Vérifiez votre commande');
		expect(review.html).toContain('>Commander avec obligation de paiement</button>');
		expect(review.html).toContain('Retrait au point de retrait');
		expect(review.html).toContain('Paiement sur place');
		placeFields = hiddenFields(review.html, '?/place');
		expect(placeFields.find(([k]) => k === 'idempotencyKey')?.[1]).toMatch(new RegExp(`^${UUID}$`));
		expect(placeFields).toContainEqual(['customer.email', email]);

		// "Modifier" goes back to step 1 with everything kept.
		const edit = await submit(jar, '/commande?/edit', placeFields);
		expect(edit.status).toBe(200);
		expect(edit.html).toContain('value="Camille Martin"');
		expect(edit.html).toMatch(/type="checkbox" id="accept-terms"[^>]*checked/);
		expect(edit.html).not.toContain('Commander avec obligation de paiement');

		const placed = await submit(jar, '/commande?/place', placeFields);
		expect(placed.status).toBe(303);
		confirmation = placed.response.headers.get('location')!;
		expect(confirmation).toMatch(new RegExp(`^/commande/confirmation\\?c=${UUID}$`));
		const again = await submit(jar, '/commande?/place', placeFields);
		expect(again.status).toBe(303);
		expect(again.response.headers.get('location')).toBe(confirmation);

		expect(await outboxFor(email)).toHaveLength(2);
		expect((await open(jar, '/panier')).html).toContain('Votre panier est vide');
	});

	it('confirms each order with its handover and link, and says the email is sent', async () => {
		const page = await open(jar, confirmation);
		expect(page.status).toBe(200);
		expect(page.html).toContain('Merci, votre commande est enregistrée');
		expect(page.html.match(/<h2 id="order-[^"]+">Commande n° \d+ — /g)).toHaveLength(2);
		expect(page.html).toContain('À retirer au point de retrait');
		expect(page.html).toContain(`Un e-mail de confirmation vous a été envoyé à ${email}.`);
		expect(page.html.match(new RegExp(`href="/commandes/${UUID}\\?t=[A-Za-z0-9_-]+"`, 'g'))).toHaveLength(2);
		// Another visitor's confirmation URL shows no order.
		const stranger = await open(new Jar(), confirmation);
		expect(stranger.html).not.toContain('Commande n°');
	});

	it('opens the order page from the email link and cancels the order there', async () => {
		const rows = await outboxFor(email);
		const link = new RegExp(`${base}/commandes/(${UUID})\\?t=([A-Za-z0-9_-]+)`).exec(rows.join('\n'));
		expect(link).not.toBeNull();
		const [, id, token] = link!;
		const visitor = new Jar();

		const page = await open(visitor, `/commandes/${id}?t=${token}`);
		expect(page.status).toBe(200);
		expect(page.html).toContain('Reçue — en attente d’acceptation par le commerçant');
		expect(page.html).toContain('Détail de la TVA');
		expect(page.html).toContain('Historique');
		expect(page.html).toContain('Annuler ma commande');
		expect((await open(visitor, `/commandes/${id}?t=${token.slice(0, -2)}xx`)).status).toBe(404);
		expect((await open(visitor, `/commandes/${id}`)).status).toBe(404);

		const cancelled = await submit(visitor, `/commandes/${id}?t=${token}&/cancel`, { t: token });
		expect(cancelled.status).toBe(200);
		expect(cancelled.html).toContain('Votre commande est annulée.');
		expect(cancelled.html).toContain('>Annulée</span>');
		expect(cancelled.html).not.toContain('Annuler ma commande');

		const twice = await submit(visitor, `/commandes/${id}?t=${token}&/cancel`, { t: token });
		expect(twice.status).toBe(409);
		expect(twice.html).toContain('ne peut plus être annulée');
	});
});

describe('a cart across sign-in', () => {
	it('keeps what was chosen before signing in', async () => {
		const jar = new Jar();
		const product = await firstVariant(BAKERY);
		await submit(jar, `${product.path}?/add`, { variantId: product.variantId, quantity: '1' });
		expect(jar.get('cart')).toBeDefined();
		jar.add(await signInCookie(base, 'client@saint-aubin.demo'));

		const cart = await open(jar, '/panier');
		expect(cart.html).toContain(`href="/boutiques/${BAKERY}"`);
		expect(jar.get('cart')).toBeUndefined();
		const checkout = await open(jar, '/commande');
		expect(checkout.html).toMatch(/id="co-customer\.email"[^>]*value="client@saint-aubin\.demo"/);
	});
});

describe('a checkout overtaken by another customer', () => {
	it('says clearly what went meanwhile, with the way back to the cart, and orders nothing', async () => {
		const list = (await (await get(base, `/api/v1/products?shop=${BAKERY}&limit=20`)).json()) as { items: { id: string; slug: string }[] };
		const product = list.items.at(-1)!;
		const detail = (await (await get(base, `/api/v1/products/${product.id}`)).json()) as {
			name: string;
			variants: { id: string; stock: number | null }[];
		};
		const variant = detail.variants.find((v) => v.stock !== null && v.stock > 0 && v.stock <= 99)!;
		const stock = String(variant.stock);
		const [first, second] = [new Jar(), new Jar()];
		const reviews = [];
		for (const [n, jar] of [first, second].entries()) {
			const added = await submit(jar, `/boutiques/${BAKERY}/${product.slug}?/add`, { variantId: variant.id, quantity: stock });
			expect(added.status).toBe(200);
			const page = await open(jar, '/commande');
			const shopId = new RegExp(`name="fulfilments\\.0\\.shopId" value="(${UUID})"`).exec(page.html)![1];
			const review = await submit(jar, '/commande?/review', {
				'customer.name': `Client ${n}`,
				'customer.email': `client${n}.${Date.now()}@example.fr`,
				'customer.phone': '02 47 00 00 00',
				acceptTerms: 'true',
				'fulfilments.0.shopId': shopId,
				'fulfilments.0.method': 'pickup',
				'fulfilments.0.slot.pickup': options(page.html, 'fulfilments.0.slot.pickup')[0]
			});
			expect(review.status).toBe(200);
			reviews.push(hiddenFields(review.html, '?/place'));
		}
		// Both confirm at once: one gets the goods, the other is told what went (409), whichever
		// check caught it: the re-check before the transaction or the conditional stock update.
		const [a, b] = await Promise.all([submit(first, '/commande?/place', reviews[0]), submit(second, '/commande?/place', reviews[1])]);
		const [won, lost] = a.status === 303 ? [a, b] : [b, a];
		expect(won.status).toBe(303);
		expect(lost.status).toBe(409);
		expect(lost.html).toContain('Entre-temps, certains produits ou créneaux ne sont plus disponibles');
		expect(lost.html).toContain(`${detail.name}\u00a0: épuisé.`);
		expect(lost.html).toContain('href="/panier"');
		expect(lost.html).not.toContain('Commander avec obligation de paiement');
		const loser = won === a ? second : first;
		expect((await open(loser, '/panier')).html).not.toContain('Votre panier est vide');
	});
});
