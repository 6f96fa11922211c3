import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDatabase } from '../../../../tests/setup/db.ts';
import { queryRows, type Database } from '../db/client.ts';
import { seedDemo } from '../db/seed/index.ts';
import { NotFoundError } from '../errors.ts';
import { getProduct } from '../catalog/queries.ts';
import { searchProducts, type SearchParams } from '../catalog/search.ts';
import { readSearchForm } from '../catalog/search-form.ts';
import { refreshProductFacts } from './facts.ts';
import { isShortCircuit } from './rules.ts';
import { producerPage, producersByDistance, publicLotTraceability, publicTraceability } from './read.ts';

let database: Database;
let territoryId: string;
let product: { id: string; shop_id: string; producer_id: string; producer_slug: string };

beforeAll(async () => {
	database = await testDatabase();
	await seedDemo(database.db, { now: new Date('2026-11-26T08:00:00Z') });
	[{ id: territoryId }] = await queryRows<{ id: string }>(database.db, sql`select id from territories where is_default`);
	// An external producer's product (the shop is an intermediary), with a chain, lots and a certificate.
	[product] = await queryRows<typeof product>(
		database.db,
		sql`select p.id, p.shop_id, pr.id as producer_id, pr.slug as producer_slug from products p
			join product_producers pp on pp.product_id = p.id and pp.position = 0 join producers pr on pr.id = pp.producer_id
			where pr.seller_shop_id is null and p.status = 'active' order by p.name limit 1`
	);
	await database.db.execute(sql`insert into supply_chain_steps (product_id, position, role, name, place, latitude, longitude)
		values (${product.id}, 0, 'producer', 'La ferme', 'Ici', null, null), (${product.id}, 1, 'processor', 'Atelier du Val', 'Amboise', 47.41, 0.98)`);
	await database.db.execute(sql`insert into lots (product_id, shop_id, code, produced_on, best_before, quantity, created_at)
		values (${product.id}, ${product.shop_id}, 'L-OLD', '2026-10-01', '2026-12-01', 12.5, '2026-10-01T08:00:00Z'),
			(${product.id}, ${product.shop_id}, 'L-NEW', '2026-11-20', null, null, '2026-11-20T08:00:00Z')`);
	await database.db.execute(sql`insert into producer_certifications (producer_id, label, certificate_number, certifier, expires_on)
		values (${product.producer_id}, 'ab', 'FR-BIO-01-4242', 'Ecocert', '2027-06-30')`);
	await refreshProductFacts(database.db, { productIds: [product.id] });
});
afterAll(async () => database?.close());

