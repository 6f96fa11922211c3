import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { extractText, getDocumentProxy } from 'unpdf';
import { startServer, type RunningServer } from '../setup/server.ts';
import { signInCookie, get } from './session.ts';

// Invoices over HTTP, against the built server: an order bought through the API and completed on
// the merchant's board gets its invoice; the merchant and the customer (with their link's secret)
// download it; credit notes are issued from the order's page; nobody else sees any of it.

let server: RunningServer;
let base: string;
let address = 1;

beforeAll(async () => {
	server = await startServer({ ADDRESS_HEADER: 'x-forwarded-for' });
	base = server.url;
}, 240_000);
afterAll(async () => {
	await server?.stop();
});

const json = async (r: Response) => (await r.json()) as Record<string, unknown>;
const localDay = (offsetDays = 0) =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(Date.now() + offsetDays * 86_400_000));

function api(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
	return fetch(base + path, {
		method,
		headers: { 'content-type': 'application/json', 'accept-language': 'fr', 'x-forwarded-for': `10.8.0.${address++}`, ...headers },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
}

/** A customer buys two of one item at the demo bakery through the public API. */
async function buyAtBakery() {
	const shops = (await json(await api('GET', '/api/v1/shops'))).items as { id: string; slug: string; trade: string }[];
	const bakery = shops.find((s) => s.trade === 'bakery')!;
	const slots = (
		(await json(await api('GET', `/api/v1/shops/${bakery.slug}/slots?from=${localDay()}&to=${localDay(6)}`))).items as {
			id: string;
			startsAt: string;
		}[]
	).filter((s) => Date.parse(s.startsAt) > Date.now() + 130 * 60_000);
	const products = (await json(await api('GET', `/api/v1/products?shop=${bakery.slug}&limit=50`))).items as {
		id: string;
		unit: string;
		available: boolean;
	}[];
	let variantId: string | undefined;
	for (const p of products.filter((p) => p.available && p.unit !== 'kg')) {
		const variants = (await json(await api('GET', `/api/v1/products/${p.id}`))).variants as {
			id: string;
			stockMode: string;
			stock: number | null;
		}[];
		variantId = variants.find((v) => v.stockMode !== 'tracked' || (v.stock ?? 0) >= 3)?.id;
		if (variantId) break;
	}
	const cart = (await json(await api('POST', '/api/v1/carts'))).id as string;
	expect((await api('POST', `/api/v1/carts/${cart}/items`, { variantId, quantity: 2 })).status).toBe(201);
	const placed = await api(
		'POST',
		`/api/v1/carts/${cart}/checkout`,
		{
			customer: { name: 'Camille Durand', email: `facture-${randomUUID().slice(0, 8)}@exemple.fr`, phone: '06 12 34 56 78' },
			acceptTerms: true,
			fulfilments: [{ shopId: bakery.id, method: 'pickup', slotId: slots[0].id }],
			payment: { method: 'on_site' }
		},
		{ 'idempotency-key': randomUUID() }
	);
	const body = await json(placed);
	expect(placed.status, JSON.stringify(body)).toBe(201);
	return (body.orders as { id: string; number: number; accessToken: string }[])[0];
}

/** A browser's form post (no JavaScript): asks for HTML, sends its Origin. */
function post(path: string, cookie: string, fields: Record<string, string>) {
	return fetch(base + path, {
		method: 'POST',
		redirect: 'manual',
		headers: { accept: 'text/html', cookie, origin: base, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields)
	});
}

async function complete(cookie: string, orderId: string) {
	let from = 'new';
	for (const to of ['accepted', 'preparing', 'ready', 'completed']) {
		const r = await post('/pro/commandes?/move', cookie, { orderId, from, to });
		expect(r.status, await r.clone().text()).toBe(303);
		from = to;
	}
}

/** The link of an email to this order's customer, as the operator's outbox page shows it (no SMTP in these tests). */
async function emailedLink(path: RegExp) {
	const operator = await signInCookie(base, 'operateur@saint-aubin.demo');
	const outbox = await (await get(base, '/admin/e-mails', operator)).text();
	const link = new RegExp(`${base}${path.source}`).exec(outbox)?.[0];
	expect(link, 'link in the outbox').toBeDefined();
	return link!;
}

async function pdfText(r: Response) {
	expect(r.status).toBe(200);
	expect(r.headers.get('content-type')).toBe('application/pdf');
	const { text } = await extractText(await getDocumentProxy(new Uint8Array(await r.arrayBuffer())), { mergePages: true });
	return text.replace(/\s+/g, ' ');
}

describe('invoices and credit notes over HTTP', () => {
	it('the merchant and the customer download the invoice; nobody else can', async () => {
		const merchant = await signInCookie(base, 'boulangerie@saint-aubin.demo');
		const order = await buyAtBakery();
		const invoicePath = `/pro/commandes/${order.id}/facture.pdf`;
		const customerPath = `/commandes/${order.id}/facture.pdf?t=${encodeURIComponent(order.accessToken)}`;
		// Not completed yet: no invoice.
		expect((await get(base, invoicePath, merchant)).status).toBe(404);
		expect((await get(base, customerPath)).status).toBe(404);
		await complete(merchant, order.id);

		const text = await pdfText(await get(base, invoicePath, merchant));
		for (const mention of [
			'FACTURE',
			"SARL Au Pain d'Antan",
			'SIRET',
			'N° TVA intracommunautaire',
			'Camille Durand',
			'Date de la vente',
			`Commande n° ${order.number}`,
			'Total TTC'
		])
			expect(text).toContain(mention);
		const number = /N° (F\d{4}-\d{6})/.exec(text)![1];
		expect((await get(base, invoicePath, merchant)).headers.get('content-disposition')).toContain(`facture-${number}.pdf`);
		expect(await pdfText(await get(base, customerPath))).toContain(number);

		// The customer's "handed over" email links to it; the link opens it over HTTP, without an account.
		const emailed = await emailedLink(new RegExp(`/commandes/${order.id}/facture\\.pdf\\?t=[\\w%-]+`));
		expect(emailed).toBe(`${base}${customerPath}`);
		expect(await pdfText(await fetch(emailed))).toContain(number);

		// The pages link to it.
		expect(await (await get(base, `/pro/commandes/${order.id}`, merchant)).text()).toContain(`href="${invoicePath}"`);
		const customerPage = await (await get(base, `/commandes/${order.id}?t=${encodeURIComponent(order.accessToken)}`)).text();
		expect(customerPage).toContain(`Facture ${number} (PDF)`);
		expect(customerPage).toContain(`/commandes/${order.id}/facture.pdf?t=`);

		// Without the right secret, from another shop, or signed out: nothing.
		const other = await buyAtBakery();
		for (const path of [
			`/commandes/${order.id}/facture.pdf`,
			`/commandes/${order.id}/facture.pdf?t=`,
			`/commandes/${order.id}/facture.pdf?t=faux`,
			`/commandes/${order.id}/facture.pdf?t=${encodeURIComponent(other.accessToken)}`,
			`/commandes/pas-un-id/facture.pdf?t=x`
		])
			expect((await get(base, path)).status, path).toBe(404);
		const pastry = await signInCookie(base, 'patisserie-les-delices-de-leonie@saint-aubin.demo');
		expect((await get(base, invoicePath, pastry)).status).toBe(404);
		expect((await get(base, `/pro/commandes/${randomUUID()}/facture.pdf`, merchant)).status).toBe(404);
		expect((await get(base, invoicePath)).status).toBe(303);
		const consumer = await signInCookie(base, 'client@saint-aubin.demo');
		expect((await get(base, invoicePath, consumer)).status).toBe(403);
	});

	it('credit notes: refused beyond what was invoiced, issued once per form, downloadable, listed and exported', async () => {
		const merchant = await signInCookie(base, 'boulangerie@saint-aubin.demo');
		const order = await buyAtBakery();
		await complete(merchant, order.id);
		const page = await (await get(base, `/pro/commandes/${order.id}`, merchant)).text();
		const field = /name="(q_[^"]+)"/.exec(page)![1];
		const token = /name="token" value="([^"]+)"/.exec(page)![1];
		const path = `/pro/commandes/${order.id}?/credit`;

		const tooMany = await post(path, merchant, { [field]: '3', reason: 'Pain brûlé', token });
		expect(tooMany.status).toBe(400);
		expect(await tooMany.text()).toContain('Au plus 2');
		const negative = await post(path, merchant, { [field]: '-1', reason: 'Pain brûlé', token });
		expect(await negative.text()).toContain('ne peut pas être négative');
		const noReason = await post(path, merchant, { [field]: '1', reason: '', token });
		expect(noReason.status).toBe(400);
		expect(await noReason.text()).toContain('motif');
		const pastry = await signInCookie(base, 'patisserie-les-delices-de-leonie@saint-aubin.demo');
		expect((await post(path, pastry, { [field]: '1', reason: 'x', token: randomUUID() })).status).toBe(404);

		const done = await post(path, merchant, { [field]: '1', reason: 'Pain brûlé', token });
		expect(done.status).toBe(200);
		const doneHtml = await done.text();
		const credit = /Avoir (AV\d{4}-\d{6}) établi/.exec(doneHtml)![1];
		// The same form posted again (a reload) issues nothing more.
		const replay = await post(path, merchant, { [field]: '1', reason: 'Pain brûlé', token });
		expect(await replay.text()).toContain(`L’avoir ${credit} avait déjà été établi`);

		const creditText = await pdfText(await get(base, `/pro/commandes/${order.id}/avoirs/${credit}.pdf`, merchant));
		for (const mention of ['AVOIR', credit, 'Motif : Pain brûlé', 'Avoir sur la facture F']) expect(creditText).toContain(mention);
		expect(
			await pdfText(await get(base, `/commandes/${order.id}/avoirs/${credit}.pdf?t=${encodeURIComponent(order.accessToken)}`))
		).toContain(credit);
		expect((await get(base, `/commandes/${order.id}/avoirs/${credit}.pdf`)).status).toBe(404);
		// The credit note's email links to its PDF the same way.
		const emailed = await emailedLink(new RegExp(`/commandes/${order.id}/avoirs/${credit}\\.pdf\\?t=[\\w%-]+`));
		expect(await pdfText(await fetch(emailed))).toContain(credit);
		expect((await get(base, `/pro/commandes/${order.id}/avoirs/${credit}.pdf`, pastry)).status).toBe(404);
		expect((await get(base, `/pro/commandes/${order.id}/avoirs/AV2020-999999.pdf`, merchant)).status).toBe(404);

		const list = await (await get(base, '/pro/factures', merchant)).text();
		expect(list).toContain(credit);
		expect(list).toMatch(/F\d{4}-\d{6}/);
		expect(list).not.toContain('Sans numéro de TVA');
		expect(await (await get(base, '/pro/factures?mois=2001-01', merchant)).text()).toContain('Aucune facture');
		expect((await get(base, '/pro/factures?mois=n%27importe', merchant)).status).toBe(200);
		const csv = await get(base, '/pro/factures/export.csv', merchant);
		expect(csv.headers.get('content-type')).toContain('text/csv');
		const bytes = new Uint8Array(await csv.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const body = new TextDecoder().decode(bytes);
		expect(body).toContain('Type;Numéro;');
		expect(body).toContain(`Avoir;${credit};`);
		// Another shop's list does not show them.
		expect(await (await get(base, '/pro/factures', pastry)).text()).not.toContain(credit);
	});
});
