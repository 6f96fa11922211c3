import { and, asc, eq, inArray, like, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { shops, shopClosures, memberships, territories, categories, products, auditLog } from '../db/schema/index.ts';
import type { Db } from '../db/client.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import { requireOwner } from '../tenancy/guard.ts';
import { ConflictError, InvalidInputError, NotFoundError, type FieldErrors } from '../errors.ts';
import { parseInput, fieldErrors } from '../http/validate.ts';
import { t, type Locale } from '../i18n.ts';
import { slugify } from '../../slug.ts';
import { tradeTemplate, type TradeKey, type StarterProduct } from './trades.ts';
import { createProduct } from '../catalog/manage.ts';
import { storeImage } from '../media/images.ts';
import type { MediaStorage } from '../media/storage.ts';
import {
	AddressInput,
	ClosureInput,
	FulfilmentInput,
	HoursInput,
	IdentityInput,
	LegalInput,
	ProductsStepInput,
	TradeStepInput,
	WIZARD_STEPS,
	furthest,
	isWizardStep,
	nextStep,
	type WizardStep
} from './steps.ts';
import { offlineGeocoder, type Geocoder } from './geocoder.ts';
import { queueReviewEmails } from './emails.ts';
import { refreshShopFacts } from '../traceability/origin.ts';
import { refreshShopSlots } from '../fulfilment/shop-slots.ts';

// The merchant's side of opening a shop: a draft shop and its owner created together, one save
// function per wizard step (also used by the shop settings page), then the submission to the
// operator. Every function takes the ShopScope from the tenancy guard: the shop is the scope's.

export type ShopRow = typeof shops.$inferSelect;
export type ClosureRow = typeof shopClosures.$inferSelect;

/** Statuses in which the merchant is still filling in the wizard. */
const IN_WIZARD = ['draft', 'changes_requested'] as const;

const StartInput = z.object({ name: z.string().trim().min(2, { error: 'wizard_error_name' }).max(80, { error: 'wizard_error_name' }) });

/**
 * Creates a draft shop in the territory and makes the user its owner, in one transaction. The
 * slug is the name's, with a number when another shop of the territory has it.
 */
export async function startShop(db: Db, args: { userId: string; territoryId: string; values: unknown; locale: Locale }): Promise<ShopRow> {
	const { name } = parseInput(StartInput, args.values, args.locale, 400);
	const base = slugify(name) || 'boutique';
	for (let attempt = 0; attempt < 5; attempt++) {
		const slug = await freeSlug(db, args.territoryId, base, attempt);
		try {
			return await db.transaction(async (tx) => {
				const [shop] = await tx
					.insert(shops)
					.values({ territoryId: args.territoryId, slug, name, trade: 'other', status: 'draft', onboardingStep: 'trade' })
					.returning();
				await tx.insert(memberships).values({ userId: args.userId, role: 'shop_owner', territoryId: args.territoryId, shopId: shop.id });
				await tx
					.insert(auditLog)
					.values({ territoryId: args.territoryId, shopId: shop.id, actorUserId: args.userId, action: 'shop.started' });
				return shop;
			});
		} catch (e) {
			// Another shop took the slug meanwhile: try the next one.
			if (!isUniqueViolation(e)) throw e;
		}
	}
	throw new ConflictError('wizard_error_slug_taken');
}

async function freeSlug(db: Db, territoryId: string, base: string, attempt: number): Promise<string> {
	const taken = new Set(
		(
			await db
				.select({ slug: shops.slug })
				.from(shops)
				.where(and(eq(shops.territoryId, territoryId), or(eq(shops.slug, base), like(shops.slug, `${base}-%`))))
		).map((r) => r.slug)
	);
	if (attempt > 2) return `${base}-${crypto.randomUUID().slice(0, 6)}`;
	if (!taken.has(base)) return base;
	for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

function isUniqueViolation(e: unknown): boolean {
	for (let err = e as { code?: string; cause?: unknown } | undefined; err; err = err.cause as typeof err) {
		if (err.code === '23505') return true;
	}
	return false;
}

/** The scope's shop, with its closures; another territory's or shop's id is never reached. */
export async function shopForEdit(db: Db, scope: ShopScope): Promise<{ shop: ShopRow; closures: ClosureRow[]; productCount: number }> {
	const [shop] = await db
		.select()
		.from(shops)
		.where(and(eq(shops.id, scope.shopId), eq(shops.territoryId, scope.territoryId)));
	if (!shop) throw new NotFoundError('shop');
	const [closures, [count]] = await Promise.all([
		db.select().from(shopClosures).where(eq(shopClosures.shopId, shop.id)).orderBy(asc(shopClosures.startsOn)),
		db
			.select({ n: sql<number>`count(*)::int` })
			.from(products)
			.where(and(eq(products.shopId, shop.id), eq(products.status, 'active')))
	]);
	return { shop, closures, productCount: count.n };
}

/**
 * What the shop's forms show, on the wizard's steps and on the shop page alike: the fields a
 * merchant edits, where the review stands, and the closures.
 */
export function shopFormView(shop: ShopRow, closures: ClosureRow[]) {
	return {
		shop: {
			name: shop.name,
			trade: shop.trade,
			description: shop.description,
			phone: shop.phone,
			email: shop.email,
			legalName: shop.legalName,
			siret: shop.siret,
			vatNumber: shop.vatNumber,
			imageUrl: shop.imageUrl,
			imageAlt: shop.imageAlt,
			address: shop.address,
			postcode: shop.postcode,
			city: shop.city,
			latitude: shop.latitude,
			longitude: shop.longitude,
			openingHours: shop.openingHours,
			onVacation: shop.onVacation,
			vacationMessage: shop.vacationMessage,
			offersPickup: shop.offersPickup,
			slotMinutes: shop.slotMinutes,
			leadMinutes: shop.leadMinutes,
			slotCapacity: shop.slotCapacity,
			minOrderCents: shop.minOrderCents,
			status: shop.status,
			reviewNote: shop.reviewNote
		},
		closures: closures.map((c) => ({ id: c.id, startsOn: c.startsOn, endsOn: c.endsOn, reason: c.reason }))
	};
}

/** The step the wizard resumes at: the saved one, or null once submitted. */
export function resumeStep(shop: Pick<ShopRow, 'status' | 'onboardingStep'>): WizardStep | null {
	if (!(IN_WIZARD as readonly string[]).includes(shop.status)) return null;
	if (isWizardStep(shop.onboardingStep)) return shop.onboardingStep;
	// Sent back by the operator after submission: every step can be reviewed, the last one submits.
	return 'products';
}

/** Whether the merchant may open a step of the wizard (only those already reached). */
export function canOpenStep(shop: Pick<ShopRow, 'status' | 'onboardingStep'>, step: WizardStep): boolean {
	const resume = resumeStep(shop);
	return resume !== null && WIZARD_STEPS.indexOf(step) <= WIZARD_STEPS.indexOf(resume);
}

type SaveOptions = { locale: Locale; /** From the wizard: move the saved step forward. */ advanceFrom?: WizardStep };

/** Applies `set` to the scope's shop and, from the wizard, moves its saved step forward; one transaction. */
async function updateShop(
	db: Db,
	scope: ShopScope,
	set: Partial<typeof shops.$inferInsert>,
	options: SaveOptions,
	alsoInTransaction?: (tx: Db) => Promise<void>
): Promise<ShopRow> {
	return db.transaction(async (tx) => {
		const [current] = await tx
			.select({ status: shops.status, onboardingStep: shops.onboardingStep })
			.from(shops)
			.where(and(eq(shops.id, scope.shopId), eq(shops.territoryId, scope.territoryId)))
			.for('update');
		if (!current) throw new NotFoundError('shop');
		const values = { ...set };
		if (options.advanceFrom && isWizardStep(current.onboardingStep)) {
			const next = nextStep(options.advanceFrom);
			if (next) values.onboardingStep = furthest(current.onboardingStep, next);
		}
		const [shop] = await tx.update(shops).set(values).where(eq(shops.id, scope.shopId)).returning();
		await alsoInTransaction?.(tx);
		await tx.insert(auditLog).values({
			territoryId: scope.territoryId,
			shopId: scope.shopId,
			actorUserId: scope.userId,
			action: 'shop.updated',
			data: { fields: Object.keys(set) }
		});
		return shop;
	});
}

/** Step 1: the trade, whose template pre-fills the starter products. */
export async function saveTrade(db: Db, scope: ShopScope, values: unknown, options: SaveOptions): Promise<ShopRow> {
	const { trade } = parseInput(TradeStepInput, values, options.locale, 400);
	return updateShop(db, scope, { trade }, options);
}

const LEGAL_FIELDS = ['legalName', 'siret', 'vatNumber'] as const;

/** A photo of the shop sent with the identity form (bytes of the uploaded file, its description). */
export type ShopPhotoInput = { bytes: Uint8Array; alt: string };

/**
 * Step 2: identity, and the shop's photo when one is sent. Legal data (legal name, SIRET, VAT
 * number) is the owner's to change: a staff member's form does not carry it, and a forged one is
 * refused. Every field is checked before anything is written; the photo is stored (checked by
 * content, resized, EXIF removed) before the shop row points at it.
 */
export async function saveIdentity(
	db: Db,
	scope: ShopScope,
	values: Record<string, unknown>,
	options: SaveOptions & { photo?: ShopPhotoInput | null; photoStorage?: MediaStorage }
): Promise<ShopRow> {
	const withLegal = LEGAL_FIELDS.some((field) => field in values);
	if (withLegal) requireOwner(scope);
	const identity = IdentityInput.safeParse(values);
	const legal = withLegal ? LegalInput.safeParse(values) : null;
	const errors: FieldErrors = {
		...(identity.success ? {} : fieldErrors(identity.error, options.locale)),
		...(legal && !legal.success ? fieldErrors(legal.error, options.locale) : {})
	};
	if (Object.keys(errors).length || !identity.success) throw new InvalidInputError(errors, 400);
	const set: Partial<typeof shops.$inferInsert> = { ...identity.data, ...(legal?.success ? legal.data : {}) };
	if (options.photo) {
		const stored = await storeImage(db, scope.shopId, { ...options.photo, locale: options.locale }, options.photoStorage);
		set.imageUrl = stored.url;
		set.imageAlt = options.photo.alt.trim();
	}
	return updateShop(db, scope, set, options);
}

/** Step 3: the address, placed by the geocoder (offline: the pin, else the territory's centre). */
export async function saveAddress(
	db: Db,
	scope: ShopScope,
	values: unknown,
	options: SaveOptions & { geocoder?: Geocoder }
): Promise<ShopRow> {
	const input = parseInput(AddressInput, values, options.locale, 400);
	const [territory] = await db
		.select({ latitude: territories.latitude, longitude: territories.longitude })
		.from(territories)
		.where(eq(territories.id, scope.territoryId));
	const pin =
		input.latitude !== undefined && input.longitude !== undefined ? { latitude: input.latitude, longitude: input.longitude } : null;
	const centre =
		territory?.latitude != null && territory.longitude != null ? { latitude: territory.latitude, longitude: territory.longitude } : null;
	const place = await (options.geocoder ?? offlineGeocoder).locate({ ...input, pin, centre });
	return updateShop(
		db,
		scope,
		{
			address: input.address,
			postcode: input.postcode,
			city: input.city,
			latitude: place?.latitude ?? null,
			longitude: place?.longitude ?? null
		},
		options,
		// The shop's products' distances from their origin follow its position (traceability facts).
		(tx) => refreshShopFacts(tx, scope.shopId)
	);
}

/** Form names of the closure added with the hours: closure_startsOn, closure_endsOn, closure_reason. */
const NEW_CLOSURE = { startsOn: 'closure_startsOn', endsOn: 'closure_endsOn', reason: 'closure_reason' } as const;

/**
 * Step 4: opening hours, vacation mode, and the exceptional closures — one added (when its dates
 * are filled in) and those ticked `removeClosure` removed, all in one transaction with the hours.
 */
export async function saveHours(db: Db, scope: ShopScope, values: Record<string, unknown>, options: SaveOptions): Promise<ShopRow> {
	const hours = HoursInput.safeParse(values);
	const addsClosure = Boolean(String(values[NEW_CLOSURE.startsOn] ?? '') || String(values[NEW_CLOSURE.endsOn] ?? ''));
	const closure = addsClosure
		? ClosureInput.safeParse({
				startsOn: values[NEW_CLOSURE.startsOn],
				endsOn: values[NEW_CLOSURE.endsOn],
				reason: values[NEW_CLOSURE.reason] ?? ''
			})
		: null;
	const errors: FieldErrors = { ...(hours.success ? {} : fieldErrors(hours.error, options.locale)) };
	if (closure && !closure.success) {
		for (const [field, messages] of Object.entries(fieldErrors(closure.error, options.locale))) {
			errors[`closure_${field}`] = messages;
		}
	}
	if (Object.keys(errors).length || !hours.success) throw new InvalidInputError(errors, 400);
	const removals = z.array(z.uuid()).safeParse(([] as unknown[]).concat(values.removeClosure ?? []));
	if (!removals.success) throw new NotFoundError('closure');
	const shop = await updateShop(db, scope, hours.data, options, async (tx) => {
		if (removals.data.length) {
			const removed = await tx
				.delete(shopClosures)
				.where(and(eq(shopClosures.shopId, scope.shopId), inArray(shopClosures.id, removals.data)))
				.returning({ id: shopClosures.id });
			// Another shop's closure id: refuse the whole change rather than half of it.
			if (removed.length !== new Set(removals.data).size) throw new NotFoundError('closure');
		}
		if (closure?.success) await tx.insert(shopClosures).values({ shopId: scope.shopId, ...closure.data });
	});
	await refreshShopSlots(db, shop.id);
	return shop;
}

export async function addClosure(db: Db, scope: ShopScope, values: unknown, locale: Locale): Promise<ClosureRow> {
	const input = parseInput(ClosureInput, values, locale, 400);
	const [closure] = await db
		.insert(shopClosures)
		.values({ shopId: scope.shopId, ...input })
		.returning();
	await refreshShopSlots(db, scope.shopId);
	return closure;
}

/** Removes one of the scope's shop's closures; another shop's closure id is not found. */
export async function removeClosure(db: Db, scope: ShopScope, closureId: unknown): Promise<void> {
	const id = z.uuid().safeParse(closureId);
	if (!id.success) throw new NotFoundError('closure');
	const removed = await db
		.delete(shopClosures)
		.where(and(eq(shopClosures.id, id.data), eq(shopClosures.shopId, scope.shopId)))
		.returning({ id: shopClosures.id });
	if (!removed.length) throw new NotFoundError('closure');
	await refreshShopSlots(db, scope.shopId);
}

/** Step 5: pickup at the shop, slot length, preparation time, capacity, minimum order. */
export async function saveFulfilment(db: Db, scope: ShopScope, values: unknown, options: SaveOptions): Promise<ShopRow> {
	const input = parseInput(FulfilmentInput, values, options.locale, 400);
	const shop = await updateShop(db, scope, input, options);
	await refreshShopSlots(db, shop.id);
	return shop;
}

/** The starter list offered at step 6: the shop's trade template, or none for an unknown trade. */
export function starterList(trade: string) {
	return tradeTemplate(trade)?.products ?? [];
}

/** The catalogue input of a starter product at the merchant's price (createProduct validates it like any other). */
export function starterProductInput(product: StarterProduct, priceCents: number, categoryId: string | null, locale: Locale) {
	return {
		name: product.name,
		unit: product.unit,
		vatRateBps: product.vatRateBps,
		allergens: product.allergens,
		categoryId,
		variants: [
			{
				name: t(`unit_${product.unit}`, locale),
				priceCents,
				netQuantity: product.net?.quantity ?? null,
				netUnit: product.net?.unit ?? null,
				// Unlimited until the merchant says otherwise: a new shop should not be "sold out"
				// because nobody counted the loaves yet.
				stockMode: 'unlimited'
			}
		]
	};
}

/**
 * Step 6: creates the starter products the merchant ticked, at the prices typed, in the trade's
 * category (created in the territory when missing), through the catalogue's createProduct — all
 * of them or none.
 */
export async function addStarterProducts(db: Db, scope: ShopScope, values: unknown, locale: Locale): Promise<number> {
	const picks = parseInput(ProductsStepInput, values, locale, 400);
	const { shop } = await shopForEdit(db, scope);
	const template = tradeTemplate(shop.trade);
	if (!template) throw new InvalidInputError({ trade: [t('wizard_error_trade', locale)] }, 400);
	const chosen = picks.map((pick) => ({ pick, product: template.products[pick.index] }));
	if (chosen.some((c) => !c.product)) throw new InvalidInputError({ pick: [t('wizard_error_pick', locale)] }, 400);
	if (!chosen.length) return 0;
	return db.transaction(async (tx) => {
		await tx
			.insert(categories)
			.values({ territoryId: scope.territoryId, slug: template.category.slug, name: template.category.name, position: 100 })
			.onConflictDoNothing();
		const [category] = await tx
			.select({ id: categories.id })
			.from(categories)
			.where(and(eq(categories.territoryId, scope.territoryId), eq(categories.slug, template.category.slug)));
		for (const { pick, product } of chosen) {
			try {
				await createProduct(tx, scope, starterProductInput(product, pick.priceCents, category?.id ?? null, locale), { locale });
			} catch (e) {
				// A price the catalogue refuses (absurd): name the field of this row.
				if (e instanceof InvalidInputError) {
					throw new InvalidInputError({ [`price_${pick.index}`]: Object.values(e.fields).flat() }, 400);
				}
				throw e;
			}
		}
		return chosen.length;
	});
}

/** What is still missing before a shop can be submitted, by step (empty: ready). */
export function missingForSubmission(shop: ShopRow, productCount: number): WizardStep[] {
	const missing: WizardStep[] = [];
	if (!tradeTemplate(shop.trade)) missing.push('trade');
	if (!shop.phone || !shop.email || !shop.legalName || !shop.siret) missing.push('identity');
	if (!shop.address || !shop.postcode || !shop.city || shop.latitude === null) missing.push('address');
	if (shop.offersPickup && shop.openingHours.length === 0) missing.push('hours');
	if (productCount === 0) missing.push('products');
	return missing;
}

export type SubmitResult = { status: 'pending' | 'active' };

/**
 * Sends the shop to the operator: 'pending' — or straight 'active' when the territory approves
 * shops automatically. Only a draft or a shop sent back for changes can be submitted, once: the
 * status change is conditional, so a replayed or concurrent submission does nothing more.
 */
export async function submitShop(db: Db, scope: ShopScope, options: { locale: Locale; origin: string }): Promise<SubmitResult> {
	const { shop, productCount } = await shopForEdit(db, scope);
	const missing = missingForSubmission(shop, productCount);
	if (missing.length) {
		throw new InvalidInputError(Object.fromEntries(missing.map((step) => [step, [t(`wizard_missing_${step}`, options.locale)]])), 400);
	}
	const result = await db.transaction(async (tx) => {
		const [territory] = await tx
			.select({ autoApprove: territories.autoApproveShops })
			.from(territories)
			.where(eq(territories.id, scope.territoryId));
		const status = territory?.autoApprove ? ('active' as const) : ('pending' as const);
		const now = new Date();
		const [updated] = await tx
			.update(shops)
			.set({ status, submittedAt: now, approvedAt: status === 'active' ? now : null, onboardingStep: null, reviewNote: null })
			.where(and(eq(shops.id, scope.shopId), inArray(shops.status, [...IN_WIZARD])))
			.returning({ id: shops.id });
		if (!updated) throw new ConflictError('wizard_error_already_submitted');
		await tx.insert(auditLog).values({
			territoryId: scope.territoryId,
			shopId: scope.shopId,
			actorUserId: scope.userId,
			action: status === 'active' ? 'shop.auto_approved' : 'shop.submitted'
		});
		await queueReviewEmails(tx, scope.shopId, status === 'active' ? 'approved' : 'submitted', options.origin);
		return { status };
	});
	if (result.status === 'active') await refreshShopSlots(db, scope.shopId);
	return result;
}

export type { TradeKey };

/** The steps saved by one form each, in the wizard and in the shop settings (products are added, not saved). */
export type FormStep = Exclude<WizardStep, 'products'>;
export const FORM_STEPS: readonly FormStep[] = ['trade', 'identity', 'address', 'hours', 'fulfilment'];

/** Saves the form of one step: the wizard and the settings page call this one function. */
export function saveStep(
	db: Db,
	scope: ShopScope,
	step: FormStep,
	values: Record<string, unknown>,
	options: SaveOptions & { photo?: ShopPhotoInput | null }
): Promise<ShopRow> {
	switch (step) {
		case 'trade':
			return saveTrade(db, scope, values, options);
		case 'identity':
			return saveIdentity(db, scope, values, options);
		case 'address':
			return saveAddress(db, scope, values, options);
		case 'hours':
			return saveHours(db, scope, values, options);
		case 'fulfilment':
			return saveFulfilment(db, scope, values, options);
	}
}
