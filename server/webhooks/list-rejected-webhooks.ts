import "server-only";
import { db } from "@/server/db";
import { REJECTED_WEBHOOKS_COUNTER_KEY, REJECTED_WEBHOOKS_KEPT_PER_MINUTE } from "@/server/payments/record-rejected-webhook";
import { countHitsOverLimit } from "@/server/security/rate-limit";
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
  return countHitsOverLimit({ key: REJECTED_WEBHOOKS_COUNTER_KEY, limit: REJECTED_WEBHOOKS_KEPT_PER_MINUTE });
}
