import "server-only";
import { db } from "@/server/db";
import { REJECTED_WEBHOOKS_COUNTER_KEY, REJECTED_WEBHOOKS_KEPT_PER_MINUTE } from "@/server/payments/record-rejected-webhook";
import { WEBHOOK_INBOX_PAGE_SIZE } from "@/server/webhooks/list-webhook-events";

export interface ListRejectedWebhooksOptions {
  page: number;
}

/** Deliveries refused before authentication (wrong secret, bad shape, too large), newest first. */
export async function listRejectedWebhooks({ page }: ListRejectedWebhooksOptions) {
  const [total, rows] = await Promise.all([
    db.rejectedWebhook.count(),
    db.rejectedWebhook.findMany({
      orderBy: [{ receivedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * WEBHOOK_INBOX_PAGE_SIZE,
      take: WEBHOOK_INBOX_PAGE_SIZE,
    }),
  ]);
  return { total, pageCount: Math.max(1, Math.ceil(total / WEBHOOK_INBOX_PAGE_SIZE)), rows };
}

/**
 * Refused deliveries counted but not listed, because more than REJECTED_WEBHOOKS_KEPT_PER_MINUTE
 * came in one minute; over the counters' lifetime (the last 24 hours).
 */
export async function countUnlistedRejectedWebhooks(): Promise<number> {
  const [row] = await db.$queryRaw<{ unlisted: number }[]>`
    SELECT COALESCE(SUM("count" - ${REJECTED_WEBHOOKS_KEPT_PER_MINUTE}), 0)::int AS "unlisted"
    FROM "RateLimitCounter"
    WHERE "key" = ${REJECTED_WEBHOOKS_COUNTER_KEY} AND "count" > ${REJECTED_WEBHOOKS_KEPT_PER_MINUTE}`;
  return row?.unlisted ?? 0;
}
