import "server-only";
import { db } from "@/server/db";
import { PAYMENT_REQUEST_RECOVERY_GRACE_MS } from "@/server/orders/recover-payment-request";

/** How long after expiry an order is still checked: HandCash may keep its request payable meanwhile. */
const LATE_PAYMENT_HORIZON_MS = 48 * 60 * 60 * 1000;
const EXPIRED_CHECK_EVERY_MS = 10 * 60 * 1000;
/** Orders in review are re-checked with exponential backoff, from 1 minute up to hourly, for a week. */
const REVIEW_BACKOFF_BASE_MS = 60 * 1000;
const REVIEW_BACKOFF_MAX_MS = 60 * 60 * 1000;
const REVIEW_HORIZON_MS = 7 * 24 * 60 * 60 * 1000;

export interface ListOrdersToReconcileOptions {
  now: Date;
  /** Pending orders are re-checked when their last check is older than this. */
  pendingCheckEveryMs: number;
  limit: number;
}

/**
 * The orders whose HandCash status is worth asking about now: pending ones (a webhook may have
 * been lost), recently expired ones (a late payment), ones in review (with backoff), and orders
 * whose payment request an orphan delivery names (the webhook beat our own write), and ones whose
 * create call HandCash did not answer.
 */
export async function listOrdersToReconcile({ now, pendingCheckEveryMs, limit }: ListOrdersToReconcileOptions): Promise<string[]> {
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const pendingOrExpired = await db.order.findMany({
    where: {
      paymentRequestId: { not: null },
      OR: [
        { status: "PENDING", OR: [{ verifiedAt: null }, { verifiedAt: { lt: ago(pendingCheckEveryMs) } }] },
        { status: "EXPIRED", expiresAt: { gt: ago(LATE_PAYMENT_HORIZON_MS) }, OR: [{ verifiedAt: null }, { verifiedAt: { lt: ago(EXPIRED_CHECK_EVERY_MS) } }] },
      ],
    },
    orderBy: { verifiedAt: { sort: "asc", nulls: "first" } },
    take: limit,
    select: { id: true },
  });

  const inReview = await db.order.findMany({
    where: { status: "NEEDS_REVIEW", paymentRequestId: { not: null }, createdAt: { gt: ago(REVIEW_HORIZON_MS) } },
    orderBy: { verifiedAt: { sort: "asc", nulls: "first" } },
    take: limit,
    select: { id: true, verifiedAt: true, verification: true },
  });
  const reviewDue = inReview.filter(({ verifiedAt, verification }) => {
    const attempts = (verification as { attempts?: unknown } | null)?.attempts;
    const backoff = Math.min(REVIEW_BACKOFF_BASE_MS * 2 ** (typeof attempts === "number" ? attempts : 0), REVIEW_BACKOFF_MAX_MS);
    return !verifiedAt || verifiedAt.getTime() <= now.getTime() - backoff;
  });

  const orphanRequestIds = await db.webhookEvent.findMany({
    where: { outcome: "ORPHAN", resolvedAt: null },
    distinct: ["paymentRequestId"],
    take: limit,
    select: { paymentRequestId: true },
  });
  const matchedOrphans = orphanRequestIds.length
    ? await db.order.findMany({
        where: { paymentRequestId: { in: orphanRequestIds.map((event) => event.paymentRequestId) }, status: { not: "PAID" } },
        select: { id: true },
      })
    : [];

  // HandCash did not answer their create call: recoverPaymentRequest finds out whether the request exists.
  const uncertain = await db.order.findMany({
    where: { status: "PENDING", paymentRequestId: null, createdAt: { lt: ago(PAYMENT_REQUEST_RECOVERY_GRACE_MS) } },
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { id: true },
  });

  return [...new Set([...pendingOrExpired, ...reviewDue, ...matchedOrphans, ...uncertain].map((order) => order.id))].slice(0, limit);
}
