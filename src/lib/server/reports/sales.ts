import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import { vatOfTotal } from '../money/vat.ts';
import { addDays, type Grouping, type Period } from './period.ts';

// Sales reports of one shop. A sale is a completed order, dated by the moment it was completed
// (its `completed` event: the goods were handed over), on the calendar of the territory's time
// zone. Its amount is the sum of its lines' `total_cents` (weighing may have changed them); a
// removed line (`removed_at`) counts nowhere. Delivery fees are not sales of goods and stay out.
//
// VAT follows `money/vat.ts` line by line: each line's VAT comes from its own total, and sums are
// never re-rounded, so excl. + VAT = incl. on every line, every day, every product and every rate.

/**
 * One group of identical sold lines: same bucket, product, VAT rate and line total. Lines with the
 * same total and rate have the same VAT, so a group of n lines weighs exactly n lines.
 */
export type SaleEntry = {
	bucket: string;
	product: string;
	unit: string;
	rateBps: number;
	totalCents: number;
	lines: number;
	quantity: number;
};

const TRUNC: Record<Grouping, string> = { day: 'day', week: 'week', month: 'month' };

/** The shop's completed, non-removed order lines in the period, grouped. */
async function completedSales(db: Db, scope: ShopScope, period: Period, timezone: string): Promise<SaleEntry[]> {
	const rows = await queryRows<{
		bucket: string;
		product: string;
		unit: string;
		rate_bps: number;
		total_cents: number;
		lines: number;
		quantity: string | number;
	}>(
		db,
		sql`select to_char(date_trunc(${TRUNC[period.by]}, e.created_at at time zone ${timezone}), 'YYYY-MM-DD') as bucket,
				l.product_name as product, l.unit, l.vat_rate_bps as rate_bps, l.total_cents,
				count(*)::int as lines, sum(coalesce(l.weighed_quantity, l.quantity))::text as quantity
			from orders o
			join order_events e on e.order_id = o.id and e.to_status = 'completed'
			join order_lines l on l.order_id = o.id and l.removed_at is null
			where ${completedIn(scope, period, timezone)}
			group by 1, 2, 3, 4, 5`
	);
	return rows.map((r) => ({
		bucket: r.bucket,
		product: r.product,
		unit: r.unit,
		rateBps: Number(r.rate_bps),
		totalCents: Number(r.total_cents),
		lines: Number(r.lines),
		quantity: Number(r.quantity)
	}));
}

/** The shop's orders completed in the period ("sales"), on the territory's calendar. */
function completedIn(scope: ShopScope, period: Period, timezone: string) {
	return sql`o.shop_id = ${scope.shopId} and o.status = 'completed'
		and e.created_at >= (${period.from}::date)::timestamp at time zone ${timezone}
		and e.created_at < (${addDays(period.to, 1)}::date)::timestamp at time zone ${timezone}`;
}

/**
 * Refunds (credit notes) of the period, subtracted from sales: entries with NEGATIVE `totalCents`
 * (and quantity), dated by the credit note, with the refunded line's product, unit and VAT rate. `vatOfTotal` rounds half away from zero, so a
 * credit note of a whole line cancels exactly that line's excl. and VAT.
 */
async function creditNoteEntries(db: Db, scope: ShopScope, period: Period, timezone: string): Promise<SaleEntry[]> {
	// A credit note's lines are frozen in its jsonb `lines`; those billing an order line carry its id as
	// `key` (delivery shares, `delivery-<rate>`, stay out like the fees themselves). The rate is the
	// order line's, as for the sales (a shop under the VAT franchise invoices at 0 %).
	const rows = await queryRows<{
		bucket: string;
		product: string;
		unit: string;
		rate_bps: number;
		total_cents: number;
		quantity: string | number;
	}>(
		db,
		sql`select to_char(date_trunc(${TRUNC[period.by]}, i.issued_at at time zone ${timezone}), 'YYYY-MM-DD') as bucket,
				l.product_name as product, l.unit, l.vat_rate_bps as rate_bps, x."totalCents" as total_cents, x.quantity::text as quantity
			from invoices i
			cross join lateral jsonb_to_recordset(i.lines) as x(key text, quantity numeric, "totalCents" int)
			join order_lines l on l.id::text = x.key
			where i.shop_id = ${scope.shopId} and i.kind = 'credit_note'
				and i.issued_at >= (${period.from}::date)::timestamp at time zone ${timezone}
				and i.issued_at < (${addDays(period.to, 1)}::date)::timestamp at time zone ${timezone}`
	);
	return rows.map((r) => ({
		bucket: r.bucket,
		product: r.product,
		unit: r.unit,
		rateBps: Number(r.rate_bps),
		totalCents: -Number(r.total_cents),
		lines: 1,
		quantity: -Number(r.quantity)
	}));
}

