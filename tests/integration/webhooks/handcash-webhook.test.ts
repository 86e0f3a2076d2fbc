import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/handcash/route";
import { TEST_HANDCASH_APP_SECRET } from "../../setup/test-config";
import {
  countRows,
  createPaidOrder,
  createPendingOrder,
  db,
  jsonRequest,
  payInEmulator,
  randomHex,
  setHandCashOutage,
  tablesContaining,
  webhookBody,
} from "../helpers";

const WEBHOOK_URL = "http://localhost:3999/api/webhooks/handcash";

async function deliver(body: unknown, init?: Parameters<typeof jsonRequest>[2]) {
  const response = await POST(jsonRequest(WEBHOOK_URL, body, init));
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe("POST /api/webhooks/handcash: a genuine payment", () => {
  it("records the payment, marks the order paid and grants access, in one go", async () => {
    const order = await createPaidOrder();
    const body = webhookBody(order);
    const { status, json } = await deliver(body);

    expect(status).toBe(200);
    expect(json).toEqual({ received: true, outcome: "recorded" });
    const stored = await db.order.findUniqueOrThrow({ where: { id: order.orderId }, include: { payments: true, entitlement: true, webhookEvents: true } });
    expect(stored.status).toBe("PAID");
    expect(stored.paidAt).toBeInstanceOf(Date);
    expect(stored.payments).toHaveLength(1);
    expect(stored.payments[0]).toMatchObject({
      transactionId: body.transactionId,
      payerPaymail: "alice@handcash.io",
      payerEmail: "alice@example.com",
      paymentMethod: "onChain",
    });
    expect(stored.entitlement).toMatchObject({ readerId: order.readerId, productId: order.productId });
    expect(stored.webhookEvents).toHaveLength(1);
    expect(stored.webhookEvents[0]?.outcome).toBe("RECORDED");
    expect(stored.verification).toMatchObject({ isConfirmed: true, handcashStatus: "completed", handcashTransactionId: body.transactionId });
    const timeline = await db.orderEvent.findMany({ where: { orderId: order.orderId }, orderBy: { createdAt: "asc" } });
    expect(timeline.map((event) => event.type)).toEqual(["CREATED", "PAYMENT_REQUEST_CREATED", "VERIFIED", "PAID", "ACCESS_GRANTED"]);
  });

  it("never stores the appSecret", async () => {
    const order = await createPaidOrder();
    await deliver(webhookBody(order));
    const event = await db.webhookEvent.findFirstOrThrow();
    expect(JSON.stringify(event.payload)).not.toContain(TEST_HANDCASH_APP_SECRET);
    expect(event.payload).not.toHaveProperty("appSecret");
    expect(await tablesContaining(TEST_HANDCASH_APP_SECRET)).toEqual([]);
  });

  it("accepts a body sent without a JSON content type, as HandCash's own examples do", async () => {
    const order = await createPaidOrder();
    const { status } = await deliver(webhookBody(order), { headers: { "content-type": "text/plain;charset=UTF-8" } });
    expect(status).toBe(200);
    expect((await countRows()).payments).toBe(1);
  });

  it.each(["EXPIRED", "FAILED"] as const)("honours a late payment on a %s order", async (initialStatus) => {
    const order = await createPaidOrder();
    await db.order.update({ where: { id: order.orderId }, data: { status: initialStatus, expiresAt: new Date(Date.now() - 60_000) } });
    const { status } = await deliver(webhookBody(order));
    expect(status).toBe(200);
    const stored = await db.order.findUniqueOrThrow({ where: { id: order.orderId }, include: { entitlement: true } });
    expect(stored.status).toBe("PAID");
    expect(stored.entitlement).not.toBeNull();
  });
});

describe("POST /api/webhooks/handcash: duplicates", () => {
  it("answers 200 to the same transaction again and changes nothing", async () => {
    const order = await createPaidOrder();
    const body = webhookBody(order);
    await deliver(body);
    const before = await db.order.findUniqueOrThrow({ where: { id: order.orderId } });

    const { status, json } = await deliver(body);

    expect(status).toBe(200);
    expect(json.outcome).toBe("duplicate");
    const after = await db.order.findUniqueOrThrow({ where: { id: order.orderId } });
    expect(after.paidAt).toEqual(before.paidAt);
    expect(await countRows()).toEqual({ payments: 1, entitlements: 1, events: 2, paidOrders: 1 });
  });

  it("records exactly one payment and one entitlement from 20 concurrent copies", async () => {
    const order = await createPaidOrder();
    const body = webhookBody(order);

    const results = await Promise.all(Array.from({ length: 20 }, () => deliver(body)));

    expect(results.map((result) => result.status)).toEqual(Array(20).fill(200));
    expect(results.filter((result) => result.json.outcome === "recorded")).toHaveLength(1);
    expect(await countRows()).toEqual({ payments: 1, entitlements: 1, events: 20, paidOrders: 1 });
  });

  it("does not record a second transaction HandCash never confirmed for a paid order", async () => {
    const order = await createPaidOrder();
    await deliver(webhookBody(order));
    const { status, json } = await deliver(webhookBody({ ...order, transactionId: randomHex(32) }));
    expect(status).toBe(200);
    expect(json.outcome).toBe("unconfirmed");
    const stored = await db.order.findUniqueOrThrow({ where: { id: order.orderId } });
    expect(stored.status).toBe("PAID");
    expect(stored.verification).toMatchObject({ isConfirmed: true, handcashTransactionId: order.transactionId });
    expect(await countRows()).toEqual({ payments: 1, entitlements: 1, events: 2, paidOrders: 1 });
  });

  it("refuses to move a transaction already recorded for another order", async () => {
    const first = await createPaidOrder();
    const second = await createPendingOrder();
    const body = webhookBody(first);
    await deliver(body);
    const { json } = await deliver({ ...webhookBody(second), transactionId: body.transactionId });
    expect(json.outcome).toBe("mismatch");
    expect((await db.order.findUniqueOrThrow({ where: { id: second.orderId } })).status).toBe("PENDING");
    expect((await countRows()).entitlements).toBe(1);
  });
});

describe("POST /api/webhooks/handcash: verify, then trust", () => {
  it("puts the order in review when HandCash does not confirm the transaction (a forgery with the real secret)", async () => {
    const order = await createPendingOrder();
    const forgedTransactionId = randomHex(32);
    const { status, json } = await deliver(webhookBody({ ...order, transactionId: forgedTransactionId }));

    expect(status).toBe(200);
    expect(json.outcome).toBe("unconfirmed");
    const stored = await db.order.findUniqueOrThrow({ where: { id: order.orderId }, include: { entitlement: true, events: true } });
    expect(stored.status).toBe("NEEDS_REVIEW");
    expect(stored.entitlement).toBeNull();
    expect(stored.reviewReason).toMatch(/HandCash reports no payment/);
    expect(stored.verification).toMatchObject({
      isConfirmed: false,
      handcashStatus: "pending",
      handcashTransactionId: null,
      claimedTransactionId: forgedTransactionId,
    });
    expect(stored.events.map((event) => event.type)).toContain("VERIFICATION_FAILED");
    expect(await countRows()).toEqual({ payments: 0, entitlements: 0, events: 1, paidOrders: 0 });
  });

  it("does not accept a transaction HandCash attributes to nothing, even after the order is paid for real later", async () => {
    const order = await createPendingOrder();
    await deliver(webhookBody({ ...order, transactionId: randomHex(32) }));
    const realTransactionId = await payInEmulator(order.paymentRequestId);
    const { json } = await deliver(webhookBody({ ...order, transactionId: realTransactionId }));
    expect(json.outcome).toBe("recorded");
    const stored = await db.order.findUniqueOrThrow({ where: { id: order.orderId }, include: { payments: true } });
    expect(stored.status).toBe("PAID");
    expect(stored.payments.map((payment) => payment.transactionId)).toEqual([realTransactionId]);
  });

  it.each([503, 500, 429] as const)("answers 503 and writes nothing while HandCash answers %i, so HandCash retries", async (outageStatus) => {
    const order = await createPaidOrder();
    await setHandCashOutage(outageStatus);
    try {
      const { status, json } = await deliver(webhookBody(order));
      expect(status).toBe(503);
      expect(json.error).toMatch(/HandCash/);
    } finally {
      await setHandCashOutage(null);
    }
    expect(await countRows()).toEqual({ payments: 0, entitlements: 0, events: 0, paidOrders: 0 });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.orderId } })).status).toBe("PENDING");

    const retried = await deliver(webhookBody(order));
    expect(retried.status).toBe(200);
    expect(retried.json.outcome).toBe("recorded");
  });

  it("keeps an orphan delivery while HandCash cannot be asked", async () => {
    await setHandCashOutage(503);
    try {
      const { status, json } = await deliver(webhookBody({ orderId: "nope", paymentRequestId: randomHex(12) }));
      expect(status).toBe(200);
      expect(json.outcome).toBe("orphan");
    } finally {
      await setHandCashOutage(null);
    }
    expect(await countRows()).toEqual({ payments: 0, entitlements: 0, events: 1, paidOrders: 0 });
  });

  it("answers a duplicate from our own records while HandCash cannot be asked", async () => {
    const order = await createPaidOrder();
    await deliver(webhookBody(order));
    await setHandCashOutage(503);
    try {
      const { status, json } = await deliver(webhookBody(order));
      expect(status).toBe(200);
      expect(json.outcome).toBe("duplicate");
    } finally {
      await setHandCashOutage(null);
    }
  });
});

