import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startServer, type RunningServer } from '../setup/server.ts';
import { signInCookie, get } from './session.ts';
import { GUIDE_SLUGS } from '../../src/lib/guides/slugs.ts';

// Each merchant guide is linked from the screen it helps with, and every such link opens the guide.

let server: RunningServer;
let cookie: string;
beforeAll(async () => {
	server = await startServer();
	cookie = await signInCookie(server.url, 'boulangerie@saint-aubin.demo');
}, 180_000);
afterAll(async () => {
	await server?.stop();
});

const guideLinks = (html: string) => [...html.matchAll(/href="\/pro\/guides\/([a-z-]+)"/g)].map((match) => match[1]);

async function page(path: string): Promise<string> {
	const response = await get(server.url, path, cookie);
	expect(response.status, path).toBe(200);
	return response.text();
}

describe('guides linked from the back office', () => {
	it('links every guide from the screen it helps with, and each link opens the guide', async () => {
		const catalogue = await page('/pro/catalogue');
		const productId = /href="\/pro\/catalogue\/([0-9a-f-]{36})"/.exec(catalogue)?.[1];
		expect(productId).toBeDefined();
		const screens = {
			'/pro/catalogue/nouveau': ['fiche-produit', 'prix-unitaires', 'allergenes-etiquetage'],
			[`/pro/catalogue/${productId}/photo`]: ['photos-produits'],
			'/pro/boutique': ['horaires-creneaux', 'mentions-legales-cgv', 'preparer-commandes', 'etre-paye'],
			'/pro/commandes': ['preparer-commandes'],
			'/pro/preparation': ['preparer-commandes']
		};
		const linked = new Set<string>();
		for (const [path, expected] of Object.entries(screens)) {
			const links = guideLinks(await page(path));
			expect(links, path).toEqual(expect.arrayContaining(expected));
			for (const slug of links) linked.add(slug);
		}
		expect([...linked].sort()).toEqual([...GUIDE_SLUGS].sort());
		for (const slug of linked) expect((await get(server.url, `/pro/guides/${slug}`, cookie)).status, slug).toBe(200);
	});
});
