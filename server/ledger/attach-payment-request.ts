import "server-only";
import { db } from "@/server/db";
import { PENDING_ORDER_SELECT, type PendingOrderRow } from "@/server/orders/order-views";

export interface AttachPaymentRequestOptions {
  orderId: string;
  paymentRequest: { id: string; paymentRequestUrl: string; paymentRequestQrCodeUrl: string };
  /** The order's window, shortened to HandCash's own expiry when that comes first. */
  expiresAt: Date;
}

/** Stores the HandCash payment request created for a pending order, with a timeline entry. */
export async function attachPaymentRequest({ orderId, paymentRequest, expiresAt }: AttachPaymentRequestOptions): Promise<PendingOrderRow> {
  return db.order.update({
    where: { id: orderId },
    data: {
      paymentRequestId: paymentRequest.id,
      paymentRequestUrl: paymentRequest.paymentRequestUrl,
      paymentRequestQrCodeUrl: paymentRequest.paymentRequestQrCodeUrl,
      expiresAt,
      events: {
        create: {
          type: "PAYMENT_REQUEST_CREATED",
          actor: "system",
          detail: { paymentRequestId: paymentRequest.id, paymentRequestUrl: paymentRequest.paymentRequestUrl, expiresAt: expiresAt.toISOString() },
        },
      },
    },
    select: PENDING_ORDER_SELECT,
  });
}
