import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import sharp from 'sharp';
import { startServer, type RunningServer } from '../setup/server.ts';
import { signInCookie, get } from './session.ts';

// Photos and catalogue import over real HTTP against the built server: multipart form posts as a
// browser without JavaScript sends them, the /media route, and other shops' ids.
let server: RunningServer;
let base: string;
let bakery: string;
let cheese: string;
let bakeryProduct: string;
let cheeseProduct: string;

type ProductItem = { id: string; shop: { slug: string; name: string } };

beforeAll(async () => {
	server = await startServer();
	base = server.url;
	[bakery, cheese] = await Promise.all([
		signInCookie(base, 'boulangerie@saint-aubin.demo'),
		signInCookie(base, 'fromagerie-la-cave-a-meules@saint-aubin.demo')
	]);
	const shops = (await (await get(base, '/api/v1/shops')).json()) as { items: { slug: string; trade: string }[] };
	const first = async (slug: string) =>
		((await (await get(base, `/api/v1/products?shop=${slug}`)).json()) as { items: ProductItem[] }).items[0].id;
	bakeryProduct = await first(shops.items.find((s) => s.trade === 'bakery')!.slug);
	cheeseProduct = await first(shops.items.find((s) => s.trade === 'cheesemonger')!.slug);
}, 120_000);

afterAll(async () => {
	await server?.stop();
});

/** A form post as a browser without JavaScript sends it (multipart, asks for HTML). */
function post(path: string, form: FormData, cookie: string) {
	return fetch(`${base}${path}`, {
		method: 'POST',
		redirect: 'manual',
		body: form,
		headers: { accept: 'text/html', origin: base, cookie }
	});
}

const photoForm = (bytes: Uint8Array, name: string, alt = 'Miche de pain coupée') => {
	const form = new FormData();
	form.set('photo', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }), name);
	form.set('alt', alt);
	return form;
};

describe('product photo', () => {
	it('uploads a camera JPEG: stored as WebP without EXIF, shown on the product', async () => {
		const jpeg = new Uint8Array(
			await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#c8843c' } })
				.jpeg()
				.withExif({ IFD0: { Make: 'PhoneMaker', Model: 'SecretPhone' } })
				.toBuffer()
		);
		const page = await get(base, `/pro/catalogue/${bakeryProduct}/photo`, bakery);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('capture="environment"');
		const r = await post(`/pro/catalogue/${bakeryProduct}/photo?/upload`, photoForm(jpeg, 'IMG_0001.jpg'), bakery);
		expect(r.status).toBe(200);
		const html = await r.text();
		expect(html).toContain('Photo enregistrée');
		const product = (await (await get(base, `/api/v1/products/${bakeryProduct}`)).json()) as { imageUrl: string };
		expect(product.imageUrl).toMatch(/^\/media\/[0-9a-f-]{36}-640\.webp$/);
		const image = await get(base, product.imageUrl);
		expect(image.status).toBe(200);
		expect(image.headers.get('content-type')).toBe('image/webp');
		expect(image.headers.get('cache-control')).toContain('immutable');
		const meta = await sharp(new Uint8Array(await image.arrayBuffer())).metadata();
		expect([meta.format, meta.width, meta.exif]).toEqual(['webp', 640, undefined]);
		expect(html).toMatch(/srcset="[^"]*-320\.webp 320w, [^"]*-640\.webp 640w, [^"]*-1280\.webp 1280w"/);
	}, 60_000);

	it('refuses a PDF renamed .jpg, an empty file and a 20 MB file with a message next to the field', async () => {
		const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n');
		const a = await post(`/pro/catalogue/${bakeryProduct}/photo?/upload`, photoForm(pdf, 'photo.jpg'), bakery);
		expect(a.status).toBe(400);
		expect(await a.text()).toContain('n’est pas une photo JPEG, PNG ou WebP');
		const b = await post(`/pro/catalogue/${bakeryProduct}/photo?/upload`, photoForm(new Uint8Array(0), 'vide.jpg'), bakery);
		expect(b.status).toBe(400);
		expect(await b.text()).toContain('Ce fichier est vide');
		const big = new Uint8Array(20 * 1024 * 1024);
		big.set([0xff, 0xd8, 0xff, 0xe0]);
		const c = await post(`/pro/catalogue/${bakeryProduct}/photo?/upload`, photoForm(big, 'enorme.jpg'), bakery);
		expect(c.status).toBe(400);
		expect(await c.text()).toContain('le maximum est 12 Mo');
	}, 60_000);

	it("gives 404 for another shop's product and writes nothing", async () => {
		const before = (await (await get(base, `/api/v1/products/${cheeseProduct}`)).json()) as { imageUrl: string | null };
		expect((await get(base, `/pro/catalogue/${cheeseProduct}/photo`, bakery)).status).toBe(404);
		const jpeg = new Uint8Array(
			await sharp({ create: { width: 400, height: 300, channels: 3, background: '#fff' } })
				.jpeg()
				.toBuffer()
		);
		expect((await post(`/pro/catalogue/${cheeseProduct}/photo?/upload`, photoForm(jpeg, 'x.jpg'), bakery)).status).toBe(404);
		expect((await post(`/pro/catalogue/${cheeseProduct}/photo?/remove`, new FormData(), bakery)).status).toBe(404);
		const after = (await (await get(base, `/api/v1/products/${cheeseProduct}`)).json()) as { imageUrl: string | null };
		expect(after.imageUrl).toBe(before.imageUrl);
	}, 60_000);

	it('serves only stored file names from /media', async () => {
		for (const path of ['/media/unknown.webp', '/media/..%2F..%2Fpackage.json', '/media/00000000-0000-4000-8000-000000000000-640.webp']) {
			expect((await get(base, path)).status).toBe(404);
		}
	});
});

