import "server-only";
import { db } from "@/server/db";
import { lockOrderOrThrow } from "@/server/ledger/lock-order";
import { recordOrderEvent } from "@/server/ledger/record-order-event";

/**
 * Puts "fulfilled" on the order's timeline, once: the last of its fulfilment jobs calls this, and two
 * finishing together take turns on the order's row lock, so the second sees the first's entry.
 * True when this call wrote it.
 */
export async function recordOrderFulfilled({ orderId, kinds }: { orderId: string; kinds: string[] }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    await lockOrderOrThrow(tx, orderId);
    const existing = await tx.orderEvent.findFirst({ where: { orderId, type: "FULFILLED" }, select: { id: true } });
    if (existing) return false;
    await recordOrderEvent({ tx, orderId, type: "FULFILLED", actor: "worker", detail: { kinds } });
    return true;
  });
}
