-- No schema change: this migration only carries drizzle-kit's snapshot of the schema after 0006–0010,
-- which were written by hand; the next `npm run db:generate` diffs from here.
select 1;
