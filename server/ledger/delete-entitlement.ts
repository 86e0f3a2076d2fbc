import "server-only";
import type { TransactionClient } from "@/server/db";
import type { LockedOrder } from "@/server/ledger/lock-order";
import { recordOrderEvent } from "@/server/ledger/record-order-event";

export interface DeleteEntitlementOptions {
  tx: TransactionClient;
  /** Locked by the caller: the access of its reader to its product is taken away. */
  order: LockedOrder;
  actor: string;
  reason: string;
}

export interface DeletedEntitlement {
  entitlementId: string;
  grantedByOrderId: string | null;
  grantedAt: string;
}

/**
 * Deletes the reader's access to the order's product, whichever order granted it, with a timeline
 * entry on this order; null when there was none.
 */
export async function deleteEntitlement({ tx, order, actor, reason }: DeleteEntitlementOptions): Promise<DeletedEntitlement | null> {
  const entitlement = await tx.entitlement.findUnique({
    where: { readerId_productId: { readerId: order.readerId, productId: order.productId } },
    select: { id: true, orderId: true, grantedAt: true },
  });
  if (!entitlement) return null;
  await tx.entitlement.delete({ where: { id: entitlement.id } });
  const detail = { entitlementId: entitlement.id, grantedByOrderId: entitlement.orderId, grantedAt: entitlement.grantedAt.toISOString() };
  await recordOrderEvent({ tx, orderId: order.id, type: "ACCESS_REVOKED", actor, reason, detail });
  return detail;
}
