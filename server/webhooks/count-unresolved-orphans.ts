import "server-only";
import { db } from "@/server/db";

/** Orphan deliveries still waiting for an owner (or the reconciler) to match them. */
export async function countUnresolvedOrphans(): Promise<number> {
  return db.webhookEvent.count({ where: { outcome: "ORPHAN", resolvedAt: null } });
}
