import { describe, expect, it, vi } from "vitest";
import { startWorker } from "@/server/jobs/worker";
import { countRows, createPaidOrder, db } from "../helpers";

describe("the reconciliation worker (graphile-worker)", () => {
  it("recovers a payment whose webhook was lost, and keeps a single sweep scheduled across restarts", async () => {
    const order = await createPaidOrder();

    const { runner } = await startWorker();
    try {
      await vi.waitFor(async () => expect((await db.order.findUniqueOrThrow({ where: { id: order.orderId } })).status).toBe("PAID"), {
        timeout: 20_000,
        interval: 250,
      });
    } finally {
      await runner.stop();
    }
    // A second start (a restart) must not add a second sweep.
    const { runner: restarted } = await startWorker();
    await restarted.stop();

    const [sweeps] = await db.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM graphile_worker.jobs WHERE task_identifier = 'reconcile-sweep'`;
    expect(sweeps?.count).toBe(1n);
    expect(await countRows()).toMatchObject({ payments: 1, entitlements: 1, paidOrders: 1 });
  });
});
