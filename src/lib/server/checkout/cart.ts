import { z } from 'zod';
import { and, asc, eq, sql } from 'drizzle-orm';
import { carts, cartItems, variants, products, shops } from '../db/schema/index.ts';
import { queryRows, type Db } from '../db/client.ts';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import { parseInput } from '../http/validate.ts';
import { t, type Locale } from '../i18n.ts';
import { lineTotalCents } from '../money/vat.ts';
import { quantityError, quantityRule } from './quantity.ts';
import { isUuid } from '../catalog/queries.ts';

// The cart spans every shop of the territory. It lives in the database (so it survives restarts
// and follows the customer across devices once signed in); an anonymous cart is known by its id,
// kept in an http-only cookie.

export type CartLine = {
	itemId: string;
	variantId: string;
	productId: string;
	productSlug: string;
	productName: string;
	variantName: string;
	unit: string;
	imageUrl: string | null;
	quantity: number;
	step: number;
	unitPriceCents: number;
	vatRateBps: number;
	totalCents: number;
	/** Units available now; null when unlimited or made to order. */
	stock: number | null;
	/** False when the product was withdrawn or sold out since it was added. */
	available: boolean;
};

export type CartShopGroup = {
	shop: { id: string; slug: string; name: string; minOrderCents: number };
	lines: CartLine[];
	subtotalCents: number;
	/** How much is missing to reach the shop's minimum order (0 when reached). */
	missingForMinimumCents: number;
};

export type CartView = { id: string | null; groups: CartShopGroup[]; totalCents: number; itemCount: number };

export const emptyCart = (id: string | null = null): CartView => ({ id, groups: [], totalCents: 0, itemCount: 0 });

export async function getCart(db: Db, territoryId: string, cartId: string | null | undefined): Promise<CartView> {
	if (!cartId || !isUuid(cartId)) return emptyCart();
	// One statement: the cart (to tell an unknown cart from an empty one) left-joined to its lines.
	const joined = await db
		.select({
			cartId: carts.id,
			itemId: cartItems.id,
			quantity: cartItems.quantity,
			variantId: variants.id,
			variantName: variants.name,
			priceCents: variants.priceCents,
			stockMode: variants.stockMode,
			stock: variants.stock,
			variantArchived: variants.archived,
			productId: products.id,
			productSlug: products.slug,
			productName: products.name,
			unit: products.unit,
			imageUrl: products.imageUrl,
			vatRateBps: products.vatRateBps,
			productStatus: products.status,
			soldOutToday: products.soldOutToday,
			shopId: shops.id,
			shopSlug: shops.slug,
			shopName: shops.name,
			shopStatus: shops.status,
			minOrderCents: shops.minOrderCents
		})
		.from(carts)
		.leftJoin(cartItems, eq(cartItems.cartId, carts.id))
		.leftJoin(variants, eq(variants.id, cartItems.variantId))
		.leftJoin(products, eq(products.id, variants.productId))
		.leftJoin(shops, eq(shops.id, products.shopId))
		.where(and(eq(carts.id, cartId), eq(carts.territoryId, territoryId)))
		.orderBy(asc(shops.name), asc(cartItems.addedAt));
	if (joined.length === 0) return emptyCart();
	const cart = { id: joined[0].cartId };
	// Foreign keys make every joined row of a line complete; a cart without lines gives one row of nulls.
	type Line = { [K in keyof (typeof joined)[number]]: NonNullable<(typeof joined)[number][K]> };
	const rows = joined.filter((r) => r.itemId !== null && r.shopId !== null) as unknown as (Line & { imageUrl: string | null })[];
	const groups = new Map<string, CartShopGroup>();
	for (const r of rows) {
		const stock = r.stockMode === 'tracked' ? r.stock : null;
		const available =
			r.productStatus === 'active' &&
			r.shopStatus === 'active' &&
			!r.variantArchived &&
			!r.soldOutToday &&
			(stock === null || stock >= r.quantity);
		const line: CartLine = {
			itemId: r.itemId,
			variantId: r.variantId,
			productId: r.productId,
			productSlug: r.productSlug,
			productName: r.productName,
			variantName: r.variantName,
			unit: r.unit,
			imageUrl: r.imageUrl,
			quantity: r.quantity,
			step: quantityRule(r.unit).step,
			unitPriceCents: r.priceCents,
			vatRateBps: r.vatRateBps,
			totalCents: lineTotalCents(r.priceCents, r.quantity),
			stock,
			available
		};
		const group = groups.get(r.shopId) ?? {
			shop: { id: r.shopId, slug: r.shopSlug, name: r.shopName, minOrderCents: r.minOrderCents },
			lines: [],
			subtotalCents: 0,
			missingForMinimumCents: 0
		};
		group.lines.push(line);
		group.subtotalCents += line.available ? line.totalCents : 0;
		groups.set(r.shopId, group);
	}
	const list = [...groups.values()].map((g) => ({ ...g, missingForMinimumCents: Math.max(0, g.shop.minOrderCents - g.subtotalCents) }));
	return {
		id: cart.id,
		groups: list,
		totalCents: list.reduce((s, g) => s + g.subtotalCents, 0),
		itemCount: rows.length
	};
}

