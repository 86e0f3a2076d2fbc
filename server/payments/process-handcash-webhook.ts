import "server-only";
import type { WebhookOutcome } from "@/generated/prisma/enums";
import { isUniqueViolation } from "@/server/errors";
import { HandCashError } from "@/server/handcash/client";
import type { HandCashWebhookPayload } from "@/server/handcash/schemas";
import { recordWebhookDelivery } from "@/server/ledger/record-webhook-delivery";
import { describeUnconfirmedPayment } from "@/server/payments/describe-unconfirmed-payment";
import { type PaymentVerification, verifyPayment } from "@/server/payments/verify-payment";

export interface WebhookResult {
  outcome: WebhookOutcome;
  orderId: string | null;
  detail: string | null;
}

const MAX_PASSES = 4;

/**
 * Handles one authenticated HandCash payment webhook (appSecret already checked and removed).
 * Verify, then trust: a transaction we have not recorded becomes a payment only once HandCash's
 * own record of the payment request names it. HandCash is asked first, outside any transaction, so
 * no row lock is held across the network; the decision is then taken under the order's lock by the
 * ledger's recordWebhookDelivery, in one round trip.
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
  const unconfirmedReason = verification === null || verification.isConfirmed ? null : describeUnconfirmedPayment(verification);
  for (let pass = 1; ; pass++) {
    try {
      const { outcome, orderId, detail } = await recordWebhookDelivery({ payload, claimedOrderId, verification, unconfirmedReason, receivedAt });
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
