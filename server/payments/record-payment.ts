import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { WebhookOutcome } from "@/generated/prisma/enums";
import type { TransactionClient } from "@/server/db";
import { grantEntitlement } from "@/server/fulfilment/grant-entitlement";
import type { LockedOrder } from "@/server/orders/lock-order";
import { recordOrderEvent } from "@/server/orders/record-order-event";
import { nextOrderStatus } from "@/server/payments/transitions";
import type { PaymentVerification } from "@/server/payments/verify-payment";

export interface RecordPaymentOptions {
  tx: TransactionClient;
  order: LockedOrder;
  paymentRequestId: string;
  transactionId: string;
  userData: Record<string, unknown> & { id?: string; paymail?: string; email?: string };
  paymentMethod: string | null;
  verification: PaymentVerification;
  /** "webhook", "reconciler" or "admin:<email>". */
  actor: string;
}

export type RecordPaymentOutcome = Extract<WebhookOutcome, "RECORDED" | "DUPLICATE" | "MISMATCH" | "EXTRA_PAYMENT">;

/**
 * Records a payment HandCash has confirmed, with the order locked by the caller: the Payment
 * (unique transactionId), the order's move to PAID with the verification evidence, and the
 * reader's entitlement. Idempotent: the same transaction again changes nothing.
 */
export async function recordPayment({ tx, order, paymentRequestId, transactionId, userData, paymentMethod, verification, actor }: RecordPaymentOptions): Promise<{ outcome: RecordPaymentOutcome; detail: string | null }> {
  const existing = await tx.payment.findUnique({ where: { transactionId }, select: { orderId: true } });
  if (existing) {
    return existing.orderId === order.id
      ? { outcome: "DUPLICATE", detail: null }
      : { outcome: "MISMATCH", detail: `This transactionId was already recorded for order ${existing.orderId}.` };
  }

  await tx.payment.create({
    data: {
      orderId: order.id,
      transactionId,
      paymentRequestId,
      payerId: typeof userData.id === "string" ? userData.id : null,
      payerPaymail: typeof userData.paymail === "string" ? userData.paymail : null,
      payerEmail: typeof userData.email === "string" ? userData.email : null,
      userData: userData as Prisma.InputJsonValue,
      paymentMethod,
    },
  });
  await recordOrderEvent({ tx, orderId: order.id, type: "VERIFIED", actor, detail: verification as unknown as Prisma.InputJsonValue });

  const paid = nextOrderStatus(order.status, "PAYMENT_CONFIRMED");
  if (!paid) {
    await tx.order.update({ where: { id: order.id }, data: { verification: verification as unknown as Prisma.InputJsonValue, verifiedAt: new Date(verification.checkedAt) } });
    return { outcome: "EXTRA_PAYMENT", detail: "The order was already paid by another transaction; this payment needs a refund or review." };
  }

  await tx.order.update({
    where: { id: order.id },
    data: { status: paid, paidAt: new Date(), reviewReason: null, verification: verification as unknown as Prisma.InputJsonValue, verifiedAt: new Date(verification.checkedAt) },
  });
  await recordOrderEvent({ tx, orderId: order.id, type: "PAID", actor, detail: { transactionId, previousStatus: order.status } });
  await grantEntitlement({ tx, readerId: order.readerId, productId: order.productId, orderId: order.id, actor });
  return { outcome: "RECORDED", detail: order.status === "PENDING" ? null : `Paid after the order was ${order.status.toLowerCase()}.` };
}

/**
 * Marks the order for review when HandCash does not confirm a transaction someone claimed paid
 * it (a forgery with a leaked secret, or HandCash lagging). No payment, no access.
 */
export async function recordUnconfirmedPayment({ tx, order, verification, actor }: { tx: TransactionClient; order: LockedOrder; verification: PaymentVerification; actor: string }): Promise<string> {
  const reason =
    verification.handcashStatus === "not_found"
      ? "HandCash does not know this payment request."
      : `HandCash reports ${verification.handcashTransactionId ? `transaction ${verification.handcashTransactionId}` : "no payment"} (status ${verification.handcashStatus}), not ${verification.claimedTransactionId}.`;
  const next = nextOrderStatus(order.status, "PAYMENT_UNCONFIRMED");
  // A paid order keeps the evidence of its real payment; the failed claim goes on the timeline only.
  if (next) {
    await tx.order.update({
      where: { id: order.id },
      data: { status: next, reviewReason: reason, verification: verification as unknown as Prisma.InputJsonValue, verifiedAt: new Date(verification.checkedAt) },
    });
  }
  await recordOrderEvent({ tx, orderId: order.id, type: "VERIFICATION_FAILED", actor, reason, detail: verification as unknown as Prisma.InputJsonValue });
  return reason;
}
