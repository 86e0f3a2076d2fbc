import { describe, expect, it } from "vitest";
import { POST as postWebhook } from "@/app/api/webhooks/handcash/route";
import { reconcileOrder } from "@/server/payments/reconcile-order";
import { countRows, createPaidOrder, createPendingOrder, db, jsonRequest, payInEmulator, randomHex, setPublicViewOmits, webhookBody } from "../helpers";

/**
 * HandCash's spec makes the public view's `transactionId` (and `paymentsCount`) optional: a paid
 * reader must get access whether or not Cloud names the transaction (ADR 007).
 */

async function deliver(body: unknown) {
  const response = await postWebhook(jsonRequest("http://localhost:3999/api/webhooks/handcash", body));
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function orderOf(orderId: string) {
  return db.order.findUniqueOrThrow({ where: { id: orderId }, include: { payments: true, entitlement: true } });
}

describe("a webhook when HandCash's public view names no transaction", () => {
  it.each([
    ["paymentsCount confirms it", { transactionId: true }],
    ["the stats' totalPayments confirm it when paymentsCount is missing too", { transactionId: true, paymentsCount: true }],
  ])("records the payment: %s", async (_label, omits) => {
    const order = await createPaidOrder();
    await setPublicViewOmits(omits);

    const { status, json } = await deliver(webhookBody(order));

    expect(status).toBe(200);
    expect(json.outcome).toBe("recorded");
    const stored = await orderOf(order.orderId);
    expect(stored.status).toBe("PAID");
    expect(stored.payments.map((payment) => payment.transactionId)).toEqual([order.transactionId]);
    expect(stored.entitlement).not.toBeNull();
    expect(stored.verification).toMatchObject({ isConfirmed: true, confirmedBy: "payment_count", paymentsCount: 1, handcashTransactionId: null });
  });

  it("flags the order for review when HandCash counts no payment yet", async () => {
    const order = await createPendingOrder();
    await setPublicViewOmits({ transactionId: true });

    const { status, json } = await deliver(webhookBody(order));

    expect(status).toBe(200);
    expect(json.outcome).toBe("unconfirmed");
    expect((await orderOf(order.orderId)).status).toBe("NEEDS_REVIEW");
    expect(await countRows()).toMatchObject({ payments: 0, entitlements: 0 });
  });

  it("lets one counted payment confirm one transaction, not a second claimed one", async () => {
    const order = await createPaidOrder();
    await setPublicViewOmits({ transactionId: true });
    expect((await deliver(webhookBody(order))).json.outcome).toBe("recorded");

    const second = await deliver(webhookBody({ ...order, transactionId: randomHex(32) }));

    expect(second.json.outcome).toBe("unconfirmed");
    const stored = await orderOf(order.orderId);
    expect(stored.status).toBe("PAID");
    expect(stored.payments.map((payment) => payment.transactionId)).toEqual([order.transactionId]);
  });
});

describe("the reconciler when HandCash's public view names no transaction", () => {
  it("records the transaction an earlier delivery claimed, once HandCash counts the payment", async () => {
    const order = await createPendingOrder();
    await setPublicViewOmits({ transactionId: true });
    const claimed = randomHex(32);
    // The webhook came before HandCash's count caught up: unconfirmed at the time.
    expect((await deliver(webhookBody({ ...order, transactionId: claimed }))).json.outcome).toBe("unconfirmed");
    await payInEmulator(order.paymentRequestId);

    expect(await reconcileOrder({ orderId: order.orderId, actor: "reconciler" })).toMatchObject({ status: "PAID", outcome: "paid" });

    const stored = await orderOf(order.orderId);
    expect(stored.payments.map((payment) => payment.transactionId)).toEqual([claimed]);
    expect(stored.entitlement).not.toBeNull();
    const claim = await db.webhookEvent.findFirstOrThrow({ where: { transactionId: claimed } });
    expect(claim.resolvedAt).not.toBeNull();
  });

  it("gives the reader access even when no webhook ever named the transaction", async () => {
    const order = await createPaidOrder();
    await setPublicViewOmits({ transactionId: true });

    expect(await reconcileOrder({ orderId: order.orderId, actor: "reconciler" })).toMatchObject({ status: "PAID", outcome: "paid" });

    const stored = await orderOf(order.orderId);
    expect(stored.payments.map((payment) => payment.transactionId)).toEqual([`unnamed:${order.paymentRequestId}:1`]);
    expect(stored.entitlement).not.toBeNull();
    // Checking again records nothing more.
    expect(await reconcileOrder({ orderId: order.orderId, actor: "reconciler" })).toMatchObject({ outcome: "already_paid" });
    expect(await countRows()).toMatchObject({ payments: 1, entitlements: 1 });
  });
});
