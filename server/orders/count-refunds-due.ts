import "server-only";
import { db } from "@/server/db";

/** Orders with a payment flagged for a refund that the owner has not yet marked refunded (any age). */
export async function countRefundsDue(): Promise<number> {
  return db.order.count({ where: { refundReason: { not: null }, refundedAt: null } });
}
