import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { type DbClient, db } from "@/server/db";

export interface RecordAuditLogOptions {
  /** Pass the transaction of the change, so the change and its audit row commit together. */
  tx?: DbClient;
  actorEmail: string;
  /** Dotted verb: "product.update", "order.expire"… */
  action: string;
  targetType: "product" | "order" | "webhook_event";
  targetId: string;
  reason?: string | null;
  detail?: Prisma.InputJsonValue;
}

export async function recordAuditLog({ tx = db, actorEmail, action, targetType, targetId, reason, detail }: RecordAuditLogOptions): Promise<void> {
  await tx.auditLog.create({ data: { actorEmail, action, targetType, targetId, reason: reason ?? null, detail } });
}
