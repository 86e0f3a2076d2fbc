import "server-only";
import type { TransactionClient } from "@/server/db";
import { AppError } from "@/server/errors";

export interface LockedOrderAccess {
  id: string;
  readerId: string;
  productId: string;
}

/**
 * Locks the order row for the rest of the transaction, as the webhook does before granting, so
 * an owner's grant or revoke and a payment being recorded for the same order take turns.
 */
export async function lockOrderForAccess(tx: TransactionClient, orderId: string): Promise<LockedOrderAccess> {
  const [order] = await tx.$queryRaw<LockedOrderAccess[]>`SELECT "id", "readerId", "productId" FROM "Order" WHERE "id" = ${orderId} FOR UPDATE`;
  if (!order) throw new AppError("NOT_FOUND", "No order has this id.");
  return order;
}
