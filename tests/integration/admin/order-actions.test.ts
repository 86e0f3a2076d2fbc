import { describe, expect, it } from "vitest";
import { POST as deliverWebhook } from "@/app/api/webhooks/handcash/route";
import { grantAccessManually } from "@/server/fulfilment/grant-access-manually";
import { revokeEntitlement } from "@/server/fulfilment/revoke-entitlement";
import { expireOrder } from "@/server/orders/expire-order";
import { getOrderForAdmin } from "@/server/orders/get-order-for-admin";
import { TEST_ADMIN_EMAIL } from "../../setup/test-config";
import { reconcileOrder } from "@/server/payments/reconcile-order";
import { createPendingOrder, db, jsonRequest, payInEmulator, setHandCashOutage, webhookBody, runQueuedJobs } from "../helpers";

const ACTOR = `admin:${TEST_ADMIN_EMAIL}`;

async function timelineOf(orderId: string) {
  return db.orderEvent.findMany({
    where: { orderId, actor: { startsWith: "admin:" } },
    orderBy: { createdAt: "asc" },
    select: { type: true, actor: true, reason: true },
  });
}

/** Every step, whoever took it. */
async function eventTypesOf(orderId: string) {
  return (await db.orderEvent.findMany({ where: { orderId, type: { not: "CREATED" } }, orderBy: { createdAt: "asc" }, select: { type: true } })).map(
    (event) => event.type,
  );
}

async function auditOf(orderId: string) {
  return db.auditLog.findMany({ where: { targetType: "order", targetId: orderId }, select: { actorEmail: true, action: true, reason: true } });
}

describe("expire an order", () => {
  it.each(["PENDING", "NEEDS_REVIEW"] as const)("expires a %s order, with the reason on its timeline and in the audit log", async (status) => {
    const { orderId } = await createPendingOrder();
    await db.order.update({ where: { id: orderId }, data: { status } });
    await expireOrder({ orderId, actorEmail: TEST_ADMIN_EMAIL, reason: "Reader asked to cancel" });
    expect(await db.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ status: "EXPIRED" });
    // The close at HandCash is the job the expiry queued.
    await runQueuedJobs();
    expect(await timelineOf(orderId)).toEqual([
      { type: "EXPIRED", actor: ACTOR, reason: "Reader asked to cancel" },
      { type: "PAYMENT_REQUEST_CLOSED", actor: ACTOR, reason: null },
    ]);
    expect(await auditOf(orderId)).toEqual([{ actorEmail: TEST_ADMIN_EMAIL, action: "order.expire", reason: "Reader asked to cancel" }]);
  });

  it("closes the order's HandCash request, so the link the reader holds can no longer be paid", async () => {
    const order = await createPendingOrder();
    await expireOrder({ orderId: order.orderId, actorEmail: TEST_ADMIN_EMAIL, reason: "Looked abandoned" });
    await runQueuedJobs();
    await expect(payInEmulator(order.paymentRequestId)).rejects.toThrow(/409/);
  });

  it("still expires the order when HandCash cannot be reached to close its request, and the reconciler closes it later", async () => {
    const order = await createPendingOrder();
    await setHandCashOutage(503);
    await expireOrder({ orderId: order.orderId, actorEmail: TEST_ADMIN_EMAIL, reason: "Looked abandoned" });
    await runQueuedJobs();
    expect(await db.order.findUniqueOrThrow({ where: { id: order.orderId } })).toMatchObject({ status: "EXPIRED" });
    expect(await eventTypesOf(order.orderId)).toEqual(["PAYMENT_REQUEST_CREATED", "EXPIRED"]);

    await setHandCashOutage(null);
    await reconcileOrder({ orderId: order.orderId, actor: "reconciler" });
    expect(await eventTypesOf(order.orderId)).toEqual(["PAYMENT_REQUEST_CREATED", "EXPIRED", "PAYMENT_REQUEST_CLOSED"]);
    await expect(payInEmulator(order.paymentRequestId)).rejects.toThrow(/409/);
    // Once closed, later checks leave it alone.
    await reconcileOrder({ orderId: order.orderId, actor: "reconciler" });
    expect(await eventTypesOf(order.orderId)).toEqual(["PAYMENT_REQUEST_CREATED", "EXPIRED", "PAYMENT_REQUEST_CLOSED"]);
  });

  it.each(["PAID", "EXPIRED", "FAILED"] as const)("refuses a %s order and changes nothing", async (status) => {
    const { orderId } = await createPendingOrder();
    await db.order.update({ where: { id: orderId }, data: { status } });
    await expect(expireOrder({ orderId, actorEmail: TEST_ADMIN_EMAIL, reason: "why not" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ status });
    expect(await timelineOf(orderId)).toEqual([]);
    expect(await auditOf(orderId)).toEqual([]);
  });

  it("reports an unknown order as not found", async () => {
    await expect(expireOrder({ orderId: "no-such-order", actorEmail: TEST_ADMIN_EMAIL, reason: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a payment whose webhook arrives after an owner expired the order is still honoured", async () => {
    const order = await createPendingOrder();
    const transactionId = await payInEmulator(order.paymentRequestId);
    await expireOrder({ orderId: order.orderId, actorEmail: TEST_ADMIN_EMAIL, reason: "Looked abandoned" });
    const response = await deliverWebhook(jsonRequest("http://localhost/api/webhooks/handcash", webhookBody({ ...order, transactionId })));
    expect(response.status).toBe(200);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.orderId }, include: { entitlement: true } })).toMatchObject({
      status: "PAID",
      entitlement: { orderId: order.orderId },
    });
  });
});

