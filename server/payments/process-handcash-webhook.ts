import "server-only";
import type { WebhookOutcome } from "@/generated/prisma/enums";
import { queryPrepared } from "@/server/db";
import { isUniqueViolation } from "@/server/errors";
import type { HandCashWebhookPayload } from "@/server/handcash/schemas";
import { describeUnconfirmedPayment } from "@/server/payments/record-payment";
import { type PaymentVerification, verifyPayment } from "@/server/payments/verify-payment";

export interface WebhookResult {
  outcome: WebhookOutcome;
  orderId: string | null;
  detail: string | null;
}

const MAX_PASSES = 4;

/** A lock-free first look: is there an order for this request, and is the transaction already recorded? */
const LOOK_UP_DELIVERY = {
  name: "webhook:look-up",
  text: `
    SELECT o."id", EXISTS (SELECT 1 FROM "Payment" p WHERE p."transactionId" = $2) AS "isRecorded"
    FROM "Order" o WHERE o."paymentRequestId" = $1`,
};

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
 * own record of the payment request names it. HandCash is asked outside any transaction, so no
 * row lock is held across the network; the decision is then taken again under the order's lock,
 * by the SQL function `tollgate_record_webhook_delivery` (migration 20261127234408), in one round
 * trip. Safe for any number of concurrent copies: one payment, one entitlement, one RECORDED event.
 * Throws (→ 503, HandCash retries) when HandCash or the database cannot answer.
 */
export async function processHandCashWebhook(payload: HandCashWebhookPayload): Promise<WebhookResult> {
  // The delivery's time is its arrival, so on a timeline it comes before what it caused.
  const receivedAt = new Date();
  const { paymentRequestId, transactionId } = payload;
  const claimedOrderId = payload.customParameters.orderId === undefined ? null : String(payload.customParameters.orderId);
  let verification = (await isVerificationLikelyNeeded(paymentRequestId, transactionId, claimedOrderId))
    ? await verifyPayment({ paymentRequestId, claimedTransactionId: transactionId })
    : null;
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    try {
      const result = await recordDelivery(payload, claimedOrderId, verification, receivedAt);
      if (result.outcome !== "NEEDS_VERIFICATION") return result as WebhookResult;
    } catch (error) {
      // Two deliveries raced past the duplicate check and one hit the unique index: run again.
      if (isUniqueViolation(error) && pass < MAX_PASSES) continue;
      throw error;
    }
    verification = await verifyPayment({ paymentRequestId, claimedTransactionId: transactionId });
  }
  throw new Error(`Webhook for ${paymentRequestId} not settled after ${MAX_PASSES} passes`);
}

/** Only an optimisation, so a new payment is verified before its one statement rather than between two. */
async function isVerificationLikelyNeeded(paymentRequestId: string, transactionId: string, claimedOrderId: string | null): Promise<boolean> {
  const [order] = await queryPrepared<{ id: string; isRecorded: boolean }>(LOOK_UP_DELIVERY, [paymentRequestId, transactionId]);
  return order !== undefined && !order.isRecorded && (claimedOrderId === null || claimedOrderId === order.id);
}

async function recordDelivery(
  payload: HandCashWebhookPayload,
  claimedOrderId: string | null,
  verification: PaymentVerification | null,
  receivedAt: Date,
): Promise<{ outcome: WebhookOutcome | "NEEDS_VERIFICATION"; orderId: string | null; detail: string | null }> {
  const [result] = await queryPrepared<{ outcome: WebhookOutcome | "NEEDS_VERIFICATION"; orderId: string | null; detail: string | null }>(RECORD_DELIVERY, [
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
