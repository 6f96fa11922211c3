import { and, eq, inArray, sql } from 'drizzle-orm';
import { auditLog, catalogImports, categories, products, stockMovements, variants } from '../db/schema/index.ts';
import type { Db } from '../db/client.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.ts';
import { t, type Locale } from '../i18n.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import { config } from '../config.ts';
import { FileProblem, kindOf, readCsv, readXlsx, type Table } from './read-file.ts';
import { readRows, validateProduct, type ParsedRow, type Problem } from './rows.ts';
import { productColumns, productInputSchema, type VariantInput } from '../catalog/product-input.ts';
import { parseInput } from '../http/validate.ts';
import { slugify } from '../../slug.ts';
import { randomUUID } from 'node:crypto';

/** Largest accepted import file (a 10,000-row CSV is about 2 MB). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ImportSummary = { rows: number; creates: number; updates: number; unchanged: number; newProducts: number; problems: number };

const fileError = (key: string, locale: Locale, params: Record<string, unknown> = {}) =>
	new InvalidInputError({ file: [t(key, locale, params)] });

/** The shop's variants named by these SKUs (lower-cased), with their product, to fill the columns a file leaves out. */
async function existingBySku(db: Db, shopId: string, skus: string[]) {
	const out = new Map<string, { product: typeof products.$inferSelect; variant: typeof variants.$inferSelect }>();
	const lower = [...new Set(skus.map((s) => s.toLowerCase()).filter(Boolean))];
	for (let i = 0; i < lower.length; i += 1000) {
		const rows = await db
			.select({ product: products, variant: variants })
			.from(variants)
			.innerJoin(products, eq(products.id, variants.productId))
			.where(and(eq(products.shopId, shopId), inArray(sql`lower(${variants.sku})`, lower.slice(i, i + 1000))));
		for (const r of rows) if (r.variant.sku) out.set(r.variant.sku.toLowerCase(), r);
	}
	return out;
}

/** One product of the file: its rows' line numbers and the input upsertProductBySku receives. */
export type ImportProduct = { lines: number[]; skus: string[]; existing: boolean; input: Record<string, unknown> };

/**
 * Groups rows into products (same name, case-insensitive; an existing SKU's product otherwise
 * keeps its name) and builds each product's input. A column absent from the file keeps the
 * current value of an existing product or variant, and takes the form's default for a new one.
 */
