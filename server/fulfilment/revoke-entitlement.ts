import "server-only";
import { recordAuditLog } from "@/server/admin/record-audit-log";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { lockOrderOrThrow } from "@/server/orders/lock-order";
import { recordOrderEvent } from "@/server/orders/record-order-event";

export interface RevokeEntitlementOptions {
  orderId: string;
  actorEmail: string;
  reason: string;
}

/**
 * An owner takes away the access of the order's reader to its product (a refund, a chargeback,
 * a mistaken grant). The Entitlement row is deleted, whichever order granted it, and the order's
 * timeline and the audit log say who did it and why. The order's status is left as it is.
 */
export async function revokeEntitlement({ orderId, actorEmail, reason }: RevokeEntitlementOptions): Promise<void> {
  await db.$transaction(async (tx) => {
    const order = await lockOrderOrThrow(tx, orderId);
    const entitlement = await tx.entitlement.findUnique({
      where: { readerId_productId: { readerId: order.readerId, productId: order.productId } },
      select: { id: true, orderId: true, grantedAt: true },
    });
    if (!entitlement) throw new AppError("CONFLICT", "This reader has no access to revoke.");
    await tx.entitlement.delete({ where: { id: entitlement.id } });
    const detail = { entitlementId: entitlement.id, grantedByOrderId: entitlement.orderId, grantedAt: entitlement.grantedAt.toISOString() };
    await recordOrderEvent({ tx, orderId, type: "ACCESS_REVOKED", actor: `admin:${actorEmail}`, reason, detail });
    await recordAuditLog({ tx, actorEmail, action: "order.revoke_access", targetType: "order", targetId: orderId, reason, detail });
  });
}
