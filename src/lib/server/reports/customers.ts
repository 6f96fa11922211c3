import { z } from 'zod';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.ts';
import type { ShopScope } from '../tenancy/guard.ts';
import { NotFoundError } from '../errors.ts';
import { NO_EMAIL_DOMAIN } from '../orders/emails.ts';
import type { OrderStatus } from '../orders/transitions.ts';

// A shop's customers, read from its orders: one customer per email address (case folded), or per
// phone number (digits and "+" only) for customers recorded without email (the reserved
// `sans-email.invalid` domain of assisted orders). Nothing is stored: the list is what the orders say.
// URLs name a customer by the MD5 of that identity, so no email or phone number ends up in
// addresses, logs or browser history; the key only ever matches this shop's orders.

/** The customer's identity of an order row aliased `o`. */
const IDENTITY = sql.raw(`case when o.customer_email like '%@${NO_EMAIL_DOMAIN}'
	then 'phone:' || regexp_replace(o.customer_phone, '[^0-9+]', '', 'g')
	else 'email:' || lower(o.customer_email) end`);

/** What a customer spent: their completed orders' lines, removed lines left out (as in the sales reports). */
const SPENT = sql.raw(`case when o.status = 'completed' then (select coalesce(sum(l.total_cents), 0) from order_lines l
	where l.order_id = o.id and l.removed_at is null) else 0 end`);

export const CUSTOMERS_PAGE = 50;

export const CustomerFilters = z.object({
	q: z
		.string()
		.catch('')
		.transform((s) => s.trim().slice(0, 100)),
	page: z.coerce.number().int().min(1).max(10_000).catch(1)
});
export type CustomerFilters = z.output<typeof CustomerFilters>;

export type CustomerRow = {
	key: string;
	name: string;
	email: string | null;
	phone: string;
	orders: number;
	spentCents: number;
	lastOrderAt: Date;
};

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Name, email or phone contain the words typed (phone compared on digits only). */
function searchSql(q: string): SQL {
	if (!q) return sql`true`;
	const pattern = `%${likeEscape(q)}%`;
	const digits = q.replace(/[^0-9]/g, '');
	return sql`bool_or(o.customer_name ilike ${pattern} or (o.customer_email ilike ${pattern} and o.customer_email not like ${`%@${NO_EMAIL_DOMAIN}`})
		${digits.length >= 2 ? sql`or regexp_replace(o.customer_phone, '[^0-9]', '', 'g') like ${`%${digits}%`}` : sql``})`;
}

/** One page of the shop's customers, the most recent first. */
export async function listCustomers(db: Db, scope: ShopScope, filters: CustomerFilters, pageSize = CUSTOMERS_PAGE) {
	const rows = await queryRows<{
		key: string;
		name: string;
		email: string;
		phone: string;
		orders: number;
		spent: string | number;
		last_at: string | Date;
		total: number;
	}>(
		db,
		sql`select md5(${IDENTITY}) as key,
				(array_agg(o.customer_name order by o.created_at desc))[1] as name,
				(array_agg(o.customer_email order by o.created_at desc))[1] as email,
				(array_agg(o.customer_phone order by o.created_at desc))[1] as phone,
				count(*)::int as orders, sum(${SPENT})::bigint as spent, max(o.created_at) as last_at,
				count(*) over ()::int as total
			from orders o
			where o.shop_id = ${scope.shopId}
			group by ${IDENTITY}
			having ${searchSql(filters.q)}
			order by max(o.created_at) desc, 1
			limit ${pageSize} offset ${(filters.page - 1) * pageSize}`
	);
	const total = rows.length ? Number(rows[0].total) : await countCustomers(db, scope, filters.q);
	return {
		total,
		pages: Math.max(1, Math.ceil(total / pageSize)),
		customers: rows.map((r): CustomerRow => ({
			key: r.key,
			name: r.name,
			email: r.email.endsWith(`@${NO_EMAIL_DOMAIN}`) ? null : r.email,
			phone: r.phone,
			orders: Number(r.orders),
			spentCents: Number(r.spent),
			lastOrderAt: new Date(r.last_at)
		}))
	};
}

/** A page past the end still says how many there are. */
async function countCustomers(db: Db, scope: ShopScope, q: string): Promise<number> {
	const [row] = await queryRows<{ n: number }>(
		db,
		sql`select count(*)::int as n from (select 1 from orders o where o.shop_id = ${scope.shopId}
			group by ${IDENTITY} having ${searchSql(q)}) c`
	);
	return Number(row?.n ?? 0);
}

export const CUSTOMER_KEY = /^[0-9a-f]{32}$/;

/** One customer of the shop with all their orders, the latest first; unknown here = 404. */
export async function customerDetail(db: Db, scope: ShopScope, key: string) {
	if (!CUSTOMER_KEY.test(key)) throw new NotFoundError('customer');
	const orders = await queryRows<{
		id: string;
		number: number;
		status: OrderStatus;
		created_at: string | Date;
		total_cents: number;
		spent: string | number;
		customer_name: string;
		customer_email: string;
		customer_phone: string;
	}>(
		db,
		sql`select o.id, o.number, o.status, o.created_at, o.total_cents, ${SPENT} as spent,
				o.customer_name, o.customer_email, o.customer_phone
			from orders o
			where o.shop_id = ${scope.shopId} and md5(${IDENTITY}) = ${key}
			order by o.created_at desc, o.number desc
			limit 500`
	);
	if (!orders.length) throw new NotFoundError('customer');
	const latest = orders[0];
	return {
		key,
		name: latest.customer_name,
		email: latest.customer_email.endsWith(`@${NO_EMAIL_DOMAIN}`) ? null : latest.customer_email,
		phone: latest.customer_phone,
		spentCents: orders.reduce((n, o) => n + Number(o.spent), 0),
		orders: orders.map((o) => ({
			id: o.id,
			number: Number(o.number),
			status: o.status,
			createdAt: new Date(o.created_at),
			totalCents: Number(o.total_cents)
		}))
	};
}
