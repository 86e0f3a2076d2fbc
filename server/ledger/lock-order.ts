import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { OrderStatus } from "@/generated/prisma/enums";
import type { TransactionClient } from "@/server/db";
import { AppError } from "@/server/errors";

export interface LockedOrder {
  id: string;
  status: OrderStatus;
  readerId: string;
  productId: string;
}

/**
 * Locks the order row (`FOR UPDATE`) for the rest of the transaction. Every change to an order's
 * payment or access state takes this lock first (webhook, reconciler, owner actions), so they take
 * turns on one order and each sees the others' committed result.
 */
export async function lockOrder(tx: TransactionClient, where: { id: string } | { paymentRequestId: string }): Promise<LockedOrder | null> {
  const condition = "id" in where ? Prisma.sql`"id" = ${where.id}` : Prisma.sql`"paymentRequestId" = ${where.paymentRequestId}`;
  const [order] = await tx.$queryRaw<LockedOrder[]>`
    SELECT "id", "status"::text AS "status", "readerId", "productId" FROM "Order" WHERE ${condition} FOR UPDATE`;
  return order ?? null;
}

export async function lockOrderOrThrow(tx: TransactionClient, orderId: string): Promise<LockedOrder> {
  const order = await lockOrder(tx, { id: orderId });
  if (!order) throw new AppError("NOT_FOUND", "No order has this id.");
  return order;
}
