import "server-only";
import { recordAuditLog } from "@/server/admin/record-audit-log";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { lockOrderOrThrow } from "@/server/ledger/lock-order";
import { nextOrderStatus } from "@/server/ledger/order-transitions";
import { recordOrderExpiry } from "@/server/ledger/record-order-expiry";

export interface ExpireOrderOptions {
  orderId: string;
  /** The owner's email; the timeline shows "admin:<email>". */
  actorEmail: string;
  reason: string;
}

/**
 * An owner closes an order that is still waiting (PENDING) or dismisses one that was flagged
 * (NEEDS_REVIEW): the state machine's CLOSED_BY_OWNER. The order row is locked like the webhook
 * locks it, so a payment being recorded at the same moment is either already visible (and the order
 * is no longer closable) or waits and then still wins: a confirmed payment turns an EXPIRED order
 * into PAID. Its HandCash request is then closed by the job the expiry queues, so the link the
 * reader may still hold stops taking payments.
 */
export async function expireOrder({ orderId, actorEmail, reason }: ExpireOrderOptions): Promise<void> {
  await db.$transaction(async (tx) => {
    const order = await lockOrderOrThrow(tx, orderId);
    if (nextOrderStatus(order.status, "CLOSED_BY_OWNER") === null) {
      throw new AppError("CONFLICT", `Only a pending or needs-review order can be expired; this one is ${order.status.toLowerCase().replace("_", " ")}.`);
    }
    await recordOrderExpiry({ tx, orderId, event: "CLOSED_BY_OWNER", actor: `admin:${actorEmail}`, reason });
    await recordAuditLog({ tx, actorEmail, action: "order.expire", targetType: "order", targetId: orderId, reason, detail: { previousStatus: order.status } });
  });
}
