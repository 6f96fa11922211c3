import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../client.ts';
import * as schema from '../schema/index.ts';
import type { Random } from '../../../random.ts';
import { refreshProductFacts } from '../../traceability/facts.ts';

/**
 * Demo traceability (SPEC §3.4), derived from the catalogue just inserted so it stays true when
 * the tables change: certificates for every labelled producer (one expired, so the flag shows),
 * lots on the perishable products of known producers, supply chains (cheeses through a
 * cooperative, the resellers' goods through the regional wholesale market, so not everything is
 * a short circuit), and one shop buying a producer-shop's product (its origin follows the source).
 */

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
const DAY_MS = 86_400_000;
const iso = (date: Date) => date.toISOString().slice(0, 10);

const CERTIFIERS: Record<string, { prefix: string; certifier: string }> = {
	ab: { prefix: 'FR-BIO-01/', certifier: 'Ecocert France' },
	hve: { prefix: 'HVE-37-', certifier: 'Bureau Veritas Certification' },
	label_rouge: { prefix: 'LA 07/', certifier: 'Certis' },
	aop: { prefix: 'AOP-SM-', certifier: 'Certipaq' },
	nature_progres: { prefix: 'NP-', certifier: 'Nature & Progrès (système participatif)' }
};
/** This producer's organic certificate lapsed: the back office flags it. */
const EXPIRED = 'moulin-de-la-roche';

/** Resellers: their goods without a known farm come through the regional wholesale market. */
const RESELLER_TRADES = ['grocery', 'wine_shop', 'fishmonger', 'greengrocer', 'cheesemonger', 'butcher'];
const WHOLESALE = { name: 'MIN de Tours (marché de gros)', place: 'Saint-Pierre-des-Corps', latitude: 47.3905, longitude: 0.7266 };
const COOPERATIVE = { name: 'Coopérative fromagère du Val de Loire', place: 'Loches', latitude: 47.1286, longitude: 0.9953 };

