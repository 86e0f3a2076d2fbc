import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { POST as deliverWebhook } from "@/app/api/webhooks/handcash/route";
import { createProduct } from "@/prisma/factories";
import { orderListQuerySchema } from "@/lib/schemas/admin-orders";
import { countRefundsDue } from "@/server/orders/count-refunds-due";
import { createOrder } from "@/server/orders/create-order";
import { listOrdersForAdmin } from "@/server/orders/list-orders-for-admin";
import { markOrderRefunded } from "@/server/orders/mark-order-refunded";
import { TEST_ADMIN_EMAIL } from "../../setup/test-config";
import { db, jsonRequest, payInEmulator, randomHex, webhookBody, runQueuedJobs } from "../helpers";

// Issue 9 (3): two tabs or a double click created several pending orders and HandCash requests for
// one reader and product, and paying two of them charged the reader twice with nothing flagged.

async function newReaderAndProduct() {
  const product = await createProduct(db);
  const reader = await db.reader.create({ data: { tokenHash: randomHex(32) } });
  return { productId: product.id, readerId: reader.id };
}

async function paymentRequestsAtHandCash(): Promise<number> {
  const response = await fetch(`${inject("emulatorUrl")}/_emulator/paymentRequests`);
  return ((await response.json()) as { items: unknown[] }).items.length;
}

async function paymentRequestOf(orderId: string): Promise<string> {
  const { paymentRequestId } = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { paymentRequestId: true } });
  return paymentRequestId!;
}

async function deliver(orderId: string, transactionId: string) {
  const body = webhookBody({ orderId, paymentRequestId: await paymentRequestOf(orderId), transactionId });
  expect((await deliverWebhook(jsonRequest("http://localhost:3999/api/webhooks/handcash", body))).status).toBe(200);
}

async function pay(orderId: string) {
  const transactionId = await payInEmulator(await paymentRequestOf(orderId));
  await deliver(orderId, transactionId);
  return transactionId;
}

async function emulatorRecord(paymentRequestId: string) {
  return (await (await fetch(`${inject("emulatorUrl")}/_emulator/paymentRequests/${paymentRequestId}`)).json()) as { isEnabled: boolean };
}

