import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { localStorage } from '../media/storage.ts';
import { eq, sql } from 'drizzle-orm';
import { testDatabase } from '../../../../tests/setup/db.ts';
import { makeProduct, makeShop, makeTerritory } from '../../../../tests/setup/fixtures.ts';
import { queryRows, type Database } from '../db/client.ts';
import { lots, producers, products, supplyChainSteps, user } from '../db/schema/index.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import { saveAddress } from '../onboarding/wizard.ts';
import {
	addProducerPhoto,
	createProducer,
	removeProducerPhoto,
	deleteProducer,
	getOwnProducer,
	listProducers,
	removeCertification,
	saveCertification,
	updateProducer
} from './producers.ts';
import {
	addLot,
	addLotForVariant,
	parseRestockLot,
	setProductProducers,
	setProductSource,
	setSupplyChain,
	sourceCandidates
} from './origin.ts';
import { removeLot } from './lots.ts';
import { productTraceability } from './read.ts';

let database: Database;
let a: ShopScope;
let b: ShopScope;
let seller: ShopScope;
let productA: string;
let productA2: string;
let variantA: string;
let productB: string;
let sellerProduct: string;

const farm = (over: Record<string, unknown> = {}) => ({
	name: 'Ferme des Tilleuls',
	address: 'Lieu-dit les Tilleuls',
	city: 'Azay',
	latitude: '47,26',
	longitude: '0.47',
	methods: 'Plein champ, sans traitement',
	story: 'Trois générations.',
	labels: 'AB, Nature & Progrès',
	...over
});

async function expectFields(promise: Promise<unknown>, field: string, text?: RegExp) {
	const error = await promise.then(
		() => null,
		(e) => e
	);
	expect(error).toBeInstanceOf(InvalidInputError);
	expect(Object.keys((error as InvalidInputError).fields)).toContain(field);
	if (text) expect((error as InvalidInputError).fields[field].join(' ')).toMatch(text);
}

async function scopeFor(territoryId: string, over: Record<string, unknown> = {}): Promise<ShopScope> {
	const shop = await makeShop(database.db, territoryId, over);
	const userId = randomUUID();
	await database.db.insert(user).values({ id: userId, name: 'Marchand', email: `${userId}@example.test`, emailVerified: true });
	return { userId, territoryId, shopId: shop.id, role: 'shop_owner' };
}

const count = async (table: 'producers' | 'lots' | 'supply_chain_steps' | 'product_producers' | 'producer_certifications') =>
	(await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0].n;

beforeAll(async () => {
	database = await testDatabase();
	const territory = await makeTerritory(database.db);
	a = await scopeFor(territory.id, { latitude: 47.39, longitude: 0.69 });
	b = await scopeFor(territory.id);
	seller = await scopeFor(territory.id, { latitude: 47.3, longitude: 0.8, name: 'Ferme-boutique' });
	const pa = await makeProduct(database.db, { id: a.shopId, territoryId: territory.id }, { name: 'Carottes' });
	productA = pa.product.id;
	variantA = pa.variant.id;
	productA2 = (await makeProduct(database.db, { id: a.shopId, territoryId: territory.id }, { name: 'Poireaux' })).product.id;
	productB = (await makeProduct(database.db, { id: b.shopId, territoryId: territory.id })).product.id;
	sellerProduct = (await makeProduct(database.db, { id: seller.shopId, territoryId: territory.id }, { name: 'Fromage' })).product.id;
	await database.db.insert(producers).values({
		territoryId: territory.id,
		shopId: seller.shopId,
		sellerShopId: seller.shopId,
		slug: 'ferme-boutique',
		name: 'Ferme-boutique',
		latitude: 47.3,
		longitude: 0.8
	});
});
afterAll(async () => database?.close());

