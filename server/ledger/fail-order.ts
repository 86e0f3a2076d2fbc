import "server-only";
import { db } from "@/server/db";

export interface FailOrderOptions {
  orderId: string;
  /** HandCash's refusal, as shown to the owner; cut to 500 characters. */
  reason: string;
}

/** HandCash refused to create the order's payment request: PENDING → FAILED (PAYMENT_REQUEST_FAILED). */
export async function failOrder({ orderId, reason }: FailOrderOptions): Promise<void> {
  const failureReason = reason.slice(0, 500);
  await db.order.update({
    where: { id: orderId },
    data: { status: "FAILED", failureReason, events: { create: { type: "PAYMENT_REQUEST_FAILED", actor: "system", reason: failureReason } } },
  });
}
