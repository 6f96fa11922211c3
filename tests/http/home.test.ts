import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer, type RunningServer } from '../setup/server.ts';

// The territory home over real HTTP, against the built server and the demo territory: the list
// of shops and producers by distance from a position (shared, or a place typed in), the map kept
// out of the page's first load, the search form, seasonal products and categories.

let server: RunningServer;

beforeAll(async () => {
	server = await startServer();
}, 90_000);

afterAll(async () => {
	await server?.stop();
});

async function home(query = '') {
	const response = await fetch(`${server.url}/${query}`, { headers: { 'accept-language': 'fr' } });
	return { status: response.status, headers: response.headers, html: await response.text() };
}

const decode = (text: string) =>
	text
		.replace(/<!--.*?-->/g, '')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&')
		.replace(/\u00a0/g, ' ');

type Listed = { name: string; href: string; distance: string | null; km: number | null; text: string };

/** The entries of the "near you" list, in page order. */
function listed(html: string): Listed[] {
	const list = /<ol class="traders[^"]*">([\s\S]*?)<\/ol>/.exec(html);
	expect(list, 'the list of shops and producers').not.toBeNull();
	return [...list![1].matchAll(/<li class="trader[^"]*">([\s\S]*?)<\/li>/g)].map(([, item]) => {
		const link = /<a class="trader-link[^"]*" href="([^"]+)">\s*<h3[^>]*>([^<]+)<\/h3>/.exec(item)!;
		const distance = /<span class="distance[^"]*">([^<]+)<\/span>/.exec(item)?.[1] ?? null;
		const text = decode(item.replace(/<[^>]+>/g, ' '))
			.replace(/\s+/g, ' ')
			.trim();
		return {
			name: decode(link[2]),
			href: decode(link[1]),
			distance: distance && decode(distance),
			km: distance ? kilometres(decode(distance)) : null,
			text
		};
	});
}

/** "à 1,2 km" → 1.2, "à 350 m" → 0.35 */
function kilometres(shown: string): number {
	// French groups thousands with a narrow no-break space: "à 15 253 km".
	const match = /^à (\d{1,3}(?:[\u202f ]\d{3})*(?:,\d)?) (km|m)$/.exec(shown);
	expect(match, shown).not.toBeNull();
	const value = Number(match![1].replace(/[\u202f ]/g, '').replace(',', '.'));
	return match![2] === 'km' ? value : value / 1000;
}

