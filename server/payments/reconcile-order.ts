import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { OrderStatus } from "@/generated/prisma/enums";
import { db, type TransactionClient } from "@/server/db";
import { AppError } from "@/server/errors";
import { handcashWebhookPayloadSchema } from "@/server/handcash/schemas";
import { lockOrder } from "@/server/ledger/lock-order";
import { recordOrderExpiry } from "@/server/ledger/record-order-expiry";
import { recordPayment } from "@/server/ledger/record-payment";
import { recordVerificationAttempt } from "@/server/ledger/record-verification-attempt";
import { resolveWebhookEventsForTransaction } from "@/server/ledger/resolve-webhook-events";
import { closeExpiredPaymentRequest } from "@/server/orders/close-expired-payment-request";
import { recoverPaymentRequest } from "@/server/orders/recover-payment-request";
import { resolveCountedTransactionId } from "@/server/payments/resolve-counted-transaction-id";
import { type PaymentVerification, verifyPayment } from "@/server/payments/verify-payment";

export type ReconcileOutcome = "paid" | "already_paid" | "still_pending" | "expired" | "still_in_review" | "no_payment_request";

export interface ReconcileOrderResult {
  status: OrderStatus;
  outcome: ReconcileOutcome;
  detail: string;
}

export interface ReconcileOrderOptions {
  orderId: string;
  /** "reconciler", "return" (the reader came back from HandCash) or "admin:<email>". */
  actor: string;
  /** Why a person asked, for the order's timeline. */
  reason?: string;
}

/**
 * Asks HandCash whether the order's payment request was paid, and converges our records to the
 * answer: a payment HandCash reports is recorded (exactly once, as from a webhook), a pending order
 * past its window is expired, anything else is left as it is with the evidence stored. This is how
 * payments whose webhooks never arrived are recovered. Idempotent; throws HandCashError when
 * HandCash cannot answer, so a job retries.
 */
export async function reconcileOrder({ orderId, actor, reason }: ReconcileOrderOptions): Promise<ReconcileOrderResult> {
  const order = await db.order.findUnique({ where: { id: orderId }, select: { id: true, status: true, paymentRequestId: true, verification: true } });
  if (!order) throw new AppError("NOT_FOUND", "No such order.");
  if (order.status === "PAID") return { status: "PAID", outcome: "already_paid", detail: "The order is already paid." };
  // HandCash did not answer the create call: whether the request exists decides what this order is.
  const recovered = order.paymentRequestId ? null : await recoverPaymentRequest({ orderId });
  const paymentRequestId = order.paymentRequestId ?? (recovered?.outcome === "adopted" ? recovered.paymentRequestId : null);
  if (!paymentRequestId) {
    const isWaiting = recovered?.outcome === "waiting";
    return {
      status: recovered?.outcome === "failed" ? "FAILED" : order.status,
      outcome: "no_payment_request",
      detail: isWaiting
        ? "HandCash has not answered the create call yet; it is looked up again shortly."
        : "HandCash never created a payment request for this order.",
    };
  }

  const verification = await verifyPayment({ paymentRequestId, claimedTransactionId: null });
  const isChosenByPerson = actor.startsWith("admin:");

  const result = await db.$transaction(async (tx): Promise<ReconcileOrderResult> => {
    const locked = await lockOrder(tx, { paymentRequestId });
    if (!locked) throw new AppError("NOT_FOUND", "No such order.");
    if (locked.status === "PAID") return { status: "PAID" as const, outcome: "already_paid" as const, detail: "The order is already paid." };

    if (verification.isConfirmed) {
      const transactionId = verification.handcashTransactionId ?? (await resolveCountedTransactionId(tx, paymentRequestId));
      const { userData, paymentMethod } = await findClaimedPayerData(tx, paymentRequestId, transactionId);
      const { outcome, detail } = await recordPayment({ tx, order: locked, paymentRequestId, transactionId, userData, paymentMethod, verification, actor });
      // Deliveries that claimed this transaction (unconfirmed at the time, or orphaned) are now settled.
      await resolveWebhookEventsForTransaction({ tx, transactionId, actor });
      const status = outcome === "RECORDED" ? "PAID" : locked.status;
      return {
        status,
        outcome: outcome === "RECORDED" ? ("paid" as const) : ("still_in_review" as const),
        detail: detail ?? `HandCash confirmed transaction ${transactionId}.`,
      };
    }

    const attempts = previousAttempts(order.verification) + 1;
    const evidence = { ...verification, attempts };
    const expired = await recordOrderExpiry({ tx, orderId: locked.id, event: "PAYMENT_WINDOW_ELAPSED", actor, verification: evidence });
    if (expired) return { status: "EXPIRED" as const, outcome: "expired" as const, detail: "No payment arrived within the payment window." };
    await recordVerificationAttempt({ tx, orderId: locked.id, evidence, requestedBy: isChosenByPerson ? { actor, reason } : undefined });
    return {
      status: locked.status,
      outcome: locked.status === "NEEDS_REVIEW" ? ("still_in_review" as const) : ("still_pending" as const),
      detail: describeUnpaid(verification),
    };
  });
  // An order expired earlier whose request HandCash still reports open (its close job gave up): close it now.
  // One expired just now has its close job queued by the expiry itself.
  if (result.outcome !== "expired" && isOpenAfterExpiry(result.status, verification)) await closeExpiredPaymentRequest({ orderId, paymentRequestId, actor });
  return result;
}

/** HandCash would still take a payment for an order we have expired. */
function isOpenAfterExpiry(status: OrderStatus, verification: PaymentVerification): boolean {
  return status === "EXPIRED" && !!verification.handcashExpiresAt && new Date(verification.handcashExpiresAt).getTime() > Date.now();
}

function describeUnpaid(verification: PaymentVerification): string {
  return verification.handcashStatus === "not_found"
    ? "HandCash does not know this payment request."
    : `HandCash reports no payment yet (status ${verification.handcashStatus}).`;
}

function previousAttempts(verification: Prisma.JsonValue | null): number {
  const attempts = (verification as { attempts?: unknown } | null)?.attempts;
  return typeof attempts === "number" ? attempts : 0;
}

/** The payer details from a delivery that claimed this transaction, when one reached us. */
async function findClaimedPayerData(tx: TransactionClient, paymentRequestId: string, transactionId: string) {
  const event = await tx.webhookEvent.findFirst({ where: { paymentRequestId, transactionId }, orderBy: { receivedAt: "asc" }, select: { payload: true } });
  const parsed = handcashWebhookPayloadSchema.safeParse(event?.payload ?? null);
  return parsed.success ? { userData: parsed.data.userData, paymentMethod: parsed.data.paymentMethod ?? null } : { userData: {}, paymentMethod: null };
}