/** Lines in a cart (the header's cart link): one count, no cart view. */
export async function cartLineCount(db: Db, territoryId: string, cartId: string | null | undefined): Promise<number> {
	if (!cartId || !isUuid(cartId)) return 0;
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(cartItems)
		.innerJoin(carts, eq(carts.id, cartItems.cartId))
		.where(and(eq(carts.id, cartId), eq(carts.territoryId, territoryId)));
	return row?.n ?? 0;
}

export async function createCart(db: Db, territoryId: string, userId: string | null = null): Promise<string> {
	const [row] = await db.insert(carts).values({ territoryId, userId }).returning({ id: carts.id });
	return row.id;
}

/** The signed-in customer's cart, created on first use. */
export async function cartOfUser(db: Db, territoryId: string, userId: string): Promise<string> {
	const [row] = await db
		.select({ id: carts.id })
		.from(carts)
		.where(and(eq(carts.territoryId, territoryId), eq(carts.userId, userId)))
		.orderBy(asc(carts.createdAt))
		.limit(1);
	return row?.id ?? createCart(db, territoryId, userId);
}

// Quantities arrive as numbers (API) or text with a decimal comma (forms).
const quantity = z.preprocess(
	(v) => (typeof v === 'string' ? Number(v.trim().replace(',', '.')) : v),
	z.number({ error: 'error_quantity_invalid' })
);
export const AddItemInput = z.object({ variantId: z.uuid({ error: 'error_variant_unknown' }), quantity });
export const SetQuantityInput = z.object({ quantity });

type VariantForCart = { unit: string; stockMode: 'tracked' | 'unlimited' | 'on_order'; stock: number };

async function sellableVariant(db: Db, territoryId: string, variantId: string, locale: Locale): Promise<VariantForCart> {
	const [v] = await db
		.select({ unit: products.unit, stockMode: variants.stockMode, stock: variants.stock })
		.from(variants)
		.innerJoin(products, eq(products.id, variants.productId))
		.innerJoin(shops, eq(shops.id, products.shopId))
		.where(
			and(
				eq(variants.id, variantId),
				eq(products.territoryId, territoryId),
				eq(products.status, 'active'),
				eq(shops.status, 'active'),
				eq(variants.archived, false)
			)
		);
	if (!v) throw new InvalidInputError({ variantId: [t('error_variant_unknown', locale)] });
	return v;
}

function checkQuantity(v: VariantForCart, wanted: number, locale: Locale) {
	const error = quantityError(v.unit, wanted);
	if (error) throw new InvalidInputError({ quantity: [t(error, locale, { max: quantityRule(v.unit).max })] });
	if (v.stockMode === 'tracked' && wanted > v.stock) {
		throw new InvalidInputError({ quantity: [t('error_quantity_stock', locale, { available: v.stock })] });
	}
}

/**
 * Adds a quantity of a variant (added to what the cart already holds); returns the cart id. An
 * unknown cart starts a new one, or is a 404 with `unknownCart: 'not_found'` (the API).
 */
