import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { hashPassword } from 'better-auth/crypto';
import type { Db } from '../client.ts';
import * as schema from '../schema/index.ts';
import { refreshProductFacts } from '../../traceability/facts.ts';
import { slugify } from '../../../slug.ts';
import { pickupPointSlotPlan, shopSlotPlan } from '../../fulfilment/slot-plan.ts';
import { createRandom, type Random } from '../../../random.ts';
import { fictionalCompanyIds } from './identifiers.ts';
import { insertTraceability } from './traceability.ts';
import { POSTCODE, TOWN, categories as categoryRows, territory as territoryRow } from './tables/territory.ts';
import { producers as producerRows } from './tables/producers.ts';
import { shops as shopRows } from './tables/shops.ts';
import { pickupPoints as pickupPointRows } from './tables/pickup-points.ts';
import { termsOfSale } from './tables/terms.ts';
import type { PickupPointKey, ProducerKey, ShopRow } from './tables/types.ts';

/** Who can sign in to the demo territory, all with the same password. */
export type DemoLogins = { password: string; operator: string; merchant: string; consumer: string };

export const DEMO_PASSWORD = 'echoppe-demo-2026';
const DOMAIN = 'saint-aubin.demo';
export const DEMO_ADMIN_EMAIL = 'admin@echoppe.demo';

export const demoLogins: DemoLogins = {
	password: DEMO_PASSWORD,
	operator: `operateur@${DOMAIN}`,
	merchant: `boulangerie@${DOMAIN}`,
	consumer: `client@${DOMAIN}`
};

/** Slots (shop pickup, pickup points, delivery) are created this many days ahead. */
export const DEMO_SLOT_DAYS = 14;
const SLOT_MINUTES = 30;
/** The column default, for shops that do not deliver. */
const DEFAULT_DELIVERY_CAPACITY = 3;
const LEAD_MINUTES = 120;
/** Serialises concurrent first starts (several app nodes) on the seeding transaction. */
const SEED_LOCK = 727_201;
const CHUNK = 500;
const DAY_MS = 24 * 60 * 60 * 1000;

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Fills an empty database with the demo territory of Saint-Aubin-sur-Loire: shops of many trades,
 * producers, a few hundred products with their stock, shared pickup points, delivery by a few
 * shops, slots of the three kinds for the next two weeks and the demo accounts. Deterministic (a
 * seeded generator, dates relative to `now`) and idempotent: when any territory exists it changes
 * nothing and only returns the logins.
 */
export async function seedDemo(db: Db, options: { now: Date }): Promise<DemoLogins> {
	if (await hasTerritory(db)) return demoLogins;
	// Hashing is slow on purpose (scrypt): once, outside the transaction, for every demo account.
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	await db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
		if (await hasTerritory(tx)) return;
		await insertDemo(tx, options.now, passwordHash);
	});
	// Fresh statistics, so the planner uses the search indexes at once (PGlite has no autovacuum).
	await db.execute(sql`analyze`);
	return demoLogins;
}

async function hasTerritory(db: Db | Tx): Promise<boolean> {
	const rows = await db.select({ id: schema.territories.id }).from(schema.territories).limit(1);
	return rows.length > 0;
}

async function insertInChunks<T extends PgTable>(tx: Tx, table: T, rows: T['$inferInsert'][]): Promise<void> {
	for (let i = 0; i < rows.length; i += CHUNK) await tx.insert(table).values(rows.slice(i, i + CHUNK));
}

function ownerEmail(shop: ShopRow): string {
	return `${shop.ownerEmail ?? slugify(shop.name)}@${DOMAIN}`;
}

/** "boulangerie-au-pain-d-antan" → "BAPD": a short prefix for the shop's SKUs. */
function skuPrefix(slug: string): string {
	return slug
		.split('-')
		.filter((word) => word.length > 1)
		.map((word) => word[0].toUpperCase())
		.join('')
		.slice(0, 4);
}

function daysBefore(now: Date, days: number): Date {
	return new Date(now.getTime() - days * DAY_MS);
}

