-- Preparation (issue 5): weighed quantities, tolerance announced at order, removed items.
ALTER TABLE "order_lines" ADD COLUMN "weighed_quantity" numeric(10, 3);--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "tolerance_bps" integer;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "removed_at" timestamp with time zone;
