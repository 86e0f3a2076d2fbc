import { describe, expect, it } from "vitest";
import { OrderStatus } from "@/generated/prisma/enums";
import { nextOrderStatus, ORDER_TRANSITIONS, type OrderTransitionEvent } from "@/server/ledger/order-transitions";
import { db, randomHex } from "../helpers";

// The state machine lives in PostgreSQL (prisma/routines/010-order-state-machine.sql) and in
// server/ledger/order-transitions.ts: these tests hold the two to each other, and the trigger to both.

const STATUSES = Object.values(OrderStatus);
const EVENTS = [...new Set(ORDER_TRANSITIONS.map((transition) => transition.event))];

async function insertPendingOrder(): Promise<string> {
  const product = await db.product.create({
    data: { slug: `p-${randomHex(4)}`, title: "A product", summary: "s", preview: "p", body: "b", priceAmount: 100, currency: "USD", published: true },
  });
  const reader = await db.reader.create({ data: { tokenHash: randomHex(32) } });
  const order = await db.order.create({
    data: { readerId: reader.id, productId: product.id, amount: 100, currency: "USD", productTitle: product.title, expiresAt: new Date(Date.now() + 60_000) },
  });
  return order.id;
}

/** A raw UPDATE, as any writer could send it; the SQLSTATE when PostgreSQL refuses it. */
async function moveOrder(orderId: string, status: OrderStatus): Promise<string | null> {
  try {
    await db.$executeRaw`UPDATE "Order" SET "status" = ${status}::"OrderStatus" WHERE "id" = ${orderId}`;
    return null;
  } catch (error) {
    const { meta } = error as { meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } };
    return meta?.driverAdapterError?.cause?.originalCode ?? (error as Error).message;
  }
}

describe("the order state machine in PostgreSQL", () => {
  it("has exactly the transitions of order-transitions.ts", async () => {
    const rows = await db.$queryRaw<{ event: string; from: string; to: string }[]>`
      SELECT event, from_status::text AS "from", to_status::text AS "to" FROM tollgate_order_transitions()`;
    const key = (t: { event: string; from: string; to: string }) => `${t.event}: ${t.from} → ${t.to}`;
    expect(rows.map(key).sort()).toEqual(ORDER_TRANSITIONS.map(key).sort());
  });

  it("answers tollgate_next_order_status as nextOrderStatus does, for every status and event", async () => {
    for (const status of STATUSES) {
      for (const event of [...EVENTS, "NO_SUCH_EVENT"]) {
        const [row] = await db.$queryRaw<{ next: string | null }[]>`SELECT tollgate_next_order_status(${status}::"OrderStatus", ${event})::text AS "next"`;
        expect(row?.next ?? null, `${status} + ${event}`).toBe(nextOrderStatus(status, event as OrderTransitionEvent));
      }
    }
  });

  it.each(STATUSES)("lets an order leave %s only along the table's edges, whoever writes it", async (from) => {
    for (const to of STATUSES) {
      if (to === from) continue;
      const orderId = await insertPendingOrder();
      if (from !== "PENDING") expect(await moveOrder(orderId, from)).toBeNull();
      const isEdge = ORDER_TRANSITIONS.some((transition) => transition.from === from && transition.to === to);
      const refusal = await moveOrder(orderId, to);
      expect(refusal, `${from} → ${to}`).toBe(isEdge ? null : "23514");
      const { status } = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } });
      expect(status).toBe(isEdge ? to : from);
    }
  });

  it("refuses an order created in any status but PENDING", async () => {
    const orderId = await insertPendingOrder();
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    for (const status of STATUSES.filter((candidate) => candidate !== "PENDING")) {
      await expect(
        db.order.create({
          data: { readerId: order.readerId, productId: order.productId, amount: 1, currency: "USD", productTitle: "x", expiresAt: new Date(), status },
        }),
      ).rejects.toThrow(/created PENDING/);
    }
  });

  it("lets other columns change without a move", async () => {
    const orderId = await insertPendingOrder();
    await moveOrder(orderId, "PAID");
    await db.order.update({ where: { id: orderId }, data: { reviewReason: "kept for the record", status: "PAID" } });
    expect(await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { reviewReason: true } })).toEqual({ reviewReason: "kept for the record" });
  });
});
