import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { gzipSync } from 'node:zlib';
import { startServer, type RunningServer } from '../setup/server.ts';

// SPEC §4: a storefront page ships at most 60 KB of compressed JavaScript (old phones, slow
// networks). Measured on the built app as a browser loads it: every script and module preload
// the page's HTML references, gzip-compressed.
const BUDGET = 60 * 1024;

let server: RunningServer;
beforeAll(async () => {
	server = await startServer();
}, 90_000);
afterAll(async () => {
	await server?.stop();
});

async function javascriptOf(path: string): Promise<{ files: string[]; gzipBytes: number }> {
	const html = await (await fetch(`${server.url}${path}`)).text();
	const files = new Set<string>();
	for (const tag of html.matchAll(/<link\b[^>]*>/g)) {
		if (!/rel="modulepreload"/.test(tag[0])) continue;
		const href = /href="([^"]+)"/.exec(tag[0]);
		if (href) files.add(href[1]);
	}
	for (const match of html.matchAll(/<script[^>]+src="([^"]+)"/g)) files.add(match[1]);
	for (const match of html.matchAll(/import\("([^"]+\.js)"\)/g)) files.add(match[1]);
	let gzipBytes = 0;
	for (const file of files) {
		const url = new URL(file, `${server.url}${path}`);
		const body = Buffer.from(await (await fetch(url)).arrayBuffer());
		gzipBytes += gzipSync(body, { level: 9 }).length;
	}
	return { files: [...files], gzipBytes };
}

describe('JavaScript weight of storefront pages', () => {
	it('stays within 60 KB compressed on the home, shop, product, search and cart pages', async () => {
		const shops = (await (await fetch(`${server.url}/api/v1/shops`)).json()) as { items: { slug: string }[] };
		const products = (await (await fetch(`${server.url}/api/v1/products?limit=1`)).json()) as {
			items: { slug: string; shop: { slug: string } }[];
		};
		const pages = [
			'/',
			`/boutiques/${shops.items[0].slug}`,
			`/boutiques/${products.items[0].shop.slug}/${products.items[0].slug}`,
			'/recherche?q=pain',
			'/panier',
			'/connexion'
		];
		for (const page of pages) {
			const { files, gzipBytes } = await javascriptOf(page);
			console.log(`${page}: ${files.length} files, ${(gzipBytes / 1024).toFixed(1)} KB gzip`);
			expect(files.length, page).toBeGreaterThan(0);
			expect(gzipBytes, page).toBeLessThanOrEqual(BUDGET);
		}
	});
});
