-- Recording payments: the webhook's decision and writes in one statement (ADR 009), shared by the
-- reconciler, orphan matching and manual grants through server/ledger/. The order moves they make
-- come from the state machine's table (010); the trigger there refuses any other. Timestamps are
-- UTC, as Prisma stores them.

-- Fulfilment beyond access (emails, shipping, merchant webhooks) is not done here: one
-- graphile-worker job per paid order runs the TypeScript handlers (server/fulfilment/fulfil-order.ts)
-- after the commit, and is queued in the same transaction, so a recorded payment is never left
-- unfulfilled and a rolled-back one never fulfilled. The job key makes a second queueing a no-op.
CREATE OR REPLACE FUNCTION tollgate_queue_fulfilment(p_order_id text)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM graphile_worker.add_job(
    'fulfil-order', json_build_object('orderId', p_order_id),
    max_attempts := 25, job_key := 'fulfil-order:' || p_order_id, job_key_mode := 'preserve_run_at');
END $$;

-- Gives the reader access to the product, once: true when this call made the grant.
CREATE OR REPLACE FUNCTION tollgate_grant_entitlement(p_order_id text, p_actor text, p_reason text)
RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  v_now timestamp(3) := now() AT TIME ZONE 'UTC';
BEGIN
  INSERT INTO "Entitlement" ("readerId", "productId", "orderId", "grantedAt")
  SELECT o."readerId", o."productId", o."id", v_now FROM "Order" o WHERE o."id" = p_order_id
  ON CONFLICT DO NOTHING;
  IF NOT FOUND THEN
    RETURN false;
  END IF;
  INSERT INTO "OrderEvent" ("orderId", "type", "actor", "reason", "createdAt")
  VALUES (p_order_id, 'ACCESS_GRANTED', p_actor, p_reason, v_now);
  RETURN true;
END $$;

-- DUPLICATE when the transaction is already recorded for this order, MISMATCH when for another;
-- both NULL when it is new.
CREATE OR REPLACE FUNCTION tollgate_check_recorded_transaction(p_order_id text, p_transaction_id text, OUT outcome text, OUT detail text)
LANGUAGE plpgsql AS $$
DECLARE
  v_recorded_for text;
BEGIN
  SELECT p."orderId" INTO v_recorded_for FROM "Payment" p WHERE p."transactionId" = p_transaction_id;
  IF NOT FOUND THEN
    RETURN;
  ELSIF v_recorded_for = p_order_id THEN
    outcome := 'DUPLICATE';
  ELSE
    outcome := 'MISMATCH';
    detail := format('This transactionId was already recorded for order %s.', v_recorded_for);
  END IF;
END $$;

-- A payment on this order should go back to its payer: the owner sees it in the admin with the
-- refund guidance, and marks it done there (HandCash has no refund API; the owner sends the money back).
CREATE OR REPLACE FUNCTION tollgate_flag_refund(p_order_id text, p_reason text, p_actor text)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_now timestamp(3) := now() AT TIME ZONE 'UTC';
BEGIN
  UPDATE "Order" SET "refundReason" = p_reason, "refundedAt" = NULL, "updatedAt" = v_now WHERE "id" = p_order_id;
  INSERT INTO "OrderEvent" ("orderId", "type", "actor", "reason", "createdAt") VALUES (p_order_id, 'REFUND_DUE', p_actor, p_reason, v_now);
END $$;

-- Records a payment HandCash has confirmed: the Payment (unique transactionId), the order's move
-- to PAID with the verification evidence, and the reader's entitlement. Locks the order row first,
-- like every change to an order's payment state. Idempotent: the same transaction again is a
-- DUPLICATE and changes nothing. A payment the reader did not need (a second one for a paid
-- order, or one for a product they already had) is kept and flagged for a refund, never fulfilled
-- a second time.
CREATE OR REPLACE FUNCTION tollgate_record_payment(
  p_order_id text,
  p_payment_request_id text,
  p_transaction_id text,
  p_user_data jsonb,
  p_payment_method text,
  p_verification jsonb,
  p_actor text,
  OUT outcome text,
  OUT detail text
) LANGUAGE plpgsql AS $$
DECLARE
  v_now timestamp(3) := now() AT TIME ZONE 'UTC';
  v_verified_at timestamp(3) := (p_verification ->> 'checkedAt')::timestamptz AT TIME ZONE 'UTC';
  v_status "OrderStatus";
  v_owned_through text;