describe('productTraceability', () => {
	it('gives the producers with certificates, the chain in order, lots newest first and the stored facts', async () => {
		const trace = await publicTraceability(database.db, territoryId, product.id);
		const [stored] = await queryRows<{ origin_km: number; intermediaries: number }>(
			database.db,
			sql`select origin_km, intermediaries from products where id = ${product.id}`
		);
		expect(trace.facts).toEqual({ originKm: stored.origin_km, intermediaries: 2, shortCircuit: false });
		expect(trace.producers[0].slug).toBe(product.producer_slug);
		expect(trace.producers[0].certifications).toEqual([
			{ label: 'ab', certificateNumber: 'FR-BIO-01-4242', certifier: 'Ecocert', expiresOn: '2027-06-30' }
		]);
		expect(trace.chain.map((step) => step.role)).toEqual(['producer', 'processor']);
		// The demo's own lots come first (made at the seed's date); ours follow, newest first.
		const ours = trace.lots.filter((lot) => lot.code.startsWith('L-'));
		expect(ours.map((lot) => lot.code)).toEqual(['L-NEW', 'L-OLD']);
		expect(trace.lots.map((lot) => lot.code)).toEqual(
			(
				await queryRows<{ code: string }>(
					database.db,
					sql`select code from lots where product_id = ${product.id} order by created_at desc, code desc`
				)
			).map((row) => row.code)
		);
		expect(ours[1]).toMatchObject({ producedOn: '2026-10-01', bestBefore: '2026-12-01', quantity: 12.5 });
		expect(trace.source).toBeNull();
	});

	it('finds one lot by its code, and refuses an unknown one', async () => {
		const { lot } = await publicLotTraceability(database.db, territoryId, product.id, 'L-OLD');
		expect(lot.code).toBe('L-OLD');
		await expect(publicLotTraceability(database.db, territoryId, product.id, 'NOPE')).rejects.toBeInstanceOf(NotFoundError);
	});

	it('is "not found" for a malformed id, another territory, and an archived product', async () => {
		await expect(publicTraceability(database.db, territoryId, 'not-a-uuid')).rejects.toBeInstanceOf(NotFoundError);
		const [other] = await queryRows<{ id: string }>(
			database.db,
			sql`insert into territories (slug, name, host) values ('ailleurs', 'Ailleurs', 'ailleurs.test') returning id`
		);
		await expect(publicTraceability(database.db, other.id, product.id)).rejects.toBeInstanceOf(NotFoundError);
		const [archived] = await queryRows<{ id: string }>(
			database.db,
			sql`update products set status = 'archived' where id = (select id from products where id <> ${product.id} and status = 'active'
				order by name desc limit 1) returning id`
		);
		await expect(publicTraceability(database.db, territoryId, archived.id)).rejects.toBeInstanceOf(NotFoundError);
	});

	it('follows the source product when the shop buys from a producer selling on the platform', async () => {
		const [pair] = await queryRows<{ buyer: string; source: string }>(
			database.db,
			sql`select b.id as buyer, s.id as source from products b, products s
				join product_producers pp on pp.product_id = s.id join producers pr on pr.id = pp.producer_id
				where pr.seller_shop_id = s.shop_id and b.shop_id <> s.shop_id and b.status = 'active' and s.status = 'active'
				and b.id <> ${product.id} limit 1`
		);
		await database.db.execute(sql`delete from product_producers where product_id = ${pair.buyer}`);
		await database.db.execute(sql`insert into product_sources (product_id, source_product_id) values (${pair.buyer}, ${pair.source})`);
		await refreshProductFacts(database.db, { productIds: [pair.buyer] });
		const trace = await publicTraceability(database.db, territoryId, pair.buyer);
		expect(trace.source?.productId).toBe(pair.source);
		expect(trace.producers.length).toBeGreaterThan(0);
		expect(trace.facts.intermediaries).toBe(1);
		expect(trace.facts.shortCircuit).toBe(true);
	});

	it('hides what the public may not see: a suspended shop, and the source (but not its producers) of a suspended producer-shop', async () => {
		const [link] = await queryRows<{ buyer: string; source_shop: string; buyer_shop: string }>(
			database.db,
			sql`select ps.product_id as buyer, s.shop_id as source_shop, b.shop_id as buyer_shop from product_sources ps
				join products s on s.id = ps.source_product_id join products b on b.id = ps.product_id
				where b.status = 'active' and s.shop_id <> b.shop_id limit 1`
		);
		const before = await publicTraceability(database.db, territoryId, link.buyer);
		expect(before.source).not.toBeNull();
		expect(before.producers[0].sellerShopSlug).not.toBeNull();
		await database.db.execute(sql`update shops set status = 'suspended' where id = ${link.source_shop}`);
		try {
			const after = await publicTraceability(database.db, territoryId, link.buyer);
			expect(after.source).toBeNull();
			expect(after.producers.map((p) => p.id)).toEqual(before.producers.map((p) => p.id));
			expect(after.producers[0].sellerShopSlug).toBeNull();
			expect(after.chain).toEqual(before.chain);
		} finally {
			await database.db.execute(sql`update shops set status = 'active' where id = ${link.source_shop}`);
		}
		await database.db.execute(sql`update shops set status = 'suspended' where id = ${link.buyer_shop}`);
		try {
			await expect(publicTraceability(database.db, territoryId, link.buyer)).rejects.toBeInstanceOf(NotFoundError);
		} finally {
			await database.db.execute(sql`update shops set status = 'active' where id = ${link.buyer_shop}`);
		}
	});

	it("lists only the product's own lots, and a lot code of another product is not found on this one", async () => {
		const [other] = await queryRows<{ product_id: string; code: string }>(
			database.db,
			sql`select product_id, code from lots where product_id <> ${product.id} limit 1`
		);
		await expect(publicLotTraceability(database.db, territoryId, product.id, other.code)).rejects.toBeInstanceOf(NotFoundError);
		const { lot } = await publicLotTraceability(database.db, territoryId, other.product_id, other.code);
		expect(lot.code).toBe(other.code);
		const trace = await publicTraceability(database.db, territoryId, product.id);
		expect(trace.lots.every((one) => one.code !== other.code || other.product_id === product.id)).toBe(true);
	});
});

