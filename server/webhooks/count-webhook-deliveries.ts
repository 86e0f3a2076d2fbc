import "server-only";
import { db } from "@/server/db";

export const DELIVERY_SERIES = ["RECORDED", "DUPLICATE", "ORPHAN", "MISMATCH", "EXTRA_PAYMENT", "UNCONFIRMED", "REJECTED"] as const;
export type DeliverySeries = (typeof DELIVERY_SERIES)[number];

export interface CountWebhookDeliveriesOptions {
  /** Hourly buckets for "24h", daily ones otherwise. */
  range: "24h" | "14d" | "30d";
  now?: Date;
}

export interface DeliveryBucket {
  /** Start of the bucket, ISO (UTC). */
  start: string;
  counts: Record<DeliverySeries, number>;
}

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Deliveries per bucket by outcome, authenticated (WebhookEvent) and refused (RejectedWebhook,
 * as REJECTED), zero-filled so the chart shows quiet periods too. Buckets are UTC.
 */
export async function countWebhookDeliveries({ range, now = new Date() }: CountWebhookDeliveriesOptions): Promise<DeliveryBucket[]> {
  const isHourly = range === "24h";
  const size = isHourly ? HOUR_MS : DAY_MS;
  const count = isHourly ? 24 : range === "14d" ? 14 : 30;
  const last = Math.floor(now.getTime() / size) * size;
  const starts = Array.from({ length: count }, (_, index) => last - (count - 1 - index) * size);
  const since = new Date(starts[0]!);
  const unit = isHourly ? "hour" : "day";

  const rows = await db.$queryRaw<{ bucket: Date; series: string; count: number }[]>`
    SELECT date_trunc(${unit}, "receivedAt") AS "bucket", "outcome"::text AS "series", count(*)::int AS "count"
    FROM "WebhookEvent" WHERE "receivedAt" >= ${since} GROUP BY 1, 2
    UNION ALL
    SELECT date_trunc(${unit}, "receivedAt") AS "bucket", 'REJECTED' AS "series", count(*)::int AS "count"
    FROM "RejectedWebhook" WHERE "receivedAt" >= ${since} GROUP BY 1`;

  const buckets = new Map(starts.map((start) => [start, Object.fromEntries(DELIVERY_SERIES.map((series) => [series, 0])) as Record<DeliverySeries, number>]));
  for (const row of rows) {
    const counts = buckets.get(new Date(row.bucket).getTime());
    if (counts && (DELIVERY_SERIES as readonly string[]).includes(row.series)) counts[row.series as DeliverySeries] += row.count;
  }
  return starts.map((start) => ({ start: new Date(start).toISOString(), counts: buckets.get(start)! }));
}