export async function addToCart(
	db: Db,
	scope: { territoryId: string; cartId: string | null; userId?: string | null },
	input: unknown,
	locale: Locale,
	{ unknownCart = 'create' }: { unknownCart?: 'create' | 'not_found' } = {}
): Promise<string> {
	const data = parseInput(AddItemInput, input, locale);
	let cartId = scope.cartId && isUuid(scope.cartId) ? scope.cartId : null;
	let held = 0;
	if (cartId) {
		// The cart is ours (this territory) and what it already holds of this variant, in one read.
		const [own] = await db
			.select({ id: carts.id, quantity: cartItems.quantity })
			.from(carts)
			.leftJoin(cartItems, and(eq(cartItems.cartId, carts.id), eq(cartItems.variantId, data.variantId)))
			.where(and(eq(carts.id, cartId), eq(carts.territoryId, scope.territoryId)));
		if (!own) cartId = null;
		held = own?.quantity ?? 0;
	}
	if (!cartId && unknownCart === 'not_found') throw new NotFoundError('cart');
	const variant = await sellableVariant(db, scope.territoryId, data.variantId, locale);
	cartId ??= await createCart(db, scope.territoryId, scope.userId ?? null);
	checkQuantity(variant, held + data.quantity, locale);
	// One statement, so two quick taps on "add" add up instead of overwriting each other, and the
	// cart's last change is stamped in the same (single) transaction. The limit is checked again
	// on the sum the statement writes: taps at the same moment both read the same `held`.
	const limit = variant.stockMode === 'tracked' ? Math.min(quantityRule(variant.unit).max, variant.stock) : quantityRule(variant.unit).max;
	const stamped = await queryRows<{ id: string }>(
		db,
		sql`with added as (
			insert into ${cartItems} (cart_id, variant_id, quantity) values (${cartId}::uuid, ${data.variantId}::uuid, ${data.quantity})
			on conflict (cart_id, variant_id) do update set quantity = ${cartItems}.quantity + excluded.quantity
				where ${cartItems}.quantity + excluded.quantity <= ${limit}
			returning cart_id
		)
		update ${carts} set updated_at = now() where id in (select cart_id from added) returning id`
	);
	if (!stamped.length) checkQuantity(variant, limit + data.quantity, locale); // over the limit: its message
	return cartId;
}

async function ownItem(db: Db, territoryId: string, cartId: string | null, itemId: string) {
	if (!cartId || !isUuid(cartId) || !isUuid(itemId)) throw new NotFoundError('cart item');
	const [item] = await db
		.select({ id: cartItems.id, variantId: cartItems.variantId })
		.from(cartItems)
		.innerJoin(carts, eq(carts.id, cartItems.cartId))
		.where(and(eq(cartItems.id, itemId), eq(carts.id, cartId), eq(carts.territoryId, territoryId)));
	if (!item) throw new NotFoundError('cart item');
	return item;
}

export async function setCartQuantity(db: Db, territoryId: string, cartId: string | null, itemId: string, input: unknown, locale: Locale) {
	const data = parseInput(SetQuantityInput, input, locale);
	const item = await ownItem(db, territoryId, cartId, itemId);
	if (data.quantity === 0) return removeFromCart(db, territoryId, cartId, itemId);
	checkQuantity(await sellableVariant(db, territoryId, item.variantId, locale), data.quantity, locale);
	await db.update(cartItems).set({ quantity: data.quantity }).where(eq(cartItems.id, item.id));
}

export async function removeFromCart(db: Db, territoryId: string, cartId: string | null, itemId: string) {
	const item = await ownItem(db, territoryId, cartId, itemId);
	await db.delete(cartItems).where(eq(cartItems.id, item.id));
}

/**
 * At sign-in, the anonymous cart joins the customer's own cart (quantities add up), so nothing
 * chosen before signing in is lost. Returns the id of the cart to use from now on.
 */
export async function mergeCartIntoUser(db: Db, territoryId: string, anonymousCartId: string | null, userId: string): Promise<string> {
	const userCartId = await cartOfUser(db, territoryId, userId);
	if (!anonymousCartId || !isUuid(anonymousCartId) || anonymousCartId === userCartId) return userCartId;
	await db.transaction(async (tx) => {
		const [anon] = await tx
			.select({ id: carts.id })
			.from(carts)
			.where(and(eq(carts.id, anonymousCartId), eq(carts.territoryId, territoryId), sql`${carts.userId} is null`))
			// Two tabs merging at once: the second waits, then finds the cart gone.
			.for('update');
		if (!anon) return;
		const items = await tx.select().from(cartItems).where(eq(cartItems.cartId, anon.id));
		for (const item of items) {
			await tx
				.insert(cartItems)
				.values({ cartId: userCartId, variantId: item.variantId, quantity: item.quantity })
				.onConflictDoUpdate({
					target: [cartItems.cartId, cartItems.variantId],
					set: { quantity: sql`${cartItems.quantity} + excluded.quantity` }
				});
		}
		await tx.delete(carts).where(eq(carts.id, anon.id));
	});
	return userCartId;
}
