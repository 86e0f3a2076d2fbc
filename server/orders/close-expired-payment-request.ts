import "server-only";
import { deletePaymentRequest, HandCashError, updatePaymentRequestExpiry } from "@/server/handcash/client";
import { db } from "@/server/db";
import { log } from "@/server/log";
import { recordOrderEvent } from "@/server/ledger/record-order-event";

export interface CloseExpiredPaymentRequestOptions {
  orderId: string;
  paymentRequestId: string;
  /** "reconciler" or "admin:<email>". */
  actor: string;
}

/**
 * Ends the HandCash request of an order that has expired, so the old pay link (or a QR code still
 * on someone's screen) cannot take a payment we no longer expect. The request's expiry is moved to
 * now rather than the request deleted: HandCash keeps answering its public view, so a payment
 * made just before can still be verified. Only if HandCash refuses that update is the request
 * deleted. Best effort: on failure it logs and returns false; the worker's job retries it (see
 * closeExpiredOrderPaymentRequest), and the reconciler tries again while HandCash still reports the
 * request open (verification.handcashExpiresAt in the future).
 */
export async function closeExpiredPaymentRequest({ orderId, paymentRequestId, actor }: CloseExpiredPaymentRequestOptions): Promise<boolean> {
  let how: "expired" | "deleted" = "expired";
  try {
    try {
      await updatePaymentRequestExpiry(paymentRequestId, new Date());
    } catch (error) {
      if (!(error instanceof HandCashError && error.isRefusal)) throw error;
      how = "deleted";
      await deletePaymentRequest(paymentRequestId);
    }
  } catch (error) {
    // Already gone at HandCash: nothing is left to pay.
    if (error instanceof HandCashError && error.kind === "not_found") return true;
    log.warn({ event: "order.payment_request_close_failed", orderId, paymentRequestId, err: error }, "could not close the expired order's payment request");
    return false;
  }
  await recordOrderEvent({ orderId, type: "PAYMENT_REQUEST_CLOSED", actor, detail: { paymentRequestId, how } });
  log.info({ event: "order.payment_request_closed", orderId, paymentRequestId, how }, "expired order's payment request closed");
  return true;
}

/**
 * The `close-payment-request` job, which every expiry queues in its own transaction
 * (`tollgate_expire_order`): closes the order's HandCash request, and throws while HandCash cannot
 * be reached so graphile-worker retries it with backoff. Idempotent: a request the timeline already
 * shows closed is left alone, and one HandCash no longer knows counts as closed.
 */
export async function closeExpiredOrderPaymentRequest({ orderId, actor }: { orderId: string; actor: string }): Promise<void> {
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: { paymentRequestId: true, events: { where: { type: "PAYMENT_REQUEST_CLOSED" }, select: { id: true }, take: 1 } },
  });
  // No request, or closed already (by this job's earlier run, or by the reconciler): nothing to do.
  if (!order?.paymentRequestId || order.events.length > 0) return;
  const isClosed = await closeExpiredPaymentRequest({ orderId, paymentRequestId: order.paymentRequestId, actor });
  if (!isClosed) throw new Error(`HandCash did not close payment request ${order.paymentRequestId} of order ${orderId}; retried`);
}
