import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { extractText, getDocumentProxy } from 'unpdf';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { testDatabase } from '../../../../tests/setup/db.ts';
import { makeTerritory, makeShop, makeProduct, makeSlot, makeDeliveryZone } from '../../../../tests/setup/fixtures.ts';
import type { Database, Db } from '../db/client.ts';
import { invoices, invoiceCounters, orders, orderLines, outboxEmails, user, auditLog } from '../db/schema/index.ts';
import { addToCart } from '../checkout/cart.ts';
import { checkout } from '../checkout/checkout.ts';
import { orderAccessToken } from '../checkout/order-token.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import { transitionOrder, type TransitionContext } from '../orders/transitions.ts';
import { displayNumber, issueInvoice, parseDisplayNumber, splitDeliveryFee } from './issue.ts';
import { issueCreditNote, creditFormInput, type CreditContext } from './credit.ts';
import { customerDocument, documentsCsv, merchantDocument, monthDocuments, orderDocuments, sellerIdentity } from './queries.ts';
import { invoicePdf, FRANCHISE_MENTION } from './pdf.ts';
import { customerCreditNotePath, customerInvoicePath } from '../../order-links.ts';

let database: Database;
let db: Db;
let territoryId: string;
const SECRET = 'test-secret-for-order-links-0123456789';
const ctx: TransitionContext = { secret: SECRET, origin: 'http://localhost:3000', locale: 'fr', timezone: 'Europe/Paris' };
const credit: CreditContext = { secret: SECRET, origin: ctx.origin, locale: 'fr' };

beforeAll(async () => {
	database = await testDatabase();
	db = database.db;
	territoryId = (await makeTerritory(db)).id;
});
afterAll(async () => {
	await database.close();
});

const IDENTITY = {
	legalName: 'SARL Au Bon Pain',
	siret: '73282932000074',
	vatNumber: 'FR44732829320',
	email: 'contact@bonpain.fr',
	phone: '02 47 00 00 00'
};

async function merchant(shopId: string): Promise<ShopScope> {
	const id = randomUUID();
	await db.insert(user).values({ id, name: 'Marchand', email: `m-${id}@exemple.fr`, emailVerified: true });
	return { userId: id, territoryId, shopId, role: 'shop_owner' };
}

/** A shop selling bread (5.5 %) and wine (20 %), with a slot, a delivery zone and its merchant. */
async function world(identity: Partial<typeof IDENTITY> | null = IDENTITY, capacity = 200) {
	const shop = await makeShop(db, territoryId, identity ? { ...IDENTITY, ...identity } : {});
	const bread = await makeProduct(db, shop, { name: 'Pain de campagne', priceCents: 350, stock: 10_000 });
	const wine = await makeProduct(db, shop, { name: 'Vouvray', priceCents: 1290, stock: 10_000, vatRateBps: 2000 });
	const cheese = await makeProduct(db, shop, { name: 'Sainte-Maure', unit: 'kg', priceCents: 2800, stock: 10_000 });
	const slot = await makeSlot(db, { shopId: shop.id }, { capacity });
	const deliverySlot = await makeSlot(db, { shopId: shop.id, kind: 'delivery' }, { capacity });
	await makeDeliveryZone(db, shop.id, { feeCents: 450 });
	return { shop, bread, wine, cheese, slot, deliverySlot, scope: await merchant(shop.id) };
}
type World = Awaited<ReturnType<typeof world>>;

async function placeOrder(w: World, items: [{ variant: { id: string } }, number][], delivery = false) {
	let cartId: string | null = null;
	for (const [p, quantity] of items) cartId = await addToCart(db, { territoryId, cartId }, { variantId: p.variant.id, quantity }, 'fr');
	const result = await checkout(
		db,
		{ territoryId, cartId: cartId!, userId: null, idempotencyKey: randomUUID(), secret: SECRET, origin: ctx.origin, locale: 'fr' },
		{
			customer: { name: 'Claire Petit', email: `client-${randomUUID().slice(0, 6)}@exemple.fr`, phone: '06 12 34 56 78' },
			acceptTerms: true,
			fulfilments: [
				delivery
					? {
							shopId: w.shop.id,
							method: 'delivery',
							slotId: w.deliverySlot.id,
							address: { line1: '3 rue des Lilas', postcode: '37000', city: 'Bourg-Test' }
						}
					: { shopId: w.shop.id, method: 'pickup', slotId: w.slot.id }
			]
		}
	);
	return result.orders[0].id;
}

