-- Traceability (issue 6, SPEC §3.4): producers' certificates, photos and story; products linked to one or
-- more producers; lots; supply-chain steps; sourcing links; computed origin distance and intermediaries.
CREATE TABLE "lots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"shop_id" uuid NOT NULL,
	"code" text NOT NULL,
	"produced_on" date,
	"best_before" date,
	"quantity" numeric(12, 3),
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lots_dates" CHECK ("lots"."best_before" is null or "lots"."produced_on" is null or "lots"."best_before" >= "lots"."produced_on"),
	CONSTRAINT "lots_quantity" CHECK ("lots"."quantity" is null or "lots"."quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "producer_certifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"producer_id" uuid NOT NULL,
	"label" text NOT NULL,
	"certificate_number" text,
	"certifier" text,
	"expires_on" date
);
--> statement-breakpoint
CREATE TABLE "producer_photos" (
	"producer_id" uuid NOT NULL,
	"media_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "producer_photos_producer_id_media_id_pk" PRIMARY KEY("producer_id","media_id")
);
--> statement-breakpoint
CREATE TABLE "product_producers" (
	"product_id" uuid NOT NULL,
	"producer_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "product_producers_product_id_producer_id_pk" PRIMARY KEY("product_id","producer_id")
);
--> statement-breakpoint
CREATE TABLE "product_sources" (
	"product_id" uuid PRIMARY KEY NOT NULL,
	"source_product_id" uuid NOT NULL,
	CONSTRAINT "product_sources_not_self" CHECK ("product_sources"."product_id" <> "product_sources"."source_product_id")
);
--> statement-breakpoint
CREATE TABLE "supply_chain_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"role" text NOT NULL,
	"name" text NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"producer_id" uuid,
	CONSTRAINT "supply_chain_steps_role" CHECK ("supply_chain_steps"."role" in ('producer', 'processor', 'wholesaler', 'carrier', 'cooperative')),
	CONSTRAINT "supply_chain_steps_lat" CHECK ("supply_chain_steps"."latitude" is null or "supply_chain_steps"."latitude" between -90 and 90),
	CONSTRAINT "supply_chain_steps_lng" CHECK ("supply_chain_steps"."longitude" is null or "supply_chain_steps"."longitude" between -180 and 180)
);
--> statement-breakpoint
ALTER TABLE "producers" ADD COLUMN "seller_shop_id" uuid;--> statement-breakpoint
ALTER TABLE "producers" ADD CONSTRAINT "producers_seller_shop_id_shops_id_fk" FOREIGN KEY ("seller_shop_id") REFERENCES "public"."shops"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Until now a producer placed where its shop is was that shop selling its own production.
UPDATE "producers" pr SET "seller_shop_id" = s."id" FROM "shops" s
WHERE s."id" = pr."shop_id" AND abs(s."latitude" - pr."latitude") < 0.001 AND abs(s."longitude" - pr."longitude") < 0.001;--> statement-breakpoint
ALTER TABLE "producers" ADD COLUMN "image_alt" text;--> statement-breakpoint
ALTER TABLE "producers" ADD COLUMN "story" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "producers" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "origin_km" double precision;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "intermediaries" integer;--> statement-breakpoint
ALTER TABLE "lots" ADD CONSTRAINT "lots_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lots" ADD CONSTRAINT "lots_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "producer_certifications" ADD CONSTRAINT "producer_certifications_producer_id_producers_id_fk" FOREIGN KEY ("producer_id") REFERENCES "public"."producers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "producer_photos" ADD CONSTRAINT "producer_photos_producer_id_producers_id_fk" FOREIGN KEY ("producer_id") REFERENCES "public"."producers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "producer_photos" ADD CONSTRAINT "producer_photos_media_id_media_id_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_producers" ADD CONSTRAINT "product_producers_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_producers" ADD CONSTRAINT "product_producers_producer_id_producers_id_fk" FOREIGN KEY ("producer_id") REFERENCES "public"."producers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_sources" ADD CONSTRAINT "product_sources_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_sources" ADD CONSTRAINT "product_sources_source_product_id_products_id_fk" FOREIGN KEY ("source_product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_chain_steps" ADD CONSTRAINT "supply_chain_steps_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_chain_steps" ADD CONSTRAINT "supply_chain_steps_producer_id_producers_id_fk" FOREIGN KEY ("producer_id") REFERENCES "public"."producers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "lots_code" ON "lots" USING btree ("product_id","code");--> statement-breakpoint
CREATE INDEX "lots_shop" ON "lots" USING btree ("shop_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "producer_certifications_label" ON "producer_certifications" USING btree ("producer_id","label");--> statement-breakpoint
CREATE UNIQUE INDEX "product_producers_position" ON "product_producers" USING btree ("product_id","position");--> statement-breakpoint
CREATE INDEX "product_producers_producer" ON "product_producers" USING btree ("producer_id");--> statement-breakpoint
CREATE INDEX "product_sources_source" ON "product_sources" USING btree ("source_product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supply_chain_steps_position" ON "supply_chain_steps" USING btree ("product_id","position");--> statement-breakpoint
CREATE INDEX "products_traceability" ON "products" USING btree ("territory_id","intermediaries","origin_km");--> statement-breakpoint
-- A product's producer becomes its first linked producer (its origin).
INSERT INTO "product_producers" ("product_id", "producer_id", "position") SELECT "id", "producer_id", 0 FROM "products" WHERE "producer_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "products" DROP CONSTRAINT IF EXISTS "products_producer_id_producers_id_fk";--> statement-breakpoint
ALTER TABLE "products" DROP COLUMN "producer_id";--> statement-breakpoint
-- Facts for existing products (traceability/facts.ts keeps them true from now on): great-circle km
-- from the origin producer to the shop; 0 intermediaries when the shop is the producer, else 1.
UPDATE "products" p SET
	"origin_km" = round((earth_distance(ll_to_earth(pr."latitude", pr."longitude"), ll_to_earth(s."latitude", s."longitude")) / 1000.0)::numeric, 1)::float8,
	"intermediaries" = CASE WHEN pr."seller_shop_id" = p."shop_id" THEN 0 ELSE 1 END
FROM "product_producers" pp, "producers" pr, "shops" s
WHERE pp."product_id" = p."id" AND pp."position" = 0 AND pr."id" = pp."producer_id" AND s."id" = p."shop_id"
	AND s."latitude" IS NOT NULL AND s."longitude" IS NOT NULL;
