import "server-only";
import { db } from "@/server/db";

/**
 * HandCash did not answer the create call (timeout, 5xx, an unreadable answer), so it may have made
 * the request: the order stays PENDING, without a link, its failureReason saying why, until the
 * reconciler finds the request or learns there is none. The reason also tells a second click of the
 * reader that nobody is creating this order any more, so it is replaced rather than waited for.
 */
export async function recordPaymentRequestUncertain({ orderId, reason }: { orderId: string; reason: string }): Promise<void> {
  const failureReason = reason.slice(0, 500);
  await db.order.update({
    where: { id: orderId },
    data: { failureReason, events: { create: { type: "PAYMENT_REQUEST_UNCERTAIN", actor: "system", reason: failureReason } } },
  });
}
