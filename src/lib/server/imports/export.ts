import { and, asc, eq } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { categories, products, variants } from '../db/schema/index.ts';
import type { Db } from '../db/client.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import { t, type Locale } from '../i18n.ts';
import { COLUMNS, type ColumnKey } from './columns.ts';
import { NO_ALLERGENS } from '../catalog/product-input.ts';

/** The decimal comma of French spreadsheets: 3.5 → "3,5" (a French Excel reads "3.5" as text or a date). */
const frNumber = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n).replace('.', ','));

const UNIT_WORD: Record<string, string> = {
	piece: 'pièce',
	kg: 'kg',
	g: 'g',
	l: 'l',
	cl: 'cl',
	bunch: 'botte',
	dozen: 'douzaine',
	box: 'boîte'
};
const MODE_WORD: Record<string, string> = { tracked: 'suivi', unlimited: 'illimité', on_order: 'sur commande' };

/** The shop's catalogue, one row per variant (archived products and variants left out), in file column order. */
export async function exportRows(db: Db, scope: ShopScope, locale: Locale = 'fr'): Promise<Record<ColumnKey, string | number>[]> {
	const rows = await db
		.select({ p: products, v: variants, category: categories.name })
		.from(variants)
		.innerJoin(products, eq(products.id, variants.productId))
		.leftJoin(categories, eq(categories.id, products.categoryId))
		.where(and(eq(products.shopId, scope.shopId), eq(products.status, 'active'), eq(variants.archived, false)))
		.orderBy(asc(products.name), asc(variants.position), asc(variants.name));
	return rows.map(({ p, v, category }) => ({
		sku: v.sku ?? '',
		product: p.name,
		variant: v.name,
		category: category ?? '',
		unit: UNIT_WORD[p.unit] ?? p.unit,
		price: frNumber(v.priceCents / 100),
		vat: frNumber(p.vatRateBps / 100),
		stock: v.stockMode === 'tracked' ? frNumber(v.stock) : '',
		stockMode: MODE_WORD[v.stockMode],
		leadDays: v.leadDays ?? '',
		netQuantity: frNumber(v.netQuantity),
		netUnit: v.netUnit ?? '',
		allergens: p.allergens.map((a) => (a === NO_ALLERGENS ? t('media_import_no_allergen', locale) : t(`allergen_${a}`, locale))).join(', '),
		labels: p.labels.map((l) => t(`label_${l}`, locale)).join(', '),
		ingredients: p.ingredients ?? '',
		storage: p.storage ?? '',
		origin: p.origin ?? '',
		ean: p.ean ?? '',
		description: p.description
	}));
}

const HEADERS = COLUMNS.map((c) => c.header);

/**
 * CSV for French Excel: `;` separator, decimal commas, UTF-8 with a BOM (without it Excel reads
 * the accents as Windows-1252), CRLF line ends.
 */
export function toCsv(rows: Record<ColumnKey, string | number>[]): Uint8Array {
	const body = stringify([HEADERS, ...rows.map((r) => COLUMNS.map((c) => r[c.key]))], {
		delimiter: ';',
		record_delimiter: '\r\n',
		bom: true
	});
	return new TextEncoder().encode(body);
}

export async function toXlsx(rows: Record<ColumnKey, string | number>[], sheetName: string): Promise<Uint8Array> {
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet(sheetName.slice(0, 31) || 'Catalogue');
	sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: Math.max(12, c.header.length + 2) }));
	sheet.getRow(1).font = { bold: true };
	sheet.views = [{ state: 'frozen', ySplit: 1 }];
	for (const r of rows) {
		// Numbers as numbers in a workbook (the spreadsheet formats them in the user's locale).
		const num = (v: string | number) => (typeof v === 'string' && /^-?\d+(,\d+)?$/.test(v) ? Number(v.replace(',', '.')) : v);
		sheet.addRow({
			...r,
			price: num(r.price),
			vat: num(r.vat),
			stock: num(r.stock),
			netQuantity: num(r.netQuantity),
			sku: String(r.sku),
			ean: String(r.ean)
		});
	}
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The template: the headers and two example rows a merchant replaces with their own. */
export function templateCsv(): Uint8Array {
	const example = (r: Partial<Record<ColumnKey, string>>) =>
		COLUMNS.reduce((o, c) => ({ ...o, [c.key]: r[c.key] ?? '' }), {} as Record<ColumnKey, string>);
	return toCsv([
		example({
			sku: 'PAIN-CAMP-500',
			product: 'Pain de campagne',
			variant: '500 g',
			unit: 'pièce',
			price: '3,20',
			vat: '5,5',
			stock: '20',
			stockMode: 'suivi',
			netQuantity: '0,5',
			netUnit: 'kg',
			allergens: 'Gluten',
			labels: 'Agriculture biologique',
			ingredients: 'Farine de blé T80, eau, levain, sel',
			storage: 'À conserver dans un torchon, 3 jours',
			origin: 'Blé de la Beauce'
		}),
		example({
			sku: 'PAIN-CAMP-1000',
			product: 'Pain de campagne',
			variant: '1 kg',
			unit: 'pièce',
			price: '5,90',
			vat: '5,5',
			stock: '10',
			stockMode: 'suivi',
			netQuantity: '1',
			netUnit: 'kg',
			allergens: 'Gluten',
			labels: 'Agriculture biologique',
			ingredients: 'Farine de blé T80, eau, levain, sel',
			storage: 'À conserver dans un torchon, 3 jours',
			origin: 'Blé de la Beauce'
		})
	]);
}
