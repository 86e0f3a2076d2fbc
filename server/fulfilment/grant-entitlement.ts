import "server-only";
import type { TransactionClient } from "@/server/db";
import { recordOrderEvent } from "@/server/orders/record-order-event";

export interface GrantEntitlementOptions {
  tx: TransactionClient;
  readerId: string;
  productId: string;
  orderId: string;
  /** Who granted it, and why when a person did, for the order's timeline. */
  actor?: string;
  reason?: string;
}

/**
 * Gives the reader access to the product; true when a new grant was made. Idempotent: a reader
 * who already has access keeps the original grant, so a second paid order never creates a second
 * entitlement. Run it inside the transaction that records the payment: the caller's lock on the
 * order serialises concurrent grants for it.
 */
export async function grantEntitlement({ tx, readerId, productId, orderId, actor = "system", reason }: GrantEntitlementOptions): Promise<boolean> {
  const existing = await tx.entitlement.findUnique({ where: { readerId_productId: { readerId, productId } }, select: { id: true } });
  if (existing) return false;
  await tx.entitlement.create({ data: { readerId, productId, orderId } });
  await recordOrderEvent({ tx, orderId, type: "ACCESS_GRANTED", actor, reason });
  return true;
}
