import "server-only";
import type { OrderStatus } from "@/generated/prisma/enums";
import { db } from "@/server/db";

export interface GetOrderFunnelOptions {
  /** Orders created from this moment on are counted. */
  since: Date;
}

export interface OrderFunnel {
  created: number;
  byStatus: Record<OrderStatus, number>;
  /** Paid ÷ created, 0..1; null with no orders. */
  conversion: number | null;
  /** Median seconds from order creation to payment, over the paid ones; null with none. */
  medianSecondsToPay: number | null;
}

/** How orders started in the window ended up: by status, the share that was paid, and how fast. */
export async function getOrderFunnel({ since }: GetOrderFunnelOptions): Promise<OrderFunnel> {
  const [groups, [median]] = await Promise.all([
    db.order.groupBy({ by: ["status"], where: { createdAt: { gte: since } }, _count: { _all: true } }),
    db.$queryRaw<{ seconds: number | null }[]>`
      SELECT (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ("paidAt" - "createdAt")))):: float8 AS "seconds"
      FROM "Order"
      WHERE "status" = 'PAID' AND "paidAt" IS NOT NULL AND "createdAt" >= ${since}`,
  ]);
  const byStatus: Record<OrderStatus, number> = { PENDING: 0, PAID: 0, NEEDS_REVIEW: 0, EXPIRED: 0, FAILED: 0 };
  for (const group of groups) byStatus[group.status] = group._count._all;
  const created = Object.values(byStatus).reduce((sum, count) => sum + count, 0);
  return {
    created,
    byStatus,
    conversion: created === 0 ? null : byStatus.PAID / created,
    medianSecondsToPay: median?.seconds ?? null,
  };
}
