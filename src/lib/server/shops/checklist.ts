import { and, count, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { deliveryZones, memberships, products, shopInvitations, shopPickupPoints, shops } from '../db/schema/index.ts';
import type { Db } from '../db/client.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import { NotFoundError } from '../errors.ts';
import type { GuideSlug } from '../../guides/slugs.ts';
import { isFood } from '../catalog/food-info.ts';
import { countIncompleteFoodProducts } from '../catalog/pro-catalog.ts';

// The getting-started checklist of the merchant's home. Every item is computed from the data,
// never ticked by hand: it is done when the thing exists, and undone if it goes away.

export const MIN_PRODUCTS = 5;
/** Below this, a description says nothing a customer can use. */
export const MIN_DESCRIPTION_LENGTH = 20;

export type ChecklistKey = 'wizard' | 'identity' | 'hours' | 'pickup' | 'products' | 'photos' | 'food' | 'terms' | 'approval' | 'team';

export type ChecklistItem = {
	key: ChecklistKey;
	done: boolean;
	/** Optional items are shown but not counted in the progress. */
	optional: boolean;
	href: string;
	guide?: GuideSlug;
	/** How many things are left (products missing a photo…), when that helps. */
	count?: number;
};

export type Checklist = {
	items: ChecklistItem[];
	done: number;
	total: number;
	status: (typeof shops.$inferSelect)['status'];
	onboardingStep: string | null;
	reviewNote: string | null;
};

export async function gettingStarted(db: Db, scope: ShopScope): Promise<Checklist> {
	const [shop] = await db
		.select({
			id: shops.id,
			trade: shops.trade,
			status: shops.status,
			onboardingStep: shops.onboardingStep,
			reviewNote: shops.reviewNote,
			imageUrl: shops.imageUrl,
			description: shops.description,
			openingHours: shops.openingHours,
			offersPickup: shops.offersPickup,
			termsOfSale: shops.termsOfSale
		})
		.from(shops)
		.where(and(eq(shops.id, scope.shopId), eq(shops.territoryId, scope.territoryId)));
	if (!shop) throw new NotFoundError('shop');
	const active = and(eq(products.shopId, shop.id), eq(products.status, 'active'));
	const [[catalogue], incompleteFood, [points], [zones], [members], [invitations]] = await Promise.all([
		db
			.select({
				total: count(),
				withoutPhoto: sql<number>`count(*) filter (where coalesce(${products.imageUrl}, '') = '')::int`
			})
			.from(products)
			.where(active),
		countIncompleteFoodProducts(db, scope),
		db.select({ n: count() }).from(shopPickupPoints).where(eq(shopPickupPoints.shopId, shop.id)),
		db.select({ n: count() }).from(deliveryZones).where(eq(deliveryZones.shopId, shop.id)),
		db.select({ n: count() }).from(memberships).where(eq(memberships.shopId, shop.id)),
		db
			.select({ n: count() })
			.from(shopInvitations)
			.where(
				and(
					eq(shopInvitations.shopId, shop.id),
					isNull(shopInvitations.revokedAt),
					or(sql`${shopInvitations.acceptedAt} is not null`, gt(shopInvitations.expiresAt, new Date()))
				)
			)
	]);
	const productCount = Number(catalogue.total);
	const hasHours = shop.openingHours.length > 0;
	// The shop-level question (does this trade sell food?) and the per-product rule are the catalogue's.
	const sellsFood = isFood({ categorySlug: null, trade: shop.trade });

	const items: ChecklistItem[] = [
		{ key: 'wizard', done: shop.status !== 'draft', optional: false, href: '/pro/ouverture' },
		{
			key: 'identity',
			done: !!shop.imageUrl && shop.description.trim().length >= MIN_DESCRIPTION_LENGTH,
			optional: false,
			href: '/pro/boutique',
			guide: 'photos-produits'
		},
		{ key: 'hours', done: hasHours, optional: false, href: '/pro/boutique', guide: 'horaires-creneaux' },
		{
			key: 'pickup',
			// Orders must be able to reach the customer: pickup at the shop (which needs hours),
			// a shared pickup point, or a delivery zone.
			done: (shop.offersPickup && hasHours) || Number(points.n) > 0 || Number(zones.n) > 0,
			optional: false,
			href: '/pro/boutique',
			guide: 'preparer-commandes'
		},
		{
			key: 'products',
			done: productCount >= MIN_PRODUCTS,
			optional: false,
			href: '/pro/catalogue/nouveau',
			guide: 'fiche-produit',
			count: productCount
		},
		{
			key: 'photos',
			done: productCount > 0 && Number(catalogue.withoutPhoto) === 0,
			optional: false,
			href: '/pro/catalogue',
			guide: 'photos-produits',
			count: Number(catalogue.withoutPhoto)
		},
		...(sellsFood
			? [
					{
						key: 'food' as const,
						// Every product complete under the catalogue's food-information rule (INCO art. 14).
						done: productCount > 0 && incompleteFood === 0,
						optional: false,
						href: '/pro/catalogue',
						guide: 'allergenes-etiquetage' as const,
						count: incompleteFood
					}
				]
			: []),
		{ key: 'terms', done: shop.termsOfSale.trim().length > 0, optional: false, href: '/pro/boutique', guide: 'mentions-legales-cgv' },
		{ key: 'approval', done: shop.status === 'active', optional: false, href: '/pro/boutique' },
		{ key: 'team', done: Number(members.n) > 1 || Number(invitations.n) > 0, optional: true, href: '/pro/equipe' }
	];
	const counted = items.filter((i) => !i.optional);
	return {
		items,
		done: counted.filter((i) => i.done).length,
		total: counted.length,
		status: shop.status,
		onboardingStep: shop.onboardingStep,
		reviewNote: shop.reviewNote
	};
}