const byName = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
const expectByName = (items: Listed[]) => expect(items.map((i) => i.name)).toEqual(items.map((i) => i.name).sort(byName.compare));
const expectByDistance = (items: Listed[]) => {
	for (let i = 1; i < items.length; i++)
		expect(items[i].km!, `${items[i - 1].name} → ${items[i].name}`).toBeGreaterThanOrEqual(items[i - 1].km!);
};
const text = (html: string) => decode(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');

describe('the list of shops and producers', () => {
	it('without a position: every shop and producer, by name, with distances from the town centre', async () => {
		const { status, html } = await home();
		expect(status).toBe(200);
		const items = listed(html);
		expect(items.filter((i) => i.href.startsWith('/boutiques/')).length).toBeGreaterThanOrEqual(12);
		expect(items.filter((i) => i.href.startsWith('/producteurs/')).length).toBeGreaterThanOrEqual(4);
		expectByName(items);
		expect(items.every((i) => i.km !== null && i.km < 50)).toBe(true);
		expect(text(html)).toContain('Par ordre alphabétique ; distances depuis le centre de Saint-Aubin-sur-Loire.');
		// A farm that sells as a shop is listed once, as the shop.
		expect(items.filter((i) => i.name === 'Les Jardins de la Varenne')).toHaveLength(1);
		// Each shop says whether it is open now, and how many products it sells; pending shops are not listed.
		for (const shop of items.filter((i) => i.href.startsWith('/boutiques/')))
			expect(shop.text, shop.name).toMatch(/(Ouvert maintenant|Fermé|Sur commande) \d+ produits?/);
		expect(items.map((i) => i.name)).not.toContain("Chocolaterie La Fève d'Or");
	});

	it('sorts by distance from ?near=, nearest first, with distances as "à 1,2 km"', async () => {
		// The market garden, on the edge of the town.
		const { status, html } = await home('?near=47.4115,0.9635');
		expect(status).toBe(200);
		const items = listed(html);
		expect(items[0].name).toBe('Les Jardins de la Varenne');
		expect(items[0].km).toBeLessThan(0.1);
		expectByDistance(items);
		expect(items.some((i) => /^à \d+,\d km$/.test(i.distance!))).toBe(true);
		expect(text(html)).toContain('Du plus proche au plus loin de votre position.');
	});

	it('sorts by distance from a postcode typed in the form (a plain GET)', async () => {
		const { status, html } = await home('?lieu=37287');
		expect(status).toBe(200);
		const items = listed(html);
		expectByDistance(items);
		expect(items[0].name).toBe('Les Jardins de la Varenne');
		expect(text(html)).toContain('Du plus proche au plus loin de Les Varennes-sur-Loire.');
		expect(html).not.toContain('aria-invalid="true"');
	});

	it('finds a town by its name without accents or hyphens', async () => {
		const { html } = await home(`?lieu=${encodeURIComponent('montlouis les greves')}`);
		const items = listed(html);
		expectByDistance(items);
		expect(items[0].name).toBe('Pêcherie Martin, pêcheur de Loire');
		expect(text(html)).toContain('Du plus proche au plus loin de Montlouis-les-Grèves.');
	});

	it('answers an unknown place with a message tied to the field, and the list by name', async () => {
		const { status, html } = await home(`?lieu=${encodeURIComponent('Paris <b>')}`);
		expect(status).toBe(200);
		const input = /<input id="home-lieu"(?:[^>"]|"[^"]*")*>/.exec(html)?.[0] ?? '';
		expect(input).toContain('aria-invalid="true"');
		expect(input).toMatch(/aria-describedby="[^"]*home-lieu-error/);
		expect(input).toMatch(/value="Paris &lt;b(>|&gt;)"/);
		expect(html).toContain('id="home-lieu-error"');
		expect(text(html)).toContain('« Paris <b> » ne fait pas partie des communes du territoire.');
		expect(html).not.toContain('Paris <b>');
		expectByName(listed(html));
	});

	it.each([
		'abc',
		'91,0',
		'0,181',
		'-90.5,2',
		'47.39',
		'1e3,2',
		'NaN,NaN',
		'Infinity,0',
		',',
		'47.39,0.98,1',
		'%00',
		'%E2%80%AE47,1',
		'4'.repeat(5000) + ',1'
	])('ignores ?near=%s with a message, never a 500', async (near) => {
		const { status, html } = await home(`?near=${near}`);
		expect(status).toBe(200);
		expect(text(html)).toContain('La position indiquée dans l’adresse de la page n’est pas valide : elle a été ignorée.');
		expectByName(listed(html));
	});

	it('takes a position at the limits of the valid range', async () => {
		const { status, html } = await home('?near=-90,180');
		expect(status).toBe(200);
		expect(text(html)).toContain('Du plus proche au plus loin de votre position.');
		expectByDistance(listed(html));
	});

	it('survives an absurdly long place name', async () => {
		const { status, html } = await home(`?lieu=${'a'.repeat(5000)}`);
		expect(status).toBe(200);
		expect(html).toContain('aria-invalid="true"');
	});
});

describe('the rest of the home', () => {
	it('has the territory name, its tagline and a search form for products', async () => {
		const { html } = await home();
		expect(html).toMatch(/<h1[^>]*>Les commerces et producteurs de Saint-Aubin-sur-Loire<\/h1>/);
		expect(text(html)).toContain('Les commerces et producteurs de Saint-Aubin, à deux pas de chez vous');
		const form = /<form[^>]*action="\/recherche"[^>]*>([\s\S]*?)<\/form>/.exec(html);
		expect(form?.[0]).toMatch(/method="GET"/);
		expect(form?.[1]).toMatch(/<label for="home-q"[^>]*>Rechercher un produit<\/label>/);
		expect(form?.[1]).toMatch(/<input id="home-q" name="q"/);
	});

	it('features products (of the season when there are) and links the categories to the search', async () => {
		const { html } = await home();
		const featured = /<section aria-labelledby="products-heading">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
		expect(featured).toMatch(/De saison chez vos commerçants|Nouveautés chez vos commerçants/);
		expect([...featured.matchAll(/href="\/boutiques\/[^"/]+\/[^"]+"/g)].length).toBeGreaterThanOrEqual(4);
		expect(html).toContain('href="/recherche?category=boulangerie-patisserie"');
		expect(html).toContain('href="/recherche?category=cremerie-fromages"');
	});
});

describe('the map', () => {
	it('is a labelled region, behind a "Voir la carte" button, with a note when no tiles are configured', async () => {
		const { html } = await home();
		expect(html).toMatch(/<details[^>]*>\s*<summary[^>]*>Voir la carte<\/summary>/);
		expect(html).toMatch(/role="region"[^>]*aria-label="Carte des commerces et producteurs"/);
		expect(text(html)).toContain('Aucun fond de carte n’est configuré');
		expect(html).not.toMatch(/tile\.openstreetmap|\{z\}/);
	});

	it('keeps Leaflet out of the first load: no preloaded module or stylesheet of the page is the map', async () => {
		// The map chunk exists in the build (so this test would see it if it were preloaded)…
		const root = resolve(import.meta.dirname, '../../build/client/_app/immutable');
		const leafletChunks = readdirSync(join(root, 'chunks')).filter(
			(file) => file.endsWith('.js') && readFileSync(join(root, 'chunks', file), 'utf8').includes('leafletjs.com')
		);
		expect(leafletChunks.length).toBeGreaterThan(0);

		const { html } = await home();
		const scripts = [
			...[...html.matchAll(/<link[^>]+rel="modulepreload"[^>]*>/g)].map(([tag]) => /href="([^"]+)"/.exec(tag)![1]),
			...[...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map(([, src]) => src),
			...[...html.matchAll(/import\("([^"]+\.js)"\)/g)].map(([, src]) => src)
		];
		expect(scripts.length).toBeGreaterThan(0);
		for (const chunk of leafletChunks)
			expect(
				scripts.some((src) => src.endsWith(`/${chunk}`)),
				chunk
			).toBe(false);
		// …and no file the page loads first contains Leaflet, whatever its name.
		for (const src of scripts) {
			const body = await (await fetch(new URL(src, `${server.url}/`))).text();
			expect(body.includes('leafletjs.com'), src).toBe(false);
		}
		const stylesheets = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*>/g)].map(([tag]) => /href="([^"]+)"/.exec(tag)![1]);
		for (const href of stylesheets) {
			const body = await (await fetch(new URL(href, `${server.url}/`))).text();
			expect(body.includes('.leaflet-container'), href).toBe(false);
		}
	});
});

describe('a configured tile server', () => {
	let tiled: RunningServer;
	beforeAll(async () => {
		tiled = await startServer({
			MAP_TILE_URL: 'https://tile.example.org/{z}/{x}/{y}.png',
			MAP_TILE_ATTRIBUTION: '© Les contributeurs OpenStreetMap'
		});
	}, 90_000);
	afterAll(async () => {
		await tiled?.stop();
	});

	it('reaches the page at run time, and the no-tiles note is gone', async () => {
		const response = await fetch(`${tiled.url}/`, { headers: { 'accept-language': 'fr' } });
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(html).toContain('https://tile.example.org/{z}/{x}/{y}.png');
		expect(html).toContain('© Les contributeurs OpenStreetMap');
		expect(text(html)).not.toContain('Aucun fond de carte n’est configuré');
	});
});