describe('producers', () => {
	it('creates an external producer, lists it editable, and the platform sellers read-only', async () => {
		const id = await createProducer(database.db, a, farm());
		const row = await getOwnProducer(database.db, a, id);
		expect(row).toMatchObject({
			name: 'Ferme des Tilleuls',
			latitude: 47.26,
			longitude: 0.47,
			shopId: a.shopId,
			slug: 'ferme-des-tilleuls'
		});
		expect(row.labels).toEqual(['AB', 'Nature & Progrès']);
		const list = await listProducers(database.db, a);
		expect(list.find((p) => p.id === id)?.editable).toBe(true);
		expect(list.find((p) => p.name === 'Ferme-boutique')?.editable).toBe(false);
		// B does not see A's external producer.
		expect((await listProducers(database.db, b)).some((p) => p.id === id)).toBe(false);
		// Same name again: another slug.
		const twin = await createProducer(database.db, a, farm());
		expect((await getOwnProducer(database.db, a, twin)).slug).toBe('ferme-des-tilleuls-2');
		await deleteProducer(database.db, a, twin);
	});

	it('refuses bad coordinates, a missing position, empty names and huge strings, field by field', async () => {
		const before = await count('producers');
		await expectFields(createProducer(database.db, a, farm({ latitude: '91' })), 'latitude', /-90 et 90/);
		await expectFields(createProducer(database.db, a, farm({ longitude: '-181' })), 'longitude', /-180 et 180/);
		await expectFields(createProducer(database.db, a, farm({ latitude: 'nord' })), 'latitude');
		await expectFields(createProducer(database.db, a, farm({ latitude: '', longitude: '' }), { locale: 'en' }), 'latitude', /map/);
		await expectFields(createProducer(database.db, a, farm({ name: '   ' })), 'name', /nom du producteur/);
		await expectFields(createProducer(database.db, a, farm({ story: 'x'.repeat(100_000) })), 'story', /trop long/);
		await expectFields(createProducer(database.db, a, farm({ labels: 'y'.repeat(41) })), 'labels.0');
		await expectFields(createProducer(database.db, a, farm({ name: 42 })), 'name');
		expect(await count('producers')).toBe(before);
	});

	it("another shop's producer edited, deleted or certified by id is not found, nothing written", async () => {
		const id = await createProducer(database.db, a, farm({ name: 'Moulin de Pont' }));
		await expect(updateProducer(database.db, b, id, farm({ name: 'Volé' }))).rejects.toBeInstanceOf(NotFoundError);
		await expect(deleteProducer(database.db, b, id)).rejects.toBeInstanceOf(NotFoundError);
		await expect(saveCertification(database.db, b, id, { label: 'AB' })).rejects.toBeInstanceOf(NotFoundError);
		await expect(updateProducer(database.db, a, 'not-a-uuid', farm())).rejects.toBeInstanceOf(NotFoundError);
		expect((await getOwnProducer(database.db, a, id)).name).toBe('Moulin de Pont');
		// The seller shop edits its own producer record; A cannot.
		const [own] = await database.db.select().from(producers).where(eq(producers.sellerShopId, seller.shopId));
		await expect(updateProducer(database.db, a, own.id, farm())).rejects.toBeInstanceOf(NotFoundError);
		await updateProducer(
			database.db,
			seller,
			own.id,
			farm({ name: 'Ferme-boutique', latitude: '47.3', longitude: '0.8', story: 'Notre ferme' })
		);
	});

	it('stores certificates with number, certifier and expiry; expired ones are flagged; one per label', async () => {
		const id = await createProducer(database.db, a, farm({ name: 'Rucher du Val', labels: '' }));
		await saveCertification(database.db, a, id, {
			label: 'AB',
			certificateNumber: 'FR-BIO-01/123',
			certifier: 'Ecocert',
			expiresOn: '2020-01-31'
		});
		await saveCertification(database.db, a, id, {
			label: 'AB',
			certificateNumber: 'FR-BIO-01/124',
			certifier: 'Ecocert',
			expiresOn: '2099-01-31'
		});
		await saveCertification(database.db, a, id, { label: 'Label Rouge', expiresOn: '2021-06-01' });
		await expectFields(saveCertification(database.db, a, id, { label: 'IGP', expiresOn: '2026-02-30' }), 'expiresOn', /AAAA-MM-JJ/);
		await expectFields(saveCertification(database.db, a, id, { label: '' }), 'label');
		await expectFields(saveCertification(database.db, a, id, { label: 'AB', certificateNumber: 'n'.repeat(81) }), 'certificateNumber');
		await setProductProducers(database.db, a, productA2, [id]);
		const trace = await productTraceability(database.db, a.territoryId, productA2);
		const certs = trace!.producers[0].certifications;
		expect(certs.map((c) => [c.label, c.certificateNumber, c.expired])).toEqual([
			['AB', 'FR-BIO-01/124', false],
			['Label Rouge', null, true]
		]);
		expect(trace!.producers[0].labels).toEqual(['AB', 'Label Rouge']);
		expect((await listProducers(database.db, a)).find((p) => p.id === id)?.expiredCertifications).toBe(1);
		await removeCertification(database.db, a, id, certs[1].id);
		await expect(removeCertification(database.db, b, id, certs[0].id)).rejects.toBeInstanceOf(NotFoundError);
		// Linked to a product: cannot be deleted.
		await expect(deleteProducer(database.db, a, id)).rejects.toBeInstanceOf(ConflictError);
		await setProductProducers(database.db, a, productA2, []);
		await deleteProducer(database.db, a, id);
		expect(await count('producer_certifications')).toBe(0);
	});
});