BEGIN
  v_status := tollgate_lock_order(p_order_id);

  SELECT c.outcome, c.detail INTO outcome, detail FROM tollgate_check_recorded_transaction(p_order_id, p_transaction_id) c;
  IF outcome IS NOT NULL THEN
    RETURN;
  END IF;

  INSERT INTO "Payment" ("orderId", "transactionId", "paymentRequestId", "payerId", "payerPaymail", "payerEmail", "userData", "paymentMethod", "createdAt")
  VALUES (
    p_order_id, p_transaction_id, p_payment_request_id,
    CASE WHEN jsonb_typeof(p_user_data -> 'id') = 'string' THEN p_user_data ->> 'id' END,
    CASE WHEN jsonb_typeof(p_user_data -> 'paymail') = 'string' THEN p_user_data ->> 'paymail' END,
    CASE WHEN jsonb_typeof(p_user_data -> 'email') = 'string' THEN p_user_data ->> 'email' END,
    p_user_data, p_payment_method, v_now);
  INSERT INTO "OrderEvent" ("orderId", "type", "actor", "detail", "createdAt") VALUES (p_order_id, 'VERIFIED', p_actor, p_verification, v_now);

  -- PAID is final: a second confirmed transaction is kept, with its evidence, for a refund or review.
  IF tollgate_next_order_status(v_status, 'PAYMENT_CONFIRMED') IS NULL THEN
    UPDATE "Order" SET "verification" = p_verification, "verifiedAt" = v_verified_at, "updatedAt" = v_now WHERE "id" = p_order_id;
    outcome := 'EXTRA_PAYMENT';
    detail := 'The order was already paid by another transaction; this payment needs a refund or review.';
    PERFORM tollgate_flag_refund(p_order_id, format('A second payment, transaction %s, arrived for this order, which was already paid.', p_transaction_id), p_actor);
    RETURN;
  END IF;

  -- A confirmed payment wins from every other status: money that arrived is honoured.
  UPDATE "Order"
  SET "status" = 'PAID', "paidAt" = v_now, "reviewReason" = NULL, "verification" = p_verification, "verifiedAt" = v_verified_at, "updatedAt" = v_now
  WHERE "id" = p_order_id;
  INSERT INTO "OrderEvent" ("orderId", "type", "actor", "detail", "createdAt")
  VALUES (p_order_id, 'PAID', p_actor, jsonb_build_object('transactionId', p_transaction_id, 'previousStatus', v_status::text), v_now);
  outcome := 'RECORDED';
  IF v_status <> 'PENDING' THEN
    detail := format('Paid after the order was %s.', lower(v_status::text));
  END IF;
  IF tollgate_grant_entitlement(p_order_id, p_actor, NULL) THEN
    PERFORM tollgate_queue_fulfilment(p_order_id);
  ELSE
    SELECT e."orderId" INTO v_owned_through
    FROM "Entitlement" e JOIN "Order" o ON o."readerId" = e."readerId" AND o."productId" = e."productId"
    WHERE o."id" = p_order_id;
    PERFORM tollgate_flag_refund(p_order_id,
      CASE WHEN v_owned_through IS NULL THEN 'The reader already had access to this product (granted by hand) when this payment arrived.'
           ELSE format('The reader already had access to this product through order %s when this payment arrived.', v_owned_through) END,
      p_actor);
    detail := concat_ws(' ', detail, 'The reader already had access: flagged for a refund.');
  END IF;
END $$;

