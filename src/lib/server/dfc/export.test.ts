import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testDatabase } from '../../../../tests/setup/db.ts';
import { validateDfc } from '../../../../tests/support/dfc-validate.ts';
import { queryRows, type Database } from '../db/client.ts';
import { seedDemo } from '../db/seed/index.ts';
import { NotFoundError } from '../errors.ts';
import { exportDfcCatalog } from './export.ts';

// The DFC catalogue export, checked node by node against the published DFC context and the
// connector's class shapes vendored in tests/fixtures/dfc.
let database: Database;
type ShopRow = { id: string; slug: string; territory_id: string };
let shop: ShopRow;
const ORIGIN = 'https://saint-aubin.example';
type Node = Record<string, unknown>;

beforeAll(async () => {
	database = await testDatabase();
	await seedDemo(database.db, { now: new Date('2026-11-26T08:00:00Z') });
	[shop] = await queryRows<ShopRow>(
		database.db,
		sql`select s.id, s.slug, s.territory_id from shops s join products p on p.shop_id = s.id
			join product_producers pp on pp.product_id = p.id where s.status = 'active' group by s.id order by count(*) desc limit 1`
	);
}, 120_000);
afterAll(async () => database?.close());

describe('the validator itself', () => {
	it("accepts the DFC connector's published examples", () => {
		const examples = JSON.parse(readFileSync(join(import.meta.dirname, '../../../../tests/fixtures/dfc/examples.json'), 'utf8')) as Node[];
		// The connector writes offeredItem/offeredTo as plain strings the context does not type @id: references are not checked strictly there.
		for (const example of examples) expect(validateDfc(example, { strictReferences: false })).toEqual([]);
	});
	it('rejects an unknown type, a missing price, a wrong value type and an undefined term', () => {
		expect(validateDfc({ '@type': 'dfc-b:Gadget', '@id': 'https://x.example/g' })).toHaveLength(1);
		const problems = validateDfc({
			'@graph': [
				{ '@id': 'https://x.example/o', '@type': 'dfc-b:Offer' },
				{
					'@id': 'https://x.example/sp',
					'@type': 'dfc-b:SuppliedProduct',
					'dfc-b:name': 3,
					'dfc-b:hasQuantity': { '@type': 'dfc-b:QuantitativeValue', 'dfc-b:value': '1', 'dfc-b:hasUnit': 'dfc-m:Parsec' },
					'foo:bar': 1
				}
			]
		});
		expect(problems.join('\n')).toMatch(/lacks dfc-b:hasPrice/);
		expect(problems.join('\n')).toMatch(/name: expected text/);
		expect(problems.join('\n')).toMatch(/value: expected a number/);
		expect(problems.join('\n')).toMatch(/unknown unit dfc-m:Parsec/);
		expect(problems.join('\n')).toMatch(/foo:bar is not a term/);
	});
});

describe('exportDfcCatalog', () => {
	it('exports the enterprise, its address, catalog, supplied products, catalog items and offers, all valid', async () => {
		const doc = await exportDfcCatalog(database.db, { id: shop.id }, ORIGIN);
		expect(doc['@context']).toBe('https://www.datafoodconsortium.org');
		const graph = doc['@graph'] as Node[];
		expect(validateDfc(doc)).toEqual([]);
		const ofType = (t: string) => graph.filter((n) => n['@type'] === t);
		const [variantCount] = await queryRows<{ n: number }>(
			database.db,
			sql`select count(*)::int as n from variants v join products p on p.id = v.product_id where p.shop_id = ${shop.id} and p.status = 'active' and not v.archived`
		);
		expect(ofType('dfc-b:Enterprise')).toHaveLength(1);
		expect(ofType('dfc-b:Catalog')).toHaveLength(1);
		expect(ofType('dfc-b:SuppliedProduct')).toHaveLength(variantCount.n);
		expect(ofType('dfc-b:CatalogItem')).toHaveLength(variantCount.n);
		expect(ofType('dfc-b:Offer')).toHaveLength(variantCount.n);
		// Prices in euros incl. VAT, matching the variants; origin in the description.
		const [v] = await queryRows<{ id: string; price_cents: number; vat_rate_bps: number }>(
			database.db,
			sql`select v.id, v.price_cents, p.vat_rate_bps from variants v join products p on p.id = v.product_id
				join product_producers pp on pp.product_id = p.id where p.shop_id = ${shop.id} and p.status = 'active' and not v.archived limit 1`
		);
		const offer = graph.find((n) => String(n['@id']).endsWith(`#offer-${v.id}`))!;
		expect(offer['dfc-b:hasPrice']).toEqual({
			'@type': 'dfc-b:Price',
			'dfc-b:value': v.price_cents / 100,
			'dfc-b:VATrate': v.vat_rate_bps / 100,
			'dfc-b:hasUnit': 'dfc-m:Euro'
		});
		const sp = graph.find((n) => String(n['@id']).endsWith(`?variante=${v.id}`))!;
		expect(sp['dfc-b:description']).toMatch(/Origine : .+/);
		expect(JSON.stringify(doc)).not.toContain('"undefined"');
	});

	it('serves only active shops by slug, and a shop with no product as an empty but valid catalogue', async () => {
		await expect(exportDfcCatalog(database.db, { territoryId: shop.territory_id, slug: 'nope' }, ORIGIN)).rejects.toBeInstanceOf(
			NotFoundError
		);
		const [empty] = await queryRows<{ id: string }>(
			database.db,
			sql`select id from shops s where not exists (select 1 from products p where p.shop_id = s.id and p.status = 'active') limit 1`
		);
		if (empty) {
			const doc = await exportDfcCatalog(database.db, { id: empty.id }, ORIGIN);
			expect(validateDfc(doc)).toEqual([]);
			expect((doc['@graph'] as Node[]).filter((n) => n['@type'] === 'dfc-b:SuppliedProduct')).toHaveLength(0);
		}
	});
});
