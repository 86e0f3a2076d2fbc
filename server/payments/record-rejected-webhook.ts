import "server-only";
import { db } from "@/server/db";
import { log } from "@/server/log";
import { isWithinRateLimit } from "@/server/security/rate-limit";

export interface RecordRejectedWebhookOptions {
  httpStatus: number;
  reason: string;
  ip: string;
  userAgent: string | null;
}

/**
 * Refused deliveries kept one by one per minute, across all sources: anyone can POST to the webhook
 * URL, and a flood of forgeries must not grow the database without bound. Beyond this the refusals
 * are only counted (RateLimitCounter, kept a day), and the inbox says how many.
 */
export const REJECTED_WEBHOOKS_KEPT_PER_MINUTE = 60;
export const REJECTED_WEBHOOKS_COUNTER_KEY = "webhook-rejections:kept";
/** Refused deliveries are evidence for a while, not forever. */
export const REJECTED_WEBHOOK_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Keeps a trace of a refused delivery (bad secret, bad shape, too large) for the owner's inbox:
 * status, reason, source and time only, never the body, which may hold a guessed or leaked secret.
 * Best effort: the refusal stands even if the database cannot record it.
 */
export async function recordRejectedWebhook({ httpStatus, reason, ip, userAgent }: RecordRejectedWebhookOptions): Promise<void> {
  try {
    const isKept = await isWithinRateLimit({ key: REJECTED_WEBHOOKS_COUNTER_KEY, limit: REJECTED_WEBHOOKS_KEPT_PER_MINUTE, windowSeconds: 60 });
    if (!isKept) return;
    await db.rejectedWebhook.create({ data: { httpStatus, reason: reason.slice(0, 200), ip: ip.slice(0, 100), userAgent: userAgent?.slice(0, 300) ?? null } });
  } catch (error) {
    log.warn({ event: "webhook.handcash.rejection_not_recorded", err: error }, "could not record a rejected webhook");
  }
}

/** The worker's sweep calls this. */
export async function deleteOldRejectedWebhooks(olderThan: Date): Promise<number> {
  const { count } = await db.rejectedWebhook.deleteMany({ where: { receivedAt: { lt: olderThan } } });
  return count;
}
