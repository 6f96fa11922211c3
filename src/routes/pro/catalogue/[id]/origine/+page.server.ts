import { error } from '@sveltejs/kit';
import { runForm } from '../../../producteurs/producer-form.server.ts';
import { asc, eq } from 'drizzle-orm';
import type { Actions, PageServerLoad } from './$types';
import { appContext } from '#lib/server/runtime.ts';
import { shopScopeOf } from '#lib/server/http/scope.ts';
import { formToObject } from '#lib/server/http/validate.ts';
import { productProducers, products } from '#lib/server/db/schema/index.ts';
import { listProducers } from '#lib/server/traceability/producers.ts';
import { productTraceability } from '#lib/server/traceability/read.ts';
import { addLot, setProductProducers, setProductSource, setSupplyChain, sourceCandidates } from '#lib/server/traceability/origin.ts';
import { SUPPLY_CHAIN_ROLES } from '#lib/server/traceability/rules.ts';
import { lotStates, removeLot } from '#lib/server/traceability/lots.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const scope = shopScopeOf(locals);
	const { db } = await appContext();
	const trace = await productTraceability(db, scope.territoryId, params.id);
	if (!trace || trace.shopId !== scope.shopId) error(404, 'not found');
	const [{ name }] = await db.select({ name: products.name }).from(products).where(eq(products.id, params.id));
	const own = await db
		.select({ id: productProducers.producerId })
		.from(productProducers)
		.where(eq(productProducers.productId, params.id))
		.orderBy(asc(productProducers.position));
	return {
		product: { id: params.id, name },
		trace,
		linked: own.map((r) => r.id),
		producers: await listProducers(db, scope),
		candidates: await sourceCandidates(db, scope),
		// Sold lots cannot be deleted; sold or printed ones keep their code (traceability/lots.ts).
		lotStates: Object.fromEntries(await lotStates(db, scope, params.id)),
		roles: SUPPLY_CHAIN_ROLES,
		saved: url.searchParams.get('saved')
	};
};

const list = (v: unknown): string[] => (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]).map(String);

/** Applies a row button ("up:2", "down:0", "remove:1") to an ordered list. */
function applyOp<T>(rows: T[], op: unknown): T[] {
	const [kind, at] = String(op ?? '').split(':');
	const i = Number(at);
	if (!Number.isInteger(i) || i < 0 || i >= rows.length) return rows;
	const next = [...rows];
	if (kind === 'remove') next.splice(i, 1);
	if (kind === 'up' && i > 0) [next[i - 1], next[i]] = [next[i], next[i - 1]];
	if (kind === 'down' && i < rows.length - 1) [next[i + 1], next[i]] = [next[i], next[i + 1]];
	return next;
}

const STEP_FIELDS = ['role', 'name', 'place', 'latitude', 'longitude'] as const;

/** The chain's rows as posted (`steps.<i>.<field>`), in order, blank rows left out. */
function postedSteps(values: Record<string, string | string[]>) {
	const rows = new Map<number, Record<string, string>>();
	for (const [key, value] of Object.entries(values)) {
		const match = /^steps\.(\d{1,2})\.(\w+)$/.exec(key);
		if (!match || !(STEP_FIELDS as readonly string[]).includes(match[2])) continue;
		const row = rows.get(Number(match[1])) ?? {};
		row[match[2]] = String(Array.isArray(value) ? value[0] : value);
		rows.set(Number(match[1]), row);
	}
	return [...rows.entries()]
		.sort(([a], [b]) => a - b)
		.map(([, row]) => row)
		.filter((row) => ['name', 'place', 'latitude', 'longitude'].some((f) => (row[f] ?? '').trim() !== ''));
}

export const actions: Actions = {
	producers: async ({ request, locals, params }) => {
		const { db } = await appContext();
		const values = formToObject(await request.formData());
		let ids = applyOp(list(values.producerId), values.op);
		if (values.op === 'add' && values.addProducerId) ids = [...ids, String(values.addProducerId)];
		return runForm(locals.locale, { producerId: ids }, 'producers', `/pro/catalogue/${params.id}/origine`, () =>
			setProductProducers(db, shopScopeOf(locals), params.id, ids, { locale: locals.locale })
		);
	},
	chain: async ({ request, locals, params }) => {
		const { db } = await appContext();
		const values = formToObject(await request.formData());
		const steps = applyOp(postedSteps(values), values.op);
		return runForm(locals.locale, { steps }, 'chain', `/pro/catalogue/${params.id}/origine`, () =>
			setSupplyChain(db, shopScopeOf(locals), params.id, steps, { locale: locals.locale })
		);
	},
	lot: async ({ request, locals, params }) => {
		const { db } = await appContext();
		const values = formToObject(await request.formData());
		return runForm(locals.locale, values, 'lot', `/pro/catalogue/${params.id}/origine`, () =>
			addLot(db, shopScopeOf(locals), params.id, values, { locale: locals.locale })
		);
	},
	removeLot: async ({ request, locals, params }) => {
		const { db } = await appContext();
		const values = formToObject(await request.formData());
		return runForm(locals.locale, values, 'lot_removed', `/pro/catalogue/${params.id}/origine`, () =>
			removeLot(db, shopScopeOf(locals), params.id, String(values.lotId ?? ''))
		);
	},
	source: async ({ request, locals, params }) => {
		const { db } = await appContext();
		const values = formToObject(await request.formData());
		const source = String(values.sourceProductId ?? '').trim();
		return runForm(locals.locale, values, 'source', `/pro/catalogue/${params.id}/origine`, () =>
			setProductSource(db, shopScopeOf(locals), params.id, source === '' ? null : source, { locale: locals.locale })
		);
	}
};
