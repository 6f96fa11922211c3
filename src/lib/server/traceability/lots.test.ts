import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { testDatabase } from '../../../../tests/setup/db.ts';
import { makeProduct, makeShop, makeSlot, makeTerritory } from '../../../../tests/setup/fixtures.ts';
import type { Database, Db } from '../db/client.ts';
import { auditLog, lots, user } from '../db/schema/index.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import { addToCart } from '../checkout/cart.ts';
import { checkout } from '../checkout/checkout.ts';
import { transitionOrder, type TransitionContext } from '../orders/transitions.ts';
import { loadLabels, recordPrintedLots } from '../labels/data.ts';
import { addLot } from './origin.ts';
import { correctLot, lotStates, ownLot, removeLot } from './lots.ts';

// Correcting and deleting lots (traceability/lots.ts) on the real database: validation, the code
// fixed once sold or printed, tenant isolation, and concurrent writers.

let database: Database;
let db: Db;
let territoryId: string;
let a: ShopScope;
let b: ShopScope;
let shopA: { id: string; territoryId: string };
let bread: { id: string; variantId: string };
let cake: { id: string; variantId: string };
let slotId: string;
const ctx: TransitionContext = {
	secret: 'test-secret-for-order-links-0123456789',
	origin: 'http://localhost:3000',
	locale: 'fr',
	timezone: 'Europe/Paris'
};

async function merchant(shopId: string): Promise<ShopScope> {
	const id = randomUUID();
	await db.insert(user).values({ id, name: 'Léa Marchand', email: `m-${id}@exemple.fr`, emailVerified: true });
	return { userId: id, territoryId, shopId, role: 'shop_owner' };
}

beforeAll(async () => {
	database = await testDatabase();
	db = database.db;
	territoryId = (await makeTerritory(db)).id;
	const shop = await makeShop(db, territoryId);
	shopA = shop;
	a = await merchant(shop.id);
	b = await merchant((await makeShop(db, territoryId)).id);
	const p1 = await makeProduct(db, shop, { name: 'Pain de seigle', stock: 50 });
	const p2 = await makeProduct(db, shop, { name: 'Fouace', stock: 50 });
	bread = { id: p1.product.id, variantId: p1.variant.id };
	cake = { id: p2.product.id, variantId: p2.variant.id };
	slotId = (await makeSlot(db, { shopId: shop.id }, { capacity: 50 })).id;
});
afterAll(async () => database?.close());

/** A customer orders one unit of the variant, through the real cart and checkout. */
async function order(variantId: string): Promise<string> {
	const cartId = await addToCart(db, { territoryId, cartId: null }, { variantId, quantity: 1 }, 'fr');
	const result = await checkout(
		db,
		{ territoryId, cartId, userId: null, idempotencyKey: randomUUID(), secret: ctx.secret, origin: ctx.origin, locale: 'fr' },
		{
			customer: { name: 'Claire Petit', email: `client-${randomUUID().slice(0, 6)}@exemple.fr`, phone: '06 12 34 56 78' },
			acceptTerms: true,
			fulfilments: [{ shopId: shopA.id, method: 'pickup', slotId }]
		}
	);
	return result.orders[0].id;
}

const lotRow = async (id: string) => (await db.select().from(lots).where(eq(lots.id, id)))[0];
const auditOf = async (lotId: string, action: string) =>
	(await db.select().from(auditLog).where(eq(auditLog.action, action))).filter((r) => r.data.lotId === lotId);
const form = async (productId: string, lotId: string, over: Record<string, string> = {}) => {
	const { lot } = await ownLot(db, a, productId, lotId);
	return {
		code: lot.code,
		producedOn: lot.producedOn ?? '',
		bestBefore: lot.bestBefore ?? '',
		quantity: lot.quantity === null ? '' : String(lot.quantity),
		note: lot.note ?? '',
		version: lot.version,
		...over
	};
};

async function fieldsOf(promise: Promise<unknown>): Promise<Record<string, string[]>> {
	const error = await promise.then(
		() => null,
		(e) => e
	);
	expect(error).toBeInstanceOf(InvalidInputError);
	return (error as InvalidInputError).fields;
}

