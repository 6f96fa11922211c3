import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDatabase } from '../../../../tests/setup/db.ts';
import { decodeQrCodes, inkPixels, labelRegion, pdfText } from '../../../../tests/support/pdf-qr.ts';
import { queryRows, type Database } from '../db/client.ts';
import { seedDemo } from '../db/seed/index.ts';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import { loadLabels, traceabilityUrl, type LabelData } from './data.ts';
import { parseSheetForm } from './input.ts';
import { MAX_LABELS } from './layouts.ts';
import { printable, renderLabelSheets } from './pdf.ts';

// Shelf labels from the demo catalogue: real database, real PDF read back (text by unpdf; the
// page rendered by poppler's pdftoppm, its QR codes decoded by jsQR).
let database: Database;
let scope: ShopScope;
let other: ShopScope;
type Pick = { id: string; name: string; shop_id: string; territory_id: string };
let product: Pick;
const ORIGIN = 'https://saint-aubin.example';

beforeAll(async () => {
	database = await testDatabase();
	await seedDemo(database.db, { now: new Date('2026-11-26T08:00:00Z') });
	// A product with an origin producer, a distance, a unit price and the short-circuit badge.
	[product] = await queryRows<Pick>(
		database.db,
		sql`select p.id, p.name, p.shop_id, p.territory_id from products p
			join product_producers pp on pp.product_id = p.id and pp.position = 0
			join variants v on v.product_id = p.id and v.net_quantity is not null and not v.archived
			where p.origin_km is not null and p.intermediaries <= 1 and p.status = 'active'
			order by p.name limit 1`
	);
	scope = { userId: 'u', territoryId: product.territory_id, shopId: product.shop_id, role: 'shop_owner' };
	const [otherShop] = await queryRows<{ id: string }>(database.db, sql`select id from shops where id <> ${product.shop_id} limit 1`);
	other = { ...scope, shopId: otherShop.id };
	await database.db.execute(
		sql`insert into lots (product_id, shop_id, code, produced_on, best_before) values (${product.id}, ${product.shop_id}, 'R-2026/11 #4', '2026-11-20', '2026-12-20')`
	);
}, 120_000);
afterAll(async () => database?.close());

describe('shelf label data', () => {
	it('reads price, unit price, producer, place, distance and short circuit from the tables', async () => {
		const [label] = await loadLabels(database.db, scope, [{ productId: product.id, quantity: 1, lotCode: null }]);
		expect(label.name).toBe(product.name);
		expect(label.priceCents).toBeGreaterThan(0);
		expect(label.unitPrice?.cents).toBeGreaterThan(0);
		expect(label.producerName).toBeTruthy();
		expect(label.place).toBeTruthy();
		expect(label.originKm).not.toBeNull();
		expect(label.shortCircuit).toBe(true);
	});

	it("refuses another shop's product and an unknown lot as not found", async () => {
		await expect(loadLabels(database.db, other, [{ productId: product.id, quantity: 1, lotCode: null }])).rejects.toBeInstanceOf(
			NotFoundError
		);
		await expect(loadLabels(database.db, scope, [{ productId: product.id, quantity: 1, lotCode: 'NOPE' }])).rejects.toBeInstanceOf(
			NotFoundError
		);
	});

	it('repeats each product by its quantity, in the order asked, with its lot', async () => {
		const labels = await loadLabels(database.db, scope, [{ productId: product.id, quantity: 3, lotCode: 'R-2026/11 #4' }]);
		expect(labels).toHaveLength(3);
		expect(labels[0].lotCode).toBe('R-2026/11 #4');
		expect(labels[0].bestBefore).toBe('2026-12-20');
	});
});

describe('the sheet form', () => {
	const id = '0b7a43a2-5a3e-4b36-9d1f-4c1b4b7a7c10';
	it('reads products, quantities, lots, layout and start', () => {
		const r = parseSheetForm({ product: [id], [`qty-${id}`]: '4', [`lot-${id}`]: ' L1 ', layout: 'l7163', start: '3' }, 'fr');
		expect(r).toEqual({ layout: 'l7163', start: 3, requests: [{ productId: id, quantity: 4, lotCode: 'L1' }] });
	});
	it('says clearly when nothing is chosen, too many labels, a bad quantity or a start off the sheet', () => {
		const fields = (values: Record<string, string | string[]>) => {
			try {
				parseSheetForm(values, 'fr');
			} catch (e) {
				expect(e).toBeInstanceOf(InvalidInputError);
				return (e as InvalidInputError).fields;
			}
			throw new Error('accepted');
		};
		expect(fields({ layout: 'l7160' }).product[0]).toContain('Choisissez au moins un produit');
		expect(fields({ layout: 'l7160', product: id, [`qty-${id}`]: '0' }).product[0]).toContain('Choisissez au moins un produit');
		expect(fields({ layout: 'l7160', product: id, [`qty-${id}`]: String(MAX_LABELS + 1) })[`qty-${id}`]).toBeDefined();
		expect(fields({ layout: 'l7160', product: id, [`qty-${id}`]: '-2' })[`qty-${id}`]).toBeDefined();
		expect(fields({ layout: 'l7160', product: id, [`qty-${id}`]: 'douze' })[`qty-${id}`]).toBeDefined();
		const many = Array.from({ length: 3 }, (_, i) => `0b7a43a2-5a3e-4b36-9d1f-4c1b4b7a7c1${i}`);
		expect(fields({ layout: 'l7160', product: many, ...Object.fromEntries(many.map((m) => [`qty-${m}`, '200'])) }).product[0]).toContain(
			'500'
		);
		expect(fields({ layout: 'l7160', product: id, [`lot-${id}`]: 'L'.repeat(61) })[`lot-${id}`]).toBeDefined();
		expect(
			fields({
				layout: 'l7160',
				product: Array.from({ length: MAX_LABELS + 1 }, (_, i) => `0b7a43a2-5a3e-4b36-9d1f-${String(i).padStart(12, '0')}`)
			}).product[0]
		).toContain('500');
		expect(fields({ layout: 'l7165', product: id, start: '9' }).start).toBeDefined();
		expect(fields({ layout: 'l7165', product: id, start: '0' }).start).toBeDefined();
		expect(fields({ layout: 'a0', product: id }).layout).toBeDefined();
		expect(() => parseSheetForm({ layout: 'l7160', product: "1' or 1=1" }, 'fr')).toThrow(NotFoundError);
	});
});

