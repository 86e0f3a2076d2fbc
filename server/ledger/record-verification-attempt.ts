import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { TransactionClient } from "@/server/db";
import { recordOrderEvent } from "@/server/ledger/record-order-event";
import type { PaymentVerification } from "@/server/payments/verify-payment";

export interface RecordVerificationAttemptOptions {
  tx: TransactionClient;
  orderId: string;
  /** What HandCash said, with the count of checks so far. */
  evidence: PaymentVerification & { attempts: number };
  /** Set when a person asked for the check: it then goes on the order's timeline. */
  requestedBy?: { actor: string; reason?: string };
}

/**
 * Keeps what HandCash said about an unpaid order as its latest evidence. Only a person's re-check
 * goes on the timeline: the worker's routine checks would flood it.
 */
export async function recordVerificationAttempt({ tx, orderId, evidence, requestedBy }: RecordVerificationAttemptOptions): Promise<void> {
  const detail = evidence as unknown as Prisma.InputJsonObject;
  await tx.order.update({ where: { id: orderId }, data: { verification: detail, verifiedAt: new Date(evidence.checkedAt) } });
  if (requestedBy) await recordOrderEvent({ tx, orderId, type: "RECHECKED", actor: requestedBy.actor, reason: requestedBy.reason, detail });
}
