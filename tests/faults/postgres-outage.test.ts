import { afterAll, beforeAll, expect, test } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { FAULT_RECONCILE_INTERVAL_SECONDS } from "./fault-config";
import {
  appUrl,
  attemptWebhook,
  buildGenuineWebhook,
  controlStack,
  createOrdersThroughApi,
  expectAllPaidThroughApi,
  mapWithConcurrency,
  openTestDatabase,
  payInEmulator,
  pollUntil,
  type PostedWebhook,
  readOrderOutcomes,
  readStackStatus,
  readStatusesThroughApi,
  restoreStack,
  sleep,
} from "./fault-driver";

const ORDER_COUNT = 40;
const COPIES_PER_ORDER = 2;
/** Deliveries start at a steady pace, so the storm is still arriving while the database is down. */
const ARRIVAL_INTERVAL_MS = 40;
/** Like HandCash, retry until exactly 200, with backoff; the cap only bounds a broken run. */
const MAX_ATTEMPTS = 40;
const RETRY_INITIAL_MS = 100;
const RETRY_MAX_DELAY_MS = 1_000;
const OUTAGE_MS = 4_000;

let db: PrismaClient;
beforeAll(async () => {
  await restoreStack();
  db = openTestDatabase();
});
afterAll(async () => {
  await restoreStack();
  await db.$disconnect();
});

interface Delivery {
  orderId: string;
  attempts: PostedWebhook[];
}

async function deliverUntilAccepted(orderId: string, body: unknown): Promise<Delivery> {
  const attempts: PostedWebhook[] = [];
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const posted = await attemptWebhook(body);
    attempts.push(posted);
    if (posted.status === 200) break;
    await sleep(Math.min(RETRY_INITIAL_MS * 2 ** attempt, RETRY_MAX_DELAY_MS));
  }
  return { orderId, attempts };
}

async function getHealthStatus(): Promise<number> {
  const response = await fetch(`${appUrl}/api/health`);
  await response.arrayBuffer();
  return response.status;
}

test("PostgreSQL stopped mid-storm: 503 while it is down, then every payment recorded once", async () => {
  const exitsBefore = (await readStackStatus()).unexpectedExits.length;
  const orders = await createOrdersThroughApi(db, ORDER_COUNT);
  const orderIds = orders.map((order) => order.orderId);
  const transactionIds = new Map(
    await mapWithConcurrency(orders, 8, async (order) => [order.orderId, await payInEmulator(order.paymentRequestId, "lost")] as const),
  );
  const work = orders.flatMap((order) => Array.from({ length: COPIES_PER_ORDER }, () => order));
  // The paywalls have polled, so the app caches these statuses and must hear of every change.
  expect(new Set(Object.values(await readStatusesThroughApi(orders)))).toEqual(new Set(["pending"]));

  let accepted = 0;
  const storm = Promise.all(
    work.map(async (order, i) => {
      await sleep(i * ARRIVAL_INTERVAL_MS);
      const delivery = await deliverUntilAccepted(order.orderId, buildGenuineWebhook(order, transactionIds.get(order.orderId)!));
      if (delivery.attempts.at(-1)?.status === 200) accepted++;
      return delivery;
    }),
  );

  await pollUntil(
    async () => accepted,
    (count) => count >= 10,
    { timeoutMs: 30_000, intervalMs: 10 },
  );
  await controlStack("postgres/stop");
  const outageStartedAt = Date.now();
  const acceptedBeforeOutage = accepted;
  await sleep(OUTAGE_MS / 2);
  const healthDuringOutage = await getHealthStatus();
  await sleep(OUTAGE_MS / 2);
  const outageEndedAt = Date.now();
  await controlStack("postgres/start");

  const deliveries = await storm;
  const healthAfter = await pollUntil(getHealthStatus, (status) => status === 200, { timeoutMs: 30_000 });

  expect(acceptedBeforeOutage).toBeLessThan(work.length);
  expect(healthDuringOutage).toBe(503);
  expect(healthAfter).toBe(200);

  const attempts = deliveries.flatMap((delivery) => delivery.attempts);
  const duringOutage = attempts.filter(({ startedAt, finishedAt }) => startedAt >= outageStartedAt && finishedAt <= outageEndedAt);
  expect(duringOutage.length).toBeGreaterThan(0);
  // Soft: a wrong status and a dead process are separate faults, and both should be reported.
  expect.soft(new Set(duringOutage.map(({ status }) => status))).toEqual(new Set([503]));
  // Around the edges of the outage too, anything but a 200 must be a 503 (so HandCash retries), never a 4xx.
  expect.soft(new Set(attempts.map(({ status }) => status))).toEqual(new Set([200, 503]));
  expect.soft(attempts.filter(({ status, retryAfter }) => status === 503 && !retryAfter)).toEqual([]);
  expect(deliveries.filter((delivery) => delivery.attempts.at(-1)?.status !== 200)).toEqual([]);

  const outcomes = await readOrderOutcomes(db, orderIds);
  for (const outcome of outcomes) {
    expect(outcome).toEqual({ orderId: outcome.orderId, status: "PAID", payments: [transactionIds.get(outcome.orderId)], hasEntitlement: true, paidEvents: 1 });
  }
  expect(await db.payment.count({ where: { orderId: { in: orderIds } } })).toBe(ORDER_COUNT);
  expect(await db.entitlement.count({ where: { orderId: { in: orderIds } } })).toBe(ORDER_COUNT);
  await expectAllPaidThroughApi(orders);
  // Jobs the worker was running when PostgreSQL went away must not stay locked in its name (graphile-worker
  // would wait four hours): the reconciliation sweep among them, which would stop every later check.
  const stuckJobs = await pollUntil(
    () =>
      db.$queryRaw<
        { id: bigint; task_identifier: string }[]
      >`SELECT id, task_identifier FROM graphile_worker.jobs WHERE locked_at < to_timestamp(${outageEndedAt / 1000})`,
    (jobs) => jobs.length === 0,
    { timeoutMs: FAULT_RECONCILE_INTERVAL_SECONDS * 1000 * 3 },
  );
  expect(stuckJobs).toEqual([]);
  // Neither the app nor the worker may die of a database outage.
  const status = await readStackStatus();
  expect.soft(status.unexpectedExits.slice(exitsBefore)).toEqual([]);
  expect.soft(status).toMatchObject({ isAppRunning: true, isWorkerRunning: true });
  console.log(`[postgres] ${duringOutage.length} attempts answered while the database was down; ${acceptedBeforeOutage} deliveries accepted before it`);
});
