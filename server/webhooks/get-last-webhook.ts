import "server-only";
import { db } from "@/server/db";

/** The most recent delivery of each kind, for the settings page's health panel. */
export async function getLastWebhook() {
  const [accepted, rejected] = await Promise.all([
    db.webhookEvent.findFirst({ orderBy: { receivedAt: "desc" }, select: { receivedAt: true, outcome: true, orderId: true } }),
    db.rejectedWebhook.findFirst({ orderBy: { receivedAt: "desc" }, select: { receivedAt: true, httpStatus: true, reason: true } }),
  ]);
  return { accepted, rejected };
}
