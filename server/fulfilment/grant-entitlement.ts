import "server-only";
import type { TransactionClient } from "@/server/db";

export interface GrantEntitlementOptions {
  tx: TransactionClient;
  readerId: string;
  productId: string;
  orderId: string;
}

/**
 * Gives the reader access to the product. Idempotent: a reader who already has access keeps
 * the original grant, so a second paid order never creates a second entitlement.
 */
export async function grantEntitlement({ tx, readerId, productId, orderId }: GrantEntitlementOptions): Promise<void> {
  await tx.entitlement.upsert({
    where: { readerId_productId: { readerId, productId } },
    create: { readerId, productId, orderId },
    update: {},
  });
}
