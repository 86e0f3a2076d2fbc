import { afterAll, beforeAll, expect, test } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import {
  type ApiOrder,
  attemptWebhook,
  buildGenuineWebhook,
  controlStack,
  createOrdersThroughApi,
  createRandom,
  expectAllPaidThroughApi,
  mapWithConcurrency,
  openTestDatabase,
  payInEmulator,
  type PostedWebhook,
  readOrderOutcomes,
  readStatusesThroughApi,
  restoreStack,
  shuffle,
} from "./fault-driver";

const ORDER_COUNT = 100;
const DELIVERY_COUNT = 500;
/** 30% of the deliveries are copies fired at the same moment as their original. */
const CONCURRENT_COPY_COUNT = Math.round(DELIVERY_COUNT * 0.3);
const CONCURRENCY = 20;
const SEED = 20_261_127;

let db: PrismaClient;
beforeAll(async () => {
  await restoreStack();
  db = openTestDatabase();
  // The worker would record some of these lost payments itself; here the webhooks alone must do it.
  await controlStack("worker/stop");
});
afterAll(async () => {
  await controlStack("worker/start");
  await db.$disconnect();
});

interface DeliveryGroup {
  order: ApiOrder;
  transactionId: string;
  /** Identical deliveries sent at once. */
  copies: number;
}

/**
 * One group per order holding its original and its concurrent copies, then single re-deliveries,
 * each placed at a random point after its order's original group: the shape of HandCash retrying
 * while an earlier attempt may still be in progress.
 */
function planStorm(orders: ApiOrder[], transactionIds: Map<string, string>): DeliveryGroup[] {
  const random = createRandom(SEED);
  const pickOrder = () => orders[Math.floor(random() * orders.length)]!;
  const copiesPerOrder = new Map(orders.map((order) => [order.orderId, 1]));
  for (let i = 0; i < CONCURRENT_COPY_COUNT; i++) {
    const { orderId } = pickOrder();
    copiesPerOrder.set(orderId, copiesPerOrder.get(orderId)! + 1);
  }
  const group = (order: ApiOrder, copies: number): DeliveryGroup => ({ order, transactionId: transactionIds.get(order.orderId)!, copies });
  const plan = shuffle(orders, random).map((order) => group(order, copiesPerOrder.get(order.orderId)!));

  const redeliveryCount = DELIVERY_COUNT - ORDER_COUNT - CONCURRENT_COPY_COUNT;
  for (let i = 0; i < redeliveryCount; i++) {
    const order = pickOrder();
    const originalAt = plan.findIndex((candidate) => candidate.order === order);
    plan.splice(originalAt + 1 + Math.floor(random() * (plan.length - originalAt)), 0, group(order, 1));
  }
  return plan;
}

/** Fires groups while at most CONCURRENCY requests are in flight; a group's copies leave together. */
async function fireStorm(plan: DeliveryGroup[]): Promise<Array<PostedWebhook & { orderId: string }>> {
  const results: Array<PostedWebhook & { orderId: string }> = [];
  let inFlight = 0;
  const waiters: Array<() => void> = [];
  const release = (count: number) => {
    inFlight -= count;
    waiters.shift()?.();
  };
  for (const { order, transactionId, copies } of plan) {
    while (inFlight + copies > CONCURRENCY) await new Promise<void>((resolve) => waiters.push(resolve));
    inFlight += copies;
    const body = buildGenuineWebhook(order, transactionId);
    void Promise.all(Array.from({ length: copies }, () => attemptWebhook(body))).then((posted) => {
      results.push(...posted.map((result) => ({ ...result, orderId: order.orderId })));
      release(copies);
    });
  }
  while (inFlight > 0) await new Promise<void>((resolve) => waiters.push(resolve));
  return results;
}

test("storm: 500 genuine deliveries for 100 paid orders (30% concurrent copies) record each payment exactly once", async () => {
  const orders = await createOrdersThroughApi(db, ORDER_COUNT);
  const transactionIds = new Map(
    await mapWithConcurrency(orders, 8, async (order) => [order.orderId, await payInEmulator(order.paymentRequestId, "lost")] as const),
  );
  const plan = planStorm(orders, transactionIds);
  expect(plan.reduce((sum, { copies }) => sum + copies, 0)).toBe(DELIVERY_COUNT);
  expect(plan.filter(({ copies }) => copies > 1).reduce((sum, { copies }) => sum + copies - 1, 0)).toBe(CONCURRENT_COPY_COUNT);

  // The readers' paywalls poll throughout, so their statuses are cached while payments land.
  expect(new Set(Object.values(await readStatusesThroughApi(orders)))).toEqual(new Set(["pending"]));
  let isStormOver = false;
  const paywalls = (async () => {
    while (!isStormOver) await readStatusesThroughApi(orders);
  })();
  const results = await fireStorm(plan);
  isStormOver = true;
  await paywalls;

  expect(results).toHaveLength(DELIVERY_COUNT);
  const statuses: Record<number, number> = {};
  for (const { status } of results) statuses[status] = (statuses[status] ?? 0) + 1;
  expect(statuses).toEqual({ 200: DELIVERY_COUNT });
  const outcomes = new Set(results.map(({ body }) => (JSON.parse(body) as { outcome: string }).outcome));
  expect([...outcomes].every((outcome) => outcome === "recorded" || outcome === "duplicate")).toBe(true);

  const orderIds = orders.map((order) => order.orderId);
  const outcomesByOrder = await readOrderOutcomes(db, orderIds);
  expect(outcomesByOrder).toHaveLength(ORDER_COUNT);
  for (const outcome of outcomesByOrder) {
    expect(outcome).toEqual({ orderId: outcome.orderId, status: "PAID", payments: [transactionIds.get(outcome.orderId)], hasEntitlement: true, paidEvents: 1 });
  }
  expect(await db.payment.count({ where: { orderId: { in: orderIds } } })).toBe(ORDER_COUNT);
  expect(await db.entitlement.count({ where: { orderId: { in: orderIds } } })).toBe(ORDER_COUNT);

  // Every delivery is kept, and exactly one per order recorded the payment.
  const events = await db.webhookEvent.groupBy({ by: ["outcome"], where: { orderId: { in: orderIds } }, _count: true });
  expect(Object.fromEntries(events.map(({ outcome, _count }) => [outcome, _count]))).toEqual({
    RECORDED: ORDER_COUNT,
    DUPLICATE: DELIVERY_COUNT - ORDER_COUNT,
  });
  expect(results.filter(({ body }) => body.includes('"recorded"'))).toHaveLength(ORDER_COUNT);
  await expectAllPaidThroughApi(orders);
});