export async function insertTraceability(tx: Tx, random: Random, context: { now: Date; territoryId: string }): Promise<void> {
	const { now, territoryId } = context;
	const db = tx as unknown as Db;

	const producers = await queryRows<{ id: string; slug: string; labels: string[]; name: string; city: string }>(
		db,
		sql`select id, slug, labels, name, city from producers where territory_id = ${territoryId} order by slug`
	);
	const certifications: (typeof schema.producerCertifications.$inferInsert)[] = [];
	for (const producer of producers)
		for (const label of producer.labels) {
			const known = CERTIFIERS[label];
			if (!known) continue;
			const expiresOn =
				producer.slug === EXPIRED ? new Date(now.getTime() - 20 * DAY_MS) : new Date(now.getTime() + random.int(120, 540) * DAY_MS);
			certifications.push({
				id: random.uuid(),
				producerId: producer.id,
				label,
				certificateNumber: `${known.prefix}${random.int(10000, 99999)}`,
				certifier: known.certifier,
				expiresOn: iso(expiresOn)
			});
		}
	if (certifications.length) await tx.insert(schema.producerCertifications).values(certifications);

	// Lots on the perishable products of a known producer (kept cold, or fresh): two recent batches each.
	const perishable = await queryRows<{ id: string; shop_id: string; sku: string }>(
		db,
		sql`select p.id, p.shop_id, min(v.sku) as sku from products p
			join product_producers pp on pp.product_id = p.id
			join variants v on v.product_id = p.id
			where p.territory_id = ${territoryId} and p.vat_rate_bps in (550, 1000)
				and (p.storage ilike '%réfrig%' or p.storage ilike '%frais%' or p.storage ilike '%°C%' or p.storage ilike '%froid%')
			group by p.id, p.shop_id order by min(v.sku)`
	);
	const lots: (typeof schema.lots.$inferInsert)[] = [];
	for (const product of perishable)
		for (const [n, age] of [
			[1, 9],
			[2, 2]
		]) {
			const producedOn = new Date(now.getTime() - age * DAY_MS);
			lots.push({
				id: random.uuid(),
				productId: product.id,
				shopId: product.shop_id,
				code: `${product.sku.split('-')[0]}-${iso(producedOn).replaceAll('-', '').slice(2)}-${n}`,
				producedOn: iso(producedOn),
				bestBefore: iso(new Date(producedOn.getTime() + random.int(7, 21) * DAY_MS)),
				quantity: random.int(6, 40),
				createdAt: producedOn
			});
		}
	if (lots.length) await tx.insert(schema.lots).values(lots);

	// One shop buys a producer-shop's product: a reseller's product of no known farm, in a category a
	// farm selling on the platform also sells (e.g. the grocery's honey from the beekeeper's shop).
	const [bought] = await queryRows<{ id: string; source_id: string }>(
		db,
		sql`select p.id, sp.id as source_id
			from products p join shops s on s.id = p.shop_id
			join producers pr on pr.seller_shop_id is not null and pr.seller_shop_id <> p.shop_id and pr.territory_id = p.territory_id
			join lateral (select sp.id from products sp where sp.shop_id = pr.seller_shop_id and sp.category_id = p.category_id
				and sp.status = 'active' order by sp.slug limit 1) sp on true
			where p.territory_id = ${territoryId} and s.trade in ('grocery', 'caterer', 'greengrocer') and p.vat_rate_bps in (550, 1000)
				and not exists (select 1 from product_producers pp where pp.product_id = p.id)
			order by p.slug limit 1`
	);
	if (bought) await tx.insert(schema.productSources).values({ productId: bought.id, sourceProductId: bought.source_id });

	// Chains: the cheesemonger's farm cheeses through a cooperative (2 intermediaries: not a short circuit).
	const steps: (typeof schema.supplyChainSteps.$inferInsert)[] = [];
	const cheeses = await queryRows<{
		id: string;
		producer: string;
		place: string;
		latitude: number;
		longitude: number;
		producer_id: string;
	}>(
		db,
		sql`select p.id, pr.name as producer, pr.city as place, pr.latitude, pr.longitude, pr.id as producer_id
			from products p join shops s on s.id = p.shop_id
			join product_producers pp on pp.product_id = p.id and pp.position = 0 join producers pr on pr.id = pp.producer_id
			where p.territory_id = ${territoryId} and s.trade = 'cheesemonger' and pr.seller_shop_id is null order by p.slug`
	);
	for (const cheese of cheeses)
		steps.push(
			{
				id: random.uuid(),
				productId: cheese.id,
				position: 0,
				role: 'producer',
				name: cheese.producer,
				place: cheese.place,
				latitude: cheese.latitude,
				longitude: cheese.longitude,
				producerId: cheese.producer_id
			},
			{ id: random.uuid(), productId: cheese.id, position: 1, role: 'cooperative', ...COOPERATIVE }
		);
	// The resellers' food with no known farm: origin as stated, then the wholesale market.
	const resold = await queryRows<{ id: string; origin: string | null }>(
		db,
		sql`select p.id, p.origin from products p join shops s on s.id = p.shop_id
			where p.territory_id = ${territoryId} and s.trade in (${sql.join(
				RESELLER_TRADES.map((trade) => sql`${trade}`),
				sql`, `
			)})
				and p.vat_rate_bps in (550, 1000)
				and not exists (select 1 from product_producers pp where pp.product_id = p.id)
				and not exists (select 1 from product_sources ps where ps.product_id = p.id)
			order by p.slug`
	);
	for (const product of resold)
		steps.push(
			{ id: random.uuid(), productId: product.id, position: 0, role: 'producer', name: product.origin?.trim() || 'Producteur', place: '' },
			{ id: random.uuid(), productId: product.id, position: 1, role: 'wholesaler', ...WHOLESALE }
		);
	if (steps.length) await tx.insert(schema.supplyChainSteps).values(steps);

	await refreshProductFacts(db, { territoryId });
}
