import "server-only";
import type { TransactionClient } from "@/server/db";
import { recordOrderEvent } from "@/server/ledger/record-order-event";

/** The owner sent a flagged payment back to its payer: the order's refund is done, with a timeline entry. */
export async function recordRefund({ tx, orderId, actor, reason }: { tx: TransactionClient; orderId: string; actor: string; reason: string }): Promise<void> {
  await tx.order.update({ where: { id: orderId }, data: { refundedAt: new Date() } });
  await recordOrderEvent({ tx, orderId, type: "REFUNDED", actor, reason });
}
