-- Notifications (issue 5): email dedupe keys, the merchant's in-app feed, web-push subscriptions.
ALTER TABLE "outbox_emails" ADD COLUMN "dedupe_key" text;
--> statement-breakpoint
ALTER TABLE "outbox_emails" ADD CONSTRAINT "outbox_emails_dedupe_key" UNIQUE("dedupe_key");
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"order_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"push_claimed_until" timestamp with time zone,
	"pushed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "push_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"shop_id" uuid NOT NULL,
	"endpoint" text NOT NULL,
	"p256dh" text NOT NULL,
	"auth" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"last_error_at" timestamp with time zone,
	CONSTRAINT "push_subscriptions_endpoint" UNIQUE("endpoint")
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "push_subscriptions" ADD CONSTRAINT "push_subscriptions_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "push_subscriptions" ADD CONSTRAINT "push_subscriptions_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "notifications_shop" ON "notifications" USING btree ("shop_id","created_at");
--> statement-breakpoint
CREATE INDEX "push_subscriptions_shop" ON "push_subscriptions" USING btree ("shop_id");
--> statement-breakpoint
-- The feed is written by a trigger on the order's history, in the transaction that writes the
-- event, whichever code path does (checkout's one statement, assisted orders, the API, the
-- customer's cancellation): a new order, and a cancellation by the customer. The AFTER trigger
-- runs at the end of the statement, so it sees the order inserted by a sibling CTE.
CREATE OR REPLACE FUNCTION echoppe_feed_order_event() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	o record;
	feed_kind text;
BEGIN
	IF NEW.to_status = 'new' AND NEW.from_status IS NULL THEN
		feed_kind := 'order_new';
	ELSIF NEW.to_status = 'cancelled' AND NEW.actor_kind = 'customer' THEN
		feed_kind := 'order_cancelled';
	ELSE
		RETURN NEW;
	END IF;
	SELECT id, shop_id, number, customer_name, total_cents INTO o FROM orders WHERE id = NEW.order_id;
	IF NOT FOUND THEN
		RETURN NEW;
	END IF;
	INSERT INTO notifications (shop_id, kind, order_id, data)
	VALUES (o.shop_id, feed_kind, o.id,
		json_build_object('number', o.number, 'customerName', o.customer_name, 'totalCents', o.total_cents)::jsonb);
	RETURN NEW;
END;
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS order_events_feed ON order_events;
--> statement-breakpoint
CREATE TRIGGER order_events_feed AFTER INSERT ON order_events
	FOR EACH ROW EXECUTE FUNCTION echoppe_feed_order_event();
--> statement-breakpoint
CREATE INDEX "notifications_to_push" ON "notifications" ("created_at") WHERE "pushed_at" IS NULL AND "kind" = 'order_new';
