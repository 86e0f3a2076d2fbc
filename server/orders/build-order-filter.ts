import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { OrderListQuery, OrderSortKey } from "@/lib/schemas/admin-orders";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The Prisma `where` for the orders table and its CSV export. Dates are whole UTC days, `to`
 * included. The search box matches an order id, payment request id or transaction id exactly
 * (ids are typed or pasted whole), and a payer paymail by substring, case-insensitively.
 */
export function buildOrderFilter(query: Pick<OrderListQuery, "status" | "refund" | "product" | "from" | "to" | "q">): Prisma.OrderWhereInput {
  const where: Prisma.OrderWhereInput = {};
  if (query.status) where.status = query.status;
  if (query.refund === "due") Object.assign(where, { refundReason: { not: null }, refundedAt: null });
  if (query.product) where.productId = query.product;
  if (query.from || query.to) {
    where.createdAt = {
      ...(query.from ? { gte: new Date(`${query.from}T00:00:00.000Z`) } : {}),
      ...(query.to ? { lt: new Date(Date.parse(`${query.to}T00:00:00.000Z`) + DAY_MS) } : {}),
    };
  }
  if (query.q) {
    const q = query.q;
    where.OR = [
      { id: q },
      { paymentRequestId: q },
      { payments: { some: { transactionId: q } } },
      { payments: { some: { payerPaymail: { contains: q.replace(/^\$/, ""), mode: "insensitive" } } } },
    ];
  }
  return where;
}

/** Sorting with the id as a tie-breaker, so pages never repeat or skip rows. */
export function buildOrderSort(sort: OrderSortKey, dir: "asc" | "desc"): Prisma.OrderOrderByWithRelationInput[] {
  const primary: Prisma.OrderOrderByWithRelationInput =
    sort === "paidAt"
      ? { paidAt: { sort: dir, nulls: "last" } }
      : sort === "amount"
        ? { amount: dir }
        : sort === "status"
          ? { status: dir }
          : sort === "product"
            ? { productTitle: dir }
            : { createdAt: dir };
  return [primary, { createdAt: "desc" }, { id: "asc" }];
}