describe("POST /api/webhooks/handcash: deliveries that must not unlock anything", () => {
  it("keeps an unknown paymentRequestId as an orphan event and answers 200", async () => {
    const { status, json } = await deliver(webhookBody({ orderId: "nope", paymentRequestId: randomHex(12) }));
    expect(status).toBe(200);
    expect(json.outcome).toBe("orphan");
    const event = await db.webhookEvent.findFirstOrThrow();
    expect(event).toMatchObject({ outcome: "ORPHAN", orderId: null });
    expect(await countRows()).toEqual({ payments: 0, entitlements: 0, events: 1, paidOrders: 0 });
  });

  it("does not trust customParameters that name another order", async () => {
    const order = await createPendingOrder();
    const other = await createPendingOrder();
    const { status, json } = await deliver(webhookBody(order, { customParameters: { orderId: other.orderId } }));
    expect(status).toBe(200);
    expect(json.outcome).toBe("mismatch");
    expect(await countRows()).toEqual({ payments: 0, entitlements: 0, events: 1, paidOrders: 0 });
  });

  const rejected: Array<[string, number, (body: ReturnType<typeof webhookBody>) => { body?: unknown; rawBody?: string }]> = [
    ["a wrong appSecret", 401, (body) => ({ body: { ...body, appSecret: "guess" } })],
    ["a missing appSecret", 401, ({ appSecret: _secret, ...rest }) => ({ body: rest })],
    ["the appSecret in another case", 401, (body) => ({ body: { ...body, appSecret: TEST_HANDCASH_APP_SECRET.toUpperCase() } })],
    ["the appSecret with a trailing space", 401, (body) => ({ body: { ...body, appSecret: `${TEST_HANDCASH_APP_SECRET} ` } })],
    ["the appSecret as an array", 401, (body) => ({ body: { ...body, appSecret: [TEST_HANDCASH_APP_SECRET] } })],
    ["the appSecret as a number", 401, (body) => ({ body: { ...body, appSecret: 1 } })],
    ["the appSecret as null", 401, (body) => ({ body: { ...body, appSecret: null } })],
    ["a body that is not JSON", 400, () => ({ rawBody: "appSecret=x&paymentRequestId=y" })],
    ["truncated JSON", 400, (body) => ({ rawBody: JSON.stringify(body).slice(0, 40) })],
    ["a JSON array", 400, (body) => ({ body: [body] })],
    ["a JSON string", 400, () => ({ body: "hello" })],
    ["no transactionId", 400, ({ transactionId: _tx, ...rest }) => ({ body: rest })],
    ["a numeric paymentRequestId", 400, (body) => ({ body: { ...body, paymentRequestId: 42 } })],
    ["userData as a string", 400, (body) => ({ body: { ...body, userData: "alice" } })],
    ["a body over 64 KiB", 413, (body) => ({ body: { ...body, padding: "x".repeat(70_000) } })],
  ];

  it.each(rejected)("rejects %s with HTTP %i and writes nothing", async (_label, expectedStatus, mutate) => {
    const order = await createPendingOrder();
    const { body, rawBody } = mutate(webhookBody(order));
    const { status, json } = await deliver(body, { rawBody });
    expect(status).toBe(expectedStatus);
    expect(typeof json.error).toBe("string");
    expect(await countRows()).toEqual({ payments: 0, entitlements: 0, events: 0, paidOrders: 0 });
    const rejection = await db.rejectedWebhook.findFirstOrThrow();
    expect(rejection).toMatchObject({ httpStatus: expectedStatus });
    expect(await tablesContaining(TEST_HANDCASH_APP_SECRET)).toEqual([]);
  });

  it("strips prototype-pollution keys and still records a genuine payment", async () => {
    const order = await createPendingOrder();
    const body = webhookBody(order);
    const rawBody = JSON.stringify(body).replace('"customParameters":{', '"customParameters":{"__proto__":{"isAdmin":true},');
    const { status } = await deliver(undefined, { rawBody });
    expect(status).toBe(200);
    const event = await db.webhookEvent.findFirstOrThrow();
    expect(JSON.stringify(event.payload)).not.toContain("isAdmin");
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});