describe('product origin', () => {
	it('links ordered producers (first = origin), refreshes the facts, and follows the producer when it moves', async () => {
		const far = await createProducer(database.db, a, farm({ name: 'Ferme lointaine', latitude: '45.76', longitude: '4.84' }));
		const near = await createProducer(database.db, a, farm({ name: 'Ferme voisine', latitude: '47.40', longitude: '0.70' }));
		await setProductProducers(database.db, a, productA, [near, far]);
		let [p] = await database.db.select().from(products).where(eq(products.id, productA));
		expect(p.originKm).toBeLessThan(3);
		expect(p.intermediaries).toBe(1);
		const trace = await productTraceability(database.db, a.territoryId, productA);
		expect(trace!.producers.map((x) => x.name)).toEqual(['Ferme voisine', 'Ferme lointaine']);
		expect(trace!.facts.isShortCircuit).toBe(true);
		await updateProducer(database.db, a, near, farm({ name: 'Ferme voisine', latitude: '45.76', longitude: '4.84' }));
		[p] = await database.db.select().from(products).where(eq(products.id, productA));
		expect(p.originKm).toBeGreaterThan(300);
		// The shop moves: distances follow (the onboarding address step).
		await saveAddress(
			database.db,
			a,
			{ address: '1 place du Marché', postcode: '69001', city: 'Lyon', latitude: '45.76', longitude: '4.84' },
			{ locale: 'fr' }
		);
		[p] = await database.db.select().from(products).where(eq(products.id, productA));
		expect(p.originKm).toBeLessThan(1);
	});

	it('refuses unknown, duplicate and other shops’ producers, and another shop’s product', async () => {
		const own = await createProducer(database.db, a, farm({ name: 'Ferme privée' }));
		await expectFields(setProductProducers(database.db, b, productB, [own]), '0', /inconnu/);
		await expectFields(setProductProducers(database.db, a, productA2, [own, own]), '_', /déjà lié/);
		await expectFields(setProductProducers(database.db, a, productA2, ['x']), '0');
		await expect(setProductProducers(database.db, b, productA, [])).rejects.toBeInstanceOf(NotFoundError);
		// A platform seller can be linked by any shop.
		const [sellerRecord] = await database.db.select().from(producers).where(eq(producers.sellerShopId, seller.shopId));
		await setProductProducers(database.db, b, productB, [sellerRecord.id]);
	});

	it('adds lots with valid dates and a unique code; at restock too; another shop’s lot is not found', async () => {
		const id = await addLot(database.db, a, productA, {
			code: 'L-2611',
			producedOn: '2026-11-20',
			bestBefore: '2026-12-04',
			quantity: '12,5'
		});
		await expectFields(addLot(database.db, a, productA, { code: 'L-2611' }), 'code', /existe déjà/);
		await expectFields(
			addLot(database.db, a, productA, { code: 'L2', producedOn: '2026-11-20', bestBefore: '2026-11-19' }),
			'bestBefore',
			/précéder/
		);
		await expectFields(addLot(database.db, a, productA, { code: 'L3', quantity: '-1' }), 'quantity');
		await expectFields(addLot(database.db, a, productA, { code: 'x'.repeat(5000) }), 'code');
		await expectFields(addLot(database.db, a, productA, { code: '' }), 'code');
		await expect(addLot(database.db, b, productA, { code: 'L9' })).rejects.toBeInstanceOf(NotFoundError);
		await expect(removeLot(database.db, b, productA, id)).rejects.toBeInstanceOf(NotFoundError);
		// At restock.
		expect(parseRestockLot({ lotCode: '', lotProducedOn: '' }, 'fr')).toBeNull();
		await expectFields(
			Promise.resolve().then(() => parseRestockLot({ lotCode: 'R1', lotProducedOn: '2026-11-20', lotBestBefore: '2026-11-01' }, 'fr')),
			'lotBestBefore'
		);
		const lot = parseRestockLot({ lotCode: 'R1', lotProducedOn: '2026-11-20' }, 'fr')!;
		await addLotForVariant(database.db, a, variantA, lot);
		await expectFields(addLotForVariant(database.db, a, variantA, lot), 'lotCode');
		await expect(addLotForVariant(database.db, b, variantA, { ...lot, code: 'R2' })).rejects.toBeInstanceOf(NotFoundError);
		const trace = await productTraceability(database.db, a.territoryId, productA);
		expect(trace!.lots.map((l) => l.code).sort()).toEqual(['L-2611', 'R1']);
		await removeLot(database.db, a, productA, id);
		expect(await database.db.select().from(lots).where(eq(lots.productId, productA))).toHaveLength(1);
	});

	it('stores an ordered supply chain; a loop, bad coordinates and a huge chain are refused', async () => {
		const chain = [
			{ role: 'producer', name: 'Ferme voisine', place: 'Azay' },
			{ role: 'cooperative', name: 'Coop du Val', place: 'Tours', latitude: '47.39', longitude: '0.68' },
			{ role: 'wholesaler', name: 'Grossiste du Centre', place: 'Rungis' }
		];
		await setSupplyChain(database.db, a, productA, chain);
		let [p] = await database.db.select().from(products).where(eq(products.id, productA));
		expect(p.intermediaries).toBe(3);
		const before = await database.db.select().from(supplyChainSteps).where(eq(supplyChainSteps.productId, productA));
		await expectFields(
			setSupplyChain(database.db, a, productA, [...chain, { role: 'carrier', name: 'COOP du val!', place: 'Tours' }]),
			'3.name',
			/déjà plus haut/
		);
		await expectFields(
			setSupplyChain(database.db, a, productA, [
				...chain,
				{ role: 'carrier', name: 'Transports Martin', latitude: '47.39', longitude: '0.68' }
			]),
			'3.name'
		);
		await expectFields(
			setSupplyChain(database.db, a, productA, [{ role: 'carrier', name: 'T', latitude: '91', longitude: '0' }]),
			'0.latitude'
		);
		await expectFields(setSupplyChain(database.db, a, productA, [{ role: 'carrier', name: 'T', latitude: '1' }]), '0.longitude');
		await expectFields(setSupplyChain(database.db, a, productA, [{ role: 'pirate', name: 'T' }]), '0.role');
		await expectFields(
			setSupplyChain(
				database.db,
				a,
				productA,
				Array.from({ length: 13 }, (_, i) => ({ role: 'carrier', name: `T${i}` }))
			),
			'_'
		);
		await expect(setSupplyChain(database.db, b, productA, [])).rejects.toBeInstanceOf(NotFoundError);
		expect(await database.db.select().from(supplyChainSteps).where(eq(supplyChainSteps.productId, productA))).toEqual(before);
		// Reordered and shortened.
		await setSupplyChain(database.db, a, productA, [chain[0], chain[2]]);
		[p] = await database.db.select().from(products).where(eq(products.id, productA));
		expect(p.intermediaries).toBe(2);
		const trace = await productTraceability(database.db, a.territoryId, productA);
		expect(trace!.chain.map((s) => s.role)).toEqual(['producer', 'wholesaler']);
	});

	it('links a product to a producer-shop’s product: producers, chain and lots follow the source', async () => {
		const candidates = await sourceCandidates(database.db, a);
		expect(candidates.map((c) => c.id)).toEqual([sellerProduct]);
		const [sellerRecord] = await database.db.select().from(producers).where(eq(producers.sellerShopId, seller.shopId));
		await setProductProducers(database.db, seller, sellerProduct, [sellerRecord.id]);
		await addLot(database.db, seller, sellerProduct, { code: 'F-01', producedOn: '2026-11-01', bestBefore: '2026-12-01' });
		await setProductSource(database.db, a, productA2, sellerProduct);
		const trace = await productTraceability(database.db, a.territoryId, productA2);
		expect(trace!.source?.productId).toBe(sellerProduct);
		expect(trace!.producers.map((p) => p.id)).toEqual([sellerRecord.id]);
		expect(trace!.lots.map((l) => l.code)).toEqual(['F-01']);
		expect(trace!.facts.intermediaries).toBe(1);
		// The producer-shop adds a wholesaler: the buying shop's facts follow, in the same transaction.
		await setSupplyChain(database.db, seller, sellerProduct, [{ role: 'wholesaler', name: 'Grossiste', place: 'Tours' }]);
		expect((await productTraceability(database.db, a.territoryId, productA2))!.facts.intermediaries).toBe(2);
		// Refused: own product, unknown id, another shop's product that is not a seller's, and B editing A's link.
		await expectFields(setProductSource(database.db, a, productA2, productA), 'sourceProductId');
		await expectFields(setProductSource(database.db, a, productA2, 'x'), 'sourceProductId');
		await expectFields(setProductSource(database.db, a, productA2, productB), 'sourceProductId');
		await expect(setProductSource(database.db, b, productA2, null)).rejects.toBeInstanceOf(NotFoundError);
		// A product bought by others cannot itself be bought.
		await expectFields(setProductSource(database.db, seller, sellerProduct, productB), 'sourceProductId');
		await setProductSource(database.db, a, productA2, null);
		expect((await productTraceability(database.db, a.territoryId, productA2))!.source).toBeNull();
	});
});

