import "server-only";
import type { OrderListQuery } from "@/lib/schemas/admin-orders";
import { db } from "@/server/db";
import { buildOrderFilter, buildOrderSort } from "@/server/orders/build-order-filter";

export const ADMIN_ORDERS_PAGE_SIZE = 25;

export interface ListOrdersForAdminOptions {
  query: OrderListQuery;
}

export const ADMIN_ORDER_ROW_SELECT = {
  id: true,
  createdAt: true,
  paidAt: true,
  status: true,
  amount: true,
  currency: true,
  productTitle: true,
  productId: true,
  paymentRequestId: true,
  refundReason: true,
  refundedAt: true,
  product: { select: { slug: true } },
  payments: { orderBy: { createdAt: "asc" }, select: { transactionId: true, payerPaymail: true } },
} as const;

/** One page of orders for the admin table, with the total for the pager. */
export async function listOrdersForAdmin({ query }: ListOrdersForAdminOptions) {
  const where = buildOrderFilter(query);
  const [total, rows] = await Promise.all([
    db.order.count({ where }),
    db.order.findMany({
      where,
      orderBy: buildOrderSort(query.sort, query.dir),
      skip: (query.page - 1) * ADMIN_ORDERS_PAGE_SIZE,
      take: ADMIN_ORDERS_PAGE_SIZE,
      select: ADMIN_ORDER_ROW_SELECT,
    }),
  ]);
  return { total, pageCount: Math.max(1, Math.ceil(total / ADMIN_ORDERS_PAGE_SIZE)), rows };
}

export type AdminOrderRow = Awaited<ReturnType<typeof listOrdersForAdmin>>["rows"][number];
