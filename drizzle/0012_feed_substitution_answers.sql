-- The merchant's feed also tells when a customer answered a proposed substitution (accepted or
-- refused, from their order page), in the transaction that records the answer, like the other
-- feed entries (0010). Not pushed to phones: the merchant is preparing the order already.
CREATE OR REPLACE FUNCTION echoppe_feed_substitution_answer() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	o record;
BEGIN
	IF NEW.actor_kind <> 'customer' OR NEW.kind NOT IN ('substitution_accepted', 'substitution_refused') THEN
		RETURN NEW;
	END IF;
	SELECT id, shop_id, number, customer_name, total_cents INTO o FROM orders WHERE id = NEW.order_id;
	IF NOT FOUND THEN
		RETURN NEW;
	END IF;
	INSERT INTO notifications (shop_id, kind, order_id, data)
	VALUES (o.shop_id, 'substitution_answered', o.id,
		json_build_object('number', o.number, 'customerName', o.customer_name, 'totalCents', o.total_cents,
			'accepted', NEW.kind = 'substitution_accepted')::jsonb);
	RETURN NEW;
END;
$$;--> statement-breakpoint
DROP TRIGGER IF EXISTS order_adjustments_feed ON order_adjustments;--> statement-breakpoint
CREATE TRIGGER order_adjustments_feed AFTER INSERT ON order_adjustments
	FOR EACH ROW EXECUTE FUNCTION echoppe_feed_substitution_answer();
