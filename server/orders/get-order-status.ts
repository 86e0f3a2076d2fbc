import "server-only";
import type { OrderStatus } from "@/generated/prisma/enums";
import type { OrderStatusView } from "@/lib/schemas/orders";
import { queryPrepared } from "@/server/db";
import { AppError } from "@/server/errors";
import { recordOrderExpiry } from "@/server/ledger/record-order-expiry";
import { orderStatusCache } from "@/server/orders/order-status-cache";
import { toOrderStatusName } from "@/server/orders/order-views";

export interface GetOrderStatusOptions {
  orderId: string;
  /** Hash of the reader's cookie token (hashBearerToken); null when the cookie is missing. */
  readerTokenHash: string | null;
  /** Read from the database even if the status is cached, e.g. right after reconciling the order. */
  isFresh?: boolean;
}

interface OrderStatusRow {
  id: string;
  readerTokenHash: string;
  status: OrderStatus;
  paidAt: Date | null;
  expiresAt: Date;
  slug: string;
}

/** Order ids are cuids; anything else (a NUL PostgreSQL would refuse, kilobytes of text) is not looked up. */
const ORDER_ID_SHAPE = /^[A-Za-z0-9_-]{1,64}$/;

/** The reader's own order, found by id and cookie together, so someone else's order is simply not found. */
const READ_ORDER_STATUS = {
  name: "order-status:read",
  text: `
    SELECT o."id", r."tokenHash" AS "readerTokenHash", o."status"::text AS "status",
           o."paidAt" AT TIME ZONE 'UTC' AS "paidAt", o."expiresAt" AT TIME ZONE 'UTC' AS "expiresAt", p."slug"
    FROM "Order" o
    JOIN "Reader" r ON r."id" = o."readerId"
    JOIN "Product" p ON p."id" = o."productId"
    WHERE o."id" = $1 AND r."tokenHash" = $2`,
};

/**
 * The status of one of the reader's orders. Every open paywall polls this every 2 s, so it is
 * answered from the order status cache when it can be, else by one prepared statement
 * (docs/performance.md). Someone else's order is reported as missing, so order ids cannot be
 * probed. A pending order past its window is expired here, lazily (its HandCash request is then
 * closed by a worker job).
 */
export async function getOrderStatus({ orderId, readerTokenHash, isFresh = false }: GetOrderStatusOptions): Promise<OrderStatusView> {
  if (!readerTokenHash || !ORDER_ID_SHAPE.test(orderId)) throw new AppError("NOT_FOUND", "No such order.");
  const cache = orderStatusCache<OrderStatusRow>();
  const read = async () => (await queryPrepared<OrderStatusRow>(READ_ORDER_STATUS, [orderId, readerTokenHash]))[0] ?? null;
  if (isFresh) cache.forget(orderId);
  let order = await cache.get(orderId, readerTokenHash, read);
  if (order?.status === "PENDING" && order.expiresAt.getTime() <= Date.now()) {
    // Its HandCash request is closed by the job this queues, so the poll never waits on HandCash.
    await recordOrderExpiry({ orderId: order.id, event: "PAYMENT_WINDOW_ELAPSED", actor: "system" });
    cache.forget(orderId);
    order = await read();
  }
  if (!order) throw new AppError("NOT_FOUND", "No such order.");
  return {
    orderId: order.id,
    status: toOrderStatusName(order.status),
    productSlug: order.slug,
    paidAt: order.paidAt?.toISOString() ?? null,
    expiresAt: order.expiresAt.toISOString(),
  };
}