describe('producer photos and concurrent lots', () => {
	it('stores photos through the media pipeline (first = picture), refuses an empty file, removes them with the producer', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'echoppe-producer-'));
		const storage = localStorage(dir);
		try {
			const id = await createProducer(database.db, a, farm({ name: 'Bergerie du Pré' }));
			const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#6a8f3a' } })
				.jpeg()
				.toBuffer();
			await addProducerPhoto(database.db, a, id, { bytes: jpeg, alt: 'Les brebis au pré', locale: 'fr' }, storage);
			await addProducerPhoto(database.db, a, id, { bytes: jpeg, alt: 'La fromagerie', locale: 'fr' }, storage);
			await expect(
				addProducerPhoto(database.db, a, id, { bytes: new Uint8Array(), alt: 'vide', locale: 'fr' }, storage)
			).rejects.toBeInstanceOf(InvalidInputError);
			await expect(addProducerPhoto(database.db, b, id, { bytes: jpeg, alt: 'intrus', locale: 'fr' }, storage)).rejects.toBeInstanceOf(
				NotFoundError
			);
			let trace = (await productTraceability(database.db, a.territoryId, productA, { storage }))!;
			const [row] = await database.db.select().from(producers).where(eq(producers.id, id));
			expect(row.imageAlt).toBe('Les brebis au pré');
			expect(row.imageUrl).toMatch(/-640\.webp$|\.webp$/);
			await setProductProducers(database.db, a, productA, [id]);
			trace = (await productTraceability(database.db, a.territoryId, productA, { storage }))!;
			expect(trace.producers[0].photos.map((p) => p.alt)).toEqual(['Les brebis au pré', 'La fromagerie']);
			await removeProducerPhoto(database.db, a, id, trace.producers[0].photos[0].mediaId, storage);
			const [after] = await database.db.select().from(producers).where(eq(producers.id, id));
			expect(after.imageAlt).toBe('La fromagerie');
			await expect(removeProducerPhoto(database.db, b, id, trace.producers[0].photos[1].mediaId, storage)).rejects.toBeInstanceOf(
				NotFoundError
			);
			await setProductProducers(database.db, a, productA, []);
			await deleteProducer(database.db, a, id, storage);
			expect(await readdir(dir)).toEqual([]);
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});

	it('of two concurrent lots with the same code, exactly one is written', async () => {
		const results = await Promise.allSettled(
			Array.from({ length: 4 }, () => addLot(database.db, a, productA2, { code: 'RACE-1', producedOn: '2026-11-01' }))
		);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		for (const r of results.filter((r) => r.status === 'rejected'))
			expect((r as PromiseRejectedResult).reason).toBeInstanceOf(InvalidInputError);
		expect(await database.db.select().from(lots).where(eq(lots.code, 'RACE-1'))).toHaveLength(1);
	});
});