describe("grant and revoke access", () => {
  it("grants access by hand: an entitlement, ACCESS_GRANTED by the owner with the reason, and an audit row", async () => {
    const { orderId, readerId, productId } = await createPendingOrder();
    await grantAccessManually({ orderId, actorEmail: TEST_ADMIN_EMAIL, reason: "Paid by bank transfer" });
    expect(await db.entitlement.findFirst({ where: { readerId, productId } })).toMatchObject({ orderId });
    expect(await timelineOf(orderId)).toEqual([{ type: "ACCESS_GRANTED", actor: ACTOR, reason: "Paid by bank transfer" }]);
    expect(await auditOf(orderId)).toEqual([{ actorEmail: TEST_ADMIN_EMAIL, action: "order.grant_access", reason: "Paid by bank transfer" }]);
    // The order's status is not a claim that money arrived.
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("PENDING");
  });

  it("refuses a grant when the reader already has access", async () => {
    const { orderId } = await createPendingOrder();
    await grantAccessManually({ orderId, actorEmail: TEST_ADMIN_EMAIL, reason: "first" });
    await expect(grantAccessManually({ orderId, actorEmail: TEST_ADMIN_EMAIL, reason: "second" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.entitlement.count()).toBe(1);
    expect(await auditOf(orderId)).toHaveLength(1);
  });

  it("revokes access: deletes the entitlement, records ACCESS_REVOKED with the reason, audits it", async () => {
    const order = await createPendingOrder();
    await grantAccessManually({ orderId: order.orderId, actorEmail: TEST_ADMIN_EMAIL, reason: "goodwill" });
    await revokeEntitlement({ orderId: order.orderId, actorEmail: TEST_ADMIN_EMAIL, reason: "Refunded" });
    expect(await db.entitlement.count()).toBe(0);
    expect(await timelineOf(order.orderId)).toEqual([
      { type: "ACCESS_GRANTED", actor: ACTOR, reason: "goodwill" },
      { type: "ACCESS_REVOKED", actor: ACTOR, reason: "Refunded" },
    ]);
    expect((await auditOf(order.orderId)).map((row) => row.action)).toEqual(["order.grant_access", "order.revoke_access"]);
  });

  it("refuses to revoke access the reader does not have", async () => {
    const { orderId } = await createPendingOrder();
    await expect(revokeEntitlement({ orderId, actorEmail: TEST_ADMIN_EMAIL, reason: "x" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await auditOf(orderId)).toEqual([]);
  });
});

describe("the order page's timeline", () => {
  it("merges order events, webhook deliveries (payload without the secret) and payments, oldest first", async () => {
    const order = await createPendingOrder();
    await db.orderEvent.create({ data: { orderId: order.orderId, type: "CREATED", actor: "system", createdAt: new Date(Date.now() - 60_000) } });
    const body = webhookBody(order);
    // Nobody paid this request in the emulator: one UNCONFIRMED delivery, and the order goes to review.
    await deliverWebhook(jsonRequest("http://localhost/api/webhooks/handcash", body));
    await grantAccessManually({ orderId: order.orderId, actorEmail: TEST_ADMIN_EMAIL, reason: "Confirmed by phone" });

    const detail = await getOrderForAdmin({ orderId: order.orderId });
    expect(detail).not.toBeNull();
    const kinds = detail!.timeline.map((item) => (item.kind === "event" ? item.type : item.kind === "webhook" ? `webhook:${item.outcome}` : "payment"));
    expect(kinds[0]).toBe("CREATED");
    expect(kinds).toContain("webhook:UNCONFIRMED");
    expect(kinds).toContain("VERIFICATION_FAILED");
    expect(kinds.at(-1)).toBe("ACCESS_GRANTED");
    const times = detail!.timeline.map((item) => item.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));

    const delivery = detail!.timeline.find((item) => item.kind === "webhook");
    expect(delivery).toMatchObject({ payload: { paymentRequestId: order.paymentRequestId, transactionId: body.transactionId } });
    expect(JSON.stringify(delivery)).not.toContain(body.appSecret);
    expect(detail!.readerAccess).not.toBeNull();
    expect(detail!.auditLog.map((row) => row.action)).toEqual(["order.grant_access"]);
    expect(await getOrderForAdmin({ orderId: "missing" })).toBeNull();
  });
});
