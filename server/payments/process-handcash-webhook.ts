import "server-only";
import type { WebhookOutcome } from "@/generated/prisma/enums";
import { queryPrepared } from "@/server/db";
import { isUniqueViolation } from "@/server/errors";
import { HandCashError } from "@/server/handcash/client";
import type { HandCashWebhookPayload } from "@/server/handcash/schemas";
import { describeUnconfirmedPayment } from "@/server/payments/record-payment";
import { type PaymentVerification, verifyPayment } from "@/server/payments/verify-payment";

export interface WebhookResult {
  outcome: WebhookOutcome;
  orderId: string | null;
  detail: string | null;
}

type DeliveryOutcome = WebhookOutcome | "NEEDS_VERIFICATION";

const MAX_PASSES = 4;

/** The whole decision and its writes, in one statement and so one transaction (see the SQL function). */
const RECORD_DELIVERY = {
  name: "webhook:record",
  text: `
    SELECT "outcome", "order_id" AS "orderId", "detail"
    FROM tollgate_record_webhook_delivery($1, $2, $3, $4::jsonb, $5, $6::jsonb, $7::timestamptz, $8::jsonb, $9)`,
};

/**
 * Handles one authenticated HandCash payment webhook (appSecret already checked and removed).
 * Verify, then trust: a transaction we have not recorded becomes a payment only once HandCash's
 * own record of the payment request names it. HandCash is asked first, outside any transaction, so
 * no row lock is held across the network; the decision is then taken under the order's lock by the
 * SQL function `tollgate_record_webhook_delivery` (migration 20261127234408), in one round trip.
 * When HandCash cannot answer, our own records may still settle the delivery (a duplicate, an
 * orphan, another order's transaction); only a new payment then waits for HandCash's retry.
 * Safe for any number of concurrent copies: one payment, one entitlement, one RECORDED event.
 * Throws (→ 503, HandCash retries) when HandCash or the database cannot answer.
 */
export async function processHandCashWebhook(payload: HandCashWebhookPayload): Promise<WebhookResult> {
  // The delivery's time is its arrival, so on a timeline it comes before what it caused.
  const receivedAt = new Date();
  const { paymentRequestId, transactionId } = payload;
  const claimedOrderId = payload.customParameters.orderId === undefined ? null : String(payload.customParameters.orderId);
  let verification: PaymentVerification | null = null;
  let verificationFailure: HandCashError | null = null;
  try {
    verification = await verifyPayment({ paymentRequestId, claimedTransactionId: transactionId });
  } catch (error) {
    if (!(error instanceof HandCashError)) throw error;
    verificationFailure = error;
  }
  for (let pass = 1; ; pass++) {
    try {
      const { outcome, orderId, detail } = await recordDelivery(payload, claimedOrderId, verification, receivedAt);
      // A new transaction, and HandCash could not be asked: nothing was written.
      if (outcome === "NEEDS_VERIFICATION") throw verificationFailure ?? new Error(`No verification for ${paymentRequestId}`);
      return { outcome, orderId, detail };
    } catch (error) {
      // Two deliveries raced past the duplicate check and one hit the unique index: run again.
      if (isUniqueViolation(error) && pass < MAX_PASSES) continue;
      throw error;
    }
  }
}

async function recordDelivery(
  payload: HandCashWebhookPayload,
  claimedOrderId: string | null,
  verification: PaymentVerification | null,
  receivedAt: Date,
): Promise<{ outcome: DeliveryOutcome; orderId: string | null; detail: string | null }> {
  const [result] = await queryPrepared<{ outcome: DeliveryOutcome; orderId: string | null; detail: string | null }>(RECORD_DELIVERY, [
    payload.paymentRequestId,
    payload.transactionId,
    claimedOrderId,
    JSON.stringify(payload.userData),
    payload.paymentMethod ?? null,
    JSON.stringify(payload),
    receivedAt.toISOString(),
    verification === null ? null : JSON.stringify(verification),
    verification === null || verification.isConfirmed ? null : describeUnconfirmedPayment(verification),
  ]);
  if (!result) throw new Error(`tollgate_record_webhook_delivery returned nothing for ${payload.paymentRequestId}`);
  return result;
}
