-- Every new order and every status change is announced on the channel `echoppe_orders`, from
-- inside the transaction that makes it: PostgreSQL delivers a NOTIFY only at commit, so the
-- listeners (src/lib/server/orders/live.ts, one per app node) never see an order that was rolled
-- back. A trigger rather than a call in each code path: checkout, the merchant's transitions and
-- the customer's cancellation all change `orders`, and none of them can forget to publish.
-- Payload: {"shopId": "…", "orderId": "…", "status": "…"} (well under the 8000-byte limit).
CREATE OR REPLACE FUNCTION echoppe_notify_order() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'UPDATE' AND NEW.status IS NOT DISTINCT FROM OLD.status THEN
		RETURN NEW;
	END IF;
	PERFORM pg_notify(
		'echoppe_orders',
		json_build_object('shopId', NEW.shop_id, 'orderId', NEW.id, 'status', NEW.status)::text
	);
	RETURN NEW;
END;
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS orders_notify ON orders;
--> statement-breakpoint
CREATE TRIGGER orders_notify AFTER INSERT OR UPDATE OF status ON orders
	FOR EACH ROW EXECUTE FUNCTION echoppe_notify_order();
