import "server-only";
import type { OrderStatusView } from "@/lib/schemas/orders";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { toOrderStatusName } from "@/server/orders/order-views";

export interface GetOrderStatusOptions {
  orderId: string;
  /** Hash of the reader's cookie token (hashReaderToken); null when the cookie is missing. */
  readerTokenHash: string | null;
}

const ORDER_STATUS_SELECT = { id: true, status: true, paidAt: true, expiresAt: true, product: { select: { slug: true } } } as const;

/**
 * The status of one of the reader's orders, in one query (this is what the paywall polls).
 * Someone else's order is reported as missing, so order ids cannot be probed. A pending order past
 * its window is expired here, lazily.
 */
export async function getOrderStatus({ orderId, readerTokenHash }: GetOrderStatusOptions): Promise<OrderStatusView> {
  if (!readerTokenHash) throw new AppError("NOT_FOUND", "No such order.");
  const where = { id: orderId, reader: { tokenHash: readerTokenHash } };
  let order = await db.order.findFirst({ where, select: ORDER_STATUS_SELECT });
  if (!order) throw new AppError("NOT_FOUND", "No such order.");

  if (order.status === "PENDING" && order.expiresAt.getTime() <= Date.now()) {
    // Conditional on PENDING, then re-read: a payment recorded meanwhile must win.
    await db.order.updateMany({ where: { id: order.id, status: "PENDING" }, data: { status: "EXPIRED" } });
    order = await db.order.findFirstOrThrow({ where, select: ORDER_STATUS_SELECT });
  }
  return {
    orderId: order.id,
    status: toOrderStatusName(order.status),
    productSlug: order.product.slug,
    paidAt: order.paidAt?.toISOString() ?? null,
    expiresAt: order.expiresAt.toISOString(),
  };
}