describe('the product query carries the facts', () => {
	it('the product page gets distance, intermediaries, badge and the latest lots from its one statement', async () => {
		const detail = await getProduct(database.db, territoryId, { id: product.id });
		expect(detail.intermediaries).toBe(2);
		expect(detail.shortCircuit).toBe(false);
		expect(detail.originKm).not.toBeNull();
		// The latest lots, in the traceability page's order (the demo's own lot is the newest).
		const trace = await publicTraceability(database.db, territoryId, product.id);
		expect(detail.lots.length).toBeGreaterThan(1);
		expect(detail.lots.map((lot) => lot.code)).toEqual(trace.lots.slice(0, detail.lots.length).map((lot) => lot.code));
		expect(detail.lots.map((lot) => lot.code)).toContain('L-NEW');
	});
});

describe('producers', () => {
	it('lists them nearest first from a point, with their product counts', async () => {
		const from = { latitude: 47.39, longitude: 0.98 };
		const list = await producersByDistance(database.db, territoryId, from);
		expect(list.length).toBeGreaterThan(3);
		const distances = list.map((item) => item.distanceKm!);
		expect(distances).toEqual([...distances].sort((a, b) => a - b));
		expect(list.some((item) => item.productCount > 0)).toBe(true);
	});

	it('gives a producer page with certificates and products, and 404 for another territory', async () => {
		const page = await producerPage(database.db, territoryId, product.producer_slug);
		expect(page.certifications[0].certificateNumber).toBe('FR-BIO-01-4242');
		expect(page.products.some((card) => card.id === product.id)).toBe(true);
		await expect(producerPage(database.db, territoryId, 'personne')).rejects.toBeInstanceOf(NotFoundError);
		// Its URL is its slug: the id is not another address of it.
		await expect(producerPage(database.db, territoryId, product.producer_id)).rejects.toBeInstanceOf(NotFoundError);
		const [other] = await queryRows<{ id: string }>(database.db, sql`select id from territories where slug = 'ailleurs'`);
		await expect(producerPage(database.db, other.id, product.producer_slug)).rejects.toBeInstanceOf(NotFoundError);
	});
});

describe('search by traceability', () => {
	type Fact = { id: string; origin_km: number | null; intermediaries: number | null };
	const stored = () =>
		queryRows<Fact>(
			database.db,
			sql`select p.id, p.origin_km, p.intermediaries from products p join shops s on s.id = p.shop_id
				where p.territory_id = ${territoryId} and p.status = 'active' and s.status = 'active'`
		);
	async function allPages(params: SearchParams) {
		const ids: string[] = [];
		let cursor: string | undefined;
		do {
			const page = await searchProducts(database.db, territoryId, { ...params, limit: 7, cursor });
			ids.push(...page.items.map((item) => item.id));
			for (const item of page.items) expect(item.shortCircuit).toBe(isShortCircuit(item.intermediaries));
			cursor = page.nextCursor ?? undefined;
		} while (cursor);
		return ids;
	}

	it('short circuit only: exactly the products with at most one intermediary, every page once', async () => {
		const expected = (await stored()).filter((row) => isShortCircuit(row.intermediaries)).map((row) => row.id);
		expect(expected.length).toBeGreaterThan(10);
		for (const sort of ['relevance', 'price'] as const) {
			const ids = await allPages({ shortCircuit: true, sort });
			expect(new Set(ids).size).toBe(ids.length);
			expect(ids.sort()).toEqual(expected.sort());
		}
	});

	it('maximum origin distance: exactly the products made that close to their shop, unknown origins excluded', async () => {
		const rows = await stored();
		const limit = 15;
		const expected = rows.filter((row) => row.origin_km !== null && row.origin_km <= limit).map((row) => row.id);
		expect(expected.length).toBeGreaterThan(0);
		expect(expected.length).toBeLessThan(rows.length);
		const ids = await allPages({ maxOriginKm: limit, sort: 'price' });
		expect(ids.sort()).toEqual(expected.sort());
		const both = await allPages({ maxOriginKm: limit, shortCircuit: true });
		expect(both.sort()).toEqual(
			rows
				.filter((row) => row.origin_km !== null && row.origin_km <= limit && isShortCircuit(row.intermediaries))
				.map((row) => row.id)
				.sort()
		);
	});

	it('reads the filters from the search form, with a message for a bad distance', () => {
		const ok = readSearchForm(new URLSearchParams('shortCircuit=1&maxOriginKm=12,5'), 'fr');
		expect(ok.params).toMatchObject({ shortCircuit: true, maxOriginKm: 12.5 });
		expect(ok.errors).toEqual({});
		for (const bad of ['-3', 'loin', '100000', '0']) {
			const form = readSearchForm(new URLSearchParams({ maxOriginKm: bad }), 'en');
			expect(form.errors.maxOriginKm?.length).toBe(1);
			expect(form.params.maxOriginKm).toBeUndefined();
		}
	});
});
