-- The order state machine, enforced for every writer. One table of transitions, read by the SQL
-- functions that move orders (tollgate_next_order_status) and by the trigger that refuses any other
-- move, whoever writes the row: app code, the worker, a script or a person at psql.
-- server/ledger/order-transitions.ts holds the same table for TypeScript;
-- tests/integration/ledger/order-state-machine.test.ts checks the two are equal and that the trigger
-- refuses every edge the table lacks.

CREATE OR REPLACE FUNCTION tollgate_order_transitions()
RETURNS TABLE (event text, from_status "OrderStatus", to_status "OrderStatus")
LANGUAGE sql IMMUTABLE AS $$
  VALUES
    -- A confirmed payment always wins: money that arrived is honoured, even after expiry.
    ('PAYMENT_CONFIRMED',      'PENDING'::"OrderStatus",      'PAID'::"OrderStatus"),
    ('PAYMENT_CONFIRMED',      'NEEDS_REVIEW'::"OrderStatus", 'PAID'::"OrderStatus"),
    ('PAYMENT_CONFIRMED',      'EXPIRED'::"OrderStatus",      'PAID'::"OrderStatus"),
    ('PAYMENT_CONFIRMED',      'FAILED'::"OrderStatus",       'PAID'::"OrderStatus"),
    -- Someone claimed a payment that HandCash does not confirm.
    ('PAYMENT_UNCONFIRMED',    'PENDING'::"OrderStatus",      'NEEDS_REVIEW'::"OrderStatus"),
    ('PAYMENT_UNCONFIRMED',    'EXPIRED'::"OrderStatus",      'NEEDS_REVIEW'::"OrderStatus"),
    ('PAYMENT_WINDOW_ELAPSED', 'PENDING'::"OrderStatus",      'EXPIRED'::"OrderStatus"),
    ('PAYMENT_REQUEST_FAILED', 'PENDING'::"OrderStatus",      'FAILED'::"OrderStatus"),
    -- The owner closes an order that is still waiting, or dismisses one flagged for review.
    ('CLOSED_BY_OWNER',        'PENDING'::"OrderStatus",      'EXPIRED'::"OrderStatus"),
    ('CLOSED_BY_OWNER',        'NEEDS_REVIEW'::"OrderStatus", 'EXPIRED'::"OrderStatus"),
    -- The reader asked again and this order could not be handed back (too little time left, or the
    -- price changed): at most one order of a reader for a product is pending.
    ('REPLACED_BY_NEW_ORDER',  'PENDING'::"OrderStatus",      'EXPIRED'::"OrderStatus")
$$;

-- The status after p_event, or NULL when the event does not apply to p_status.
CREATE OR REPLACE FUNCTION tollgate_next_order_status(p_status "OrderStatus", p_event text)
RETURNS "OrderStatus" LANGUAGE sql STABLE AS $$
  SELECT t.to_status FROM tollgate_order_transitions() t WHERE t.event = p_event AND t.from_status = p_status
$$;

-- An order is born PENDING and then moves only along the table's edges. PAID is final.
CREATE OR REPLACE FUNCTION tollgate_check_order_transition()
RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW."status" <> 'PENDING' THEN
      RAISE EXCEPTION 'An order is created PENDING, not %', NEW."status" USING ERRCODE = 'check_violation';
    END IF;
  ELSIF NEW."status" IS DISTINCT FROM OLD."status"
    AND NOT EXISTS (SELECT 1 FROM tollgate_order_transitions() t WHERE t.from_status = OLD."status" AND t.to_status = NEW."status") THEN
    RAISE EXCEPTION 'An order cannot move from % to %', OLD."status", NEW."status" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER "Order_check_transition"
BEFORE INSERT OR UPDATE OF "status" ON "Order"
FOR EACH ROW
EXECUTE FUNCTION tollgate_check_order_transition();