describe('the label PDF', () => {
	it('prints name, price, unit price, origin and distance, with a QR code that decodes to the traceability page', async () => {
		const labels = await loadLabels(database.db, scope, [{ productId: product.id, quantity: 2, lotCode: null }]);
		const bytes = await renderLabelSheets({ labels, layout: 'l7160', start: 1, origin: ORIGIN, locale: 'fr', shopName: 'Essai' });
		const { text, pages } = await pdfText(bytes);
		expect(pages).toBe(1);
		const l = labels[0];
		expect(text).toContain(printable(l.name).slice(0, 12));
		const euros = (c: number) => (c / 100).toFixed(2).replace('.', ',');
		expect(text).toContain(`${euros(l.priceCents!)} €`);
		expect(text).toContain(`soit ${euros(l.unitPrice!.cents)} €/${l.unitPrice!.per === 'kg' ? 'kg' : 'L'}`);
		expect(text).toContain(l.producerName!.slice(0, 10));
		expect(text).toMatch(/à [\d,]+ km/);
		expect(text).toContain('Circuit court');
		const codes = await decodeQrCodes(bytes, 1, [labelRegion('l7160', 1, 0), labelRegion('l7160', 1, 1)]);
		expect(codes).toEqual([`${ORIGIN}/tracabilite/${product.id}`, `${ORIGIN}/tracabilite/${product.id}`]);
	}, 60_000);

	it('points to the lot page on every layout, from a start position on a used sheet', async () => {
		const labels = await loadLabels(database.db, scope, [{ productId: product.id, quantity: 1, lotCode: 'R-2026/11 #4' }]);
		const expected = `${ORIGIN}/tracabilite/${product.id}/lot/R-2026%2F11%20%234`;
		expect(traceabilityUrl(ORIGIN, product.id, 'R-2026/11 #4')).toBe(expected);
		for (const layout of ['l7160', 'l7163', 'l7165', 'shelf'] as const) {
			const start = 4;
			const bytes = await renderLabelSheets({ labels, layout, start, origin: ORIGIN, locale: 'en', shopName: 'Test' });
			const [code] = await decodeQrCodes(bytes, 1, [labelRegion(layout, start, 0)]);
			expect(code, layout).toBe(expected);
			const { text } = await pdfText(bytes);
			expect(text).toContain('Batch R-2026/11 #4');
		}
	}, 120_000);

	it('never lets a long name or producer overflow: shrinks then cuts with an ellipsis', async () => {
		const long: LabelData = {
			productId: product.id,
			name: 'Confiture extra de fraises Mara des bois et rhubarbe du jardin, cuite au chaudron de cuivre, recette de grand-mère 😀',
			variantName: 'Pot de 370 g',
			priceCents: 123456,
			unitPrice: { cents: 333665, per: 'kg' },
			producerName: 'Groupement agricole d’exploitation en commun des Vergers de la Vallée de la Loire',
			place: 'Saint-Martin-de-la-Place-sur-Loire-et-Authion',
			originKm: 1234.5,
			shortCircuit: true,
			labels: ['ab', 'label_rouge', 'igp', 'hve', 'nature_progres', 'fait_maison'],
			lotId: null,
			lotCode: 'LOT-AVEC-UN-CODE-TRES-LONG-0123456789',
			bestBefore: null
		};
		const bytes = await renderLabelSheets({ labels: [long], layout: 'l7160', start: 1, origin: ORIGIN, locale: 'fr', shopName: 'Test' });
		const { text, pages } = await pdfText(bytes);
		expect(pages).toBe(1);
		expect(text).toContain('…');
		expect(text).not.toContain('recette de grand-mère');
		expect(text).toContain('1 234,56 €');
		// Nothing drawn outside the first label: the rest of the page is blank.
		const first = labelRegion('l7160', 1, 0);
		const right = first.left + first.width;
		const below = first.top + first.height;
		expect(
			await inkPixels(bytes, 1, [
				{ left: right, top: 0, width: 1 - right, height: 1 },
				{ left: 0, top: below, width: 1, height: 1 - below }
			])
		).toEqual([0, 0]);
		const [code] = await decodeQrCodes(bytes, 1, [labelRegion('l7160', 1, 0)]);
		expect(code).toBe(`${ORIGIN}/tracabilite/${product.id}/lot/LOT-AVEC-UN-CODE-TRES-LONG-0123456789`);
	}, 60_000);

	it('fills several sheets for many labels', async () => {
		const labels = await loadLabels(database.db, scope, [{ productId: product.id, quantity: 30, lotCode: null }]);
		const bytes = await renderLabelSheets({ labels, layout: 'l7165', start: 7, origin: ORIGIN, locale: 'fr', shopName: 'Test' });
		// 2 free places on the first sheet, then 8 per sheet: 2 + 8 + 8 + 8 + 4.
		expect((await pdfText(bytes)).pages).toBe(5);
	}, 60_000);
});
