import "server-only";
import { db } from "@/server/db";
import { listPaymentRequests } from "@/server/handcash/client";
import { log } from "@/server/log";
import { attachPaymentRequest } from "@/server/ledger/attach-payment-request";
import { failOrder } from "@/server/ledger/fail-order";

/** A create call may still be under way at HandCash this long after the order was written. */
export const PAYMENT_REQUEST_RECOVERY_GRACE_MS = 60_000;

export type RecoverPaymentRequestResult = { outcome: "adopted"; paymentRequestId: string } | { outcome: "waiting" | "failed" | "not_pending" };

/**
 * For an order whose create call HandCash did not answer (recordPaymentRequestFailure): finds out
 * whether HandCash made the request after all, by its `customParameters.orderId` in the app's list
 * of requests. Found: the order adopts it, so its webhook and reconciliation work as for any order.
 * Not found once the grace period is over: HandCash has no request, so the order is FAILED, which
 * is then a fact and not a guess. Idempotent; throws HandCashError when HandCash cannot answer.
 */
export async function recoverPaymentRequest({ orderId, now = new Date() }: { orderId: string; now?: Date }): Promise<RecoverPaymentRequestResult> {
  const order = await db.order.findUnique({ where: { id: orderId }, select: { status: true, createdAt: true, expiresAt: true, paymentRequestId: true } });
  if (order?.status !== "PENDING") return { outcome: "not_pending" };
  if (order.paymentRequestId) return { outcome: "adopted", paymentRequestId: order.paymentRequestId };
  if (order.createdAt.getTime() > now.getTime() - PAYMENT_REQUEST_RECOVERY_GRACE_MS) return { outcome: "waiting" };

  const found = (await listPaymentRequests()).find((request) => request.notifications?.webhook?.customParameters?.orderId === orderId);
  if (!found) {
    await failOrder({ orderId, reason: "HandCash did not answer the create call and has no payment request for this order.", actor: "reconciler" });
    return { outcome: "failed" };
  }

  const adopted = await attachPaymentRequest({ orderId, paymentRequest: found, windowEndsAt: order.expiresAt, actor: "reconciler", isRecovered: true });
  if (adopted)
    log.info({ event: "order.payment_request_recovered", orderId, paymentRequestId: found.id }, "adopted the payment request HandCash made without answering");
  return { outcome: "adopted", paymentRequestId: found.id };
}
