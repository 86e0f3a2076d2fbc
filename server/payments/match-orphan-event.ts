import "server-only";
import type { OrderStatus } from "@/generated/prisma/enums";
import { toMajorUnits } from "@/lib/money";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { handcashWebhookPayloadSchema } from "@/server/handcash/schemas";
import { assignOrphanPaymentRequest } from "@/server/ledger/assign-orphan-payment-request";
import { lockOrderOrThrow } from "@/server/ledger/lock-order";
import { recordOrderEvent } from "@/server/ledger/record-order-event";
import { recordPayment } from "@/server/ledger/record-payment";
import { resolveOrphanWebhookEvent } from "@/server/ledger/resolve-webhook-events";
import { verifyPayment } from "@/server/payments/verify-payment";

export interface MatchOrphanEventOptions {
  webhookEventId: string;
  orderId: string;
  /** "admin:<email>". */
  actor: string;
  reason: string;
}

/**
 * An owner's decision that an orphan delivery (a payment request we had no record of, e.g. its id
 * was lost when the app crashed right after creating it) pays a given order. Trusted only after
 * HandCash confirms that request was paid by that transaction for exactly the order's price, and
 * only for an order without another payment request. Idempotent through recordPayment.
 */
export async function matchOrphanEvent({
  webhookEventId,
  orderId,
  actor,
  reason,
}: MatchOrphanEventOptions): Promise<{ status: OrderStatus; outcome: string; detail: string }> {
  const event = await db.webhookEvent.findUnique({ where: { id: webhookEventId } });
  if (event?.outcome !== "ORPHAN") throw new AppError("NOT_FOUND", "No orphan delivery has this id.");
  if (event.resolvedAt) throw new AppError("CONFLICT", "This delivery has already been dealt with.");
  const payload = handcashWebhookPayloadSchema.parse(event.payload);
  const order = await db.order.findUnique({ where: { id: orderId }, select: { id: true, paymentRequestId: true, amount: true, currency: true, status: true } });
  if (!order) throw new AppError("NOT_FOUND", "No such order.");
  if (order.paymentRequestId && order.paymentRequestId !== event.paymentRequestId) {
    throw new AppError("CONFLICT", `Order ${order.id} belongs to payment request ${order.paymentRequestId}, not ${event.paymentRequestId}.`);
  }
  if (order.status === "PAID") throw new AppError("CONFLICT", "That order is already paid.");

  const verification = await verifyPayment({ paymentRequestId: event.paymentRequestId, claimedTransactionId: event.transactionId });
  if (!verification.isConfirmed)
    throw new AppError("CONFLICT", `HandCash does not confirm transaction ${event.transactionId} for payment request ${event.paymentRequestId}.`);
  const paid = verification.paymentAmount;
  if (!paid || paid.denominatedIn !== order.currency || paid.amount !== toMajorUnits(order)) {
    throw new AppError(
      "CONFLICT",
      `HandCash reports ${paid ? `${paid.amount} ${paid.denominatedIn ?? paid.currencyCode}` : "no amount"}, but the order costs ${toMajorUnits(order)} ${order.currency}.`,
    );
  }

  return db.$transaction(async (tx) => {
    const locked = await lockOrderOrThrow(tx, order.id);
    await assignOrphanPaymentRequest({ tx, orderId: locked.id, paymentRequestId: event.paymentRequestId });
    const { outcome, detail } = await recordPayment({
      tx,
      order: locked,
      paymentRequestId: event.paymentRequestId,
      transactionId: event.transactionId,
      userData: payload.userData,
      paymentMethod: payload.paymentMethod ?? null,
      verification,
      actor,
    });
    await resolveOrphanWebhookEvent({ tx, webhookEventId: event.id, orderId: locked.id, actor });
    await recordOrderEvent({ tx, orderId: locked.id, type: "MATCHED_ORPHAN", actor, reason, detail: { webhookEventId: event.id, outcome } });
    return {
      status: outcome === "RECORDED" ? "PAID" : locked.status,
      outcome: outcome.toLowerCase(),
      detail: detail ?? `Matched transaction ${event.transactionId} to order ${locked.id}.`,
    };
  });
}
