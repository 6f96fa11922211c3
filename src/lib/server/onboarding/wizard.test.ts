import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { localStorage } from '../media/storage.ts';
import { and, eq } from 'drizzle-orm';
import { testDatabase } from '../../../../tests/setup/db.ts';
import { makeTerritory } from '../../../../tests/setup/fixtures.ts';
import type { Database, Db } from '../db/client.ts';
import { shops, memberships, outboxEmails, products, variants, user, territories, categories } from '../db/schema/index.ts';
import type { ShopScope, OperatorScope } from '../tenancy/guard.ts';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../errors.ts';
import {
	startShop,
	saveTrade,
	saveIdentity,
	saveAddress,
	saveHours,
	saveFulfilment,
	addStarterProducts,
	submitShop,
	shopForEdit,
	resumeStep,
	canOpenStep,
	addClosure,
	removeClosure
} from './wizard.ts';
import { approveShop, requestChanges, shopsAwaitingReview, shopForReview, setAutoApproval } from './review.ts';

let database: Database;
let db: Db;
let territoryId: string;
const ORIGIN = 'http://localhost:3000';
const fr = { locale: 'fr' as const };

beforeAll(async () => {
	database = await testDatabase();
	db = database.db;
	territoryId = (await makeTerritory(db)).id;
});
afterAll(async () => {
	await database.close();
});

async function makeUser(locale: 'fr' | 'en' = 'fr') {
	const id = randomUUID();
	await db.insert(user).values({ id, name: 'Léonie Martin', email: `${id.slice(0, 8)}@exemple.fr`, locale });
	return id;
}

async function newShop(name = 'Au Bon Pain', locale: 'fr' | 'en' = 'fr', inTerritory = territoryId) {
	const userId = await makeUser(locale);
	const shop = await startShop(db, { userId, territoryId: inTerritory, values: { name }, locale: 'fr' });
	const scope: ShopScope = { userId, territoryId: inTerritory, shopId: shop.id, role: 'shop_owner' };
	return { shop, scope, userId };
}

const identity = {
	name: 'Au Bon Pain',
	description: 'Pain au levain cuit au feu de bois.',
	phone: '02 47 12 34 56',
	email: 'contact@aubonpain.fr',
	legalName: 'SARL Au Bon Pain',
	siret: '732 829 320 00074',
	vatNumber: 'FR 44 732829320'
};

/** A shop taken through every step, ready to submit. */
async function completedShop(locale: 'fr' | 'en' = 'fr', inTerritory = territoryId) {
	const made = await newShop('Au Bon Pain', locale, inTerritory);
	const { scope } = made;
	await saveTrade(db, scope, { trade: 'bakery' }, { ...fr, advanceFrom: 'trade' });
	await saveIdentity(db, scope, identity, { ...fr, advanceFrom: 'identity' });
	await saveAddress(
		db,
		scope,
		{ address: '3 rue Nationale', postcode: '37000', city: 'Tours', latitude: '47,39', longitude: '0,69' },
		{ ...fr, advanceFrom: 'address' }
	);
	await saveHours(
		db,
		scope,
		{ d2_opens1: '07:00', d2_closes1: '13:00', d2_opens2: '15:30', d2_closes2: '19:30' },
		{ ...fr, advanceFrom: 'hours' }
	);
	await saveFulfilment(
		db,
		scope,
		{ offersPickup: 'on', slotMinutes: '30', leadMinutes: '60', slotCapacity: '5', minOrder: '0' },
		{ ...fr, advanceFrom: 'fulfilment' }
	);
	await addStarterProducts(db, scope, { pick: ['0', '1', '8'], price_0: '1,10', price_1: '1.35', price_8: '1,25' }, 'fr');
	return made;
}

const operator = (tid = territoryId): OperatorScope => ({ userId: 'op', territoryId: tid, role: 'operator' });

