import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { testDatabase } from '../../../../tests/setup/db.ts';
import { makeShop, makeTerritory } from '../../../../tests/setup/fixtures.ts';
import type { Database } from '../db/client.ts';
import { catalogImports, categories, products, stockMovements, variants } from '../db/schema/index.ts';
import { InvalidInputError } from '../errors.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import { applyImport, checkImport, getImport } from './import.ts';
import { decodeText, detectSeparator, readCsv } from './read-file.ts';
import { parseDecimal } from './rows.ts';
import { exportRows, templateCsv, toCsv, toXlsx } from './export.ts';

let database: Database;
let scope: ShopScope;
let other: ShopScope;

beforeAll(async () => {
	database = await testDatabase();
	const territory = await makeTerritory(database.db);
	await database.db.insert(categories).values({ territoryId: territory.id, slug: 'boulangerie', name: 'Boulangerie' });
	const shop = await makeShop(database.db, territory.id);
	const shop2 = await makeShop(database.db, territory.id);
	scope = { userId: null as unknown as string, territoryId: territory.id, shopId: shop.id, role: 'shop_owner' };
	other = { userId: null as unknown as string, territoryId: territory.id, shopId: shop2.id, role: 'shop_owner' };
});
afterAll(() => database.close());

const utf8 = (s: string) => new TextEncoder().encode(s);
const withBom = (s: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(s)]);
const cp1252 = (s: string) => new Uint8Array(iconv.encode(s, 'win1252'));

async function refusal(promise: Promise<unknown>): Promise<Record<string, string[]>> {
	try {
		await promise;
	} catch (error) {
		expect(error).toBeInstanceOf(InvalidInputError);
		return (error as InvalidInputError).fields;
	}
	throw new Error('expected a refusal');
}

const shopVariants = (s: ShopScope) =>
	database.db
		.select({
			sku: variants.sku,
			name: variants.name,
			price: variants.priceCents,
			stock: variants.stock,
			product: products.name,
			vat: products.vatRateBps
		})
		.from(variants)
		.innerJoin(products, eq(products.id, variants.productId))
		.where(eq(products.shopId, s.shopId))
		.orderBy(variants.sku);
const importCount = async () => (await database.db.select().from(catalogImports)).length;

describe('reading files', () => {
	it('decodes UTF-8 with or without BOM and Windows-1252 from French Excel', () => {
		expect(decodeText(withBom('Crème brûlée')).text).toBe('Crème brûlée');
		expect(decodeText(utf8('Crème brûlée')).text).toBe('Crème brûlée');
		const latin = decodeText(cp1252('Crème brûlée à 3,50 €'));
		expect(latin).toEqual({ text: 'Crème brûlée à 3,50 €', encoding: 'windows-1252' });
		expect(() => decodeText(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]))).toThrow(/encoding/);
		expect(() => decodeText(new Uint8Array([0x41, 0x81, 0x42]))).toThrow(/encoding/);
	});

	it('detects the separator and reads decimal commas', () => {
		expect(detectSeparator('sku;produit;prix\n')).toBe(';');
		expect(detectSeparator('sku,"produit; nom",prix\n')).toBe(',');
		expect(detectSeparator('a\tb\tc')).toBe('\t');
		expect(parseDecimal('3,50')).toBe(3.5);
		expect(parseDecimal('1 234,5 €')).toBe(1234.5);
		expect(parseDecimal('5,5 %')).toBe(5.5);
		expect(parseDecimal('trois')).toBeNull();
		const table = readCsv(utf8('SKU,Produit,Prix TTC,TVA\r\nA1,"Pain, gros",3.5,5.5\r\n\r\nA2,Baguette,1.2,5.5\r\n'), 100);
		expect(table.rows.map((r) => [r.line, r.cells[1]])).toEqual([
			[2, 'Pain, gros'],
			[4, 'Baguette']
		]);
	});
});

