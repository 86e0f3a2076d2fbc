import { describe, expect, it } from "vitest";
import { GET as getOrder } from "@/app/api/orders/[orderId]/route";
import { POST as postWebhook } from "@/app/api/webhooks/handcash/route";
import { listOrdersToReconcile } from "@/server/payments/list-orders-to-reconcile";
import { matchOrphanEvent } from "@/server/payments/match-orphan-event";
import { reconcileOrder } from "@/server/payments/reconcile-order";
import { countRows, createPaidOrder, createPendingOrder, db, jsonRequest, payInEmulator, randomHex, setHandCashOutage, webhookBody } from "../helpers";

async function deliver(body: unknown) {
  const response = await postWebhook(jsonRequest("http://localhost:3999/api/webhooks/handcash", body));
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe("reconcileOrder", () => {
  it("records a payment whose webhook never arrived, exactly once", async () => {
    const order = await createPaidOrder();

    const first = await reconcileOrder({ orderId: order.orderId, actor: "reconciler" });
    const second = await reconcileOrder({ orderId: order.orderId, actor: "reconciler" });

    expect(first).toMatchObject({ status: "PAID", outcome: "paid" });
    expect(second).toMatchObject({ status: "PAID", outcome: "already_paid" });
    const stored = await db.order.findUniqueOrThrow({ where: { id: order.orderId }, include: { payments: true, entitlement: true } });
    expect(stored.payments.map((payment) => payment.transactionId)).toEqual([order.transactionId]);
    expect(stored.entitlement).not.toBeNull();
    // The webhook, arriving late after all, changes nothing.
    expect((await deliver(webhookBody(order))).json.outcome).toBe("duplicate");
    expect(await countRows()).toMatchObject({ payments: 1, entitlements: 1, paidOrders: 1 });
  });

  it("runs concurrently with the webhook without doubling anything", async () => {
    const order = await createPaidOrder();
    await Promise.all([
      reconcileOrder({ orderId: order.orderId, actor: "reconciler" }),
      deliver(webhookBody(order)),
      reconcileOrder({ orderId: order.orderId, actor: "reconciler" }),
      deliver(webhookBody(order)),
    ]);
    expect(await countRows()).toMatchObject({ payments: 1, entitlements: 1, paidOrders: 1 });
  });

  it("leaves an unpaid order pending, storing what HandCash said, and expires it after its window", async () => {
    const order = await createPendingOrder();
    expect(await reconcileOrder({ orderId: order.orderId, actor: "reconciler" })).toMatchObject({ status: "PENDING", outcome: "still_pending" });
    const checked = await db.order.findUniqueOrThrow({ where: { id: order.orderId } });
    expect(checked.verification).toMatchObject({ isConfirmed: false, handcashStatus: "pending", attempts: 1 });
    expect(checked.verifiedAt).toBeInstanceOf(Date);

    await db.order.update({ where: { id: order.orderId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await reconcileOrder({ orderId: order.orderId, actor: "reconciler" })).toMatchObject({ status: "EXPIRED", outcome: "expired" });
    const events = await db.orderEvent.findMany({ where: { orderId: order.orderId } });
    expect(events.map((event) => event.type)).toContain("EXPIRED");
  });

  it("pays an expired order when HandCash shows a late payment", async () => {
    const order = await createPendingOrder();
    await db.order.update({ where: { id: order.orderId }, data: { status: "EXPIRED", expiresAt: new Date(Date.now() - 60_000) } });
    await payInEmulator(order.paymentRequestId);
    expect(await reconcileOrder({ orderId: order.orderId, actor: "reconciler" })).toMatchObject({ status: "PAID", outcome: "paid" });
  });

  it("clears a review once HandCash confirms the real payment, and settles the unconfirmed delivery", async () => {
    const order = await createPendingOrder();
    await deliver(webhookBody({ ...order, transactionId: randomHex(32) }));
    expect((await db.order.findUniqueOrThrow({ where: { id: order.orderId } })).status).toBe("NEEDS_REVIEW");
    expect(await reconcileOrder({ orderId: order.orderId, actor: "reconciler" })).toMatchObject({ status: "NEEDS_REVIEW", outcome: "still_in_review" });

    const realTransactionId = await payInEmulator(order.paymentRequestId);
    expect(await reconcileOrder({ orderId: order.orderId, actor: "reconciler" })).toMatchObject({ status: "PAID", outcome: "paid" });
    const stored = await db.order.findUniqueOrThrow({ where: { id: order.orderId }, include: { payments: true } });
    expect(stored.payments.map((payment) => payment.transactionId)).toEqual([realTransactionId]);
    expect(stored.reviewReason).toBeNull();
  });

  it("records a person's re-check on the timeline, but not the sweep's routine checks", async () => {
    const order = await createPendingOrder();
    await reconcileOrder({ orderId: order.orderId, actor: "reconciler" });
    await reconcileOrder({ orderId: order.orderId, actor: "admin:owner@tollgate.test" });
    const rechecks = await db.orderEvent.findMany({ where: { orderId: order.orderId, type: "RECHECKED" } });
    expect(rechecks.map((event) => event.actor)).toEqual(["admin:owner@tollgate.test"]);
  });

  it("throws while HandCash is down and changes nothing", async () => {
    const order = await createPaidOrder();
    await setHandCashOutage(503);
    try {
      await expect(reconcileOrder({ orderId: order.orderId, actor: "reconciler" })).rejects.toThrow(/HandCash answered 503/);
    } finally {
      await setHandCashOutage(null);
    }
    expect((await db.order.findUniqueOrThrow({ where: { id: order.orderId } })).status).toBe("PENDING");
  });
});

describe("listOrdersToReconcile", () => {
  it("picks pending orders not checked recently, recent expired ones, due reviews and orders named by orphans", async () => {
    const fresh = await createPendingOrder();
    const checkedJustNow = await createPendingOrder();
    await db.order.update({ where: { id: checkedJustNow.orderId }, data: { verifiedAt: new Date() } });
    const expiredRecently = await createPendingOrder();
    await db.order.update({ where: { id: expiredRecently.orderId }, data: { status: "EXPIRED", expiresAt: new Date(Date.now() - 60_000) } });
    const expiredLongAgo = await createPendingOrder();
    await db.order.update({ where: { id: expiredLongAgo.orderId }, data: { status: "EXPIRED", expiresAt: new Date(Date.now() - 72 * 3600_000) } });
    const reviewBackingOff = await createPendingOrder();
    await db.order.update({ where: { id: reviewBackingOff.orderId }, data: { status: "NEEDS_REVIEW", verifiedAt: new Date(), verification: { attempts: 3 } } });
    const reviewDue = await createPendingOrder();
    await db.order.update({
      where: { id: reviewDue.orderId },
      data: { status: "NEEDS_REVIEW", verifiedAt: new Date(Date.now() - 10 * 60_000), verification: { attempts: 2 } },
    });
    const paid = await createPendingOrder();
    await db.order.update({ where: { id: paid.orderId }, data: { status: "PAID" } });

    const due = await listOrdersToReconcile({ now: new Date(), pendingCheckEveryMs: 60_000, limit: 100 });

    expect(new Set(due)).toEqual(new Set([fresh.orderId, expiredRecently.orderId, reviewDue.orderId]));
  });

  it("re-matches an orphan delivery once its order knows the payment request (the webhook beat our write)", async () => {
    const order = await createPaidOrder();
    const paymentRequestId = order.paymentRequestId;
    await db.order.update({ where: { id: order.orderId }, data: { paymentRequestId: null } });
    expect((await deliver(webhookBody(order))).json.outcome).toBe("orphan");
    await db.order.update({ where: { id: order.orderId }, data: { paymentRequestId, verifiedAt: new Date() } });

    const due = await listOrdersToReconcile({ now: new Date(), pendingCheckEveryMs: 60_000, limit: 100 });
    expect(due).toEqual([order.orderId]);
    await reconcileOrder({ orderId: order.orderId, actor: "reconciler" });

    const orphan = await db.webhookEvent.findFirstOrThrow({ where: { outcome: "ORPHAN" } });
    expect(orphan.resolvedAt).toBeInstanceOf(Date);
    const payment = await db.payment.findFirstOrThrow();
    expect(payment.payerPaymail).toBe("alice@handcash.io");
  });
});

describe("matchOrphanEvent", () => {
  it("pays the chosen order when HandCash confirms the transaction and the amount", async () => {
    const order = await createPaidOrder();
    const paymentRequestId = order.paymentRequestId;
    await db.order.update({ where: { id: order.orderId }, data: { paymentRequestId: null } });
    await deliver(webhookBody(order));
    const orphan = await db.webhookEvent.findFirstOrThrow({ where: { outcome: "ORPHAN" } });

    const result = await matchOrphanEvent({
      webhookEventId: orphan.id,
      orderId: order.orderId,
      actor: "admin:owner@tollgate.test",
      reason: "Crash lost the id",
    });

    expect(result).toMatchObject({ status: "PAID", outcome: "recorded" });
    const stored = await db.order.findUniqueOrThrow({ where: { id: order.orderId }, include: { events: true } });
    expect(stored.paymentRequestId).toBe(paymentRequestId);
    expect(stored.events.find((event) => event.type === "MATCHED_ORPHAN")).toMatchObject({ reason: "Crash lost the id", actor: "admin:owner@tollgate.test" });
    await expect(matchOrphanEvent({ webhookEventId: orphan.id, orderId: order.orderId, actor: "admin:x", reason: "again" })).rejects.toThrow(
      /already been dealt with/,
    );
  });

  it("refuses when the amount HandCash reports differs from the order's price", async () => {
    const cheap = await createPaidOrder({ product: { priceAmount: 100 } });
    const expensive = await createPendingOrder({ product: { priceAmount: 900 } });
    await db.order.update({ where: { id: cheap.orderId }, data: { paymentRequestId: null } });
    await db.order.update({ where: { id: expensive.orderId }, data: { paymentRequestId: null } });
    await deliver(webhookBody({ ...cheap, orderId: expensive.orderId }, { customParameters: {} }));
    const orphan = await db.webhookEvent.findFirstOrThrow({ where: { outcome: "ORPHAN" } });

    await expect(matchOrphanEvent({ webhookEventId: orphan.id, orderId: expensive.orderId, actor: "admin:x", reason: "guess" })).rejects.toThrow(
      /but the order costs 9 USD/,
    );
    expect(await countRows()).toMatchObject({ payments: 0, entitlements: 0 });
  });
});

describe("GET /api/orders/{id}?transactionId=… (back from HandCash)", () => {
  it("asks HandCash at once and answers paid before any webhook", async () => {
    const order = await createPaidOrder();
    const reader = await db.reader.findUniqueOrThrow({ where: { id: order.readerId } });
    // The cookie holds the token, the database only its hash: mint a known token for this reader.
    const token = "t".repeat(43);
    const crypto = await import("node:crypto");
    await db.reader.update({ where: { id: reader.id }, data: { tokenHash: crypto.createHash("sha256").update(token).digest("hex") } });

    const url = `http://localhost:3999/api/orders/${order.orderId}?transactionId=${order.transactionId}`;
    const response = await getOrder(new Request(url, { headers: { cookie: `tg_reader=${token}` } }), { params: Promise.resolve({ orderId: order.orderId }) });

    expect(await response.json()).toMatchObject({ status: "paid" });
    expect(await countRows()).toMatchObject({ payments: 1, entitlements: 1, events: 0 });
  });

  it("does not pay on a made-up transactionId", async () => {
    const order = await createPendingOrder();
    const token = "u".repeat(43);
    const crypto = await import("node:crypto");
    await db.reader.update({ where: { id: order.readerId }, data: { tokenHash: crypto.createHash("sha256").update(token).digest("hex") } });
    const url = `http://localhost:3999/api/orders/${order.orderId}?transactionId=${randomHex(32)}`;
    const response = await getOrder(new Request(url, { headers: { cookie: `tg_reader=${token}` } }), { params: Promise.resolve({ orderId: order.orderId }) });
    expect(await response.json()).toMatchObject({ status: "pending" });
    expect(await countRows()).toMatchObject({ payments: 0, entitlements: 0 });
  });
});