describe('starting a shop', () => {
	it('creates a draft shop and its owner together, with a unique slug', async () => {
		const a = await newShop('Fromagerie du Marché');
		const b = await newShop('Fromagerie du Marché');
		expect(a.shop.status).toBe('draft');
		expect(a.shop.onboardingStep).toBe('trade');
		expect(a.shop.slug).toBe('fromagerie-du-marche');
		expect(b.shop.slug).toBe('fromagerie-du-marche-2');
		const [member] = await db.select().from(memberships).where(eq(memberships.shopId, a.shop.id));
		expect(member).toMatchObject({ userId: a.userId, role: 'shop_owner', territoryId });
	});

	it('refuses an empty or huge name and writes nothing', async () => {
		const userId = await makeUser();
		for (const name of ['', ' ', 'x'.repeat(81)]) {
			await expect(startShop(db, { userId, territoryId, values: { name }, locale: 'fr' })).rejects.toBeInstanceOf(InvalidInputError);
		}
		expect(await db.select().from(memberships).where(eq(memberships.userId, userId))).toHaveLength(0);
	});
});

describe('wizard steps', () => {
	it('resumes at the furthest step reached, even after going back', async () => {
		const { scope } = await newShop();
		await saveTrade(db, scope, { trade: 'butcher' }, { ...fr, advanceFrom: 'trade' });
		await saveIdentity(db, scope, identity, { ...fr, advanceFrom: 'identity' });
		let { shop } = await shopForEdit(db, scope);
		expect(resumeStep(shop)).toBe('address');
		await saveTrade(db, scope, { trade: 'bakery' }, { ...fr, advanceFrom: 'trade' });
		({ shop } = await shopForEdit(db, scope));
		expect(shop.trade).toBe('bakery');
		expect(resumeStep(shop)).toBe('address');
		expect(canOpenStep(shop, 'identity')).toBe(true);
		expect(canOpenStep(shop, 'hours')).toBe(false);
	});

	it('refuses an unknown trade', async () => {
		const { scope } = await newShop();
		await expect(saveTrade(db, scope, { trade: 'casino' }, fr)).rejects.toBeInstanceOf(InvalidInputError);
	});

	it('names every bad identity field and writes nothing', async () => {
		const { scope } = await newShop();
		const error = await saveIdentity(
			db,
			scope,
			{ ...identity, name: '', phone: '12', email: 'non', siret: '73282932000075', vatNumber: 'FR00732829320' },
			fr
		).catch((e) => e);
		expect(error).toBeInstanceOf(InvalidInputError);
		expect(Object.keys(error.fields).sort()).toEqual(['email', 'name', 'phone', 'siret', 'vatNumber']);
		expect(error.fields.siret[0]).toContain('SIRET');
		const { shop } = await shopForEdit(db, scope);
		expect(shop.siret).toBeNull();
	});

	it('refuses a VAT number of another company than the SIRET', async () => {
		const { scope } = await newShop();
		const error = await saveIdentity(db, scope, { ...identity, siret: '44306184100047' }, fr).catch((e) => e);
		expect(error.fields.vatNumber[0]).toContain('SIRET');
	});

	it('stores normalised legal data for the owner, refuses it from staff', async () => {
		const { scope } = await newShop();
		const shop = await saveIdentity(db, scope, identity, fr);
		expect(shop.siret).toBe('73282932000074');
		expect(shop.vatNumber).toBe('FR44732829320');
		const staff: ShopScope = { ...scope, role: 'shop_staff' };
		await expect(saveIdentity(db, staff, { ...identity, legalName: 'Autre' }, fr)).rejects.toBeInstanceOf(ForbiddenError);
		const { name, description, phone } = identity;
		const updated = await saveIdentity(db, staff, { name, description, phone, email: 'equipe@aubonpain.fr' }, fr);
		expect(updated.email).toBe('equipe@aubonpain.fr');
		expect(updated.legalName).toBe('SARL Au Bon Pain');
	});

	it('stores the shop photo with the identity, or nothing when the file is not an image', async () => {
		const { scope } = await newShop();
		const dir = await mkdtemp(join(tmpdir(), 'echoppe-shop-photo-'));
		try {
			const photoStorage = localStorage(dir);
			const pdf = new TextEncoder().encode('%PDF-1.4 pas une image');
			const refused = await saveIdentity(db, scope, identity, { ...fr, photo: { bytes: pdf, alt: 'Devanture' }, photoStorage }).catch(
				(e) => e
			);
			expect(Object.keys(refused.fields)).toEqual(['photo']);
			expect((await shopForEdit(db, scope)).shop.legalName).toBeNull();
			const jpeg = new Uint8Array(
				await sharp({ create: { width: 800, height: 600, channels: 3, background: '#c84' } })
					.jpeg()
					.toBuffer()
			);
			const shop = await saveIdentity(db, scope, identity, { ...fr, photo: { bytes: jpeg, alt: 'La devanture bleue' }, photoStorage });
			expect(shop.imageUrl).toMatch(/^\/media\//);
			expect(shop.imageAlt).toBe('La devanture bleue');
			expect(shop.legalName).toBe('SARL Au Bon Pain');
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});

	it('places the shop at the pin, or at the territory centre without one', async () => {
		const { scope } = await newShop();
		let shop = await saveAddress(
			db,
			scope,
			{ address: '1 rue Haute', postcode: '37000', city: 'Tours', latitude: '47.4', longitude: '0.7' },
			fr
		);
		expect([shop.latitude, shop.longitude]).toEqual([47.4, 0.7]);
		shop = await saveAddress(db, scope, { address: '1 rue Haute', postcode: '37000', city: 'Tours', latitude: '', longitude: '' }, fr);
		expect([shop.latitude, shop.longitude]).toEqual([47.39, 0.98]);
		await expect(
			saveAddress(db, scope, { address: '1 rue Haute', postcode: '3700', city: 'Tours', latitude: '91' }, fr)
		).rejects.toMatchObject({
			fields: { postcode: expect.any(Array), latitude: expect.any(Array) }
		});
	});

	it('checks opening periods field by field', async () => {
		const { scope } = await newShop();
		const error = await saveHours(
			db,
			scope,
			{
				d1_opens1: '09:00',
				d1_closes1: '08:00',
				d3_opens1: '9h',
				d3_closes1: '12:00',
				d4_opens1: '08:00',
				d4_closes1: '12:00',
				d4_opens2: '11:00',
				d4_closes2: '18:00'
			},
			fr
		).catch((e) => e);
		expect(Object.keys(error.fields).sort()).toEqual(['d1_closes1', 'd3_opens1', 'd4_opens2']);
		const shop = await saveHours(
			db,
			scope,
			{ d6_opens1: '08:00', d6_closes1: '12:30', onVacation: 'on', vacationMessage: 'Fermé en août' },
			fr
		);
		expect(shop.openingHours).toEqual([{ weekday: 6, opens: '08:00', closes: '12:30' }]);
		expect(shop.onVacation).toBe(true);
		expect(shop.vacationMessage).toBe('Fermé en août');
	});

	it('adds and removes closures of its own shop only', async () => {
		const mine = await newShop();
		const other = await newShop();
		await expect(addClosure(db, mine.scope, { startsOn: '2026-12-25', endsOn: '2026-12-24', reason: '' }, 'fr')).rejects.toBeInstanceOf(
			InvalidInputError
		);
		const closure = await addClosure(db, mine.scope, { startsOn: '2026-12-24', endsOn: '2026-12-26', reason: 'Noël' }, 'fr');
		await expect(removeClosure(db, other.scope, closure.id)).rejects.toBeInstanceOf(NotFoundError);
		await expect(removeClosure(db, mine.scope, 'not-a-uuid')).rejects.toBeInstanceOf(NotFoundError);
		await removeClosure(db, mine.scope, closure.id);
		expect((await shopForEdit(db, mine.scope)).closures).toHaveLength(0);
	});

	it('adds and removes closures with the hours form, all or nothing', async () => {
		const mine = await newShop();
		const other = await newShop();
		const hours = { d1_opens1: '08:00', d1_closes1: '12:00' };
		await saveHours(
			db,
			mine.scope,
			{ ...hours, closure_startsOn: '2026-08-01', closure_endsOn: '2026-08-15', closure_reason: 'Congés' },
			fr
		);
		const [closure] = (await shopForEdit(db, mine.scope)).closures;
		expect(closure).toMatchObject({ startsOn: '2026-08-01', endsOn: '2026-08-15', reason: 'Congés' });
		const bad = await saveHours(db, mine.scope, { ...hours, closure_startsOn: '2026-08-20', closure_endsOn: '' }, fr).catch((e) => e);
		expect(Object.keys(bad.fields)).toEqual(['closure_endsOn']);
		await expect(saveHours(db, other.scope, { ...hours, removeClosure: closure.id }, fr)).rejects.toBeInstanceOf(NotFoundError);
		expect((await shopForEdit(db, mine.scope)).closures).toHaveLength(1);
		expect((await shopForEdit(db, other.scope)).shop.openingHours).toEqual([]);
		await saveHours(db, mine.scope, { ...hours, removeClosure: closure.id }, fr);
		expect((await shopForEdit(db, mine.scope)).closures).toHaveLength(0);
	});

	it('checks fulfilment settings', async () => {
		const { scope } = await newShop();
		const error = await saveFulfilment(db, scope, { slotMinutes: '7', leadMinutes: '-5', slotCapacity: '0', minOrder: '-3' }, fr).catch(
			(e) => e
		);
		expect(Object.keys(error.fields).sort()).toEqual(['leadMinutes', 'minOrder', 'slotCapacity', 'slotMinutes']);
		const shop = await saveFulfilment(db, scope, { slotMinutes: '45', leadMinutes: '90', slotCapacity: '3', minOrder: '12,50' }, fr);
		expect(shop).toMatchObject({ offersPickup: false, slotMinutes: 45, leadMinutes: 90, slotCapacity: 3, minOrderCents: 1250 });
	});

	it('creates the ticked starter products at the typed prices, in the trade category', async () => {
		const { scope } = await newShop();
		await saveTrade(db, scope, { trade: 'cheesemonger' }, fr);
		await expect(addStarterProducts(db, scope, { pick: ['0'], price_0: '-2' }, 'fr')).rejects.toMatchObject({
			fields: { price_0: expect.any(Array) }
		});
		await expect(addStarterProducts(db, scope, { pick: ['999'], price_999: '2' }, 'fr')).rejects.toBeInstanceOf(InvalidInputError);
		expect(await addStarterProducts(db, scope, { pick: ['0', '8'], price_0: '31,90', price_8: '5' }, 'fr')).toBe(2);
		const rows = await db
			.select({
				name: products.name,
				unit: products.unit,
				price: variants.priceCents,
				allergens: products.allergens,
				category: categories.slug,
				net: variants.netQuantity
			})
			.from(products)
			.innerJoin(variants, eq(variants.productId, products.id))
			.innerJoin(categories, eq(categories.id, products.categoryId))
			.where(eq(products.shopId, scope.shopId));
		expect(rows).toEqual(
			expect.arrayContaining([
				// Sold by the kilo: the price typed is for one kilo, so buyers see it per kg.
				{ name: 'Comté 18 mois', unit: 'kg', price: 3190, allergens: ['milk'], category: 'cremerie-fromages', net: 1 },
				{ name: 'Camembert de Normandie', unit: 'piece', price: 500, allergens: ['milk'], category: 'cremerie-fromages', net: 0.25 }
			])
		);
	});
});

describe('submission and approval', () => {
	it('refuses an incomplete shop, naming what is missing', async () => {
		const { scope } = await newShop();
		const error = await submitShop(db, scope, { locale: 'fr', origin: ORIGIN }).catch((e) => e);
		expect(Object.keys(error.fields).sort()).toEqual(['address', 'hours', 'identity', 'products', 'trade']);
		expect((await shopForEdit(db, scope)).shop.status).toBe('draft');
	});

	it('sends a complete shop to the operator once, and tells the merchant in their language', async () => {
		const { scope, shop } = await completedShop('en');
		expect(await submitShop(db, scope, { locale: 'fr', origin: ORIGIN })).toEqual({ status: 'pending' });
		await expect(submitShop(db, scope, { locale: 'fr', origin: ORIGIN })).rejects.toBeInstanceOf(ConflictError);
		const after = (await shopForEdit(db, scope)).shop;
		expect(after.status).toBe('pending');
		expect(after.submittedAt).not.toBeNull();
		expect(after.onboardingStep).toBeNull();
		const mails = await db.select().from(outboxEmails).where(eq(outboxEmails.kind, 'shop_submitted'));
		const mine = mails.filter((m) => m.subject.includes(shop.name) && m.text.includes('received'));
		expect(mine.length).toBeGreaterThanOrEqual(1);
		expect((await shopsAwaitingReview(db, operator())).map((s) => s.id)).toContain(shop.id);
	});

	it('asks for changes, lets the merchant resubmit, then approves', async () => {
		const { scope, shop } = await completedShop();
		await submitShop(db, scope, { locale: 'fr', origin: ORIGIN });
		await expect(requestChanges(db, operator(), shop.id, { note: '' }, { locale: 'fr', origin: ORIGIN })).rejects.toBeInstanceOf(
			InvalidInputError
		);
		await requestChanges(db, operator(), shop.id, { note: 'Ajoutez une photo de la devanture.' }, { locale: 'fr', origin: ORIGIN });
		let current = (await shopForEdit(db, scope)).shop;
		expect(current.status).toBe('changes_requested');
		expect(current.reviewNote).toBe('Ajoutez une photo de la devanture.');
		expect(resumeStep(current)).toBe('products');
		const [changes] = await db
			.select()
			.from(outboxEmails)
			.where(and(eq(outboxEmails.kind, 'shop_changes_requested')));
		expect(changes.text).toContain('Ajoutez une photo de la devanture.');
		// Not pending: cannot be approved before the merchant resubmits.
		await expect(approveShop(db, operator(), shop.id, ORIGIN)).rejects.toBeInstanceOf(ConflictError);
		await submitShop(db, scope, { locale: 'fr', origin: ORIGIN });
		await approveShop(db, operator(), shop.id, ORIGIN);
		current = (await shopForEdit(db, scope)).shop;
		expect(current.status).toBe('active');
		expect(current.approvedAt).not.toBeNull();
		expect(current.reviewNote).toBeNull();
		const approved = await db.select().from(outboxEmails).where(eq(outboxEmails.kind, 'shop_approved'));
		expect(approved.some((m) => m.text.includes(`/boutiques/${shop.slug}`))).toBe(true);
		await expect(approveShop(db, operator(), shop.id, ORIGIN)).rejects.toBeInstanceOf(ConflictError);
	});

	it('publishes at once when the territory approves shops automatically', async () => {
		const auto = (await makeTerritory(db, { autoApproveShops: false })).id;
		await setAutoApproval(db, operator(auto), true);
		const { scope } = await completedShop('fr', auto);
		expect(await submitShop(db, scope, { locale: 'fr', origin: ORIGIN })).toEqual({ status: 'active' });
		const [row] = await db.select().from(territories).where(eq(territories.id, auto));
		expect(row.autoApproveShops).toBe(true);
		expect((await shopForEdit(db, scope)).shop.approvedAt).not.toBeNull();
	});

	it('keeps operators to their own territory', async () => {
		const { scope, shop } = await completedShop();
		await submitShop(db, scope, { locale: 'fr', origin: ORIGIN });
		const elsewhere = operator((await makeTerritory(db)).id);
		expect((await shopsAwaitingReview(db, elsewhere)).map((s) => s.id)).not.toContain(shop.id);
		await expect(shopForReview(db, elsewhere, shop.id)).rejects.toBeInstanceOf(NotFoundError);
		await expect(approveShop(db, elsewhere, shop.id, ORIGIN)).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			requestChanges(db, elsewhere, shop.id, { note: 'Pas chez vous.' }, { locale: 'fr', origin: ORIGIN })
		).rejects.toBeInstanceOf(NotFoundError);
		const [still] = await db.select({ status: shops.status }).from(shops).where(eq(shops.id, shop.id));
		expect(still.status).toBe('pending');
	});

	it('refuses a merchant scope pointing at another territory', async () => {
		const { scope } = await completedShop();
		const forged: ShopScope = { ...scope, territoryId: (await makeTerritory(db)).id };
		await expect(shopForEdit(db, forged)).rejects.toBeInstanceOf(NotFoundError);
		await expect(saveTrade(db, forged, { trade: 'florist' }, fr)).rejects.toBeInstanceOf(NotFoundError);
	});
});