async function fulfilmentJobs(orderId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM graphile_worker.jobs WHERE key = ${`fulfil-order:${orderId}`}`;
  return Number(row?.count ?? 0);
}

describe("one pending order per reader and product", () => {
  it("hands five concurrent clicks the same order and asks HandCash once", async () => {
    const { readerId, productId } = await newReaderAndProduct();
    const before = await paymentRequestsAtHandCash();
    const results = await Promise.all(Array.from({ length: 5 }, () => createOrder({ readerId, productId })));

    expect(new Set(results.map((result) => result.order.orderId)).size).toBe(1);
    expect(results.filter((result) => !result.isExisting)).toHaveLength(1);
    expect(await db.order.count({ where: { readerId, productId } })).toBe(1);
    expect((await paymentRequestsAtHandCash()) - before).toBe(1);
  });

  it("is enforced by the database, whoever inserts", async () => {
    const { readerId, productId } = await newReaderAndProduct();
    const { order } = await createOrder({ readerId, productId });
    await expect(
      db.order.create({ data: { readerId, productId, amount: 250, currency: "USD", productTitle: "again", expiresAt: new Date(Date.now() + 60_000) } }),
    ).rejects.toMatchObject({ code: "P2002" });
    expect(await db.order.count({ where: { readerId, productId, status: "PENDING" } })).toBe(1);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.orderId } })).status).toBe("PENDING");
  });

  it("replaces a pending order whose price is stale, closing the old one on its timeline", async () => {
    const { readerId, productId } = await newReaderAndProduct();
    const { order: first } = await createOrder({ readerId, productId });
    await db.product.update({ where: { id: productId }, data: { priceAmount: 400 } });
    const { order: second, isExisting } = await createOrder({ readerId, productId });

    expect(isExisting).toBe(false);
    expect(second.orderId).not.toBe(first.orderId);
    expect(second.price.amount).toBe(400);
    const old = await db.order.findUniqueOrThrow({ where: { id: first.orderId }, include: { events: { where: { type: "EXPIRED" } } } });
    expect(old.status).toBe("EXPIRED");
    expect(old.events).toHaveLength(1);
    expect(old.events[0]).toMatchObject({ actor: "system", detail: { event: "REPLACED_BY_NEW_ORDER", previousStatus: "PENDING" } });
    expect(old.events[0]?.reason).toMatch(/price changed/);
    // The old pay link, perhaps still open in another tab, no longer takes a payment (the expiry's job closed it).
    await runQueuedJobs();
    expect(await db.orderEvent.count({ where: { orderId: first.orderId, type: "PAYMENT_REQUEST_CLOSED" } })).toBe(1);
    expect(await emulatorRecord(await paymentRequestOf(first.orderId))).toMatchObject({ isEnabled: false });
  });
});

describe("a payment for something the reader already has", () => {
  it("is recorded, grants nothing twice, is not fulfilled again, and is flagged for a refund the owner can close", async () => {
    const { readerId, productId } = await newReaderAndProduct();
    const { order: first } = await createOrder({ readerId, productId });
    // The reader pays the first link and its webhook is slow; meanwhile the price changes and the
    // reader, seeing no unlock, orders again: the first order is replaced, then its payment arrives.
    const firstTransaction = await payInEmulator(await paymentRequestOf(first.orderId));
    await db.product.update({ where: { id: productId }, data: { priceAmount: 300 } });
    const { order: second } = await createOrder({ readerId, productId });
    await deliver(first.orderId, firstTransaction);
    const secondTransaction = await pay(second.orderId);

    const [paidFirst, paidSecond] = await Promise.all(
      [first, second].map(({ orderId }) => db.order.findUniqueOrThrow({ where: { id: orderId }, include: { events: true } })),
    );
    expect(paidFirst).toMatchObject({ status: "PAID", refundReason: null });
    expect(paidSecond).toMatchObject({ status: "PAID", refundedAt: null });
    expect(paidSecond?.refundReason).toBe(`The reader already had access to this product through order ${first.orderId} when this payment arrived.`);
    expect(paidSecond?.events.map((event) => event.type)).toContain("REFUND_DUE");
    expect(paidSecond?.events.map((event) => event.type)).not.toContain("ACCESS_GRANTED");
    expect(await db.entitlement.findMany({ where: { readerId, productId }, select: { orderId: true } })).toEqual([{ orderId: first.orderId }]);
    expect(await fulfilmentJobs(first.orderId)).toBe(1);
    expect(await fulfilmentJobs(second.orderId)).toBe(0);
    expect(await db.payment.count({ where: { transactionId: secondTransaction } })).toBe(1);

    // The owner finds it from the dashboard's count and the orders table's filter.
    expect(await countRefundsDue()).toBe(1);
    const { rows } = await listOrdersForAdmin({ query: orderListQuerySchema.parse({ refund: "due" }) });
    expect(rows.map((row) => row.id)).toEqual([second.orderId]);

    await markOrderRefunded({ orderId: second.orderId, actorEmail: TEST_ADMIN_EMAIL, reason: "Sent back, transaction abc" });
    expect(await countRefundsDue()).toBe(0);
    const refunded = await db.order.findUniqueOrThrow({ where: { id: second.orderId }, include: { events: { where: { type: "REFUNDED" } } } });
    expect(refunded.refundedAt).toBeInstanceOf(Date);
    expect(refunded.events).toMatchObject([{ actor: `admin:${TEST_ADMIN_EMAIL}`, reason: "Sent back, transaction abc" }]);
    expect(await db.auditLog.count({ where: { targetId: second.orderId, action: "order.refund" } })).toBe(1);
    await expect(markOrderRefunded({ orderId: second.orderId, actorEmail: TEST_ADMIN_EMAIL, reason: "again" })).rejects.toThrow(/already recorded/);
    await expect(markOrderRefunded({ orderId: first.orderId, actorEmail: TEST_ADMIN_EMAIL, reason: "no" })).rejects.toThrow(
      /No payment on this order is due a refund/,
    );
    // The reader keeps the access the first payment gave.
    expect(await db.entitlement.count({ where: { readerId, productId } })).toBe(1);
  });
});
