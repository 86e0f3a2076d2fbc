import "server-only";
import type { TransactionClient } from "@/server/db";

/**
 * Deliveries that claimed this transaction and were set aside (unconfirmed at the time, or orphaned)
 * are settled once the payment is recorded: the inbox stops listing them as open.
 */
export async function resolveWebhookEventsForTransaction({
  tx,
  transactionId,
  actor,
}: {
  tx: TransactionClient;
  transactionId: string;
  actor: string;
}): Promise<void> {
  await tx.webhookEvent.updateMany({
    where: { transactionId, outcome: { in: ["UNCONFIRMED", "ORPHAN"] }, resolvedAt: null },
    data: { resolvedAt: new Date(), resolvedBy: actor },
  });
}

/** An owner matched an orphan delivery to the order it paid. */
export async function resolveOrphanWebhookEvent({
  tx,
  webhookEventId,
  orderId,
  actor,
}: {
  tx: TransactionClient;
  webhookEventId: string;
  orderId: string;
  actor: string;
}): Promise<void> {
  await tx.webhookEvent.update({ where: { id: webhookEventId }, data: { orderId, resolvedAt: new Date(), resolvedBy: actor } });
}
