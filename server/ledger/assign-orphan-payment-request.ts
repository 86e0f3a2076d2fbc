import "server-only";
import type { TransactionClient } from "@/server/db";

/**
 * Gives an order the payment request of an orphan delivery that an owner matched to it (its id was
 * lost, e.g. the app crashed right after HandCash created it), so its payment can be recorded.
 */
export async function assignOrphanPaymentRequest({
  tx,
  orderId,
  paymentRequestId,
}: {
  tx: TransactionClient;
  orderId: string;
  paymentRequestId: string;
}): Promise<void> {
  await tx.order.update({ where: { id: orderId }, data: { paymentRequestId } });
}
