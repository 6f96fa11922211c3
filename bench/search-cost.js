// `node bench/search-cost.js [DATABASE_URL]`: what one broad search costs PostgreSQL, and which
// part of it: the query `searchProducts` sends (captured through a drizzle logger) next to
// simpler variants, each run sequentially on one connection; CPU time of that connection's
// backend read from /proc (so other load on the machine does not inflate it much).
// Needs a database seeded by the bench: `BENCH_DATABASE_URL=… npm run bench -- --postgres` keeps it.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const url = process.argv[2] ?? process.env.BENCH_DATABASE_URL;
if (!url) {
	console.error('usage: node bench/search-cost.js postgres://postgres@127.0.0.1:5432/<bench database>');
	process.exit(1);
}
if (!['127.0.0.1', 'localhost'].includes(new URL(url).hostname)) throw new Error('the backend must run on this machine (/proc)');
const { default: pg } = await import('pg');
const { drizzle } = await import('drizzle-orm/node-postgres');
const schema = await import('../src/lib/server/db/schema/index.ts');
const { searchProducts } = await import('../src/lib/server/catalog/search.ts');
const { BROAD_TERMS } = await import('./large-catalog.ts');

const TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
const client = new pg.Client({ connectionString: url });
await client.connect();
const pid = (await client.query('select pg_backend_pid() as pid')).rows[0].pid;
const ticks = () => {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return Number(fields[11]) + Number(fields[12]);
};
const [{ id: territoryId }] = (await client.query('select id from territories where is_default')).rows;

// The exact SQL of the API's search (24 results), and the settings it runs with.
const captured = [];
const pool = new pg.Pool({ connectionString: url, max: 1 });
const db = drizzle(pool, { schema, logger: { logQuery: (query, params) => captured.push({ query, params }) } });
await searchProducts(db, territoryId, { q: BROAD_TERMS[0], limit: 24 });
await pool.end();
const page = captured.find((c) => c.query.includes('materialized'));
// The app's settings: JIT and parallel workers off per connection (db/client.ts); the typo
// threshold, which the app sets only around a typo search, for the variants below that use `<%`.
await client.query(`select set_config('jit', 'off', false), set_config('max_parallel_workers_per_gather', '0', false),
	set_config('pg_trgm.word_similarity_threshold', '0.45', false)`);

const Q = `websearch_to_tsquery('french', f_unaccent($1))`;
const scope = `join shops s on s.id = p.shop_id and s.status = 'active' where p.status = 'active'`;
const variants = [
	['searchProducts page query (as sent)', page.query, (term) => page.params.map((p) => (p === BROAD_TERMS[0] ? term : p))],
	[
		'the same, prepared (planned once per connection)',
		{ name: 'search_cost_page', text: page.query },
		(term) => page.params.map((p) => (p === BROAD_TERMS[0] ? term : p))
	],
	[
		'full text only, ts_rank, narrow product_search_docs',
		`select d.product_id, ts_rank(d.search, ${Q}) k from product_search_docs d join shops s on s.id = d.shop_id and s.status = 'active'
			where d.search @@ ${Q} order by k desc, d.product_id limit 25`
	],
	[
		'full text OR trigram, CASE rank (core of it)',
		`select p.id, (case when p.search @@ ${Q} then 1 + ts_rank_cd(p.search, ${Q})::float8
			else word_similarity(f_unaccent(lower($1)), f_unaccent(lower(p.name)))::float8 end) k
			from products p ${scope} and (p.search @@ ${Q} or f_unaccent(lower($1)) <% f_unaccent(lower(p.name))) order by k desc, p.id limit 25`
	],
	[
		'full text only, ts_rank_cd',
		`select p.id, ts_rank_cd(p.search, ${Q}) k from products p ${scope} and p.search @@ ${Q} order by k desc, p.id limit 25`
	],
	[
		'full text only, ts_rank',
		`select p.id, ts_rank(p.search, ${Q}) k from products p ${scope} and p.search @@ ${Q} order by k desc, p.id limit 25`
	],
	['full text only, no ranking', `select p.id from products p ${scope} and p.search @@ ${Q} order by p.id limit 25`],
	[
		'count of the matches only',
		`select count(*) from products p ${scope} and (p.search @@ ${Q} or f_unaccent(lower($1)) <% f_unaccent(lower(p.name)))`
	],
	['count of the full-text matches only', `select count(*) from products p ${scope} and p.search @@ ${Q}`],
	[
		'count of the trigram (typo) matches only',
		`select count(*) from products p ${scope} and f_unaccent(lower($1)) <% f_unaccent(lower(p.name))`
	],
	[
		'primary-key lookup (reference)',
		`select p.id, p.name from products p where p.id = (select id from products order by id offset length($1) limit 1)`
	]
];

// Where one execution of the query as sent goes: planning or execution.
{
	const plan = await client.query({ text: `explain (analyze, summary, format json) ${page.query}`, values: page.params });
	const [{ 'Planning Time': planning, 'Execution Time': execution }] = plan.rows[0]['QUERY PLAN'];
	console.log(`searchProducts page query: planning ${planning.toFixed(2)} ms, execution ${execution.toFixed(2)} ms (one EXPLAIN ANALYZE)`);
}

const ROUNDS = 3;
const PER_ROUND = 120;
const results = new Map();
for (let round = 0; round <= ROUNDS; round++) {
	for (const [name, text, params = (term) => [term]] of variants) {
		const run = (values) => client.query(typeof text === 'string' ? { text, values } : { ...text, values });
		for (let i = 0; i < 8; i++) await run(params(BROAD_TERMS[i % BROAD_TERMS.length]));
		const t0 = ticks();
		const w0 = performance.now();
		for (let i = 0; i < PER_ROUND; i++) await run(params(BROAD_TERMS[i % BROAD_TERMS.length]));
		if (round === 0) continue; // warm-up round
		const cpu = ((ticks() - t0) * 1000) / TICKS / PER_ROUND;
		const wall = (performance.now() - w0) / PER_ROUND;
		results.set(name, [...(results.get(name) ?? []), { cpu, wall }]);
	}
}
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`Per query, over the ${BROAD_TERMS.length} broad terms (median of ${ROUNDS} rounds of ${PER_ROUND}):`);
for (const [name, rows] of results) {
	console.log(
		`${name.padEnd(46)} backend CPU ${median(rows.map((r) => r.cpu))
			.toFixed(2)
			.padStart(6)} ms   wall ${median(rows.map((r) => r.wall))
			.toFixed(2)
			.padStart(6)} ms`
	);
}
await client.end();