async function insertDemo(tx: Tx, now: Date, passwordHash: string): Promise<void> {
	const random = createRandom('saint-aubin-sur-loire');
	const territoryId = random.uuid();
	const territoryCreatedAt = daysBefore(now, 120);

	await tx.insert(schema.territories).values({
		id: territoryId,
		slug: territoryRow.slug,
		name: territoryRow.name,
		host: null,
		isDefault: true,
		timezone: territoryRow.timezone,
		tagline: territoryRow.tagline,
		primaryColor: territoryRow.primaryColor,
		latitude: territoryRow.latitude,
		longitude: territoryRow.longitude,
		commissionBps: territoryRow.commissionBps,
		autoApproveShops: territoryRow.autoApproveShops,
		legal: territoryRow.legal,
		createdAt: territoryCreatedAt
	});

	const categoryIds = new Map(categoryRows.map((category) => [category.key, random.uuid()]));
	await tx.insert(schema.categories).values(
		categoryRows.map((category, position) => ({
			id: categoryIds.get(category.key)!,
			territoryId,
			slug: category.key,
			name: category.name,
			position
		}))
	);

	// Shops, each with its owner's account.
	const shopIds = shopRows.map(() => random.uuid());
	const shopSlugs = shopRows.map((shop) => slugify(shop.name));
	const shopCreatedAt = shopRows.map((shop, index) => (shop.status === 'pending' ? daysBefore(now, 2) : daysBefore(now, 100 - index * 3)));
	const pickupPointNames = new Map(pickupPointRows.map((point) => [point.key, point.name]));
	await tx.insert(schema.shops).values(
		shopRows.map((shop, index) => {
			const ids = fictionalCompanyIds(random);
			const email = ownerEmail(shop);
			return {
				id: shopIds[index],
				territoryId,
				slug: shopSlugs[index],
				name: shop.name,
				trade: shop.trade,
				description: shop.description,
				legalName: shop.legalName,
				siret: ids.siret,
				vatNumber: ids.vatNumber,
				phone: shop.phone,
				email,
				address: shop.address,
				postcode: POSTCODE,
				city: TOWN,
				latitude: shop.latitude,
				longitude: shop.longitude,
				imageUrl: `/illustrations/shop/${shopSlugs[index]}.svg`,
				status: shop.status,
				openingHours: shop.openingHours,
				slotMinutes: SLOT_MINUTES,
				leadMinutes: LEAD_MINUTES,
				slotCapacity: shop.slotCapacity,
				minOrderCents: shop.minOrderCents,
				offersPickup: shop.offersPickup ?? true,
				deliveryHours: shop.delivery?.hours ?? [],
				deliveryCapacity: shop.delivery?.capacity ?? DEFAULT_DELIVERY_CAPACITY,
				termsOfSale: termsOfSale({
					shop,
					siret: ids.siret,
					vatNumber: ids.vatNumber,
					email,
					pickupPointNames: (shop.pickupPoints ?? []).map((key) => pickupPointNames.get(key)!)
				}),
				createdAt: shopCreatedAt[index]
			};
		})
	);

	// Producers: a selling farm belongs to its own shop; an external one to the first shop it supplies.
	const producerIds = new Map<ProducerKey, string>(producerRows.map((producer) => [producer.key, random.uuid()]));
	const producerShop = (key: ProducerKey): string | null => {
		const own = shopRows.findIndex((shop) => shop.producer === key);
		if (own >= 0) return shopIds[own];
		const supplied = shopRows.findIndex((shop) => shop.products.some((product) => product.producer === key));
		return supplied >= 0 ? shopIds[supplied] : null;
	};
	await tx.insert(schema.producers).values(
		producerRows.map((producer) => ({
			id: producerIds.get(producer.key)!,
			territoryId,
			shopId: producerShop(producer.key),
			sellerShopId: (() => {
				const own = shopRows.findIndex((shop) => shop.producer === producer.key);
				return own >= 0 ? shopIds[own] : null;
			})(),
			slug: producer.key,
			name: producer.name,
			description: producer.description,
			methods: producer.methods,
			address: producer.address,
			city: producer.city,
			latitude: producer.latitude,
			longitude: producer.longitude,
			labels: producer.labels,
			imageUrl: `/illustrations/${producer.kind}/${producer.key}.svg`,
			createdAt: territoryCreatedAt
		}))
	);

	await insertPeople(tx, random, { now, passwordHash, territoryId, shopIds, shopCreatedAt });
	await insertCatalog(tx, random, { territoryId, shopIds, shopSlugs, shopCreatedAt, categoryIds, producerIds });
	await insertTraceability(tx, random, { now, territoryId });

	await insertFulfilment(tx, { now, territoryId, shopIds });
}

type FulfilmentContext = { now: Date; territoryId: string; shopIds: string[] };

