import "server-only";
import { recordAuditLog } from "@/server/admin/record-audit-log";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { grantEntitlement } from "@/server/ledger/grant-entitlement";
import { lockOrderOrThrow } from "@/server/ledger/lock-order";

export interface GrantAccessManuallyOptions {
  orderId: string;
  actorEmail: string;
  reason: string;
}

/**
 * An owner gives the order's reader access to its product without a recorded payment (paid some
 * other way, or a goodwill grant after review). The order's status is left alone: no money is
 * claimed. Refused when the reader already has access.
 */
export async function grantAccessManually({ orderId, actorEmail, reason }: GrantAccessManuallyOptions): Promise<void> {
  const actor = `admin:${actorEmail}`;
  await db.$transaction(async (tx) => {
    const order = await lockOrderOrThrow(tx, orderId);
    const isGranted = await grantEntitlement({ tx, orderId: order.id, actor, reason });
    if (!isGranted) throw new AppError("CONFLICT", "This reader already has access to the product.");
    await recordAuditLog({
      tx,
      actorEmail,
      action: "order.grant_access",
      targetType: "order",
      targetId: orderId,
      reason,
      detail: { readerId: order.readerId, productId: order.productId },
    });
  });
}
