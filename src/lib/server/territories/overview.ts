import { count, desc, eq, sql, asc } from 'drizzle-orm';
import { shops, outboxEmails, user } from '../db/schema/index.ts';
import type { Db } from '../db/client.ts';
import { activeProductCount } from '../catalog/queries.ts';
import type { OperatorScope } from '../tenancy/guard.ts';

/** The operator's overview of the territory: shops with their status and counters. */
export async function territoryOverview(db: Db, scope: OperatorScope) {
	const shopRows = await db
		.select({
			id: shops.id,
			slug: shops.slug,
			name: shops.name,
			trade: shops.trade,
			status: shops.status,
			productCount: activeProductCount
		})
		.from(shops)
		.where(eq(shops.territoryId, scope.territoryId))
		.orderBy(asc(shops.status), asc(shops.name));
	// Accounts are platform-wide (one account shops in every territory).
	const [users] = await db.select({ n: count() }).from(user);
	return {
		shops: shopRows,
		active: shopRows.filter((s) => s.status === 'active').length,
		pending: shopRows.filter((s) => s.status === 'pending').length,
		products: shopRows.reduce((sum, s) => sum + s.productCount, 0),
		accounts: Number(users.n)
	};
}

/** Emails of the territory's outbox, newest first (what SMTP sent, or would have). */
export async function territoryOutbox(db: Db, scope: OperatorScope, limit = 100) {
	return db
		.select({
			id: outboxEmails.id,
			to: outboxEmails.toAddress,
			subject: outboxEmails.subject,
			text: outboxEmails.text,
			status: outboxEmails.status,
			createdAt: outboxEmails.createdAt
		})
		.from(outboxEmails)
		.where(scope.role === 'platform_admin' ? sql`true` : eq(outboxEmails.territoryId, scope.territoryId))
		.orderBy(desc(outboxEmails.createdAt))
		.limit(limit);
}
