import { and, eq, inArray, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { auditLog, catalogImports, categories, products, stockMovements, variants } from '../db/schema/index.ts';
import type { Db } from '../db/client.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.ts';
import { t, type Locale } from '../i18n.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import { config } from '../config.ts';
import { slugify } from '../../slug.ts';
import { FileProblem, kindOf, readCsv, readXlsx, type Table } from './read-file.ts';
import { checkRows, type ImportRow, type Problem } from './rows.ts';

/** Largest accepted import file (a 10,000-row CSV is about 2 MB). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ImportSummary = { rows: number; creates: number; updates: number; unchanged: number; newProducts: number; problems: number };

const fileError = (key: string, locale: Locale, params: Record<string, unknown> = {}) =>
	new InvalidInputError({ file: [t(key, locale, params)] });

/** The shop's variants by SKU (lower-cased), with their product. */
async function existingBySku(db: Db, shopId: string, skus: string[]) {
	const out = new Map<
		string,
		{ variantId: string; productId: string; productName: string; stock: number; stockMode: string; priceCents: number; name: string }
	>();
	const lower = [...new Set(skus.map((s) => s.toLowerCase()).filter(Boolean))];
	for (let i = 0; i < lower.length; i += 1000) {
		const rows = await db
			.select({
				sku: variants.sku,
				variantId: variants.id,
				productId: products.id,
				productName: products.name,
				stock: variants.stock,
				stockMode: variants.stockMode,
				priceCents: variants.priceCents,
				name: variants.name
			})
			.from(variants)
			.innerJoin(products, eq(products.id, variants.productId))
			.where(and(eq(products.shopId, shopId), inArray(sql`lower(${variants.sku})`, lower.slice(i, i + 1000))));
		for (const r of rows) if (r.sku) out.set(r.sku.toLowerCase(), r);
	}
	return out;
}

/**
 * The dry run: reads the file, checks every row and stores the result in `catalog_imports`
 * (nothing in the catalogue changes). A file that cannot be read at all (encoding, missing
 * columns, too many rows) is refused with one message and nothing is stored.
 */
export async function checkImport(
	db: Db,
	scope: ShopScope,
	input: { filename: string; bytes: Uint8Array; locale: Locale },
	maxRows: number = config().importMaxRows
): Promise<{ id: string; summary: ImportSummary; problems: Problem[] }> {
	const { bytes, locale } = input;
	const filename = (input.filename || 'import').slice(0, 200);
	if (!bytes.byteLength) throw fileError('media_import_error_empty', locale);
	if (bytes.byteLength > MAX_FILE_BYTES)
		throw fileError('media_import_error_file_too_large', locale, { max: MAX_FILE_BYTES / 1024 / 1024 });
	let table: Table;
	let checked: ReturnType<typeof checkRows>;
	try {
		table = kindOf(bytes) === 'xlsx' ? await readXlsx(bytes, maxRows) : readCsv(bytes, maxRows);
		if (table.truncated)
			throw new FileProblem('media_import_error_too_many_rows', { max: maxRows.toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB') });
		if (!table.rows.length) throw new FileProblem('media_import_error_no_rows');
		const cats = await db
			.select({ id: categories.id, slug: categories.slug, name: categories.name })
			.from(categories)
			.where(eq(categories.territoryId, scope.territoryId));
		checked = checkRows(table, cats, locale);
	} catch (error) {
		if (error instanceof FileProblem) throw fileError(error.key, locale, error.params);
		throw error;
	}
	const { rows, problems } = checked;
	const existing = await existingBySku(
		db,
		scope.shopId,
		rows.map((r) => r.sku)
	);
	const updates = rows.filter((r) => existing.has(r.sku.toLowerCase())).length;
	const existingNames = new Set([...existing.values()].map((e) => e.productName.toLowerCase()));
	const newProducts = new Set(
		rows
			.filter((r) => !existing.has(r.sku.toLowerCase()) && !existingNames.has(r.product.toLowerCase()))
			.map((r) => r.product.toLowerCase())
	).size;
	const summary: ImportSummary = {
		rows: rows.length,
		creates: rows.length - updates,
		updates,
		unchanged: 0,
		newProducts,
		problems: problems.length
	};
	const [row] = await db
		.insert(catalogImports)
		.values({ shopId: scope.shopId, userId: scope.userId, filename, rows: rows as unknown as Record<string, unknown>[], problems, summary })
		.returning({ id: catalogImports.id });
	return { id: row.id, summary, problems };
}

/** One of the shop's imports; another shop's id (or a malformed one) is a 404. */
export async function getImport(db: Db, scope: ShopScope, id: string) {
	if (!UUID.test(id)) throw new NotFoundError('import');
	const [row] = await db
		.select({
			id: catalogImports.id,
			filename: catalogImports.filename,
			problems: catalogImports.problems,
			status: catalogImports.status,
			summary: catalogImports.summary,
			createdAt: catalogImports.createdAt,
			appliedAt: catalogImports.appliedAt
		})
		.from(catalogImports)
		.where(and(eq(catalogImports.id, id), eq(catalogImports.shopId, scope.shopId)));
	if (!row) throw new NotFoundError('import');
	return { ...row, summary: row.summary as ImportSummary };
}

/** Same name → same product (case-insensitive): the slug from the name, made unique in the shop. */
function uniqueSlug(name: string, taken: Set<string>): string {
	const base = slugify(name) || 'produit';
	let slug = base;
	for (let n = 2; taken.has(slug); n++) slug = `${base.slice(0, 74)}-${n}`;
	taken.add(slug);
	return slug;
}

const chunks = <T>(list: T[], size: number) =>
	Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));

/**
 * Applies a checked import, all or nothing, in one transaction: an existing SKU updates its
 * variant (and its product), a new SKU creates a variant, under the product of the same name in
 * the file or the shop, or a new product. Stock changes are stock movements with reason
 * 'import'. The import row is claimed first (checked → applied), so a replayed or concurrent
 * confirmation applies it once.
 */
export async function applyImport(db: Db, scope: ShopScope, id: string): Promise<ImportSummary> {
	const found = await getImport(db, scope, id);
	if (found.status === 'applied') throw new ConflictError('media_import_error_already_applied');
	if (found.problems.length) throw new ConflictError('media_import_error_has_problems');
	return db.transaction(async (tx) => {
		const [claimed] = await tx
			.update(catalogImports)
			.set({ status: 'applied', appliedAt: new Date() })
			.where(and(eq(catalogImports.id, id), eq(catalogImports.shopId, scope.shopId), eq(catalogImports.status, 'checked')))
			.returning({ rows: catalogImports.rows });
		if (!claimed) throw new ConflictError('media_import_error_already_applied');
		const rows = claimed.rows as unknown as ImportRow[];
		const existing = await existingBySku(
			tx as unknown as Db,
			scope.shopId,
			rows.map((r) => r.sku)
		);
		const shopProducts = await tx
			.select({ id: products.id, name: products.name, slug: products.slug })
			.from(products)
			.where(eq(products.shopId, scope.shopId));
		const takenSlugs = new Set(shopProducts.map((p) => p.slug));
		const productByName = new Map<string, string>();
		for (const p of shopProducts) if (!productByName.has(p.name.toLowerCase())) productByName.set(p.name.toLowerCase(), p.id);
		// Rows whose SKU exists decide which product a name refers to in this file.
		for (const r of rows) {
			const e = existing.get(r.sku.toLowerCase());
			if (e) productByName.set(r.product.toLowerCase(), e.productId);
		}

		const productFields = (r: ImportRow) => ({
			name: r.product,
			vatRateBps: r.vatRateBps,
			...(r.unit !== undefined && { unit: r.unit }),
			...(r.categoryId !== undefined && { categoryId: r.categoryId }),
			...(r.allergens !== undefined && { allergens: r.allergens }),
			...(r.labels !== undefined && { labels: r.labels }),
			...(r.ingredients !== undefined && { ingredients: r.ingredients }),
			...(r.storage !== undefined && { storage: r.storage }),
			...(r.origin !== undefined && { origin: r.origin }),
			...(r.ean !== undefined && { ean: r.ean }),
			...(r.description !== undefined && { description: r.description })
		});
		const variantFields = (r: ImportRow) => ({
			name: r.variant,
			sku: r.sku,
			priceCents: r.priceCents,
			...(r.stockMode !== undefined && { stockMode: r.stockMode }),
			...(r.leadDays !== undefined && { leadDays: r.leadDays }),
			...(r.netQuantity !== undefined && { netQuantity: r.netQuantity }),
			...(r.netUnit !== undefined && { netUnit: r.netUnit })
		});

		// New products: one per product name not found, with the fields of its first row.
		const newProducts: (typeof products.$inferInsert)[] = [];
		for (const r of rows) {
			const key = r.product.toLowerCase();
			if (productByName.has(key)) continue;
			const productId = randomUUID();
			productByName.set(key, productId);
			newProducts.push({
				id: productId,
				shopId: scope.shopId,
				territoryId: scope.territoryId,
				slug: uniqueSlug(r.product, takenSlugs),
				unit: 'piece',
				...productFields(r)
			});
		}
		for (const part of chunks(newProducts, 500)) await tx.insert(products).values(part);

		// Existing products named in the file: updated once, from their first row.
		const updatedProducts = new Set(newProducts.map((p) => p.id));
		const newVariants: (typeof variants.$inferInsert)[] = [];
		const movements: (typeof stockMovements.$inferInsert)[] = [];
		let updates = 0;
		for (const [position, r] of rows.entries()) {
			const productId = productByName.get(r.product.toLowerCase())!;
			if (!updatedProducts.has(productId)) {
				updatedProducts.add(productId);
				await tx
					.update(products)
					.set({ ...productFields(r), updatedAt: new Date() })
					.where(and(eq(products.id, productId), eq(products.shopId, scope.shopId)));
			}
			const e = existing.get(r.sku.toLowerCase());
			const mode = r.stockMode ?? (e?.stockMode as ImportRow['stockMode']) ?? 'tracked';
			if (!e) {
				const variantId = randomUUID();
				const stock = mode === 'tracked' ? (r.stock ?? 0) : 0;
				newVariants.push({ id: variantId, productId, position, ...variantFields(r), stockMode: mode, stock });
				if (stock > 0) movements.push({ variantId, shopId: scope.shopId, delta: stock, reason: 'import', actorUserId: scope.userId });
				continue;
			}
			updates++;
			await tx
				.update(variants)
				.set({ ...variantFields(r), productId, archived: false })
				.where(eq(variants.id, e.variantId));
			// Only a tracked variant with a stock cell changes stock, by the difference, as a movement.
			if (mode === 'tracked' && r.stock !== undefined && r.stock !== null) {
				const delta = Math.round((r.stock - Number(e.stock)) * 1000) / 1000;
				if (delta !== 0) {
					await tx
						.update(variants)
						.set({ stock: sql`${variants.stock} + ${delta}` })
						.where(eq(variants.id, e.variantId));
					movements.push({ variantId: e.variantId, shopId: scope.shopId, delta, reason: 'import', actorUserId: scope.userId });
				}
			}
		}
		for (const part of chunks(newVariants, 500)) await tx.insert(variants).values(part);
		for (const part of chunks(movements, 1000)) await tx.insert(stockMovements).values(part);

		const summary: ImportSummary = {
			rows: rows.length,
			creates: newVariants.length,
			updates,
			unchanged: 0,
			newProducts: newProducts.length,
			problems: 0
		};
		await tx.update(catalogImports).set({ summary }).where(eq(catalogImports.id, id));
		await tx.insert(auditLog).values({
			territoryId: scope.territoryId,
			shopId: scope.shopId,
			actorUserId: scope.userId,
			action: 'catalog.imported',
			data: { importId: id, filename: found.filename, ...summary }
		});
		return summary;
	});
}
