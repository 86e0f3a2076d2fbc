import { describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/webhooks/handcash/route";
import type { FulfilmentHandler, PaidOrder } from "@/server/fulfilment/fulfilment-handlers";
import { runFulfilment } from "@/server/fulfilment/fulfil-order";
import { startWorker } from "@/server/jobs/worker";
import { lockOrderOrThrow } from "@/server/ledger/lock-order";
import { recordPayment } from "@/server/ledger/record-payment";
import { verifyPayment } from "@/server/payments/verify-payment";
import { createPaidOrder, db, jsonRequest, webhookBody } from "../helpers";

const WEBHOOK_URL = "http://localhost:3999/api/webhooks/handcash";

async function deliver(body: unknown): Promise<number> {
  return (await POST(jsonRequest(WEBHOOK_URL, body))).status;
}

async function queuedJobs(task: string) {
  // The public `jobs` view leaves the payload out.
  return db.$queryRaw<{ key: string | null; payload: unknown }[]>`
    SELECT j.key, j.payload::jsonb AS payload FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE t.identifier = ${task}`;
}

/** A handler of the kind issue-specific fulfilments are (an email, a shipment), that records each call. */
function recordingHandler(kind: string, { failures = 0, appliesTo = () => true }: { failures?: number; appliesTo?: (order: PaidOrder) => boolean } = {}) {
  const calls: string[] = [];
  let remainingFailures = failures;
  const handler: FulfilmentHandler = {
    kind,
    appliesTo,
    async fulfil(order) {
      calls.push(order.id);
      if (remainingFailures-- > 0) throw new Error(`${kind} is down`);
    },
  };
  return { handler, calls };
}

async function timelineTypes(orderId: string) {
  return (await db.orderEvent.findMany({ where: { orderId }, orderBy: { createdAt: "asc" } })).map((event) => event.type);
}

describe("fulfilment beyond access", () => {
  it("is queued by the payment's own transaction, once, however often the webhook comes", async () => {
    const order = await createPaidOrder();
    const body = webhookBody(order);
    expect(await deliver(body)).toBe(200);
    expect(await deliver(body)).toBe(200);
    expect(await queuedJobs("fulfil-order")).toEqual([{ key: `fulfil-order:${order.orderId}`, payload: { orderId: order.orderId } }]);
  });

  it("is not queued when the payment's transaction rolls back", async () => {
    const order = await createPaidOrder();
    const verification = await verifyPayment({ paymentRequestId: order.paymentRequestId, claimedTransactionId: order.transactionId });
    await expect(
      db.$transaction(async (tx) => {
        const locked = await lockOrderOrThrow(tx, order.orderId);
        await recordPayment({
          tx,
          order: locked,
          paymentRequestId: order.paymentRequestId,
          transactionId: order.transactionId,
          userData: {},
          paymentMethod: null,
          verification,
          actor: "webhook",
        });
        throw new Error("crash before commit");
      }),
    ).rejects.toThrow("crash before commit");
    expect(await queuedJobs("fulfil-order")).toEqual([]);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.orderId } })).status).toBe("PENDING");
  });

  it("runs every handler that applies once per paid order in the worker, retries a failing one, then marks the order fulfilled", async () => {
    const email = recordingHandler("test-email", { failures: 1 });
    const shipping = recordingHandler("test-shipping");
    const notForThisOrder = recordingHandler("test-never", { appliesTo: () => false });
    const order = await createPaidOrder();
    expect(await deliver(webhookBody(order))).toBe(200);

    const { runner } = await startWorker({ fulfilmentHandlers: [email.handler, shipping.handler, notForThisOrder.handler] });
    try {
      await vi.waitFor(async () => expect(await timelineTypes(order.orderId)).toContain("FULFILLED"), { timeout: 20_000, interval: 200 });
    } finally {
      await runner.stop();
    }
    expect(email.calls).toEqual([order.orderId, order.orderId]);
    expect(shipping.calls).toEqual([order.orderId]);
    expect(notForThisOrder.calls).toEqual([]);
    const rows = await db.fulfilment.findMany({ where: { orderId: order.orderId }, orderBy: { kind: "asc" } });
    expect(rows.map(({ kind, attempts, lastError, completedAt }) => ({ kind, attempts, lastError, isDone: completedAt !== null }))).toEqual([
      { kind: "test-email", attempts: 2, lastError: null, isDone: true },
      { kind: "test-shipping", attempts: 1, lastError: null, isDone: true },
    ]);
    const fulfilled = await db.orderEvent.findMany({ where: { orderId: order.orderId, type: "FULFILLED" } });
    expect(fulfilled).toHaveLength(1);
    expect(fulfilled[0]).toMatchObject({ actor: "worker", detail: { kinds: ["test-email", "test-shipping"] } });

    // A job delivered again (a crash after the handler's bookkeeping) does not do the work again.
    expect(await runFulfilment({ orderId: order.orderId, kind: "test-shipping", handlers: [shipping.handler] })).toBe("already_done");
    expect(shipping.calls).toHaveLength(1);
  });

  it("marks an order that needs nothing beyond access fulfilled as soon as its job runs", async () => {
    const order = await createPaidOrder();
    expect(await deliver(webhookBody(order))).toBe(200);
    const { runner } = await startWorker({ fulfilmentHandlers: [] });
    try {
      await vi.waitFor(
        async () =>
          expect(await timelineTypes(order.orderId)).toEqual(["CREATED", "PAYMENT_REQUEST_CREATED", "VERIFIED", "PAID", "ACCESS_GRANTED", "FULFILLED"]),
        {
          timeout: 20_000,
          interval: 200,
        },
      );
    } finally {
      await runner.stop();
    }
    expect(await db.fulfilment.count()).toBe(0);
  });
});
