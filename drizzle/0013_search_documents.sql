-- The search documents of the products on sale, in a narrow table of their own.
-- Ranking a broad word ("maison", ~10 % of a 20,000-product catalogue) reads the weighted document
-- of every match: from the wide `products` rows (descriptions, labels, photos…) that meant visiting
-- most of the table's pages; here the same documents fill a fifth of the pages and a broad search
-- costs PostgreSQL about half (measured in bench/README.md). `products.search` stays the source
-- (a generated column, 0002); this copy is kept in step by a trigger in the same transaction, and
-- holds only active products, so a search needs no status filter.
-- Not declared in the drizzle schema (like `products.search`): only search.ts reads it, in SQL.
CREATE TABLE product_search_docs (
	product_id uuid PRIMARY KEY REFERENCES products(id) ON DELETE CASCADE,
	territory_id uuid NOT NULL,
	shop_id uuid NOT NULL,
	search tsvector NOT NULL
);
--> statement-breakpoint
CREATE INDEX product_search_docs_search ON product_search_docs USING gin (search);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION echoppe_sync_search_doc() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	-- AFTER the row is written, so NEW.search (generated) is computed.
	IF NEW.status = 'active' THEN
		INSERT INTO product_search_docs (product_id, territory_id, shop_id, search)
		VALUES (NEW.id, NEW.territory_id, NEW.shop_id, NEW.search)
		ON CONFLICT (product_id) DO UPDATE
			SET territory_id = EXCLUDED.territory_id, shop_id = EXCLUDED.shop_id, search = EXCLUDED.search
			WHERE (product_search_docs.territory_id, product_search_docs.shop_id, product_search_docs.search)
				IS DISTINCT FROM (EXCLUDED.territory_id, EXCLUDED.shop_id, EXCLUDED.search);
	ELSE
		DELETE FROM product_search_docs WHERE product_id = NEW.id;
	END IF;
	RETURN NULL;
END $$;
--> statement-breakpoint
-- Only the columns the document or the filter depend on: a stock or "sold out today" change
-- does not fire it.
CREATE TRIGGER products_search_doc
	AFTER INSERT OR UPDATE OF status, territory_id, shop_id, name, origin, labels, description, ingredients ON products
	FOR EACH ROW EXECUTE FUNCTION echoppe_sync_search_doc();
--> statement-breakpoint
INSERT INTO product_search_docs (product_id, territory_id, shop_id, search)
SELECT id, territory_id, shop_id, search FROM products WHERE status = 'active';