export type Amounts = { exclCents: number; vatCents: number; totalCents: number };
const zero = (): Amounts => ({ exclCents: 0, vatCents: 0, totalCents: 0 });
function add(into: Amounts, e: SaleEntry) {
	const { excl, vat } = vatOfTotal(e.totalCents, e.rateBps);
	into.exclCents += excl * e.lines;
	into.vatCents += vat * e.lines;
	into.totalCents += e.totalCents * e.lines;
}

export type Bucket = Amounts & { key: string; start: string; end: string; orders: number };
export type ProductSales = Amounts & { product: string; unit: string; quantity: number };
export type RateSales = Amounts & { rateBps: number };
export type SalesReport = {
	period: Period;
	buckets: Bucket[];
	products: ProductSales[];
	rates: RateSales[];
	totals: Amounts & { orders: number };
};

/** Monday of the ISO week, or first of the month, of a day. */
export function bucketOf(day: string, by: Grouping): string {
	if (by === 'day') return day;
	if (by === 'month') return `${day.slice(0, 7)}-01`;
	const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
	return addDays(day, -weekday);
}

function nextBucket(key: string, by: Grouping): string {
	if (by === 'day') return addDays(key, 1);
	if (by === 'week') return addDays(key, 7);
	const [y, m] = key.split('-').map(Number);
	return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
}

/** Every bucket of the period, empty ones included (a chart shows the quiet days too), clipped to it. */
export function bucketsOf(period: Period): { key: string; start: string; end: string }[] {
	const out = [];
	for (let key = bucketOf(period.from, period.by); key <= period.to; key = nextBucket(key, period.by)) {
		const last = addDays(nextBucket(key, period.by), -1);
		out.push({ key, start: key < period.from ? period.from : key, end: last > period.to ? period.to : last });
	}
	return out;
}

export async function salesReport(db: Db, scope: ShopScope, period: Period, timezone: string): Promise<SalesReport> {
	const [sales, credits, orderCounts] = await Promise.all([
		completedSales(db, scope, period, timezone),
		creditNoteEntries(db, scope, period, timezone),
		queryRows<{ bucket: string; orders: number }>(
			db,
			sql`select to_char(date_trunc(${TRUNC[period.by]}, e.created_at at time zone ${timezone}), 'YYYY-MM-DD') as bucket,
					count(*)::int as orders
				from orders o
				join order_events e on e.order_id = o.id and e.to_status = 'completed'
				where ${completedIn(scope, period, timezone)}
				group by 1`
		)
	]);
	const entries = [...sales, ...credits];

	const buckets = new Map(bucketsOf(period).map((b) => [b.key, { ...b, orders: 0, ...zero() }]));
	for (const r of orderCounts) buckets.get(r.bucket)!.orders = Number(r.orders);
	const products = new Map<string, ProductSales>();
	const rates = new Map<number, RateSales>();
	const totals = { orders: 0, ...zero() };
	for (const e of entries) {
		add(buckets.get(e.bucket)!, e);
		const productKey = `${e.product}\u0000${e.unit}`;
		const p = products.get(productKey) ?? { product: e.product, unit: e.unit, quantity: 0, ...zero() };
		p.quantity += e.quantity;
		add(p, e);
		products.set(productKey, p);
		const r = rates.get(e.rateBps) ?? { rateBps: e.rateBps, ...zero() };
		add(r, e);
		rates.set(e.rateBps, r);
		add(totals, e);
	}
	totals.orders = orderCounts.reduce((n, r) => n + Number(r.orders), 0);
	return {
		period,
		buckets: [...buckets.values()],
		products: [...products.values()]
			.map((p) => ({ ...p, quantity: Math.round(p.quantity * 1000) / 1000 }))
			.sort((a, b) => b.totalCents - a.totalCents || a.product.localeCompare(b.product, 'fr')),
		rates: [...rates.values()].sort((a, b) => a.rateBps - b.rateBps),
		totals
	};
}
