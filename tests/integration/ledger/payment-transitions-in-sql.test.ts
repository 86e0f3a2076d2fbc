import { describe, expect, it } from "vitest";
import { OrderStatus } from "@/generated/prisma/enums";
import { lockOrderOrThrow } from "@/server/ledger/lock-order";
import { recordPayment } from "@/server/ledger/record-payment";
import { nextOrderStatus } from "@/server/ledger/order-transitions";
import type { PaymentVerification } from "@/server/payments/verify-payment";
import { createPendingOrder, db, randomHex } from "../helpers";

// The SQL functions that record payments apply two of the state machine's transitions themselves;
// these tests hold them to server/ledger/order-transitions.ts for every status.

function verificationOf(transactionId: string, isConfirmed: boolean): PaymentVerification {
  return {
    isConfirmed,
    checkedAt: new Date().toISOString(),
    handcashStatus: isConfirmed ? "completed" : "pending",
    handcashTransactionId: isConfirmed ? transactionId : null,
    claimedTransactionId: transactionId,
    paymentAmount: null,
  };
}

async function orderWithStatus(status: OrderStatus) {
  const order = await createPendingOrder();
  await db.order.update({ where: { id: order.orderId }, data: { status } });
  return order;
}

describe("tollgate_record_payment follows PAYMENT_CONFIRMED", () => {
  it.each(Object.values(OrderStatus))("from %s", async (initialStatus) => {
    const order = await orderWithStatus(initialStatus);
    const transactionId = randomHex(32);
    const { outcome } = await db.$transaction(async (tx) =>
      recordPayment({
        tx,
        order: await lockOrderOrThrow(tx, order.orderId),
        paymentRequestId: order.paymentRequestId,
        transactionId,
        userData: { id: "payer-1", paymail: 42 },
        paymentMethod: null,
        verification: verificationOf(transactionId, true),
        actor: "reconciler",
      }),
    );

    const expected = nextOrderStatus(initialStatus, "PAYMENT_CONFIRMED");
    const stored = await db.order.findUniqueOrThrow({ where: { id: order.orderId }, include: { payments: true, entitlement: true } });
    expect(stored.status).toBe(expected ?? initialStatus);
    expect(outcome).toBe(expected ? "RECORDED" : "EXTRA_PAYMENT");
    expect(stored.payments).toHaveLength(1);
    // Only string fields of userData become payer columns; the whole object is kept as sent.
    expect(stored.payments[0]).toMatchObject({ transactionId, payerId: "payer-1", payerPaymail: null, userData: { id: "payer-1", paymail: 42 } });
    expect(stored.entitlement !== null).toBe(expected !== null);
    // A second payment for a paid order is kept and flagged for a refund.
    expect(stored.refundReason).toBe(expected ? null : `A second payment, transaction ${transactionId}, arrived for this order, which was already paid.`);
    expect(stored.verifiedAt?.toISOString()).toBe((stored.verification as { checkedAt: string }).checkedAt);
  });
});

describe("tollgate_record_unconfirmed_payment follows PAYMENT_UNCONFIRMED", () => {
  it.each(Object.values(OrderStatus))("from %s", async (initialStatus) => {
    const order = await orderWithStatus(initialStatus);
    const verification = verificationOf(randomHex(32), false);
    await db.$executeRaw`SELECT tollgate_record_unconfirmed_payment(${order.orderId}, ${"not confirmed"}, ${JSON.stringify(verification)}::jsonb, ${"webhook"})`;

    const expected = nextOrderStatus(initialStatus, "PAYMENT_UNCONFIRMED");
    const stored = await db.order.findUniqueOrThrow({ where: { id: order.orderId }, include: { events: true, entitlement: true } });
    expect(stored.status).toBe(expected ?? initialStatus);
    expect(stored.reviewReason).toBe(expected ? "not confirmed" : null);
    expect(stored.entitlement).toBeNull();
    expect(stored.events.filter((event) => event.type === "VERIFICATION_FAILED")).toHaveLength(1);
  });
});
