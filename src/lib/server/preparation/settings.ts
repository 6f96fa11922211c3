import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { auditLog, shops } from '../db/schema/index.ts';
import type { Db } from '../db/client.ts';
import { requireOwner, type ShopScope } from '../tenancy/guard.ts';
import { parseInput } from '../http/validate.ts';
import { t, type Locale } from '../i18n.ts';
import { MAX_TOLERANCE_BPS, parseWeight } from './weight.ts';

// The shop's weighing tolerance: what buyers of goods sold by the kg are told before ordering
// ("poids variable : ±10 %"), snapshotted on each order line at checkout. Owners set it; orders
// already placed keep the tolerance they were announced.

export function toleranceInput(locale: Locale) {
	return z.object({
		tolerance: z.unknown().transform((raw, ctx) => {
			const percent = parseWeight(typeof raw === 'string' ? raw.replace(/\s*%$/, '') : raw);
			const bps = Math.round(percent * 100);
			if (!Number.isFinite(percent) || percent < 0 || bps > MAX_TOLERANCE_BPS || Math.abs(percent * 100 - bps) > 1e-6) {
				ctx.addIssue({ code: 'custom', message: t('prep_error_tolerance', locale) });
				return z.NEVER;
			}
			return bps;
		})
	});
}

export async function shopTolerance(db: Db, scope: ShopScope): Promise<number> {
	const [row] = await db.select({ bps: shops.weighingToleranceBps }).from(shops).where(eq(shops.id, scope.shopId));
	return row.bps;
}

export async function setWeighingTolerance(db: Db, scope: ShopScope, input: unknown, locale: Locale): Promise<number> {
	requireOwner(scope);
	const { tolerance } = parseInput(toleranceInput(locale), input, locale);
	await db.transaction(async (tx) => {
		await tx.update(shops).set({ weighingToleranceBps: tolerance }).where(eq(shops.id, scope.shopId));
		await tx.insert(auditLog).values({
			territoryId: scope.territoryId,
			shopId: scope.shopId,
			actorUserId: scope.userId,
			action: 'shop.weighing_tolerance',
			data: { toleranceBps: tolerance }
		});
	});
	return tolerance;
}
