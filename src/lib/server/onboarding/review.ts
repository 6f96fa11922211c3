import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { shops, shopClosures, territories, products, variants, auditLog } from '../db/schema/index.ts';
import type { Db } from '../db/client.ts';
import type { OperatorScope } from '../tenancy/guard.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { parseInput } from '../http/validate.ts';
import type { Locale } from '../i18n.ts';
import { queueReviewEmails } from './emails.ts';
import { refreshShopSlots } from '../fulfilment/shop-slots.ts';

// The operator's side of opening a shop: the shops waiting in the territory, everything the
// merchant entered, and the two decisions — approve (the shop goes public) or ask for changes
// (the merchant sees the note and submits again). Every function takes the OperatorScope: a shop
// of another territory is not found.

const AWAITING = ['pending', 'changes_requested'] as const;

export async function shopsAwaitingReview(db: Db, scope: OperatorScope) {
	return db
		.select({
			id: shops.id,
			name: shops.name,
			trade: shops.trade,
			city: shops.city,
			status: shops.status,
			submittedAt: shops.submittedAt,
			reviewNote: shops.reviewNote
		})
		.from(shops)
		.where(and(eq(shops.territoryId, scope.territoryId), inArray(shops.status, [...AWAITING])))
		.orderBy(asc(shops.submittedAt), asc(shops.name));
}

/** Everything the merchant entered in the wizard, for the operator's decision. */
export async function shopForReview(db: Db, scope: OperatorScope, shopId: string) {
	const id = z.uuid().safeParse(shopId);
	if (!id.success) throw new NotFoundError('shop');
	const dossier = await shopDossier(db, scope.territoryId, id.data);
	if (!dossier) throw new NotFoundError('shop');
	return dossier;
}

/**
 * A shop of a territory with its closures and active products (one line per variant): what the
 * operator reviews and what the merchant's preview shows. Null when not in that territory.
 */
export async function shopDossier(db: Db, territoryId: string, shopId: string) {
	const [shop] = await db
		.select()
		.from(shops)
		.where(and(eq(shops.id, shopId), eq(shops.territoryId, territoryId)));
	if (!shop) return null;
	const [closures, productRows] = await Promise.all([
		db.select().from(shopClosures).where(eq(shopClosures.shopId, shop.id)).orderBy(asc(shopClosures.startsOn)),
		db
			.select({
				id: variants.id,
				name: products.name,
				variant: variants.name,
				unit: products.unit,
				vatRateBps: products.vatRateBps,
				allergens: products.allergens,
				priceCents: variants.priceCents
			})
			.from(products)
			.innerJoin(variants, eq(variants.productId, products.id))
			.where(and(eq(products.shopId, shop.id), eq(products.status, 'active'), eq(variants.archived, false)))
			.orderBy(asc(products.name), asc(variants.position))
	]);
	return { shop, closures, products: productRows };
}

/** Approves a submitted shop: public from now on; the owners are told. Only a pending shop can be approved. */
export async function approveShop(db: Db, scope: OperatorScope, shopId: string, origin: string): Promise<void> {
	const { shop } = await shopForReview(db, scope, shopId);
	await db.transaction(async (tx) => {
		const [updated] = await tx
			.update(shops)
			.set({ status: 'active', approvedAt: new Date(), reviewNote: null })
			.where(and(eq(shops.id, shop.id), eq(shops.status, 'pending')))
			.returning({ id: shops.id });
		if (!updated) throw new ConflictError('review_error_not_pending');
		await tx
			.insert(auditLog)
			.values({ territoryId: scope.territoryId, shopId: shop.id, actorUserId: scope.userId, action: 'shop.approved' });
		await queueReviewEmails(tx, shop.id, 'approved', origin);
	});
	await refreshShopSlots(db, shop.id);
}

const ChangesInput = z.object({
	note: z.string().trim().min(5, { error: 'review_error_note' }).max(2000, { error: 'review_error_note' })
});

/** Sends a submitted shop back to its merchant with what to change; the owners are told. */
export async function requestChanges(
	db: Db,
	scope: OperatorScope,
	shopId: string,
	values: unknown,
	options: { locale: Locale; origin: string }
) {
	const { note } = parseInput(ChangesInput, values, options.locale, 400);
	const { shop } = await shopForReview(db, scope, shopId);
	await db.transaction(async (tx) => {
		const [updated] = await tx
			.update(shops)
			.set({ status: 'changes_requested', reviewNote: note })
			.where(and(eq(shops.id, shop.id), eq(shops.status, 'pending')))
			.returning({ id: shops.id });
		if (!updated) throw new ConflictError('review_error_not_pending');
		await tx.insert(auditLog).values({
			territoryId: scope.territoryId,
			shopId: shop.id,
			actorUserId: scope.userId,
			action: 'shop.changes_requested',
			data: { note }
		});
		await queueReviewEmails(tx, shop.id, 'changes_requested', options.origin);
	});
}

export async function autoApproval(db: Db, scope: OperatorScope): Promise<boolean> {
	const [row] = await db.select({ on: territories.autoApproveShops }).from(territories).where(eq(territories.id, scope.territoryId));
	return row?.on ?? false;
}

/** The territory setting: new shops go public at submission, without waiting for the operator. */
export async function setAutoApproval(db: Db, scope: OperatorScope, on: boolean): Promise<void> {
	await db.transaction(async (tx) => {
		await tx.update(territories).set({ autoApproveShops: on }).where(eq(territories.id, scope.territoryId));
		await tx.insert(auditLog).values({
			territoryId: scope.territoryId,
			actorUserId: scope.userId,
			action: 'territory.auto_approve_shops',
			data: { on }
		});
	});
}

/** The last decisions, for the review page's history. */
export async function recentDecisions(db: Db, scope: OperatorScope, limit = 10) {
	return db
		.select({ shopId: auditLog.shopId, action: auditLog.action, at: auditLog.createdAt, name: shops.name, slug: shops.slug })
		.from(auditLog)
		.innerJoin(shops, eq(shops.id, auditLog.shopId))
		.where(
			and(
				eq(auditLog.territoryId, scope.territoryId),
				inArray(auditLog.action, ['shop.approved', 'shop.auto_approved', 'shop.changes_requested'])
			)
		)
		.orderBy(desc(auditLog.createdAt))
		.limit(limit);
}
