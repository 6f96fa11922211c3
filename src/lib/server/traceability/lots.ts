import { createHash } from 'node:crypto';
import { and, desc, eq, gte, inArray, ne, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog, lots, user } from '../db/schema/index.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.ts';
import { parseInput } from '../http/validate.ts';
import { t } from '../i18n.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import type { Executor } from '../catalog/manage.ts';
import { LABELS_PRINTED } from '../labels/data.ts';
import { lotInputSchema } from './input.ts';
import { audit, lockOwnProduct, UUID, type Options } from './origin.ts';

/**
 * Correcting and deleting a product's lots from the back office (`/pro/catalogue/<id>/origine/lots/<lotId>`).
 *
 * A lot's code is its public identity: shelf labels print /tracabilite/<product>/lot/<code> as a QR
 * code, and a customer or a recall names the lot by it. Nothing links an order line to a lot (lots are
 * recorded at restock, units are not scanned when sold), so a lot counts as:
 * - **sold** when an order of its product was placed while the lot existed (order created at or after the
 *   lot was recorded, not refused or cancelled, line not removed at preparation): a customer may hold a
 *   unit of it. Its code then stays stable and the lot can no longer be deleted; its dates, quantity and
 *   note can still be corrected (a wrong best-before date is exactly what must be fixable).
 * - **printed** when it went onto a shelf-label sheet (the `labels.printed` audit rows that `labels/data.ts`
 *   writes before drawing the PDF). Its code is then fixed too: a correction leaves the goods on the shelf
 *   with their labels, whose QR codes must keep opening this lot. Deleting it stays possible while it is
 *   not sold: a deletion says the lot was a mistake, and its labels go with it.
 * Lots printed before labels were recorded (or sold through a checkout committing in the same instant as a
 * correction — checkouts do not lock lots) are not seen as such; the window is one transaction wide.
 *
 * Every write locks the product row first (as adding a lot does), then the lot row, so the writes on one
 * product's lots queue: the unique-code check cannot race and a delete and a correction never overlap.
 * A correction carries the `version` its form showed (a digest of the lot's values): when someone changed
 * the lot in between, it is refused (409) instead of overwriting that change unseen. Each change writes its
 * audit row (the lot's history) in the same transaction.
 */

export type LotState = { sold: boolean; printed: boolean };

const LOT_CORRECTED = 'lot.corrected';
const LOT_CREATED = 'lot.created';

// Both read the outer `lots` row, named in full: drizzle writes a column of a one-table select
// unqualified, which inside these subqueries would name the subquery's own column.

/** True when an order of the lot's product was placed while the lot existed (see above). */
const soldSql = sql<boolean>`exists (
	select 1 from orders o join order_lines ol on ol.order_id = o.id
	where o.shop_id = lots.shop_id and ol.product_id = lots.product_id and o.created_at >= lots.created_at
		and o.status not in ('cancelled', 'refused') and ol.removed_at is null)`;

/** True when the lot went onto a printed label sheet (bounded by the audit log's territory/time index). */
const printedSql = (territoryId: string) => sql<boolean>`exists (
	select 1 from audit_log a
	where a.territory_id = ${territoryId} and a.created_at >= lots.created_at and a.shop_id = lots.shop_id
		and a.action = ${LABELS_PRINTED} and a.data -> 'lotIds' @> jsonb_build_array(lots.id::text))`;

/** Sold/printed for each of the shop's own lots of a product (the origin page's list). */
export async function lotStates(db: Executor, scope: ShopScope, productId: string): Promise<Map<string, LotState>> {
	if (!UUID.test(productId)) return new Map();
	const rows = await db
		.select({ id: lots.id, sold: soldSql, printed: printedSql(scope.territoryId) })
		.from(lots)
		.where(and(eq(lots.productId, productId), eq(lots.shopId, scope.shopId)));
	return new Map(rows.map((r) => [r.id, { sold: r.sold, printed: r.printed }]));
}

type LotValues = { code: string; producedOn: string | null; bestBefore: string | null; quantity: number | null; note: string | null };
const FIELDS = ['code', 'producedOn', 'bestBefore', 'quantity', 'note'] as const;
export type LotField = (typeof FIELDS)[number];

/** A digest of the values a form showed: a correction made from older values is refused. */
export function lotVersion(lot: LotValues): string {
	const values = FIELDS.map((f) => lot[f]);
	return createHash('sha256').update(JSON.stringify(values)).digest('base64url').slice(0, 22);
}

export type LotChange = { field: LotField; before: string | number | null; after: string | number | null };
export type LotHistoryEntry =
	| { kind: 'created'; at: Date; actor: string | null; code: string }
	| { kind: 'corrected'; at: Date; actor: string | null; changes: LotChange[] }
	| { kind: 'printed'; at: Date; actor: string | null };

export type OwnLot = {
	lot: LotValues & { id: string; productId: string; createdAt: Date; version: string };
	state: LotState;
	history: LotHistoryEntry[];
};

/** Reads one of the shop's lots of this product; another shop's or another product's lot is "not found". */
async function findLot(db: Executor, scope: ShopScope, productId: string, lotId: string, lock: boolean) {
	if (!UUID.test(lotId) || !UUID.test(productId)) throw new NotFoundError('lot');
	const where = and(eq(lots.id, lotId), eq(lots.productId, productId), eq(lots.shopId, scope.shopId));
	const [lot] = lock ? await db.select().from(lots).where(where).for('update') : await db.select().from(lots).where(where);
	if (!lot) throw new NotFoundError('lot');
	return lot;
}

/**
 * Sold/printed of one lot, in its own statement: under READ COMMITTED it sees what committed while this
 * transaction waited for the lot's row lock (a label sheet holding it `for share`).
 */
