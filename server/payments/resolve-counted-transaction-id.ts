import "server-only";
import type { TransactionClient } from "@/server/db";

/**
 * The transaction to record for a payment HandCash counted but did not name (its public view's
 * `transactionId` is optional): the earliest authenticated delivery for the request whose
 * transaction is not recorded yet, since its appSecret proved it came from HandCash; failing that
 * (the webhook never arrived), a placeholder that says so, which no real delivery can collide with
 * (webhook transaction ids are letters, digits, '-' and '_'). The reader is never left waiting for
 * a transaction id HandCash may never show.
 */
export async function resolveCountedTransactionId(tx: TransactionClient, paymentRequestId: string): Promise<string> {
  const recorded = await tx.payment.findMany({ where: { paymentRequestId }, select: { transactionId: true } });
  const claim = await tx.webhookEvent.findFirst({
    where: { paymentRequestId, outcome: { in: ["UNCONFIRMED", "ORPHAN"] }, transactionId: { notIn: recorded.map((payment) => payment.transactionId) } },
    orderBy: { receivedAt: "asc" },
    select: { transactionId: true },
  });
  return claim?.transactionId ?? `unnamed:${paymentRequestId}:${recorded.length + 1}`;
}
