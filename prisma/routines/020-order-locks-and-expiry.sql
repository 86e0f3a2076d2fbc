-- Locks the order row for the rest of the transaction and returns its status, as lockOrder does in
-- server/ledger/lock-order.ts: every change to an order's payment state takes this lock first.
CREATE OR REPLACE FUNCTION tollgate_lock_order(p_order_id text)
RETURNS "OrderStatus" LANGUAGE plpgsql AS $$
DECLARE
  v_status "OrderStatus";
BEGIN
  SELECT o."status" INTO v_status FROM "Order" o WHERE o."id" = p_order_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'No order has id %', p_order_id USING ERRCODE = 'no_data_found';
  END IF;
  RETURN v_status;
END $$;

-- Expires the order if p_event (PAYMENT_WINDOW_ELAPSED, CLOSED_BY_OWNER, REPLACED_BY_NEW_ORDER) applies to its status
-- now, under its row lock, with a timeline entry; returns the status it had, or NULL when nothing
-- changed. The window's end is checked here too, so a payment recorded meanwhile always wins.
-- p_verification, when given, is what HandCash said at the time (the reconciler's evidence).
-- Closing the order's HandCash request, so its old pay link stops taking payments, is a worker job
-- queued in the same transaction (server/orders/close-expired-payment-request.ts): no reader's poll
-- or owner's click waits on HandCash for it, and it is retried while HandCash cannot be reached.
CREATE OR REPLACE FUNCTION tollgate_expire_order(p_order_id text, p_event text, p_actor text, p_reason text, p_verification jsonb)
RETURNS "OrderStatus" LANGUAGE plpgsql AS $$
DECLARE
  v_now timestamp(3) := now() AT TIME ZONE 'UTC';
  v_status "OrderStatus";
BEGIN
  v_status := tollgate_lock_order(p_order_id);
  IF tollgate_next_order_status(v_status, p_event) IS DISTINCT FROM 'EXPIRED' THEN
    RETURN NULL;
  END IF;
  IF p_event = 'PAYMENT_WINDOW_ELAPSED' AND EXISTS (SELECT 1 FROM "Order" o WHERE o."id" = p_order_id AND o."expiresAt" > v_now) THEN
    RETURN NULL;
  END IF;
  UPDATE "Order"
  SET "status" = 'EXPIRED', "updatedAt" = v_now,
      "verification" = COALESCE(p_verification, "verification"),
      "verifiedAt" = COALESCE((p_verification ->> 'checkedAt')::timestamptz AT TIME ZONE 'UTC', "verifiedAt")
  WHERE "id" = p_order_id;
  INSERT INTO "OrderEvent" ("orderId", "type", "actor", "reason", "detail", "createdAt")
  VALUES (p_order_id, 'EXPIRED', p_actor, p_reason,
          COALESCE(p_verification, '{}'::jsonb) || jsonb_build_object('previousStatus', v_status::text, 'event', p_event),
          v_now);
  IF EXISTS (SELECT 1 FROM "Order" o WHERE o."id" = p_order_id AND o."paymentRequestId" IS NOT NULL) THEN
    PERFORM graphile_worker.add_job(
      'close-payment-request', json_build_object('orderId', p_order_id, 'actor', p_actor),
      max_attempts := 25, job_key := 'close-payment-request:' || p_order_id, job_key_mode := 'preserve_run_at');
  END IF;
  RETURN v_status;
END $$;
