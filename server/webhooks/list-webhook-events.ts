import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { WebhookOutcomeValue } from "@/lib/schemas/admin-orders";
import { db } from "@/server/db";

export const WEBHOOK_INBOX_PAGE_SIZE = 25;

export interface ListWebhookEventsOptions {
  outcome?: WebhookOutcomeValue;
  /** Only orphans nobody has dealt with yet. */
  isUnresolvedOrphansOnly?: boolean;
  page: number;
}

/** Authenticated deliveries, newest first, with their stored (secret-free) payload. */
export async function listWebhookEvents({ outcome, isUnresolvedOrphansOnly = false, page }: ListWebhookEventsOptions) {
  const where: Prisma.WebhookEventWhereInput = isUnresolvedOrphansOnly ? { outcome: "ORPHAN", resolvedAt: null } : outcome ? { outcome } : {};
  const [total, rows] = await Promise.all([
    db.webhookEvent.count({ where }),
    db.webhookEvent.findMany({
      where,
      orderBy: [{ receivedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * WEBHOOK_INBOX_PAGE_SIZE,
      take: WEBHOOK_INBOX_PAGE_SIZE,
    }),
  ]);
  return { total, pageCount: Math.max(1, Math.ceil(total / WEBHOOK_INBOX_PAGE_SIZE)), rows };
}

export type WebhookEventRow = Awaited<ReturnType<typeof listWebhookEvents>>["rows"][number];
