import "server-only";
import { db } from "@/server/db";
import { log } from "@/server/log";

export interface RecordRejectedWebhookOptions {
  httpStatus: number;
  reason: string;
  ip: string;
  userAgent: string | null;
}

/**
 * Keeps a trace of a refused delivery (bad secret, bad shape, too large) for the owner's inbox:
 * status, reason, source and time only, never the body, which may hold a guessed or leaked secret.
 * Best effort: the refusal stands even if the database cannot record it.
 */
export async function recordRejectedWebhook({ httpStatus, reason, ip, userAgent }: RecordRejectedWebhookOptions): Promise<void> {
  try {
    await db.rejectedWebhook.create({ data: { httpStatus, reason: reason.slice(0, 200), ip: ip.slice(0, 100), userAgent: userAgent?.slice(0, 300) ?? null } });
  } catch (error) {
    log.warn({ event: "webhook.handcash.rejection_not_recorded", err: error }, "could not record a rejected webhook");
  }
}