describe('dry run', () => {
	it('lists every bad row with its line, column and reason, and writes nothing to the catalogue', async () => {
		const csv = [
			'Référence;Produit;Variante;Prix TTC;TVA;Stock;Unité;Allergènes;EAN;Catégorie',
			'B1;Baguette;;1,20;5,5;30;pièce;Gluten;;Boulangerie',
			';Croissant;;1,10;5,5;10;pièce;;;',
			'B3;Pain au chocolat;;-2;5,5;10;pièce;;;',
			'B4;Chausson;;abc;7;10;pièce;;;',
			'B1;Brioche;;3,00;5,5;x;pièce;Poussière;123;Boucherie',
			'B6;Tarte;;3,999;5,5;2,5;pièce;;;'
		].join('\r\n');
		const result = await checkImport(database.db, scope, { filename: 'cat.csv', bytes: cp1252(csv), locale: 'fr' });
		const at = (line: number) => result.problems.filter((p) => p.line === line).map((p) => `${p.column}: ${p.message}`);
		expect(at(2)).toEqual([]);
		expect(at(3)).toEqual(['SKU: Obligatoire.']);
		expect(at(4)).toEqual(['Prix TTC: Un prix ne peut pas être négatif.']);
		expect(at(5)).toEqual([
			'TVA: Taux de TVA inconnu : choisissez 5,5 %, 10 %, 20 % ou 2,1 %.',
			'Prix TTC: Prix invalide : écrivez par exemple 3,50.'
		]);
		expect(at(6)).toEqual([
			'SKU: La référence « B1 » est déjà utilisée ligne 2 : chaque variante doit avoir sa propre référence.',
			'Allergènes: Allergène « Poussière » inconnu (les 14 allergènes réglementaires, séparés par des virgules).',
			'Catégorie: Catégorie « Boucherie » inconnue sur ce territoire.',
			'EAN: Code-barres invalide : 8 ou 13 chiffres, clé de contrôle comprise.',
			"Stock: Stock invalide : un nombre positif ou nul, jusqu'à 1 000 000, 3 décimales au plus."
		]);
		expect(at(7)).toEqual(['Prix TTC: Prix invalide : écrivez par exemple 3,50.']);
		expect(await shopVariants(scope)).toEqual([]);
		await expect(applyImport(database.db, scope, result.id)).rejects.toMatchObject({ status: 409 });
		expect(await shopVariants(scope)).toEqual([]);
		expect((await getImport(database.db, scope, result.id)).status).toBe('checked');
	});

	it('refuses unreadable files with one clear message and stores nothing', async () => {
		const before = await importCount();
		const check = (bytes: Uint8Array, maxRows?: number) =>
			refusal(checkImport(database.db, scope, { filename: 'x.csv', bytes, locale: 'fr' }, maxRows));
		expect((await check(utf8('Produit;Prix\nPain;3\n'))).file[0]).toBe(
			'Colonnes obligatoires absentes : SKU, TVA. Partez du modèle téléchargeable pour avoir les bons en-têtes.'
		);
		expect((await check(new Uint8Array(0))).file[0]).toBe('Ce fichier est vide.');
		expect((await check(utf8('%PDF-1.4\n\u0000\u0001binary'))).file[0]).toMatch(/encodage inconnu/);
		// UTF-16 without its BOM: no way to know the encoding.
		expect((await check(new Uint8Array(iconv.encode('SKU;Produit;Prix;TVA\nA;Pain;3;5,5', 'utf-16be')))).file[0]).toMatch(
			/encodage inconnu/
		);
		const rows = Array.from({ length: 50_000 }, (_, i) => `S${i};Produit ${i};1,00;5,5`);
		const big = utf8(['SKU;Produit;Prix;TVA', ...rows].join('\n'));
		expect((await check(big, 10_000)).file[0]).toBe(
			'Ce fichier a plus de 10\u202f000 lignes, le maximum pour un import. Coupez-le en plusieurs fichiers.'
		);
		expect(await importCount()).toBe(before);
	});
});