describe('correcting a lot', () => {
	it('corrects code, dates, quantity and note of a lot never sold; one history row per change, none when nothing changed', async () => {
		const id = await addLot(db, a, bread.id, { code: 'SEI-01', producedOn: '2026-11-02', bestBefore: '2026-11-05', quantity: '20' });
		expect(
			await correctLot(db, a, bread.id, id, await form(bread.id, id, { code: 'SEI-02', bestBefore: '2026-11-06', note: 'Four 2' }))
		).toBe(true);
		const row = await lotRow(id);
		expect(row).toMatchObject({ code: 'SEI-02', producedOn: '2026-11-02', bestBefore: '2026-11-06', quantity: 20, note: 'Four 2' });
		const [corrected] = await auditOf(id, 'lot.corrected');
		expect(corrected.data).toMatchObject({
			productId: bread.id,
			code: 'SEI-02',
			changes: { code: ['SEI-01', 'SEI-02'], bestBefore: ['2026-11-05', '2026-11-06'], note: [null, 'Four 2'] }
		});
		expect(corrected.actorUserId).toBe(a.userId);

		// The same values again: nothing is written.
		expect(await correctLot(db, a, bread.id, id, await form(bread.id, id))).toBe(false);
		expect(await auditOf(id, 'lot.corrected')).toHaveLength(1);

		// Emptying a date (unknown after all) is a correction too.
		expect(await correctLot(db, a, bread.id, id, await form(bread.id, id, { producedOn: '' }))).toBe(true);
		expect((await lotRow(id)).producedOn).toBeNull();

		const { history } = await ownLot(db, a, bread.id, id);
		expect(history.map((h) => h.kind)).toEqual(['corrected', 'corrected', 'created']);
		expect(history[0].actor).toBe('Léa Marchand');
		expect(history[1].kind === 'corrected' && history[1].changes.map((c) => c.field)).toEqual(['code', 'bestBefore', 'note']);
		expect(history[2].kind === 'created' && history[2].code).toBe('SEI-01');
	});

	it('refuses bad dates, best-before before production, an empty or taken code, in French and English; nothing written', async () => {
		const id = await addLot(db, a, bread.id, { code: 'VAL-01', producedOn: '2026-11-02', bestBefore: '2026-11-05' });
		await addLot(db, a, bread.id, { code: 'VAL-02' });
		const before = await lotRow(id);

		let fields = await fieldsOf(correctLot(db, a, bread.id, id, await form(bread.id, id, { producedOn: '2026-02-30' })));
		expect(fields.producedOn.join(' ')).toMatch(/AAAA-MM-JJ/);
		fields = await fieldsOf(
			correctLot(db, a, bread.id, id, await form(bread.id, id, { bestBefore: 'demain' }), {
				locale: 'en'
			})
		);
		expect(fields.bestBefore.join(' ')).toMatch(/YYYY-MM-DD/);
		fields = await fieldsOf(correctLot(db, a, bread.id, id, await form(bread.id, id, { bestBefore: '2026-11-01' })));
		expect(fields.bestBefore.join(' ')).toMatch(/ne peut pas précéder la date de production/);
		fields = await fieldsOf(correctLot(db, a, bread.id, id, await form(bread.id, id, { bestBefore: '2026-11-01' }), { locale: 'en' }));
		expect(fields.bestBefore.join(' ')).toMatch(/best-before|production/i);
		fields = await fieldsOf(correctLot(db, a, bread.id, id, await form(bread.id, id, { code: '  ' })));
		expect(Object.keys(fields)).toEqual(['code']);
		fields = await fieldsOf(correctLot(db, a, bread.id, id, await form(bread.id, id, { quantity: '-3' })));
		expect(Object.keys(fields)).toEqual(['quantity']);
		const taken = await correctLot(db, a, bread.id, id, await form(bread.id, id, { code: 'VAL-02' })).catch((e) => e);
		expect(taken).toBeInstanceOf(InvalidInputError);
		expect(taken.status).toBe(409);
		expect(taken.fields.code.join(' ')).toMatch(/« VAL-02 » existe déjà/);
		expect(await lotRow(id)).toEqual(before);
		expect(await auditOf(id, 'lot.corrected')).toHaveLength(0);

		// Codes are unique per product: another product may use the same one.
		const other = await addLot(db, a, cake.id, { code: 'VAL-09' });
		expect(await correctLot(db, a, cake.id, other, await form(cake.id, other, { code: 'VAL-01' }))).toBe(true);
	});

	it("another shop's lot, another product's lot or a malformed id is not found; nothing written", async () => {
		const id = await addLot(db, a, bread.id, { code: 'TEN-01', bestBefore: '2026-12-01' });
		const values = await form(bread.id, id, { code: 'VOLE', bestBefore: '2027-01-01' });
		await expect(ownLot(db, b, bread.id, id)).rejects.toBeInstanceOf(NotFoundError);
		await expect(correctLot(db, b, bread.id, id, values)).rejects.toBeInstanceOf(NotFoundError);
		await expect(removeLot(db, b, bread.id, id)).rejects.toBeInstanceOf(NotFoundError);
		// Shop B's own product in the URL does not help either.
		const theirs = (await makeProduct(db, { id: b.shopId, territoryId }, { name: 'Brioche' })).product.id;
		await expect(correctLot(db, b, theirs, id, values)).rejects.toBeInstanceOf(NotFoundError);
		await expect(removeLot(db, b, theirs, id)).rejects.toBeInstanceOf(NotFoundError);
		expect((await lotStates(db, b, bread.id)).size).toBe(0);
		// The shop's own lot under another of its products, or ids that are not ids.
		await expect(correctLot(db, a, cake.id, id, values)).rejects.toBeInstanceOf(NotFoundError);
		await expect(removeLot(db, a, cake.id, id)).rejects.toBeInstanceOf(NotFoundError);
		await expect(correctLot(db, a, bread.id, 'not-a-lot', values)).rejects.toBeInstanceOf(NotFoundError);
		await expect(ownLot(db, a, 'x', id)).rejects.toBeInstanceOf(NotFoundError);
		expect(await lotRow(id)).toMatchObject({ code: 'TEN-01', bestBefore: '2026-12-01' });
		expect(await auditOf(id, 'lot.corrected')).toHaveLength(0);
	});
});

