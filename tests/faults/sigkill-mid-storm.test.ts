import { afterAll, beforeAll, expect, test } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import {
  controlStack,
  createOrdersThroughApi,
  listEmulatorDeliveries,
  mapWithConcurrency,
  openTestDatabase,
  payInEmulator,
  pollUntil,
  readOrderOutcomes,
  readStackStatus,
  restoreStack,
} from "./fault-driver";

/** Paid at once before the kill, so many deliveries are in flight when the process dies. */
const PAID_BEFORE_KILL = 40;
/** Paid while the app is dead: each of their first attempts finds nobody listening. */
const PAID_WHILE_DEAD = 40;
/** Kill once this many payments have committed: part-way, with more being processed. */
const KILL_AFTER_RECORDED = 5;

let db: PrismaClient;
beforeAll(async () => {
  await restoreStack();
  db = openTestDatabase();
});
afterAll(async () => {
  await restoreStack();
  await db.$disconnect();
});

test("SIGKILL mid-storm: after a restart and the emulator's retries, every order is paid exactly once", async () => {
  const exitsBefore = (await readStackStatus()).unexpectedExits.length;
  const orders = await createOrdersThroughApi(db, PAID_BEFORE_KILL + PAID_WHILE_DEAD);
  const orderIds = orders.map((order) => order.orderId);
  const countPayments = () => db.payment.count({ where: { orderId: { in: orderIds } } });
  const transactionIds = new Map<string, string>();
  const pay = (batch: typeof orders) =>
    mapWithConcurrency(batch, batch.length, async (order) => {
      transactionIds.set(order.orderId, await payInEmulator(order.paymentRequestId, "normal"));
    });

  await pay(orders.slice(0, PAID_BEFORE_KILL));
  await pollUntil(countPayments, (count) => count >= KILL_AFTER_RECORDED, { timeoutMs: 30_000, intervalMs: 20 });
  await controlStack("app/kill");
  const committedBeforeKill = await countPayments();
  // The scenario needs a kill part-way: some payments committed, others interrupted or not yet sent.
  expect(committedBeforeKill).toBeGreaterThanOrEqual(KILL_AFTER_RECORDED);
  expect(committedBeforeKill).toBeLessThan(orders.length);

  await pay(orders.slice(PAID_BEFORE_KILL));
  await controlStack("app/start");

  const outcomes = await pollUntil(
    () => readOrderOutcomes(db, orderIds),
    (current) => current.every((outcome) => outcome.status === "PAID"),
    { timeoutMs: 60_000, intervalMs: 250 },
  );
  const readAllDeliveries = async () => (await Promise.all(orders.map((order) => listEmulatorDeliveries(order.paymentRequestId)))).flat();
  const deliveries = await pollUntil(readAllDeliveries, (current) => current.every(({ state }) => state === "delivered"), {
    timeoutMs: 60_000,
    intervalMs: 250,
  });

  for (const outcome of outcomes) {
    expect(outcome).toEqual({ orderId: outcome.orderId, status: "PAID", payments: [transactionIds.get(outcome.orderId)], hasEntitlement: true, paidEvents: 1 });
  }
  expect(await countPayments()).toBe(orders.length);
  expect(await db.entitlement.count({ where: { orderId: { in: orderIds } } })).toBe(orders.length);
  expect(deliveries).toHaveLength(orders.length);
  expect(deliveries.filter(({ state }) => state !== "delivered")).toEqual([]);
  // Proof the kill hit the storm: deliveries that found the app dead and were retried.
  const retried = deliveries.filter(({ attempts }) => attempts.length > 1);
  expect(retried.length).toBeGreaterThanOrEqual(PAID_WHILE_DEAD);
  // The suite killed the app on purpose; nothing else may have died meanwhile.
  expect((await readStackStatus()).unexpectedExits.slice(exitsBefore)).toEqual([]);
  console.log(`[sigkill] ${committedBeforeKill} payments committed before the kill; ${retried.length} deliveries needed retries`);
});
