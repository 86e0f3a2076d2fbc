import "server-only";
import type { TransactionClient } from "@/server/db";

export interface GrantEntitlementOptions {
  tx: TransactionClient;
  orderId: string;
  /** Who granted it, and why when a person did, for the order's timeline. */
  actor?: string;
  reason?: string;
}

/**
 * Gives the order's reader access to its product; true when a new grant was made. Idempotent: a
 * reader who already has access keeps the original grant, so a second paid order never creates a
 * second entitlement. The SQL function `tollgate_grant_entitlement` (prisma/routines/030-payments.sql)
 * is also what a recorded payment calls, so both grant the same way.
 */
export async function grantEntitlement({ tx, orderId, actor = "system", reason }: GrantEntitlementOptions): Promise<boolean> {
  const [result] = await tx.$queryRaw<{ isGranted: boolean }[]>`SELECT tollgate_grant_entitlement(${orderId}, ${actor}, ${reason ?? null}) AS "isGranted"`;
  return result?.isGranted === true;
}
