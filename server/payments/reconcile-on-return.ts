import "server-only";
import { HandCashError } from "@/server/handcash/client";
import { log } from "@/server/log";
import { reconcileOrder } from "@/server/payments/reconcile-order";
import { isWithinRateLimit } from "@/server/security/rate-limit";

/** At most one HandCash check per order per this many seconds, however often the page polls. */
const RETURN_RECONCILE_EVERY_SECONDS = 5;

/**
 * The reader is back from HandCash with `?transactionId=…`: ask HandCash now instead of waiting
 * for the webhook. The query parameter is only a hint that a payment may exist; what gets recorded
 * is what HandCash reports for the order's own payment request. Rate-limited per order, and
 * silent on failure: the status answer falls back to what the database knows.
 */
export async function reconcileOnReturn({ orderId }: { orderId: string }): Promise<void> {
  if (!(await isWithinRateLimit({ key: `reconcile:return:${orderId}`, limit: 1, windowSeconds: RETURN_RECONCILE_EVERY_SECONDS }))) return;
  try {
    const result = await reconcileOrder({ orderId, actor: "return" });
    if (result.outcome === "paid") log.info({ event: "reconcile.return", orderId, outcome: result.outcome }, result.detail);
  } catch (error) {
    if (!(error instanceof HandCashError)) throw error;
    log.warn({ event: "reconcile.return_failed", orderId, err: error }, "HandCash could not be asked on return");
  }
}
