-- Preparation (issue 5): weighed quantities, tolerance announced at order, removed items.
ALTER TABLE "order_lines" ADD COLUMN "weighed_quantity" numeric(10, 3);--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "tolerance_bps" integer;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "removed_at" timestamp with time zone;
--> statement-breakpoint
CREATE TYPE "public"."order_adjustment_kind" AS ENUM('weighed', 'removed', 'substitution_proposed', 'substitution_accepted', 'substitution_refused');--> statement-breakpoint
CREATE TYPE "public"."substitution_status" AS ENUM('pending', 'accepted', 'refused');--> statement-breakpoint
CREATE TABLE "order_adjustments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"line_id" uuid,
	"kind" "order_adjustment_kind" NOT NULL,
	"total_before_cents" integer NOT NULL,
	"total_after_cents" integer NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_adjustments_actor" CHECK ("order_adjustments"."actor_kind" in ('shop', 'customer'))
);
--> statement-breakpoint
CREATE TABLE "order_substitutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"line_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"product_id" uuid,
	"product_name" text NOT NULL,
	"variant_name" text NOT NULL,
	"unit" text NOT NULL,
	"quantity" numeric(10, 3) NOT NULL,
	"unit_price_cents" integer NOT NULL,
	"vat_rate_bps" integer NOT NULL,
	"total_cents" integer NOT NULL,
	"status" "substitution_status" DEFAULT 'pending' NOT NULL,
	"new_line_id" uuid,
	"proposed_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "order_substitutions_quantity" CHECK ("order_substitutions"."quantity" > 0 and "order_substitutions"."total_cents" >= 0)
);
--> statement-breakpoint
ALTER TABLE "shops" ADD COLUMN "weighing_tolerance_bps" integer DEFAULT 1000 NOT NULL;--> statement-breakpoint
ALTER TABLE "order_adjustments" ADD CONSTRAINT "order_adjustments_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_adjustments" ADD CONSTRAINT "order_adjustments_line_id_order_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."order_lines"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_substitutions" ADD CONSTRAINT "order_substitutions_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_substitutions" ADD CONSTRAINT "order_substitutions_line_id_order_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."order_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_substitutions" ADD CONSTRAINT "order_substitutions_variant_id_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."variants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_substitutions" ADD CONSTRAINT "order_substitutions_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_substitutions" ADD CONSTRAINT "order_substitutions_new_line_id_order_lines_id_fk" FOREIGN KEY ("new_line_id") REFERENCES "public"."order_lines"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_adjustments_order" ON "order_adjustments" USING btree ("order_id","created_at");--> statement-breakpoint
CREATE INDEX "order_substitutions_order" ON "order_substitutions" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "order_substitutions_pending" ON "order_substitutions" USING btree ("line_id") WHERE "order_substitutions"."status" = 'pending';
