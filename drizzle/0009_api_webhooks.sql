-- Merchant API tokens and outgoing webhooks (docs/api.md).
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"token_hash" text NOT NULL,
	"scopes" text[] NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"endpoint_id" uuid NOT NULL,
	"shop_id" uuid NOT NULL,
	"event" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_status_code" integer,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "webhook_deliveries_status" CHECK ("webhook_deliveries"."status" in ('pending', 'sending', 'delivered', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "webhook_endpoints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"url" text NOT NULL,
	"events" text[] NOT NULL,
	"secret" text NOT NULL,
	"low_stock_threshold" numeric(12, 3) DEFAULT 3 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_endpoint_id_webhook_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."webhook_endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_tokens_shop" ON "api_tokens" USING btree ("shop_id","created_at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due" ON "webhook_deliveries" USING btree ("next_attempt_at") WHERE "webhook_deliveries"."status" in ('pending', 'sending');--> statement-breakpoint
CREATE INDEX "webhook_deliveries_shop" ON "webhook_deliveries" USING btree ("shop_id","created_at");--> statement-breakpoint
CREATE INDEX "webhook_endpoints_shop" ON "webhook_endpoints" USING btree ("shop_id");

--> statement-breakpoint
-- Webhook deliveries are written by triggers, inside the transaction that changes the order or the
-- stock: a change that commits always has its deliveries, a rolled-back one never does, and every
-- code path (checkout, the order board, assisted orders, the API, imports) is covered without
-- having to remember it. The dispatcher (src/lib/server/webhooks/dispatcher.ts) sends them later.
CREATE OR REPLACE FUNCTION echoppe_webhook_order() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	kind text;
BEGIN
	IF TG_OP = 'UPDATE' AND NEW.status IS NOT DISTINCT FROM OLD.status THEN
		RETURN NEW;
	END IF;
	kind := CASE WHEN TG_OP = 'INSERT' THEN 'order.created' ELSE 'order.updated' END;
	INSERT INTO webhook_deliveries (id, endpoint_id, shop_id, event, payload)
	SELECT d.id, e.id, NEW.shop_id, kind, jsonb_build_object(
		'id', d.id,
		'event', kind,
		'createdAt', now(),
		'data', jsonb_build_object(
			'order', jsonb_build_object(
				'id', NEW.id,
				'number', NEW.number,
				'status', NEW.status,
				'previousStatus', CASE WHEN TG_OP = 'UPDATE' THEN OLD.status::text END,
				'fulfilment', NEW.fulfilment,
				'subtotalCents', NEW.subtotal_cents,
				'deliveryFeeCents', NEW.delivery_fee_cents,
				'totalCents', NEW.total_cents,
				'customerName', NEW.customer_name,
				'createdAt', NEW.created_at,
				'updatedAt', NEW.updated_at)))
	FROM webhook_endpoints e CROSS JOIN LATERAL (SELECT gen_random_uuid() AS id) d
	WHERE e.shop_id = NEW.shop_id AND kind = ANY (e.events);
	RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER orders_webhooks AFTER INSERT OR UPDATE OF status ON orders
	FOR EACH ROW EXECUTE FUNCTION echoppe_webhook_order();
--> statement-breakpoint
-- stock.low: a tracked variant's stock goes from above the endpoint's threshold to it or below.
CREATE OR REPLACE FUNCTION echoppe_webhook_stock() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO webhook_deliveries (id, endpoint_id, shop_id, event, payload)
	SELECT d.id, e.id, p.shop_id, 'stock.low', jsonb_build_object(
		'id', d.id,
		'event', 'stock.low',
		'createdAt', now(),
		'data', jsonb_build_object(
			'variant', jsonb_build_object(
				'id', NEW.id,
				'productId', p.id,
				'productName', p.name,
				'name', NEW.name,
				'sku', NEW.sku,
				'stock', NEW.stock,
				'previousStock', OLD.stock),
			'threshold', e.low_stock_threshold))
	FROM products p
	JOIN webhook_endpoints e ON e.shop_id = p.shop_id
	CROSS JOIN LATERAL (SELECT gen_random_uuid() AS id) d
	WHERE p.id = NEW.product_id
		AND 'stock.low' = ANY (e.events)
		AND OLD.stock > e.low_stock_threshold
		AND NEW.stock <= e.low_stock_threshold;
	RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER variants_webhooks AFTER UPDATE OF stock ON variants
	FOR EACH ROW WHEN (NEW.stock < OLD.stock AND NEW.stock_mode = 'tracked')
	EXECUTE FUNCTION echoppe_webhook_stock();
