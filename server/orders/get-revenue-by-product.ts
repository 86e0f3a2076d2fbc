import "server-only";
import type { CurrencyCode } from "@/lib/money";
import { db } from "@/server/db";

export interface GetRevenueByProductOptions {
  /** Start of the recent window (the all-time column ignores it). */
  since: Date;
}

export interface ProductRevenue {
  productId: string;
  title: string;
  currency: CurrencyCode;
  recentAmount: number;
  recentOrders: number;
  totalAmount: number;
  totalOrders: number;
}

/** Paid revenue per product and currency, recent and all-time, best sellers first. */
export async function getRevenueByProduct({ since }: GetRevenueByProductOptions): Promise<ProductRevenue[]> {
  const rows = await db.$queryRaw<
    { productId: string; title: string; currency: CurrencyCode; recentAmount: bigint; recentOrders: number; totalAmount: bigint; totalOrders: number }[]
  >`
    SELECT o."productId", p."title", o."currency"::text AS "currency",
           coalesce(sum(o."amount") FILTER (WHERE o."paidAt" >= ${since}), 0)::bigint AS "recentAmount",
           (count(*) FILTER (WHERE o."paidAt" >= ${since}))::int AS "recentOrders",
           sum(o."amount")::bigint AS "totalAmount",
           count(*)::int AS "totalOrders"
    FROM "Order" o JOIN "Product" p ON p."id" = o."productId"
    WHERE o."status" = 'PAID'
    GROUP BY o."productId", p."title", o."currency"
    ORDER BY "recentOrders" DESC, "totalOrders" DESC, p."title" ASC`;
  return rows.map((row) => ({ ...row, recentAmount: Number(row.recentAmount), totalAmount: Number(row.totalAmount) }));
}
