import "server-only";
import { recordAuditLog } from "@/server/admin/record-audit-log";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { lockOrderOrThrow } from "@/server/ledger/lock-order";
import { recordRefund } from "@/server/ledger/record-refund";

export interface MarkOrderRefundedOptions {
  orderId: string;
  actorEmail: string;
  /** What the owner did, e.g. the refund's transaction id. */
  reason: string;
}

/**
 * An owner records that a payment flagged for a refund (ADR 010: a second payment, or one for
 * something the reader already had) went back to its payer. HandCash has no refund API, so the
 * money itself moves in the owner's wallet; this closes the flag. Access is left as it is.
 */
export async function markOrderRefunded({ orderId, actorEmail, reason }: MarkOrderRefundedOptions): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockOrderOrThrow(tx, orderId);
    const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { refundReason: true, refundedAt: true } });
    if (!order.refundReason) throw new AppError("CONFLICT", "No payment on this order is due a refund.");
    if (order.refundedAt) throw new AppError("CONFLICT", "This refund is already recorded.");
    await recordRefund({ tx, orderId, actor: `admin:${actorEmail}`, reason });
    await recordAuditLog({
      tx,
      actorEmail,
      action: "order.refund",
      targetType: "order",
      targetId: orderId,
      reason,
      detail: { refundReason: order.refundReason },
    });
  });
}
