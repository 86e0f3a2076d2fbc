import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { ProductListQuery } from "@/lib/schemas/products";
import { db } from "@/server/db";

export const ADMIN_PRODUCTS_PAGE_SIZE = 25;

export interface ListProductsForAdminOptions {
  query: ProductListQuery;
}

/** Every product, drafts included, with order counts; never the premium body. */
export async function listProductsForAdmin({ query }: ListProductsForAdminOptions) {
  const orderBy: Prisma.ProductOrderByWithRelationInput[] = [
    query.sort === "title"
      ? { title: query.dir }
      : query.sort === "price"
        ? { priceAmount: query.dir }
        : query.sort === "orders"
          ? { orders: { _count: query.dir } }
          : { updatedAt: query.dir },
    { id: "asc" },
  ];
  const [total, rows] = await Promise.all([
    db.product.count(),
    db.product.findMany({
      orderBy,
      skip: (query.page - 1) * ADMIN_PRODUCTS_PAGE_SIZE,
      take: ADMIN_PRODUCTS_PAGE_SIZE,
      select: {
        id: true,
        slug: true,
        title: true,
        priceAmount: true,
        currency: true,
        published: true,
        updatedAt: true,
        _count: { select: { orders: true } },
      },
    }),
  ]);
  const paid = await db.order.groupBy({ by: ["productId"], where: { productId: { in: rows.map((row) => row.id) }, status: "PAID" }, _count: { _all: true } });
  const paidByProduct = new Map(paid.map((group) => [group.productId, group._count._all]));
  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / ADMIN_PRODUCTS_PAGE_SIZE)),
    rows: rows.map(({ _count, ...product }) => ({ ...product, orderCount: _count.orders, paidOrderCount: paidByProduct.get(product.id) ?? 0 })),
  };
}

export type AdminProductRow = Awaited<ReturnType<typeof listProductsForAdmin>>["rows"][number];
