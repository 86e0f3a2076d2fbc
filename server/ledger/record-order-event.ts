import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { OrderEventType } from "@/generated/prisma/enums";
import { type DbClient, db } from "@/server/db";

export interface RecordOrderEventOptions {
  tx?: DbClient;
  orderId: string;
  type: OrderEventType;
  /** "system", "webhook", "reconciler" or "admin:<email>". */
  actor: string;
  reason?: string;
  detail?: Prisma.InputJsonValue;
}

/** Appends one step to the order's timeline; pass `tx` to make it part of the change it describes. */
export async function recordOrderEvent({ tx = db, orderId, type, actor, reason, detail }: RecordOrderEventOptions): Promise<void> {
  await tx.orderEvent.create({ data: { orderId, type, actor, reason, detail } });
}
