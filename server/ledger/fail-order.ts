import "server-only";
import { db } from "@/server/db";

export interface FailOrderOptions {
  orderId: string;
  /** Why HandCash has no payment request for it, as shown to the owner; cut to 500 characters. */
  reason: string;
  /** "system" when HandCash refused the create call, "reconciler" when it turned out to have none. */
  actor?: string;
}

/**
 * PENDING → FAILED (PAYMENT_REQUEST_FAILED), for an order that has no payment request and is known
 * to have none at HandCash, with a timeline entry. Conditional, so an order that got its request
 * (or moved on) meanwhile is left alone; true when this call failed it.
 */
export async function failOrder({ orderId, reason, actor = "system" }: FailOrderOptions): Promise<boolean> {
  const failureReason = reason.slice(0, 500);
  return db.$transaction(async (tx) => {
    const { count } = await tx.order.updateMany({
      where: { id: orderId, status: "PENDING", paymentRequestId: null },
      data: { status: "FAILED", failureReason },
    });
    if (count === 0) return false;
    await tx.orderEvent.create({ data: { orderId, type: "PAYMENT_REQUEST_FAILED", actor, reason: failureReason } });
    return true;
  });
}