/** Walks the order to `ready` through the state machine. */
async function ready(w: World, orderId: string) {
	for (const to of ['accepted', 'preparing', 'ready'] as const) await transitionOrder(db, w.scope, orderId, { to }, ctx);
}
const complete = (w: World, orderId: string) => transitionOrder(db, w.scope, orderId, { to: 'completed' }, ctx);
const invoiceOf = async (orderId: string) =>
	(
		await db
			.select()
			.from(invoices)
			.where(and(eq(invoices.orderId, orderId), eq(invoices.kind, 'invoice')))
	)[0];

async function pdfText(bytes: Buffer) {
	const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
	return text.replace(/\s+/g, ' ');
}

describe('invoices', () => {
	it('are issued when the order is completed, with every line, its VAT and the totals per rate', async () => {
		const w = await world();
		const orderId = await placeOrder(w, [
			[w.bread, 3],
			[w.wine, 2],
			[w.cheese, 1]
		]);
		await ready(w, orderId);
		expect(await invoiceOf(orderId)).toBeUndefined();
		// Preparation weighed the cheese (0.35 kg → 9.80 €) and removed the wine (unavailable).
		const lines = await db.select().from(orderLines).where(eq(orderLines.orderId, orderId));
		const cheese = lines.find((l) => l.productName === 'Sainte-Maure')!;
		const wine = lines.find((l) => l.productName === 'Vouvray')!;
		await db.update(orderLines).set({ weighedQuantity: 0.35, totalCents: 980 }).where(eq(orderLines.id, cheese.id));
		await db.update(orderLines).set({ removedAt: new Date() }).where(eq(orderLines.id, wine.id));
		await complete(w, orderId);

		const invoice = await invoiceOf(orderId);
		expect(invoice.number).toBe(1);
		expect(displayNumber(invoice)).toMatch(/^F20\d\d-000001$/);
		expect(invoice.seller).toMatchObject({
			legalName: 'SARL Au Bon Pain',
			siret: IDENTITY.siret,
			vatNumber: IDENTITY.vatNumber,
			address: '1 rue du Test'
		});
		expect(invoice.customer.name).toBe('Claire Petit');
		expect(invoice.lines.map((l) => [l.description.split(' — ')[0], l.quantity, l.totalCents, l.vatRateBps])).toEqual([
			['Pain de campagne', 3, 1050, 550],
			['Sainte-Maure', 0.35, 980, 550]
		]);
		for (const l of invoice.lines) expect(l.totalExclCents + l.vatCents).toBe(l.totalCents);
		// 20.30 € at 5.5 %: excl. = round(2030 / 1.055) = 1924, VAT 106 (per line: 995 + 55, 929 + 51).
		expect(invoice.vat).toEqual([{ rateBps: 550, baseCents: 1924, vatCents: 106, totalCents: 2030 }]);
		expect([invoice.totalExclCents, invoice.totalVatCents, invoice.totalCents]).toEqual([1924, 106, 2030]);
		expect(invoice.soldAt.getTime()).toBe(invoice.issuedAt.getTime());

		// A later change of the shop's identity does not rewrite the issued invoice.
		const { shops } = await import('../db/schema/index.ts');
		await db.update(shops).set({ legalName: 'SAS Autre Nom', address: '9 avenue Nouvelle' }).where(eq(shops.id, w.shop.id));
		const again = await merchantDocument(db, w.scope, orderId, 'invoice');
		expect(again.seller.legalName).toBe('SARL Au Bon Pain');
	});

	it('bill the delivery fee at the goods’ rates, in proportion, and the PDF carries every legal mention', async () => {
		const w = await world();
		const orderId = await placeOrder(
			w,
			[
				[w.bread, 2],
				[w.wine, 1]
			],
			true
		);
		await ready(w, orderId);
		await complete(w, orderId);
		const doc = await merchantDocument(db, w.scope, orderId, 'invoice');
		// Goods: 7.00 € at 5.5 %, 12.90 € at 20 %; the 4.50 € fee splits 1.58 / 2.92.
		expect(doc.lines.filter((l) => l.key.startsWith('delivery-')).map((l) => [l.vatRateBps, l.totalCents])).toEqual([
			[550, 158],
			[2000, 292]
		]);
		expect(doc.totalCents).toBe(700 + 1290 + 450);
		const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
		expect(doc.totalCents).toBe(order.totalCents);
		const sum = (rate: number, f: 'totalExclCents' | 'vatCents') =>
			doc.lines.filter((l) => l.vatRateBps === rate).reduce((a, l) => a + l[f], 0);
		expect(doc.vat).toEqual([
			{ rateBps: 550, baseCents: sum(550, 'totalExclCents'), vatCents: sum(550, 'vatCents'), totalCents: 858 },
			{ rateBps: 2000, baseCents: sum(2000, 'totalExclCents'), vatCents: sum(2000, 'vatCents'), totalCents: 1582 }
		]);

		const text = await pdfText(await invoicePdf(doc));
		const number = displayNumber(doc);
		for (const mention of [
			'FACTURE',
			`N° ${number}`,
			'SARL Au Bon Pain',
			'1 rue du Test',
			'37000 Bourg-Test',
			`SIRET : ${IDENTITY.siret}`,
			`N° TVA intracommunautaire : ${IDENTITY.vatNumber}`,
			'Date d’émission',
			'Date de la vente',
			'Claire Petit',
			'3 rue des Lilas, 37000 Bourg-Test',
			'Pain de campagne',
			'Vouvray',
			'Frais de livraison',
			'PU HT',
			'PU TTC',
			'5,5 %',
			'20 %',
			'3,50 €',
			'3,32 €', // bread excl. VAT: round(350 / 1.055)
			'12,90 €',
			'10,75 €',
			`Total HT ${money(doc.totalExclCents)}`,
			`Total TVA ${money(doc.totalVatCents)}`,
			'Total TTC 24,40 €'
		])
			expect(text).toContain(mention);
		expect(text).not.toContain(FRANCHISE_MENTION);
	});

	it('say “TVA non applicable, art. 293 B du CGI” and charge no VAT when the shop has no VAT number', async () => {
		const w = await world({ vatNumber: '' });
		const orderId = await placeOrder(w, [[w.wine, 1]]);
		await ready(w, orderId);
		await complete(w, orderId);
		const doc = await merchantDocument(db, w.scope, orderId, 'invoice');
		expect([doc.totalExclCents, doc.totalVatCents, doc.totalCents, doc.vat]).toEqual([1290, 0, 1290, []]);
		const text = await pdfText(await invoicePdf(doc));
		expect(text).toContain(FRANCHISE_MENTION);
		expect(text).toContain('Total TTC 12,90 €');
		expect(text).not.toContain('N° TVA intracommunautaire');
		// The invoices page warns the merchant, who may simply have forgotten the number.
		expect(await sellerIdentity(db, w.scope)).toMatchObject({ vatNumber: null, siret: IDENTITY.siret });
	});

	it('100 concurrent completions of 100 orders of one shop: numbers 1..100, no gap, no duplicate', async () => {
		const w = await world(IDENTITY, 500);
		const ids: string[] = [];
		for (let i = 0; i < 100; i++) ids.push(await placeOrder(w, [[w.bread, 1]]));
		// Straight to `ready` (the walk itself is the state machine's test).
		await db.update(orders).set({ status: 'ready' }).where(inArray(orders.id, ids));
		const results = await Promise.allSettled(ids.map((id) => complete(w, id)));
		expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
		const rows = await db
			.select({ number: invoices.number, orderId: invoices.orderId })
			.from(invoices)
			.where(eq(invoices.shopId, w.shop.id))
			.orderBy(asc(invoices.number));
		expect(rows.map((r) => r.number)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
		expect(new Set(rows.map((r) => r.orderId)).size).toBe(100);
		const [counter] = await db.select().from(invoiceCounters).where(eq(invoiceCounters.shopId, w.shop.id));
		expect(counter.lastNumber).toBe(100);
	}, 120_000);

	it('concurrent completions of one order issue one invoice; a rolled-back issue leaves no gap', async () => {
		const w = await world();
		const orderId = await placeOrder(w, [[w.bread, 1]]);
		await ready(w, orderId);
		const results = await Promise.allSettled(Array.from({ length: 10 }, () => complete(w, orderId)));
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		expect(await db.$count(invoices, eq(invoices.orderId, orderId))).toBe(1);
		// Issuing again is idempotent.
		expect((await issueInvoice(db, orderId)).number).toBe(1);

		// A transaction that takes number 2 and then fails gives it back.
		const other = await placeOrder(w, [[w.bread, 1]]);
		await expect(
			db.transaction(async (tx) => {
				await issueInvoice(tx, other);
				throw new Error('boom');
			})
		).rejects.toThrow('boom');
		expect(await invoiceOf(other)).toBeUndefined();
		await ready(w, other);
		await complete(w, other);
		expect((await invoiceOf(other)).number).toBe(2);
	});

	it('are readable by the customer with the order link’s secret only', async () => {
		const w = await world();
		const orderId = await placeOrder(w, [[w.bread, 1]]);
		await ready(w, orderId);
		await complete(w, orderId);
		const token = orderAccessToken(SECRET, orderId);
		expect((await customerDocument(db, orderId, token, 'invoice')).number).toBe(1);
		for (const bad of ['', 'x', orderAccessToken(SECRET, randomUUID())])
			await expect(customerDocument(db, orderId, bad, 'invoice')).rejects.toBeInstanceOf(NotFoundError);
		await expect(customerDocument(db, orderId, token, 'invoice', null, randomUUID())).rejects.toBeInstanceOf(NotFoundError);
		await expect(customerDocument(db, 'not-a-uuid', token, 'invoice')).rejects.toBeInstanceOf(NotFoundError);
		const stranger = await world();
		await expect(merchantDocument(db, stranger.scope, orderId, 'invoice')).rejects.toBeInstanceOf(NotFoundError);
	});

	it('reach the customer by email when the order is completed, by the order page’s own link', async () => {
		const w = await world();
		const orderId = await placeOrder(w, [[w.bread, 2]]);
		await ready(w, orderId);
		await complete(w, orderId);
		const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
		const number = displayNumber(await invoiceOf(orderId));
		const mails = await db
			.select()
			.from(outboxEmails)
			.where(and(eq(outboxEmails.toAddress, order.customerEmail), eq(outboxEmails.kind, 'order_completed')));
		expect(mails).toHaveLength(1);
		expect(mails[0].subject).toBe(`Votre facture de la commande n° ${order.number} chez ${w.shop.name}`);
		expect(mails[0].dedupeKey).toBe(`order:${orderId}:completed`);
		const link = `${ctx.origin}${customerInvoicePath(orderId, orderAccessToken(SECRET, orderId))}`;
		expect(mails[0].text).toContain(`Télécharger votre facture ${number} (PDF) :\n${link}\n`);
		// The link opens this invoice, with the secret it carries.
		const url = new URL(/https?:\/\/\S+\/facture\.pdf\?t=\S+/.exec(mails[0].text)![0]);
		expect(url.pathname).toBe(`/commandes/${orderId}/facture.pdf`);
		expect(displayNumber(await customerDocument(db, orderId, url.searchParams.get('t')!, 'invoice'))).toBe(number);
	});
});

const money = (cents: number) =>
	`${String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${String(cents % 100).padStart(2, '0')} €`;

describe('credit notes', () => {
	async function completed(
		w: World,
		items: [{ variant: { id: string } }, number][] = [
			[w.bread, 4],
			[w.wine, 1]
		]
	) {
		const orderId = await placeOrder(w, items);
		await ready(w, orderId);
		await complete(w, orderId);
		const invoice = await invoiceOf(orderId);
		const key = (name: string) => invoice.lines.find((l) => l.description.startsWith(name))!.key;
		return { orderId, invoice, bread: key('Pain'), wine: key('Vouvray') };
	}

	it('credit part of a line, then the rest, adding up exactly to the invoice; numbered AV…1, 2; the customer is emailed', async () => {
		const w = await world();
		const o = await completed(w);
		const first = await issueCreditNote(db, w.scope, o.orderId, { reason: 'Pain rassis', lines: { [o.bread]: '1' } }, credit);
		expect(first.replayed).toBe(false);
		expect(first.creditNote.number).toBe(1);
		expect(displayNumber(first.creditNote)).toMatch(/^AV20\d\d-000001$/);
		expect(first.creditNote.lines).toMatchObject([{ key: o.bread, quantity: 1, totalCents: 350, vatRateBps: 550 }]);
		expect([first.creditNote.totalExclCents, first.creditNote.totalVatCents, first.creditNote.totalCents]).toEqual([332, 18, 350]);
		const rest = await issueCreditNote(db, w.scope, o.orderId, { reason: 'Tout le reste', all: 'on' }, credit);
		expect(rest.creditNote.number).toBe(2);
		expect(rest.creditNote.lines.map((l) => [l.key, l.quantity, l.totalCents])).toEqual([
			[o.bread, 3, 1050],
			[o.wine, 1, 1290]
		]);
		const notes = [first.creditNote, rest.creditNote];
		const credited = (f: 'totalCents' | 'totalVatCents' | 'totalExclCents') => notes.reduce((a, n) => a + n[f], 0);
		expect([credited('totalCents'), credited('totalVatCents'), credited('totalExclCents')]).toEqual([
			o.invoice.totalCents,
			o.invoice.totalVatCents,
			o.invoice.totalExclCents
		]);
		await expect(issueCreditNote(db, w.scope, o.orderId, { reason: 'Encore', all: true }, credit)).rejects.toMatchObject({
			status: 409,
			messageKey: 'invoices_error_fully_credited'
		});
		const [order] = await db.select().from(orders).where(eq(orders.id, o.orderId));
		const mails = await db
			.select()
			.from(outboxEmails)
			.where(and(eq(outboxEmails.toAddress, order.customerEmail), eq(outboxEmails.kind, 'credit_note')));
		expect(mails).toHaveLength(2);
		expect(mails[0].subject).toContain(`commande n° ${order.number}`);
		expect(mails.map((m) => m.text).join()).toContain('Motif : Pain rassis');
		expect(mails[0].text).toContain(`${ctx.origin}/commandes/${o.orderId}?t=`);
		// Each email links to its own credit note's PDF, as the order page does.
		const token = orderAccessToken(SECRET, o.orderId);
		for (const note of notes)
			expect(mails.map((m) => m.text).join()).toContain(
				`Télécharger l’avoir ${displayNumber(note)} (PDF) :\n${ctx.origin}${customerCreditNotePath(o.orderId, displayNumber(note), token)}\n`
			);
		expect(await db.$count(auditLog, eq(auditLog.action, 'invoice.credit_note'))).toBeGreaterThanOrEqual(2);

		const docs = await orderDocuments(db, o.orderId);
		expect(docs.creditNotes.map((n) => n.number)).toEqual(notes.map((n) => displayNumber(n)));
		expect(docs.remaining.every((r) => r.remaining === 0)).toBe(true);

		// The PDF of a credit note names the invoice it credits, the reason and the amount.
		const doc = await merchantDocument(db, w.scope, o.orderId, 'credit_note', displayNumber(first.creditNote));
		const text = await pdfText(await invoicePdf(doc));
		for (const mention of [
			'AVOIR',
			displayNumber(first.creditNote),
			`Avoir sur la facture ${displayNumber(o.invoice)}`,
			'Motif : Pain rassis',
			'Total de l’avoir TTC 3,50 €',
			`SIRET : ${IDENTITY.siret}`
		])
			expect(text).toContain(mention);
		const wrongYear = displayNumber(first.creditNote).replace(/AV(\d{4})/, (_, y) => `AV${Number(y) - 1}`);
		await expect(merchantDocument(db, w.scope, o.orderId, 'credit_note', wrongYear)).rejects.toBeInstanceOf(NotFoundError);
		expect((await merchantDocument(db, w.scope, o.orderId, 'credit_note', '1')).id).toBe(first.creditNote.id);
		expect(parseDisplayNumber(displayNumber(first.creditNote), 'credit_note')).toBe(1);
		expect(parseDisplayNumber('F2026-000001', 'credit_note')).toBeNull();
	});

	it('refuse more than invoiced, negative, malformed or empty quantities, and no reason, with field errors, writing nothing', async () => {
		const w = await world();
		const o = await completed(w);
		const refused = async (input: unknown, field: string, text: string, locale: 'fr' | 'en' = 'fr') => {
			const attempt = issueCreditNote(db, w.scope, o.orderId, input, { ...credit, locale });
			await expect(attempt).rejects.toBeInstanceOf(InvalidInputError);
			const error = (await attempt.catch((e) => e)) as InvalidInputError;
			expect(Object.keys(error.fields)).toContain(field);
			expect(error.fields[field].join(' ')).toContain(text);
		};
		await refused({ reason: 'x', lines: { [o.bread]: '5' } }, `lines.${o.bread}`, 'Au plus 4');
		await refused({ reason: 'x', lines: { [o.bread]: '4,001' } }, `lines.${o.bread}`, 'Au plus 4');
		await refused({ reason: 'x', lines: { [o.bread]: '5' } }, `lines.${o.bread}`, 'At most 4', 'en');
		await refused({ reason: 'x', lines: { [o.bread]: '-1' } }, `lines.${o.bread}`, 'négative');
		await refused({ reason: 'x', lines: { [o.bread]: 'deux' } }, `lines.${o.bread}`, 'Indiquez une quantité');
		await refused({ reason: 'x', lines: { [o.bread]: '1.0001' } }, `lines.${o.bread}`, '3 décimales');
		await refused({ reason: 'x', lines: { [o.bread]: 'Infinity' } }, `lines.${o.bread}`, 'Indiquez une quantité');
		await refused({ reason: 'x', lines: { [o.bread]: '0' } }, 'lines', 'au moins une quantité');
		await refused({ reason: 'x', lines: {} }, 'lines', 'au moins une quantité');
		const unknown = randomUUID();
		await refused({ reason: 'x', lines: { [unknown]: '1' } }, `lines.${unknown}`, 'ne figure pas');
		await refused({ reason: '   ', lines: { [o.bread]: '1' } }, 'reason', 'motif');
		await refused({ lines: { [o.bread]: '1' } }, 'reason', 'motif');
		await refused({ reason: 'x'.repeat(501), all: true }, 'reason', '500');
		for (const bad of [null, 'tout', 42, [], { reason: 'x', lines: 'all' }, { reason: 'x', lines: { [o.bread]: { q: 1 } } }])
			await expect(issueCreditNote(db, w.scope, o.orderId, bad, credit)).rejects.toBeInstanceOf(InvalidInputError);
		expect(await db.$count(invoices, and(eq(invoices.orderId, o.orderId), eq(invoices.kind, 'credit_note')))).toBe(0);
		// Nothing was numbered: the next credit note of the shop is number 1.
		expect((await issueCreditNote(db, w.scope, o.orderId, { reason: 'ok', lines: { [o.wine]: 1 } }, credit)).creditNote.number).toBe(1);
	});

	it('refuse another shop’s order (404), an order not completed (409), and replay a form token once', async () => {
		const w = await world();
		const o = await completed(w);
		const stranger = await world();
		await expect(issueCreditNote(db, stranger.scope, o.orderId, { reason: 'x', all: true }, credit)).rejects.toBeInstanceOf(NotFoundError);
		await expect(issueCreditNote(db, w.scope, randomUUID(), { reason: 'x', all: true }, credit)).rejects.toBeInstanceOf(NotFoundError);
		await expect(issueCreditNote(db, w.scope, 'nope', { reason: 'x', all: true }, credit)).rejects.toBeInstanceOf(NotFoundError);
		const open = await placeOrder(w, [[w.bread, 1]]);
		await expect(issueCreditNote(db, w.scope, open, { reason: 'x', all: true }, credit)).rejects.toMatchObject({
			status: 409,
			messageKey: 'invoices_error_no_invoice'
		});

		const token = randomUUID();
		const input = creditFormInput({ reason: 'Casse', token, [`q_${o.wine}`]: '1', [`q_${o.bread}`]: '' });
		const results = await Promise.all(Array.from({ length: 5 }, () => issueCreditNote(db, w.scope, o.orderId, input, credit)));
		expect(new Set(results.map((r) => r.creditNote.id)).size).toBe(1);
		expect(results.filter((r) => !r.replayed)).toHaveLength(1);
		expect(await db.$count(invoices, and(eq(invoices.orderId, o.orderId), eq(invoices.kind, 'credit_note')))).toBe(1);
		// The same token on another order is refused.
		const o2 = await completed(w);
		await expect(issueCreditNote(db, w.scope, o2.orderId, input, credit)).rejects.toBeInstanceOf(ConflictError);
		expect(await db.$count(outboxEmails, eq(outboxEmails.kind, 'credit_note'))).toBeGreaterThanOrEqual(1);
	});

	it('two concurrent credit notes for more than half each: one passes, the other is refused', async () => {
		const w = await world();
		const o = await completed(w);
		const attempts = await Promise.allSettled(
			Array.from({ length: 6 }, (_, i) => issueCreditNote(db, w.scope, o.orderId, { reason: `r${i}`, lines: { [o.bread]: 3 } }, credit))
		);
		expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
		for (const a of attempts) if (a.status === 'rejected') expect(a.reason).toBeInstanceOf(InvalidInputError);
		const all = await Promise.allSettled(
			Array.from({ length: 6 }, () => issueCreditNote(db, w.scope, o.orderId, { reason: 'tout', all: true }, credit))
		);
		expect(all.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
		const notes = await db
			.select()
			.from(invoices)
			.where(and(eq(invoices.orderId, o.orderId), eq(invoices.kind, 'credit_note')));
		expect(notes.map((n) => n.number).sort()).toEqual([1, 2]);
		expect(notes.reduce((a, n) => a + n.totalCents, 0)).toBe(o.invoice.totalCents);
	});
});

describe('the monthly list and the accountant’s export', () => {
	it('lists the month’s invoices and credit notes and exports them per VAT rate, credit notes negative', async () => {
		const w = await world();
		const orderId = await placeOrder(w, [
			[w.bread, 2],
			[w.wine, 1]
		]);
		await ready(w, orderId);
		await complete(w, orderId);
		await issueCreditNote(db, w.scope, orderId, { reason: 'Geste', all: true }, credit);
		const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' }).format(new Date());
		const docs = await monthDocuments(db, w.scope, month);
		expect(docs.map((d) => d.kind).sort()).toEqual(['credit_note', 'invoice']);
		expect(await monthDocuments(db, w.scope, '2001-01')).toEqual([]);
		expect(await monthDocuments(db, (await world()).scope, month)).toEqual([]);
		const csv = documentsCsv(docs);
		expect(csv.startsWith('\uFEFFType;Numéro;')).toBe(true);
		const rows = csv.trim().split('\r\n');
		expect(rows).toHaveLength(1 + 4);
		expect(rows.some((r) => r.startsWith('Facture;') && r.endsWith(';5,5;6,64;0,36;7,00'))).toBe(true);
		expect(rows.some((r) => r.startsWith('Avoir;') && r.endsWith(';20;-10,75;-2,15;-12,90'))).toBe(true);
		expect(documentsCsv([{ ...docs[0], customerName: '=HYPERLINK("x")' }])).toContain(`'=HYPERLINK`);
	});
});

describe('splitting the delivery fee', () => {
	it('adds up to the fee, in proportion, whatever the goods', () => {
		expect(splitDeliveryFee(0, [{ vatRateBps: 550, totalCents: 100 }])).toEqual([]);
		expect(splitDeliveryFee(300, [])).toEqual([{ rateBps: 2000, cents: 300 }]);
		expect(
			splitDeliveryFee(100, [
				{ vatRateBps: 550, totalCents: 1 },
				{ vatRateBps: 2000, totalCents: 1 },
				{ vatRateBps: 1000, totalCents: 1 }
			]).reduce((a, s) => a + s.cents, 0)
		).toBe(100);
	});
});
