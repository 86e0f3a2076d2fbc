import "server-only";
import type { CurrencyCode } from "@/lib/money";
import { db } from "@/server/db";

export interface GetRevenueByDayOptions {
  days: number;
  now?: Date;
}

export interface RevenueDay {
  /** UTC day, "2026-11-27". */
  day: string;
  amount: number;
  orders: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Paid revenue per UTC day (by payment time) over the last `days` days including today, one
 * zero-filled series per currency that sold anything. Currencies are never added together.
 */
export async function getRevenueByDay({
  days,
  now = new Date(),
}: GetRevenueByDayOptions): Promise<{ currency: CurrencyCode; days: RevenueDay[]; total: number }[]> {
  const dayKeys = lastDays(days, now);
  const since = new Date(`${dayKeys[0]}T00:00:00.000Z`);
  const rows = await db.$queryRaw<{ day: string; currency: CurrencyCode; amount: bigint; orders: number }[]>`
    SELECT to_char(date_trunc('day', "paidAt"), 'YYYY-MM-DD') AS "day", "currency"::text AS "currency",
           sum("amount")::bigint AS "amount", count(*)::int AS "orders"
    FROM "Order"
    WHERE "status" = 'PAID' AND "paidAt" >= ${since}
    GROUP BY 1, 2`;
  const byCurrency = new Map<CurrencyCode, Map<string, { amount: number; orders: number }>>();
  for (const row of rows) {
    const series = byCurrency.get(row.currency) ?? new Map();
    series.set(row.day, { amount: Number(row.amount), orders: row.orders });
    byCurrency.set(row.currency, series);
  }
  return [...byCurrency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, series]) => {
      const filled = dayKeys.map((day) => ({ day, amount: series.get(day)?.amount ?? 0, orders: series.get(day)?.orders ?? 0 }));
      return { currency, days: filled, total: filled.reduce((sum, day) => sum + day.amount, 0) };
    });
}

/** The last `count` UTC days, oldest first, as "YYYY-MM-DD". */
export function lastDays(count: number, now: Date): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: count }, (_, index) => new Date(today - (count - 1 - index) * DAY_MS).toISOString().slice(0, 10));
}
