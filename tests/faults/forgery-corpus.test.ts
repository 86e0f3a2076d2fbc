import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { TEST_HANDCASH_APP_SECRET } from "../setup/test-config";
import { FORGERY_CASES, type ForgeryRequest, type ForgeryTargets } from "./forgery-cases";
import {
  appUrl,
  controlStack,
  createOrdersThroughApi,
  openTestDatabase,
  payInEmulator,
  postWebhook,
  restoreStack,
  sendRawRequest,
  webhookUrl,
} from "./fault-driver";

/** Outcomes a delivery may have without granting anything. */
const HARMLESS_OUTCOMES = new Set(["unconfirmed", "mismatch", "orphan"]);

let db: PrismaClient;
let targets: ForgeryTargets;
let before: Awaited<ReturnType<typeof countMoney>>;

function countMoney() {
  return Promise.all([
    db.payment.count(),
    db.entitlement.count(),
    db.order.count({ where: { status: "PAID" } }),
    db.webhookEvent.count({ where: { outcome: "RECORDED" } }),
  ]).then(([payments, entitlements, paidOrders, recordedEvents]) => ({ payments, entitlements, paidOrders, recordedEvents }));
}

function send(request: ForgeryRequest): Promise<{ status: number; body: string }> {
  return sendRawRequest({ ...request, path: `${new URL(webhookUrl).pathname}${request.pathSuffix ?? ""}` });
}

beforeAll(async () => {
  await restoreStack();
  db = openTestDatabase();
  // The worker would rightly record the paid target's real payment; here only webhooks may act.
  await controlStack("worker/stop");
  const [paid, ...pending] = await createOrdersThroughApi(db, 4);
  targets = { paid: { ...paid!, transactionId: await payInEmulator(paid!.paymentRequestId, "lost") }, pending: pending as ForgeryTargets["pending"] };
  before = await countMoney();
});

afterAll(async () => {
  await controlStack("worker/start");
  await db.$disconnect();
});

describe("forgery corpus", () => {
  test("holds at least 100 cases", () => {
    expect(FORGERY_CASES.length).toBeGreaterThanOrEqual(100);
    expect(new Set(FORGERY_CASES.map((forgery) => forgery.name)).size).toBe(FORGERY_CASES.length);
  });

  test.each(FORGERY_CASES.map((forgery) => [forgery.name, forgery] as const))("%s", async (_name, forgery) => {
    const { status, body } = await send(forgery.build(targets));
    expect(status, body).toBe(forgery.expectedStatus);
    if (status === 200) expect([...HARMLESS_OUTCOMES]).toContain((JSON.parse(body) as { outcome: string }).outcome);
  });

  test("no forgery recorded a payment, granted access or marked an order paid", async () => {
    expect(await countMoney()).toEqual(before);
    const orderIds = [targets.paid.orderId, ...targets.pending.map((order) => order.orderId)];
    const orders = await db.order.findMany({
      where: { id: { in: orderIds } },
      select: { status: true, payments: { select: { id: true } }, entitlement: { select: { id: true } } },
    });
    expect(orders).toHaveLength(orderIds.length);
    for (const order of orders) {
      expect(order.status).not.toBe("PAID");
      expect(order.payments).toEqual([]);
      expect(order.entitlement).toBeNull();
    }
    expect(await db.payment.count({ where: { transactionId: targets.paid.transactionId } })).toBe(0);
  });

  test("the secret was never stored, whatever the forgery carried", async () => {
    const tables = await db.$queryRaw<{ tablename: string }[]>`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`;
    for (const { tablename } of tables) {
      const [row] = await db.$queryRawUnsafe<{ hits: bigint }[]>(
        `SELECT count(*) AS hits FROM "${tablename}" t WHERE t::text LIKE '%' || $1 || '%'`,
        TEST_HANDCASH_APP_SECRET,
      );
      expect(row?.hits, tablename).toBe(0n);
    }
  });
});

test("a genuine secret with a transaction HandCash does not confirm puts the order in review, without access", async () => {
  const [order] = await createOrdersThroughApi(db, 1);
  const { status, body } = await postWebhook({
    appSecret: TEST_HANDCASH_APP_SECRET,
    paymentRequestId: order!.paymentRequestId,
    transactionId: "e".repeat(64),
    customParameters: { orderId: order!.orderId },
    userData: { id: "65f0a1b2c3d4e5f6a7b8c901", paymail: "alice@handcash.io" },
  });

  expect(status).toBe(200);
  expect(JSON.parse(body)).toEqual({ received: true, outcome: "unconfirmed" });
  const stored = await db.order.findUniqueOrThrow({ where: { id: order!.orderId }, include: { payments: true, entitlement: true } });
  expect(stored.status).toBe("NEEDS_REVIEW");
  expect(stored.reviewReason).toEqual(expect.any(String));
  expect(stored.payments).toEqual([]);
  expect(stored.entitlement).toBeNull();
  const poll = await fetch(`${appUrl}/api/orders/${order!.orderId}`, { headers: { cookie: order!.cookie } });
  expect(await poll.json()).toMatchObject({ status: "needs_review" });
});
