import "server-only";
import { db } from "@/server/db";
import { recordOrderEvent } from "@/server/ledger/record-order-event";
import { PENDING_ORDER_SELECT, type PendingOrderRow } from "@/server/orders/order-views";

export interface AttachPaymentRequestOptions {
  orderId: string;
  paymentRequest: { id: string; paymentRequestUrl: string; paymentRequestQrCodeUrl: string; expiresAt?: string | null };
  /** The end of the order's own payment window; HandCash's expiry wins when it comes first. */
  windowEndsAt: Date;
  /** "system" when the create call answered, "reconciler" when the request was found afterwards. */
  actor?: string;
  /** The create call went unanswered and the request was found in HandCash's list later. */
  isRecovered?: boolean;
}

/**
 * Stores the HandCash payment request of an order that has none yet, with a timeline entry; null
 * when the order already has one (it is never swapped for another).
 */
export async function attachPaymentRequest({
  orderId,
  paymentRequest,
  windowEndsAt,
  actor = "system",
  isRecovered = false,
}: AttachPaymentRequestOptions): Promise<PendingOrderRow | null> {
  const handcashExpiry = paymentRequest.expiresAt ? new Date(paymentRequest.expiresAt) : null;
  const expiresAt = handcashExpiry && handcashExpiry < windowEndsAt ? handcashExpiry : windowEndsAt;
  return db.$transaction(async (tx) => {
    const { count } = await tx.order.updateMany({
      where: { id: orderId, paymentRequestId: null },
      data: {
        paymentRequestId: paymentRequest.id,
        paymentRequestUrl: paymentRequest.paymentRequestUrl,
        paymentRequestQrCodeUrl: paymentRequest.paymentRequestQrCodeUrl,
        expiresAt,
        failureReason: null,
      },
    });
    if (count === 0) return null;
    const detail = {
      paymentRequestId: paymentRequest.id,
      paymentRequestUrl: paymentRequest.paymentRequestUrl,
      expiresAt: expiresAt.toISOString(),
      ...(isRecovered && { isRecovered }),
    };
    await recordOrderEvent({ tx, orderId, type: "PAYMENT_REQUEST_CREATED", actor, detail });
    return tx.order.findUniqueOrThrow({ where: { id: orderId }, select: PENDING_ORDER_SELECT });
  });
}
