import "server-only";
import type { OrderStatus } from "@/generated/prisma/enums";
import { queryPrepared, type TransactionClient } from "@/server/db";
import type { OrderTransitionEvent } from "@/server/ledger/order-transitions";

export interface RecordOrderExpiryOptions {
  /** Inside the caller's transaction; without it the one statement is its own transaction. */
  tx?: TransactionClient;
  orderId: string;
  event: Extract<OrderTransitionEvent, "PAYMENT_WINDOW_ELAPSED" | "CLOSED_BY_OWNER" | "REPLACED_BY_NEW_ORDER">;
  /** "system", "reconciler" or "admin:<email>". */
  actor: string;
  reason?: string;
  /** What HandCash said when the reconciler last asked, kept as the order's evidence. */
  verification?: object;
}

const EXPIRE_ORDER = {
  name: "ledger:expire-order",
  text: `SELECT tollgate_expire_order($1, $2, $3, $4, $5::jsonb)::text AS "previousStatus"`,
};

type ExpiryRow = { previousStatus: OrderStatus | null };

/**
 * Expires the order when `event` applies to its status at this moment (and, for an elapsed window,
 * when the window really is over), under the order's row lock, with a timeline entry, and queues
 * the job that closes its HandCash request. Returns the status it had, or null when nothing changed:
 * a payment recorded meanwhile always wins.
 * The work is the SQL function `tollgate_expire_order` (prisma/routines/020-order-locks-and-expiry.sql).
 */
export async function recordOrderExpiry({ tx, orderId, event, actor, reason, verification }: RecordOrderExpiryOptions): Promise<OrderStatus | null> {
  const values = [orderId, event, actor, reason ?? null, verification === undefined ? null : JSON.stringify(verification)] as const;
  const [row] = tx ? await tx.$queryRawUnsafe<ExpiryRow[]>(EXPIRE_ORDER.text, ...values) : await queryPrepared<ExpiryRow>(EXPIRE_ORDER, [...values]);
  return row?.previousStatus ?? null;
}