function buildProducts(rows: ParsedRow[], existing: Awaited<ReturnType<typeof existingBySku>>, locale: Locale): ImportProduct[] {
	const groups = new Map<string, ParsedRow[]>();
	for (const r of rows) {
		const key = r.product.toLowerCase();
		const list = groups.get(key);
		if (list) list.push(r);
		else groups.set(key, [r]);
	}
	return [...groups.values()].map((group) => {
		const first = group[0];
		const known = group.map((r) => existing.get(r.sku.toLowerCase())).find(Boolean);
		const current = known?.product;
		const input: Record<string, unknown> = {
			name: first.product,
			description: current?.description ?? '',
			categoryId: current?.categoryId ?? null,
			unit: current?.unit ?? 'piece',
			vatRateBps: current?.vatRateBps,
			allergens: current?.allergens ?? [],
			labels: current?.labels ?? [],
			ingredients: current?.ingredients ?? null,
			storage: current?.storage ?? null,
			origin: current?.origin ?? null,
			ean: current?.ean ?? null,
			seasonalMonths: current?.seasonalMonths ?? [],
			...first.productPart,
			variants: group.map((r) => {
				const v = existing.get(r.sku.toLowerCase())?.variant;
				return {
					sku: r.sku,
					netQuantity: v?.netQuantity ?? null,
					netUnit: v?.netUnit ?? null,
					stockMode: v?.stockMode ?? 'tracked',
					stock: v?.stock ?? 0,
					leadDays: v?.leadDays ?? null,
					...r.variantPart,
					name: r.variantPart.name ?? v?.name ?? t('media_import_default_variant', locale)
				};
			})
		};
		return { lines: group.map((r) => r.line), skus: group.map((r) => r.sku), existing: Boolean(known), input };
	});
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
	let read: ReturnType<typeof readRows>;
	try {
		table = kindOf(bytes) === 'xlsx' ? await readXlsx(bytes, maxRows) : readCsv(bytes, maxRows);
		if (table.truncated)
			throw new FileProblem('media_import_error_too_many_rows', { max: maxRows.toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB') });
		if (!table.rows.length) throw new FileProblem('media_import_error_no_rows');
		const cats = await db
			.select({ id: categories.id, slug: categories.slug, name: categories.name })
			.from(categories)
			.where(eq(categories.territoryId, scope.territoryId));
		read = readRows(table, cats, locale);
	} catch (error) {
		if (error instanceof FileProblem) throw fileError(error.key, locale, error.params);
		throw error;
	}
	const existing = await existingBySku(
		db,
		scope.shopId,
		read.rows.map((r) => r.sku)
	);
	const rows = read.rows.filter((r) => r.product && r.sku);
	const items = buildProducts(rows, existing, locale);
	// The file's own problems first, then the product rules, one list sorted by line.
	const seen = new Set(read.problems.map((p) => `${p.line}|${p.column}`));
	const problems = [...read.problems];
	for (const item of items) {
		for (const p of validateProduct(item.input, item.lines, locale)) if (!seen.has(`${p.line}|${p.column}`)) problems.push(p);
	}
	problems.sort((a, b) => a.line - b.line);
	const updates = rows.filter((r) => existing.has(r.sku.toLowerCase())).length;
	const summary: ImportSummary = {
		rows: read.rows.length,
		creates: rows.length - updates,
		updates,
		unchanged: 0,
		newProducts: items.filter((i) => !i.existing).length,
		problems: problems.length
	};
	const [row] = await db
		.insert(catalogImports)
		.values({
			shopId: scope.shopId,
			userId: scope.userId,
			filename,
			rows: items as unknown as Record<string, unknown>[],
			problems,
			summary
		})
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

const chunks = <T>(list: T[], size: number) =>
	Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));

function variantColumns(v: VariantInput) {
	return {
		name: v.name,
		sku: v.sku,
		priceCents: v.priceCents,
		netQuantity: v.netQuantity,
		netUnit: v.netUnit,
		stockMode: v.stockMode,
		leadDays: v.leadDays
	};
}

/** Same values (arrays and numbers compared as JSON): an unchanged row is not written again. */
const same = (a: Record<string, unknown>, b: Record<string, unknown>) =>
	Object.keys(a).every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));

/**
 * Applies a checked import, all or nothing, in one transaction. Each product is parsed again with
 * the catalogue's productInputSchema (the same rules as the product form); an existing SKU updates
 * its variant and product, a new SKU is created under the product of its file's rows (or a new
 * product). Stock changes are movements with reason 'import' (`stock = Σ delta` holds). Written in
 * batches rather than product by product through upsertProductBySku: that path costs a dozen
 * statements and savepoints per product (≈ 4 min for 5,000 rows on PGlite on this machine, see
 * bench/README.md), this one a few multi-row statements. Unchanged rows are not written, so a
 * re-import of the same file is cheap. The import row is claimed first (checked → applied), so a
 * replayed or concurrent confirmation applies it once.
 */