describe('applying an import', () => {
	const file = (stock: string, price = '3,20') =>
		withBom(
			[
				'SKU;Produit;Variante;Unité;Prix TTC;TVA;Stock;Gestion du stock;Allergènes;Labels;Catégorie',
				`PC-500;Pain de campagne;500 g;pièce;${price};5,5;${stock};suivi;Gluten;Bio;Boulangerie`,
				'PC-1000;Pain de campagne;1 kg;pièce;5,90;5,5;10;suivi;Gluten;Bio;Boulangerie',
				'MIEL;Miel de fleurs;;pièce;8,50;5,5;;illimité;;;'
			].join('\r\n')
		);

	it('creates products and variants with their stock movements, then updates by SKU on re-import', async () => {
		const first = await checkImport(database.db, scope, { filename: 'c.csv', bytes: file('20'), locale: 'fr' });
		expect(first.problems).toEqual([]);
		expect(first.summary).toMatchObject({ rows: 3, creates: 3, updates: 0, newProducts: 2 });
		const applied = await applyImport(database.db, scope, first.id);
		expect(applied).toMatchObject({ creates: 3, updates: 0, newProducts: 2 });
		expect(await shopVariants(scope)).toEqual([
			{ sku: 'MIEL', name: 'Unité', price: 850, stock: 0, product: 'Miel de fleurs', vat: 550 },
			{ sku: 'PC-1000', name: '1 kg', price: 590, stock: 10, product: 'Pain de campagne', vat: 550 },
			{ sku: 'PC-500', name: '500 g', price: 320, stock: 20, product: 'Pain de campagne', vat: 550 }
		]);
		const [pain] = await database.db
			.select()
			.from(products)
			.where(and(eq(products.shopId, scope.shopId), eq(products.name, 'Pain de campagne')));
		expect(pain.allergens).toEqual(['gluten']);
		expect(pain.labels).toEqual(['ab']);
		expect(pain.categoryId).not.toBeNull();
		const moves = await database.db.select().from(stockMovements).where(eq(stockMovements.shopId, scope.shopId));
		expect(moves.map((m) => [m.delta, m.reason]).sort()).toEqual([
			[10, 'import'],
			[20, 'import']
		]);

		// Replayed confirmation: applied once.
		await expect(applyImport(database.db, scope, first.id)).rejects.toMatchObject({ status: 409 });

		const again = await checkImport(database.db, scope, { filename: 'c.csv', bytes: file('12', '3,40'), locale: 'fr' });
		expect(again.summary).toMatchObject({ creates: 0, updates: 3, newProducts: 0 });
		await applyImport(database.db, scope, again.id);
		const after = await shopVariants(scope);
		expect(after).toHaveLength(3);
		expect(after.find((v) => v.sku === 'PC-500')).toMatchObject({ price: 340, stock: 12 });
		expect((await database.db.select().from(products).where(eq(products.shopId, scope.shopId))).length).toBe(2);
		const moves2 = await database.db.select().from(stockMovements).where(eq(stockMovements.shopId, scope.shopId));
		expect(moves2.map((m) => m.delta).sort()).toEqual([-8, 10, 20]);
		expect(moves2.find((m) => m.delta === -8)!.reason).toBe('import');
	});

	it('is all or nothing: a row failing in the database leaves the catalogue as it was', async () => {
		const before = await shopVariants(scope);
		const movesBefore = (await database.db.select().from(stockMovements)).length;
		const checked = await checkImport(database.db, scope, {
			filename: 'c.csv',
			bytes: utf8('SKU;Produit;Variante;Prix;TVA;Stock\nPC-500;Pain de campagne;500 g;9,99;5,5;99\nNEW-2;Autre;;2,00;20;3\n'),
			locale: 'fr'
		});
		expect(checked.problems).toEqual([]);
		// Tamper with the stored rows: the new product points at a category that does not exist, so
		// its insert fails after the update of PC-500 was written in the same transaction.
		const [stored] = await database.db.select().from(catalogImports).where(eq(catalogImports.id, checked.id));
		const rows = stored.rows as { input: { categoryId: string | null } }[];
		rows[1].input.categoryId = '00000000-0000-4000-8000-000000000000';
		await database.db.update(catalogImports).set({ rows }).where(eq(catalogImports.id, checked.id));
		await expect(applyImport(database.db, scope, checked.id)).rejects.toThrow();
		expect(await shopVariants(scope)).toEqual(before);
		expect((await database.db.select().from(stockMovements)).length).toBe(movesBefore);
		expect((await getImport(database.db, scope, checked.id)).status).toBe('checked');
	});

	it("keeps imports to their shop: another shop's import id is a 404 and applies nothing", async () => {
		const checked = await checkImport(database.db, scope, {
			filename: 'c.csv',
			bytes: utf8('SKU,Produit,Prix,TVA\nZ1,Zèbre,1.5,20\n'),
			locale: 'en'
		});
		await expect(getImport(database.db, other, checked.id)).rejects.toMatchObject({ status: 404 });
		await expect(applyImport(database.db, other, checked.id)).rejects.toMatchObject({ status: 404 });
		await expect(getImport(database.db, scope, 'nope')).rejects.toMatchObject({ status: 404 });
		expect(await shopVariants(other)).toEqual([]);
		expect((await shopVariants(scope)).some((v) => v.sku === 'Z1')).toBe(false);
	});
});