/**
 * Pickup points and the shops that bring orders there, delivery zones, and the slots of the three
 * kinds for the next days, planned as the daily top-up plans them. Identifiers come from a random
 * stream of their own, so adding fulfilment data leaves the catalogue's identifiers unchanged.
 */
async function insertFulfilment(tx: Tx, context: FulfilmentContext): Promise<void> {
	const random = createRandom('saint-aubin-sur-loire/fulfilment');
	const { now, territoryId, shopIds } = context;
	const pickupPointIds = new Map<PickupPointKey, string>(pickupPointRows.map((point) => [point.key, random.uuid()]));
	const window = { timezone: territoryRow.timezone, from: now, days: DEMO_SLOT_DAYS };

	const points = pickupPointRows.map((point) => ({
		id: pickupPointIds.get(point.key)!,
		territoryId,
		slug: point.key,
		name: point.name,
		description: point.description,
		address: point.address,
		postcode: POSTCODE,
		city: TOWN,
		latitude: point.latitude,
		longitude: point.longitude,
		openingHours: point.openingHours,
		slotMinutes: point.slotMinutes,
		slotCapacity: point.slotCapacity,
		active: true
	}));
	await tx.insert(schema.pickupPoints).values(points);
	await tx
		.insert(schema.shopPickupPoints)
		.values(
			shopRows.flatMap((shop, index) =>
				(shop.pickupPoints ?? []).map((key) => ({ shopId: shopIds[index], pickupPointId: pickupPointIds.get(key)! }))
			)
		);
	await tx.insert(schema.deliveryZones).values(
		shopRows.flatMap((shop, index) =>
			(shop.delivery?.zones ?? []).map((zone) => ({
				id: random.uuid(),
				shopId: shopIds[index],
				name: zone.name,
				postcodes: zone.postcodes ?? [],
				radiusKm: zone.radiusKm ?? null,
				feeCents: zone.feeCents,
				minOrderCents: zone.minOrderCents
			}))
		)
	);

	const planned = [
		...points.flatMap((point) => pickupPointSlotPlan(point, window)),
		...shopRows.flatMap((shop, index) =>
			shop.status !== 'active'
				? []
				: shopSlotPlan(
						{
							id: shopIds[index],
							offersPickup: shop.offersPickup ?? true,
							openingHours: shop.openingHours,
							slotMinutes: SLOT_MINUTES,
							slotCapacity: shop.slotCapacity,
							deliveryHours: shop.delivery?.hours ?? [],
							deliveryCapacity: shop.delivery?.capacity ?? DEFAULT_DELIVERY_CAPACITY
						},
						(shop.delivery?.zones.length ?? 0) > 0,
						window
					)
		)
	];
	await insertInChunks(
		tx,
		schema.slots,
		planned.map((slot) => ({ id: random.uuid(), ...slot }))
	);
}

type PeopleContext = { now: Date; passwordHash: string; territoryId: string; shopIds: string[]; shopCreatedAt: Date[] };

/** The demo accounts, inserted directly with one shared password hash (as better-auth stores it). */
async function insertPeople(tx: Tx, random: Random, context: PeopleContext): Promise<void> {
	const { now, territoryId, shopIds, shopCreatedAt } = context;
	type Person = { name: string; email: string; phone?: string; createdAt: Date };
	const operator: Person = { name: 'Sylvie Lambert', email: demoLogins.operator, phone: '02 47 00 12 34', createdAt: daysBefore(now, 120) };
	const admin: Person = { name: 'Administration Échoppe', email: DEMO_ADMIN_EMAIL, createdAt: daysBefore(now, 120) };
	const consumer: Person = { name: 'Lucie Martin', email: demoLogins.consumer, phone: '06 12 34 56 78', createdAt: daysBefore(now, 30) };
	const owners: Person[] = shopRows.map((shop, index) => ({
		name: shop.owner,
		email: ownerEmail(shop),
		phone: shop.phone,
		createdAt: shopCreatedAt[index]
	}));
	const people = [operator, admin, consumer, ...owners];
	const userIds = people.map(() => random.id(32));

	await tx.insert(schema.user).values(
		people.map((person, index) => ({
			id: userIds[index],
			name: person.name,
			email: person.email,
			emailVerified: true,
			phone: person.phone ?? null,
			locale: 'fr',
			createdAt: person.createdAt,
			updatedAt: person.createdAt
		}))
	);
	await tx.insert(schema.account).values(
		people.map((person, index) => ({
			id: random.id(32),
			accountId: userIds[index],
			providerId: 'credential',
			userId: userIds[index],
			password: context.passwordHash,
			createdAt: person.createdAt,
			updatedAt: person.createdAt
		}))
	);
	const ownerIds = userIds.slice(3);
	await tx.insert(schema.memberships).values([
		{ id: random.uuid(), userId: userIds[0], role: 'operator', territoryId, shopId: null, createdAt: operator.createdAt },
		{ id: random.uuid(), userId: userIds[1], role: 'platform_admin', territoryId: null, shopId: null, createdAt: admin.createdAt },
		...shopIds.map((shopId, index) => ({
			id: random.uuid(),
			userId: ownerIds[index],
			role: 'shop_owner' as const,
			territoryId,
			shopId,
			createdAt: shopCreatedAt[index]
		}))
	]);
}

