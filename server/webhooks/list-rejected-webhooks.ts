import "server-only";
import { db } from "@/server/db";
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