-- Flags the order for review when HandCash does not confirm a transaction someone claimed paid it.
-- A paid order keeps the evidence of its real payment; the failed claim goes on the timeline only.
CREATE OR REPLACE FUNCTION tollgate_record_unconfirmed_payment(p_order_id text, p_reason text, p_verification jsonb, p_actor text)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_now timestamp(3) := now() AT TIME ZONE 'UTC';
  v_status "OrderStatus";
BEGIN
  v_status := tollgate_lock_order(p_order_id);
  IF tollgate_next_order_status(v_status, 'PAYMENT_UNCONFIRMED') = 'NEEDS_REVIEW' THEN
    UPDATE "Order"
    SET "status" = 'NEEDS_REVIEW', "reviewReason" = p_reason, "verification" = p_verification,
        "verifiedAt" = (p_verification ->> 'checkedAt')::timestamptz AT TIME ZONE 'UTC', "updatedAt" = v_now
    WHERE "id" = p_order_id;
  END IF;
  INSERT INTO "OrderEvent" ("orderId", "type", "actor", "reason", "detail", "createdAt")
  VALUES (p_order_id, 'VERIFICATION_FAILED', p_actor, p_reason, p_verification, v_now);
END $$;

-- One authenticated webhook delivery, decided under the order's row lock and stored as a
-- WebhookEvent with its outcome: ORPHAN (no such payment request), MISMATCH (another order claimed,
-- or the transaction paid another order), DUPLICATE, UNCONFIRMED (HandCash did not confirm it),
-- or what tollgate_record_payment decided. Called without a verification (HandCash could not be
-- asked), a new transaction writes nothing and answers NEEDS_VERIFICATION: the caller answers 503.
CREATE OR REPLACE FUNCTION tollgate_record_webhook_delivery(
  p_payment_request_id text,
  p_transaction_id text,
  p_claimed_order_id text,
  p_user_data jsonb,
  p_payment_method text,
  p_payload jsonb,
  p_received_at timestamptz,
  p_verification jsonb,
  p_unconfirmed_reason text,
  OUT outcome text,
  OUT order_id text,
  OUT detail text
) LANGUAGE plpgsql AS $$
BEGIN
  SELECT o."id" INTO order_id FROM "Order" o WHERE o."paymentRequestId" = p_payment_request_id FOR UPDATE;
  IF NOT FOUND THEN
    outcome := 'ORPHAN';
    detail := 'No order has this paymentRequestId; kept for review and re-matched by the reconciler.';
  ELSIF p_claimed_order_id IS NOT NULL AND p_claimed_order_id <> order_id THEN
    outcome := 'MISMATCH';
    detail := format('customParameters.orderId names %s, but the payment request belongs to %s.', left(p_claimed_order_id, 64), order_id);
  ELSE
    SELECT c.outcome, c.detail INTO outcome, detail FROM tollgate_check_recorded_transaction(order_id, p_transaction_id) c;
    IF outcome IS NOT NULL THEN
      NULL; -- already recorded: nothing to change, the delivery is kept below
    ELSIF p_verification IS NULL THEN
      outcome := 'NEEDS_VERIFICATION';
      RETURN;
    ELSIF NOT (p_verification ->> 'isConfirmed')::boolean THEN
      PERFORM tollgate_record_unconfirmed_payment(order_id, p_unconfirmed_reason, p_verification, 'webhook');
      outcome := 'UNCONFIRMED';
      detail := p_unconfirmed_reason;
    ELSE
      SELECT r.outcome, r.detail INTO outcome, detail
      FROM tollgate_record_payment(order_id, p_payment_request_id, p_transaction_id, p_user_data, p_payment_method, p_verification, 'webhook') r;
    END IF;
  END IF;
  INSERT INTO "WebhookEvent" ("paymentRequestId", "transactionId", "orderId", "outcome", "detail", "payload", "receivedAt")
  VALUES (p_payment_request_id, p_transaction_id, order_id, outcome::"WebhookOutcome", detail, p_payload, p_received_at AT TIME ZONE 'UTC');
END $$;