type CatalogContext = {
	territoryId: string;
	shopIds: string[];
	shopSlugs: string[];
	shopCreatedAt: Date[];
	categoryIds: Map<string, string>;
	producerIds: Map<ProducerKey, string>;
};

/** Products, variants and the initial stock movement of every tracked variant. */
async function insertCatalog(tx: Tx, random: Random, context: CatalogContext): Promise<void> {
	const products: (typeof schema.products.$inferInsert)[] = [];
	const variants: (typeof schema.variants.$inferInsert)[] = [];
	const movements: (typeof schema.stockMovements.$inferInsert)[] = [];
	const links: (typeof schema.productProducers.$inferInsert)[] = [];
	const producerNames = new Map(producerRows.map((producer) => [producer.key, `${producer.name} (${producer.city})`]));

	shopRows.forEach((shop, shopIndex) => {
		const shopId = context.shopIds[shopIndex];
		const createdAt = context.shopCreatedAt[shopIndex];
		const prefix = skuPrefix(context.shopSlugs[shopIndex]);
		const slugs = new Set<string>();
		shop.products.forEach((row, productIndex) => {
			const slug = slugify(row.name);
			if (slugs.has(slug)) throw new Error(`Demo data: two products named "${row.name}" in ${shop.name}`);
			slugs.add(slug);
			const productId = random.uuid();
			const producerKey = row.producer ?? shop.producer;
			if (producerKey) links.push({ productId, producerId: context.producerIds.get(producerKey)!, position: 0 });
			products.push({
				id: productId,
				shopId,
				territoryId: context.territoryId,
				categoryId: context.categoryIds.get(row.category ?? shop.category)!,
				slug,
				name: row.name,
				description: row.description,
				ingredients: row.ingredients ?? null,
				unit: row.unit,
				vatRateBps: row.vat,
				// A demo product listing no allergen is declared free of the 14 ('none'), as a merchant would tick it.
				allergens: row.allergens?.length ? row.allergens : ['none'],
				labels: row.labels ?? [],
				storage: row.storage ?? null,
				origin: row.origin ?? (producerKey ? producerNames.get(producerKey)! : null),
				imageUrl: `/illustrations/${row.kind}/${slug}.svg`,
				imageAlt: row.name,
				seasonalMonths: row.months ?? null,
				status: 'active',
				createdAt,
				updatedAt: createdAt
			});
			row.variants.forEach(([name, priceCents, netQuantity, netUnit], position) => {
				const variantId = random.uuid();
				const onOrder = typeof row.stock === 'object' ? row.stock.onOrderDays : null;
				const stockMode = row.stock === 'unlimited' ? 'unlimited' : onOrder !== null ? 'on_order' : 'tracked';
				const stock = stockMode === 'tracked' ? random.int(5, 60) : 0;
				variants.push({
					id: variantId,
					productId,
					name,
					sku: `${prefix}-${String(productIndex + 1).padStart(3, '0')}-${position + 1}`,
					priceCents,
					netQuantity: netQuantity ?? null,
					netUnit: netUnit ?? null,
					stockMode,
					stock,
					leadDays: onOrder,
					position
				});
				if (stockMode === 'tracked') {
					movements.push({ id: random.uuid(), variantId, shopId, delta: stock, reason: 'initial', createdAt });
				}
			});
		});
	});

	await insertInChunks(tx, schema.products, products);
	await insertInChunks(tx, schema.variants, variants);
	await insertInChunks(tx, schema.stockMovements, movements);
	await insertInChunks(tx, schema.productProducers, links);
	await refreshProductFacts(tx, { territoryId: context.territoryId });
}