describe('export and template', () => {
	it('writes a CSV French Excel opens (BOM, ;, decimal commas) that imports back unchanged', async () => {
		const rows = await exportRows(database.db, scope);
		const csv = toCsv(rows);
		expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = new TextDecoder().decode(csv);
		expect(text.split('\r\n')[0]).toMatch(/^SKU;Produit;Variante;Catégorie;Unité;Prix TTC;TVA;Stock/);
		expect(text).toContain('PC-500;Pain de campagne;500 g;Boulangerie;pièce;3,4;5,5;12;suivi');
		const back = await checkImport(database.db, scope, { filename: 'export.csv', bytes: csv, locale: 'fr' });
		expect(back.problems).toEqual([]);
		expect(back.summary).toMatchObject({ creates: 0, updates: 3 });
		// Nothing differs from the catalogue: applying it writes no row.
		expect(await applyImport(database.db, scope, back.id)).toMatchObject({ creates: 0, updates: 0, unchanged: 3 });
	});

	it('reads back an .xlsx written by exceljs', async () => {
		const xlsx = await toXlsx(await exportRows(database.db, scope), 'Catalogue');
		const back = await checkImport(database.db, scope, { filename: 'export.xlsx', bytes: xlsx, locale: 'fr' });
		expect(back.problems).toEqual([]);
		expect(back.summary).toMatchObject({ rows: 3, updates: 3 });

		const wb = new ExcelJS.Workbook();
		const sheet = wb.addWorksheet('Feuil1');
		sheet.addRow(['SKU', 'Produit', 'Prix TTC', 'TVA', 'Stock']);
		sheet.addRow(['X-1', 'Confiture', 4.5, 0.055, 7]);
		sheet.addRow(['X-2', 'Compote', { formula: '2+1', result: 3 }, 5.5, 'beaucoup']);
		const checked = await checkImport(database.db, scope, {
			filename: 'f.xlsx',
			bytes: new Uint8Array(await wb.xlsx.writeBuffer()),
			locale: 'en'
		});
		expect(checked.problems).toEqual([
			{ line: 3, column: 'Stock', message: 'Invalid stock: zero or a positive number up to 1,000,000, at most 3 decimals.' }
		]);
	});

	it('offers a template that passes its own dry run', async () => {
		const checked = await checkImport(database.db, other, { filename: 'modele.csv', bytes: templateCsv(), locale: 'fr' });
		expect(checked.problems).toEqual([]);
		expect(checked.summary).toMatchObject({ rows: 2, newProducts: 1 });
	});
});
