import "server-only";
import type { WebhookOutcome } from "@/generated/prisma/enums";
import { queryPrepared } from "@/server/db";
import type { HandCashWebhookPayload } from "@/server/handcash/schemas";
import type { PaymentVerification } from "@/server/payments/verify-payment";

export type DeliveryOutcome = WebhookOutcome | "NEEDS_VERIFICATION";

export interface RecordWebhookDeliveryOptions {
  payload: HandCashWebhookPayload;
  claimedOrderId: string | null;
  /** HandCash's answer, or null when it could not be asked. */
  verification: PaymentVerification | null;
  /** Why the order is flagged when HandCash did not confirm the claimed transaction. */
  unconfirmedReason: string | null;
  receivedAt: Date;
}

/** The whole decision and its writes, in one statement and so one transaction (see the SQL function). */
const RECORD_DELIVERY = {
  name: "webhook:record",
  text: `
    SELECT "outcome", "order_id" AS "orderId", "detail"
    FROM tollgate_record_webhook_delivery($1, $2, $3, $4::jsonb, $5, $6::jsonb, $7::timestamptz, $8::jsonb, $9)`,
};

/**
 * Decides one authenticated delivery under its order's row lock and stores it as a WebhookEvent, in
 * one round trip: the SQL function `tollgate_record_webhook_delivery` (prisma/routines/030-payments.sql).
 * NEEDS_VERIFICATION means a new transaction arrived without HandCash's answer: nothing was written.
 */
export async function recordWebhookDelivery({
  payload,
  claimedOrderId,
  verification,
  unconfirmedReason,
  receivedAt,
}: RecordWebhookDeliveryOptions): Promise<{ outcome: DeliveryOutcome; orderId: string | null; detail: string | null }> {
  const [result] = await queryPrepared<{ outcome: DeliveryOutcome; orderId: string | null; detail: string | null }>(RECORD_DELIVERY, [
    payload.paymentRequestId,
    payload.transactionId,
    claimedOrderId,
    JSON.stringify(payload.userData),
    payload.paymentMethod ?? null,
    JSON.stringify(payload),
    receivedAt.toISOString(),
    verification === null ? null : JSON.stringify(verification),
    unconfirmedReason,
  ]);
  if (!result) throw new Error(`tollgate_record_webhook_delivery returned nothing for ${payload.paymentRequestId}`);
  return result;
}
