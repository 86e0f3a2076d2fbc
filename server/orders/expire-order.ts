import "server-only";
import type { OrderStatus } from "@/generated/prisma/enums";
import { recordAuditLog } from "@/server/admin/record-audit-log";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { closeExpiredPaymentRequest } from "@/server/orders/close-expired-payment-request";
import { lockOrderOrThrow } from "@/server/orders/lock-order";
import { recordOrderEvent } from "@/server/orders/record-order-event";

export interface ExpireOrderOptions {
  orderId: string;
  /** The owner's email; the timeline shows "admin:<email>". */
  actorEmail: string;
  reason: string;
}

const EXPIRABLE: ReadonlySet<OrderStatus> = new Set(["PENDING", "NEEDS_REVIEW"]);

/**
 * An owner closes an order that is still waiting (PENDING) or was flagged (NEEDS_REVIEW). The
 * order row is locked like the webhook locks it, so a payment being recorded at the same moment
 * is either already visible (and the order is no longer expirable) or waits and then still wins:
 * a confirmed payment turns an EXPIRED order into PAID (transitions.ts). Its HandCash request is
 * then closed, so the link the reader may still hold stops taking payments.
 */
export async function expireOrder({ orderId, actorEmail, reason }: ExpireOrderOptions): Promise<void> {
  const paymentRequestId = await db.$transaction(async (tx) => {
    const order = await lockOrderOrThrow(tx, orderId);
    if (!EXPIRABLE.has(order.status)) {
      throw new AppError("CONFLICT", `Only a pending or needs-review order can be expired; this one is ${order.status.toLowerCase().replace("_", " ")}.`);
    }
    await tx.order.update({ where: { id: orderId }, data: { status: "EXPIRED" } });
    await recordOrderEvent({ tx, orderId, type: "EXPIRED", actor: `admin:${actorEmail}`, reason, detail: { previousStatus: order.status } });
    await recordAuditLog({ tx, actorEmail, action: "order.expire", targetType: "order", targetId: orderId, reason, detail: { previousStatus: order.status } });
    return (await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { paymentRequestId: true } })).paymentRequestId;
  });
  // After the commit, and best effort: the order is expired either way, and the reconciler retries the close.
  if (paymentRequestId) await closeExpiredPaymentRequest({ orderId, paymentRequestId, actor: `admin:${actorEmail}` });
}
