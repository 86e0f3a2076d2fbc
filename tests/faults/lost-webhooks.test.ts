import { afterAll, beforeAll, expect, test } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { FAULT_RECONCILE_INTERVAL_SECONDS } from "./fault-config";
import {
  appUrl,
  createOrdersThroughApi,
  listEmulatorDeliveries,
  mapWithConcurrency,
  openTestDatabase,
  payInEmulator,
  pollUntil,
  readOrderOutcomes,
  restoreStack,
} from "./fault-driver";

const ORDER_COUNT = 10;

let db: PrismaClient;
beforeAll(async () => {
  await restoreStack();
  db = openTestDatabase();
});
afterAll(async () => {
  await db.$disconnect();
});

test("lost webhooks: payments whose webhook never comes are recorded by the worker's reconciliation", async () => {
  const orders = await createOrdersThroughApi(db, ORDER_COUNT);
  const transactionIds = new Map(
    await mapWithConcurrency(orders, 4, async (order) => [order.orderId, await payInEmulator(order.paymentRequestId, "lost")] as const),
  );
  const orderIds = orders.map((order) => order.orderId);

  // A sweep every interval, a job poll, then HandCash's answer: a few intervals is plenty.
  const outcomes = await pollUntil(
    () => readOrderOutcomes(db, orderIds),
    (current) => current.every((outcome) => outcome.status === "PAID"),
    { timeoutMs: FAULT_RECONCILE_INTERVAL_SECONDS * 1000 * 8, intervalMs: 500 },
  );

  for (const outcome of outcomes) {
    expect(outcome).toEqual({ orderId: outcome.orderId, status: "PAID", payments: [transactionIds.get(outcome.orderId)], hasEntitlement: true, paidEvents: 1 });
  }
  expect(await db.orderEvent.count({ where: { orderId: { in: orderIds }, type: "PAID", actor: "reconciler" } })).toBe(ORDER_COUNT);
  expect(await db.webhookEvent.count({ where: { orderId: { in: orderIds } } })).toBe(0);
  for (const order of orders) {
    const deliveries = await listEmulatorDeliveries(order.paymentRequestId);
    expect(deliveries.map(({ state, attemptCount }) => ({ state, attemptCount }))).toEqual([{ state: "lost", attemptCount: 0 }]);
  }

  // The reader's page learns it through the same polling endpoint as after a webhook.
  const [first] = orders;
  const response = await fetch(`${appUrl}/api/orders/${first!.orderId}`, { headers: { cookie: first!.cookie } });
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ orderId: first!.orderId, status: "paid" });
});
