import "server-only";
import { recordAuditLog } from "@/server/admin/record-audit-log";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { deleteEntitlement } from "@/server/ledger/delete-entitlement";
import { lockOrderOrThrow } from "@/server/ledger/lock-order";

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
    const revoked = await deleteEntitlement({ tx, order, actor: `admin:${actorEmail}`, reason });
    if (!revoked) throw new AppError("CONFLICT", "This reader has no access to revoke.");
    await recordAuditLog({ tx, actorEmail, action: "order.revoke_access", targetType: "order", targetId: orderId, reason, detail: { ...revoked } });
  });
}