describe('sold and printed lots', () => {
	it('a lot sold on an order keeps its code and stays; its dates can be corrected; cancelled orders and older orders do not count', async () => {
		const older = await order(cake.variantId);
		const id = await addLot(db, a, cake.id, { code: 'FOU-01', producedOn: '2026-11-10', bestBefore: '2026-11-12' });
		// The order placed before the lot was recorded does not hold it.
		expect((await lotStates(db, a, cake.id)).get(id)).toEqual({ sold: false, printed: false });
		expect(older).toBeTruthy();

		const sale = await order(cake.variantId);
		expect((await lotStates(db, a, cake.id)).get(id)).toEqual({ sold: true, printed: false });
		const refused = await fieldsOf(correctLot(db, a, cake.id, id, await form(cake.id, id, { code: 'FOU-01B' })));
		expect(refused.code.join(' ')).toMatch(/déjà été vendu/);
		expect(await correctLot(db, a, cake.id, id, await form(cake.id, id, { bestBefore: '2026-11-13' }))).toBe(true);
		expect(await lotRow(id)).toMatchObject({ code: 'FOU-01', bestBefore: '2026-11-13' });
		const notDeleted = await removeLot(db, a, cake.id, id).catch((e) => e);
		expect(notDeleted).toBeInstanceOf(ConflictError);
		expect(notDeleted.messageKey).toBe('trace_error_lot_sold_delete');
		expect(await lotRow(id)).toBeTruthy();

		// The order is cancelled: nothing of the lot left the shop, it can go.
		await transitionOrder(db, a, sale, { to: 'cancelled', reason: 'Four en panne' }, ctx);
		expect((await lotStates(db, a, cake.id)).get(id)?.sold).toBe(false);
		await removeLot(db, a, cake.id, id);
		expect(await lotRow(id)).toBeUndefined();
		const [removed] = await auditOf(id, 'lot.removed');
		expect(removed.data).toMatchObject({ code: 'FOU-01', bestBefore: '2026-11-13' });
	});

	it('a lot printed on labels keeps its code but can still be deleted; a sheet printed after a rename is refused', async () => {
		const id = await addLot(db, a, bread.id, { code: 'ETQ-01', bestBefore: '2026-12-24' });
		const labels = await loadLabels(db, a, [{ productId: bread.id, quantity: 2, lotCode: 'ETQ-01' }]);
		await recordPrintedLots(db, a, labels);
		expect((await lotStates(db, a, bread.id)).get(id)).toEqual({ sold: false, printed: true });
		const fields = await fieldsOf(correctLot(db, a, bread.id, id, await form(bread.id, id, { code: 'ETQ-1' }), { locale: 'en' }));
		expect(fields.code.join(' ')).toMatch(/printed on labels/);
		expect(await correctLot(db, a, bread.id, id, await form(bread.id, id, { quantity: '12,5' }))).toBe(true);
		expect((await ownLot(db, a, bread.id, id)).history.map((h) => h.kind)).toEqual(['corrected', 'printed', 'created']);
		await removeLot(db, a, bread.id, id);
		expect(await lotRow(id)).toBeUndefined();

		// Labels read with the old code, the code corrected before they are recorded: nothing stale is printed.
		const next = await addLot(db, a, bread.id, { code: 'ETQ-02' });
		const stale = await loadLabels(db, a, [{ productId: bread.id, quantity: 1, lotCode: 'ETQ-02' }]);
		await correctLot(db, a, bread.id, next, await form(bread.id, next, { code: 'ETQ-2' }));
		await expect(recordPrintedLots(db, a, stale)).rejects.toBeInstanceOf(NotFoundError);
		expect((await lotStates(db, a, bread.id)).get(next)?.printed).toBe(false);
	});
});

