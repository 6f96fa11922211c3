import { and, eq } from 'drizzle-orm';
import { memberships, shops, user } from '../db/schema/index.ts';
import type { Db } from '../db/client.ts';
import { queueEmail } from '../notifications/outbox.ts';
import { t, type Locale } from '../i18n.ts';

export type ReviewEmailKind = 'submitted' | 'approved' | 'changes_requested';

const SUBJECT: Record<ReviewEmailKind, string> = {
	submitted: 'review_email_submitted_subject',
	approved: 'review_email_approved_subject',
	changes_requested: 'review_email_changes_subject'
};
const BODY: Record<ReviewEmailKind, string> = {
	submitted: 'review_email_submitted_body',
	approved: 'review_email_approved_body',
	changes_requested: 'review_email_changes_body'
};
const LINK: Record<ReviewEmailKind, string> = { submitted: '/pro', approved: '/pro', changes_requested: '/pro/ouverture' };

/**
 * Tells the shop's owners where their application stands, each in their own language, through the
 * outbox (queued in the caller's transaction: no email without the change, no change without it).
 */
export async function queueReviewEmails(db: Db, shopId: string, kind: ReviewEmailKind, origin: string): Promise<number> {
	const owners = await db
		.select({
			email: user.email,
			name: user.name,
			locale: user.locale,
			shopName: shops.name,
			territoryId: shops.territoryId,
			slug: shops.slug,
			note: shops.reviewNote
		})
		.from(memberships)
		.innerJoin(user, eq(user.id, memberships.userId))
		.innerJoin(shops, eq(shops.id, memberships.shopId))
		.where(and(eq(memberships.shopId, shopId), eq(memberships.role, 'shop_owner')));
	for (const owner of owners) {
		const locale: Locale = owner.locale === 'en' ? 'en' : 'fr';
		const params = {
			name: owner.name,
			shop: owner.shopName,
			note: owner.note ?? '',
			link: `${origin}${LINK[kind]}`,
			page: `${origin}/boutiques/${owner.slug}`
		};
		await queueEmail(db, {
			to: owner.email,
			subject: t(SUBJECT[kind], locale, params),
			text: t(BODY[kind], locale, params),
			kind: `shop_${kind}`,
			territoryId: owner.territoryId
		});
	}
	return owners.length;
}