export async function applyImport(db: Db, scope: ShopScope, id: string, locale: Locale = 'fr'): Promise<ImportSummary> {
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
		const items = (claimed.rows as unknown as ImportProduct[]).map((item) => ({
			...item,
			product: parseInput(productInputSchema, item.input, locale)
		}));
		const existing = await existingBySku(
			tx as unknown as Db,
			scope.shopId,
			items.flatMap((i) => i.skus)
		);
		const slugs = new Set(
			(await tx.select({ slug: products.slug }).from(products).where(eq(products.shopId, scope.shopId))).map((r) => r.slug)
		);
		const newProducts: (typeof products.$inferInsert)[] = [];
		const newVariants: (typeof variants.$inferInsert)[] = [];
		const movements: (typeof stockMovements.$inferInsert)[] = [];
		let updates = 0;
		let unchanged = 0;
		for (const { product } of items) {
			const owner = product.variants.map((v) => existing.get((v.sku ?? '').toLowerCase())).find(Boolean);
			let productId: string;
			if (owner) {
				productId = owner.product.id;
				const columns = productColumns(product);
				if (!same(columns, owner.product)) {
					await tx
						.update(products)
						.set({ ...columns, updatedAt: new Date() })
						.where(and(eq(products.id, productId), eq(products.shopId, scope.shopId)));
				}
			} else {
				productId = randomUUID();
				const base = slugify(product.name) || 'produit';
				let slug = base;
				for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
				slugs.add(slug);
				newProducts.push({ id: productId, shopId: scope.shopId, territoryId: scope.territoryId, slug, ...productColumns(product) });
			}
			for (const [position, v] of product.variants.entries()) {
				const current = existing.get((v.sku ?? '').toLowerCase());
				if (!current) {
					const variantId = randomUUID();
					newVariants.push({ id: variantId, productId, position, ...variantColumns(v), stock: v.stock });
					if (v.stock > 0) movements.push({ variantId, shopId: scope.shopId, delta: v.stock, reason: 'import', actorUserId: scope.userId });
					continue;
				}
				// Stock leaving tracking is zeroed through the ledger too (the schema gives 0 for it).
				const delta = Math.round((v.stock - current.variant.stock) * 1000) / 1000;
				const columns = { ...variantColumns(v), productId, archived: false };
				if (same(columns, current.variant) && delta === 0) {
					unchanged++;
					continue;
				}
				updates++;
				await tx
					.update(variants)
					.set({ ...columns, stock: sql`${variants.stock} + ${delta}` })
					.where(and(eq(variants.id, current.variant.id), sql`${variants.stock} + ${delta} >= 0`));
				if (delta !== 0)
					movements.push({ variantId: current.variant.id, shopId: scope.shopId, delta, reason: 'import', actorUserId: scope.userId });
			}
		}
		// One JSON parameter per statement, unpacked by json_to_recordset (as bench/large-catalog.ts):
		// far faster than thousands of bound parameters, on both engines.
		for (const part of chunks(newProducts, 2000)) {
			await tx.execute(sql`
				insert into products (id, shop_id, territory_id, category_id, slug, name, description, ingredients, unit, vat_rate_bps,
					allergens, labels, storage, origin, ean, seasonal_months)
				select id, "shopId", "territoryId", "categoryId", slug, name, description, ingredients, unit::selling_unit, "vatRateBps",
					allergens, labels, storage, origin, ean, "seasonalMonths"
				from json_to_recordset(${JSON.stringify(part)}::json) as r(id uuid, "shopId" uuid, "territoryId" uuid, "categoryId" uuid,
					slug text, name text, description text, ingredients text, unit text, "vatRateBps" int, allergens text[], labels text[],
					storage text, origin text, ean text, "seasonalMonths" int[])`);
		}
		for (const part of chunks(newVariants, 5000)) {
			await tx.execute(sql`
				insert into variants (id, product_id, name, sku, price_cents, net_quantity, net_unit, stock_mode, stock, lead_days, position)
				select id, "productId", name, sku, "priceCents", "netQuantity", "netUnit", "stockMode"::stock_mode, stock, "leadDays", position
				from json_to_recordset(${JSON.stringify(part)}::json) as r(id uuid, "productId" uuid, name text, sku text, "priceCents" int,
					"netQuantity" numeric, "netUnit" text, "stockMode" text, stock numeric, "leadDays" int, position int)`);
		}
		for (const part of chunks(movements, 5000)) {
			await tx.execute(sql`
				insert into stock_movements (variant_id, shop_id, delta, reason, actor_user_id)
				select "variantId", "shopId", delta, reason, "actorUserId"
				from json_to_recordset(${JSON.stringify(part)}::json) as r("variantId" uuid, "shopId" uuid, delta numeric, reason text, "actorUserId" text)`);
		}

		const summary: ImportSummary = {
			rows: found.summary.rows,
			creates: newVariants.length,
			updates,
			unchanged,
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
