import "server-only";
import type { OrderStatus } from "@/generated/prisma/enums";
import type { OrderStatusView } from "@/lib/schemas/orders";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { toOrderStatusName } from "@/server/orders/order-views";

export interface GetOrderStatusOptions {
  orderId: string;
  /** Hash of the reader's cookie token (hashBearerToken); null when the cookie is missing. */
  readerTokenHash: string | null;
}

interface OrderStatusRow {
  id: string;
  status: OrderStatus;
  paidAt: Date | null;
  expiresAt: Date;
  slug: string;
}

/**
 * The status of one of the reader's orders. This is what every paywall polls every 2 s, so it is
 * one SQL statement (Prisma's nested select would be two; see docs/performance.md). Someone else's
 * order is reported as missing, so order ids cannot be probed. A pending order past its window is
 * expired here, lazily, and conditionally, so a payment recorded meanwhile wins.
 */
export async function getOrderStatus({ orderId, readerTokenHash }: GetOrderStatusOptions): Promise<OrderStatusView> {
  if (!readerTokenHash) throw new AppError("NOT_FOUND", "No such order.");
  const [order] = await db.$queryRaw<OrderStatusRow[]>`
    WITH expired AS (
      UPDATE "Order" o SET "status" = 'EXPIRED', "updatedAt" = now()
      FROM "Reader" r
      WHERE o."id" = ${orderId} AND r."id" = o."readerId" AND r."tokenHash" = ${readerTokenHash}
        AND o."status" = 'PENDING' AND o."expiresAt" <= now()
      RETURNING o."id"
    )
    SELECT o."id", CASE WHEN EXISTS (SELECT 1 FROM expired) THEN 'EXPIRED' ELSE o."status"::text END AS "status",
           o."paidAt", o."expiresAt", p."slug"
    FROM "Order" o
    JOIN "Reader" r ON r."id" = o."readerId"
    JOIN "Product" p ON p."id" = o."productId"
    WHERE o."id" = ${orderId} AND r."tokenHash" = ${readerTokenHash}`;
  if (!order) throw new AppError("NOT_FOUND", "No such order.");
  return {
    orderId: order.id,
    status: toOrderStatusName(order.status),
    productSlug: order.slug,
    paidAt: order.paidAt?.toISOString() ?? null,
    expiresAt: order.expiresAt.toISOString(),
  };
}