describe('catalogue import', () => {
	const csvForm = (text: string, name = 'catalogue.csv') => {
		const form = new FormData();
		form.set('file', new Blob([new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])], { type: 'text/csv' }), name);
		return form;
	};

	it('checks a file, lists its problems by line and column, then applies a correct one', async () => {
		const bad = await post('/pro/catalogue/import?/check', csvForm('SKU;Produit;Prix TTC;TVA\nHTTP-1;Fougasse;abc;5,5\n'), bakery);
		expect(bad.status).toBe(303);
		const badPage = await get(base, bad.headers.get('location')!, bakery);
		const badHtml = await badPage.text();
		expect(badHtml).toMatch(/<td>2<\/td><td>Prix TTC<\/td><td>Prix invalide/);
		expect(badHtml).toContain('Rien n’a été modifié');

		const good = await post(
			'/pro/catalogue/import?/check',
			csvForm('SKU;Produit;Prix TTC;TVA;Stock\nHTTP-1;Fougasse aux olives;3,80;5,5;12\n'),
			bakery
		);
		const location = good.headers.get('location')!;
		expect(location).toMatch(/^\/pro\/catalogue\/import\/[0-9a-f-]{36}$/);
		// Another shop's import id: not found, and it cannot be applied.
		expect((await get(base, location, cheese)).status).toBe(404);
		expect((await post(`${location}?/apply`, new FormData(), cheese)).status).toBe(404);
		const applied = await post(`${location}?/apply`, new FormData(), bakery);
		expect(applied.status).toBe(200);
		expect(await applied.text()).toContain('Import terminé : 1 variante(s) créée(s), 0 mise(s) à jour.');
		const replay = await post(`${location}?/apply`, new FormData(), bakery);
		expect(replay.status).toBe(409);

		const csv = await get(base, '/pro/catalogue/export.csv', bakery);
		expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer());
		expect(text.charCodeAt(0)).toBe(0xfeff);
		expect(text).toContain('HTTP-1;Fougasse aux olives;Unité;;pièce;3,8;5,5;12;suivi');
		expect((await get(base, '/pro/catalogue/export.csv', cheese).then((r) => r.text())).includes('HTTP-1')).toBe(false);
		const xlsx = await get(base, '/pro/catalogue/export.xlsx', bakery);
		expect(xlsx.status).toBe(200);
		expect([...new Uint8Array(await xlsx.arrayBuffer()).subarray(0, 2)]).toEqual([0x50, 0x4b]);
	}, 60_000);

	it('refuses a file with missing columns with one message and no stored import', async () => {
		const r = await post('/pro/catalogue/import?/check', csvForm('Nom;Prix\nPain;3\n'), bakery);
		expect(r.status).toBe(400);
		expect(await r.text()).toContain('Colonnes obligatoires absentes : SKU, TVA.');
	});
});