async function stateOf(db: Executor, scope: ShopScope, lotId: string): Promise<LotState> {
	const [row] = await db
		.select({ sold: soldSql, printed: printedSql(scope.territoryId) })
		.from(lots)
		.where(eq(lots.id, lotId));
	return { sold: row.sold, printed: row.printed };
}

const valuesOf = (lot: typeof lots.$inferSelect): LotValues => ({
	code: lot.code,
	producedOn: lot.producedOn,
	bestBefore: lot.bestBefore,
	quantity: lot.quantity === null ? null : Number(lot.quantity),
	note: lot.note
});

/** The lot with its state and its history (creation, corrections, label sheets), newest first. */
export async function ownLot(db: Executor, scope: ShopScope, productId: string, lotId: string): Promise<OwnLot> {
	const row = await findLot(db, scope, productId, lotId, false);
	const values = valuesOf(row);
	const [state, events] = await Promise.all([
		stateOf(db, scope, lotId),
		db
			.select({ action: auditLog.action, data: auditLog.data, at: auditLog.createdAt, actor: user.name })
			.from(auditLog)
			.leftJoin(user, eq(user.id, auditLog.actorUserId))
			.where(
				and(
					eq(auditLog.territoryId, scope.territoryId),
					gte(auditLog.createdAt, row.createdAt),
					eq(auditLog.shopId, scope.shopId),
					or(
						and(inArray(auditLog.action, [LOT_CREATED, LOT_CORRECTED]), sql`${auditLog.data} ->> 'lotId' = ${lotId}`),
						and(eq(auditLog.action, LABELS_PRINTED), sql`${auditLog.data} -> 'lotIds' @> jsonb_build_array(${lotId}::text)`)
					)
				)
			)
			.orderBy(desc(auditLog.createdAt), desc(auditLog.id))
			.limit(50)
	]);
	const history = events.map((e): LotHistoryEntry => {
		if (e.action === LOT_CREATED) return { kind: 'created', at: e.at, actor: e.actor, code: String(e.data.code ?? '') };
		if (e.action === LOT_CORRECTED) {
			const changes = (e.data.changes ?? {}) as Record<string, [LotChange['before'], LotChange['after']]>;
			return {
				kind: 'corrected',
				at: e.at,
				actor: e.actor,
				changes: FIELDS.filter((f) => f in changes).map((field) => ({ field, before: changes[field][0], after: changes[field][1] }))
			};
		}
		return { kind: 'printed', at: e.at, actor: e.actor };
	});
	return {
		lot: { ...values, id: row.id, productId: row.productId, createdAt: row.createdAt, version: lotVersion(values) },
		state,
		history
	};
}

/** The form's hidden field; not typed by anyone, so a missing one just fails the version check. */
const versionSchema = z.object({ version: z.string().max(64).catch('') });

/**
 * Corrects a lot (code, dates, quantity, note; empty = unknown). Same rules as adding one (valid dates,
 * best-before ≥ production, code unique per product), plus: a sold or printed lot keeps its code, and a
 * form made from older values is refused. Returns false when nothing changed (nothing written).
 */
export async function correctLot(
	db: Executor,
	scope: ShopScope,
	productId: string,
	lotId: string,
	input: unknown,
	options: Options = {}
): Promise<boolean> {
	const locale = options.locale ?? 'fr';
	const next = parseInput(lotInputSchema, input, locale);
	const { version } = versionSchema.parse(typeof input === 'object' && input !== null ? input : {});
	const after: LotValues = {
		code: next.code,
		producedOn: next.producedOn,
		bestBefore: next.bestBefore,
		quantity: next.quantity ?? null,
		note: next.note
	};
	return db.transaction(async (tx) => {
		await lockOwnProduct(tx, scope, productId);
		const before = valuesOf(await findLot(tx, scope, productId, lotId, true));
		if (lotVersion(before) !== version) throw new ConflictError('trace_error_lot_changed');
		const changes = FIELDS.filter((f) => before[f] !== after[f]).map((field) => ({ field, before: before[field], after: after[field] }));
		if (!changes.length) return false;
		if (after.code !== before.code) {
			const state = await stateOf(tx, scope, lotId);
			if (state.sold || state.printed)
				throw new InvalidInputError({ code: [t(state.sold ? 'trace_error_lot_code_sold' : 'trace_error_lot_code_printed', locale)] }, 409);
			// The product row lock makes this check safe: every lot write of the product waits for it.
			const [taken] = await tx
				.select({ id: lots.id })
				.from(lots)
				.where(and(eq(lots.productId, productId), eq(lots.code, after.code), ne(lots.id, lotId)));
			if (taken) throw new InvalidInputError({ code: [t('trace_error_lot_code_taken', locale, { code: after.code })] }, 409);
		}
		await tx.update(lots).set(after).where(eq(lots.id, lotId));
		await audit(tx, scope, LOT_CORRECTED, {
			productId,
			lotId,
			code: after.code,
			changes: Object.fromEntries(changes.map((c) => [c.field, [c.before, c.after]]))
		});
		return true;
	});
}

/**
 * Deletes a lot that was never sold (its public page goes with it). A sold lot stays: customers and a
 * recall may still need its page. Another shop's or another product's lot is "not found".
 */
export async function removeLot(db: Executor, scope: ShopScope, productId: string, lotId: string): Promise<void> {
	await db.transaction(async (tx) => {
		await lockOwnProduct(tx, scope, productId);
		const lot = await findLot(tx, scope, productId, lotId, true);
		if ((await stateOf(tx, scope, lotId)).sold) throw new ConflictError('trace_error_lot_sold_delete');
		await tx.delete(lots).where(eq(lots.id, lotId));
		await audit(tx, scope, 'lot.removed', { productId, lotId, ...valuesOf(lot) });
	});
}
