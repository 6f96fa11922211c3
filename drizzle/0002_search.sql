-- French full-text and typo-tolerant search over products, on both engines.
-- unaccent() is not IMMUTABLE (it reads a dictionary), so it cannot be used in an index or a
-- generated column directly; this wrapper pins the dictionary and may be declared IMMUTABLE.
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
	AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
--> statement-breakpoint
-- array_to_string() is only STABLE in general; for text[] it is immutable in fact.
CREATE OR REPLACE FUNCTION f_words(text[]) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
	AS $$ SELECT array_to_string($1, ' ') $$;
--> statement-breakpoint
-- Weighted document: name (A), labels and origin (B), description and ingredients (C).
ALTER TABLE products ADD COLUMN search tsvector GENERATED ALWAYS AS (
	setweight(to_tsvector('french', f_unaccent(coalesce(name, ''))), 'A') ||
	setweight(to_tsvector('french', f_unaccent(coalesce(origin, '') || ' ' || coalesce(f_words(labels), ''))), 'B') ||
	setweight(to_tsvector('french', f_unaccent(coalesce(description, '') || ' ' || coalesce(ingredients, ''))), 'C')
) STORED;
--> statement-breakpoint
CREATE INDEX products_search ON products USING gin (search);
--> statement-breakpoint
-- Typo tolerance: trigrams of the unaccented, lower-cased name ("fromaje" finds "fromage").
CREATE INDEX products_name_trgm ON products USING gin (f_unaccent(lower(name)) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX shops_name_trgm ON shops USING gin (f_unaccent(lower(name)) gin_trgm_ops);