describe('concurrent writers', () => {
	it('of corrections made from the same form, one is applied and the others are refused as stale', async () => {
		const id = await addLot(db, a, bread.id, { code: 'CON-01', bestBefore: '2026-11-20' });
		const base = await form(bread.id, id);
		const dates = ['2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24'];
		const results = await Promise.allSettled(dates.map((d) => correctLot(db, a, bread.id, id, { ...base, bestBefore: d })));
		const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [dates[i]] : []));
		expect(won).toHaveLength(1);
		for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConflictError);
		expect((await lotRow(id)).bestBefore).toBe(won[0]);
		expect(await auditOf(id, 'lot.corrected')).toHaveLength(1);
	});

	it('of lots renamed to the same code at once, exactly one gets it; the others get a field error', async () => {
		for (let round = 0; round < 3; round++) {
			const ids = [];
			for (let i = 0; i < 4; i++) ids.push(await addLot(db, a, cake.id, { code: `RAC-${round}-${i}` }));
			const forms = await Promise.all(ids.map((id) => form(cake.id, id, { code: `RAC-${round}` })));
			const results = await Promise.allSettled(ids.map((id, i) => correctLot(db, a, cake.id, id, forms[i])));
			expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
			for (const r of results)
				if (r.status === 'rejected') {
					expect(r.reason).toBeInstanceOf(InvalidInputError);
					expect(Object.keys(r.reason.fields)).toEqual(['code']);
				}
			expect(
				await db
					.select()
					.from(lots)
					.where(and(eq(lots.productId, cake.id), eq(lots.code, `RAC-${round}`)))
			).toHaveLength(1);
		}
	});

	it('a correction and a deletion at once: one order or the other, never half of each', async () => {
		for (let round = 0; round < 3; round++) {
			const id = await addLot(db, a, cake.id, { code: `DEL-${round}` });
			const values = await form(cake.id, id, { note: 'corrigé' });
			const [corrected, removed] = await Promise.allSettled([correctLot(db, a, cake.id, id, values), removeLot(db, a, cake.id, id)]);
			expect(removed.status).toBe('fulfilled');
			expect(await lotRow(id)).toBeUndefined();
			if (corrected.status === 'rejected') expect(corrected.reason).toBeInstanceOf(NotFoundError);
			else {
				// The correction went first: the deletion's ledger row keeps the corrected values.
				const [gone] = await auditOf(id, 'lot.removed');
				expect(gone.data.note).toBe('corrigé');
			}
		}
	});

	it('a label sheet and a rename at once: either the sheet is recorded and the code stays, or the rename wins and the sheet is refused', async () => {
		for (let round = 0; round < 3; round++) {
			const id = await addLot(db, a, bread.id, { code: `PRT-${round}` });
			const labels = await loadLabels(db, a, [{ productId: bread.id, quantity: 1, lotCode: `PRT-${round}` }]);
			const values = await form(bread.id, id, { code: `PRT-${round}-B` });
			const [printed, renamed] = await Promise.allSettled([recordPrintedLots(db, a, labels), correctLot(db, a, bread.id, id, values)]);
			expect([printed.status, renamed.status].sort()).toEqual(['fulfilled', 'rejected']);
			const code = (await lotRow(id)).code;
			if (printed.status === 'fulfilled') {
				expect(code).toBe(`PRT-${round}`);
				expect((renamed as PromiseRejectedResult).reason).toBeInstanceOf(InvalidInputError);
			} else {
				expect(code).toBe(`PRT-${round}-B`);
				expect(printed.reason).toBeInstanceOf(NotFoundError);
			}
		}
	});
});
