import "server-only";
import type { WebhookOutcome } from "@/generated/prisma/enums";
import type { TransactionClient } from "@/server/db";
import type { LockedOrder } from "@/server/ledger/lock-order";
import type { PaymentVerification } from "@/server/payments/verify-payment";

export interface RecordPaymentOptions {
  tx: TransactionClient;
  order: LockedOrder;
  paymentRequestId: string;
  transactionId: string;
  userData: Record<string, unknown>;
  paymentMethod: string | null;
  verification: PaymentVerification;
  /** "webhook", "reconciler" or "admin:<email>". */
  actor: string;
}

export type RecordPaymentOutcome = Extract<WebhookOutcome, "RECORDED" | "DUPLICATE" | "MISMATCH" | "EXTRA_PAYMENT">;

/**
 * Records a payment HandCash has confirmed, inside the caller's transaction: the Payment (unique
 * transactionId), the order's move to PAID with the verification evidence, and the reader's
 * entitlement, and queues the order's fulfilment job. Idempotent: the same transaction again changes
 * nothing. The work is the SQL function `tollgate_record_payment` (prisma/routines/030-payments.sql),
 * which the webhook's single statement shares.
 */
export async function recordPayment({
  tx,
  order,
  paymentRequestId,
  transactionId,
  userData,
  paymentMethod,
  verification,
  actor,
}: RecordPaymentOptions): Promise<{ outcome: RecordPaymentOutcome; detail: string | null }> {
  const [result] = await tx.$queryRaw<{ outcome: RecordPaymentOutcome; detail: string | null }[]>`
    SELECT "outcome", "detail" FROM tollgate_record_payment(
      ${order.id}, ${paymentRequestId}, ${transactionId}, ${JSON.stringify(userData)}::jsonb, ${paymentMethod},
      ${JSON.stringify(verification)}::jsonb, ${actor})`;
  if (!result) throw new Error(`tollgate_record_payment returned nothing for order ${order.id}`);
  return result;
}
