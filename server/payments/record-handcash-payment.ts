import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { WebhookOutcome } from "@/generated/prisma/enums";
import { db, type TransactionClient } from "@/server/db";
import { grantEntitlement } from "@/server/fulfilment/grant-entitlement";
import type { HandCashWebhookPayload } from "@/server/handcash/schemas";
import { recordOrderEvent } from "@/server/orders/record-order-event";
import { nextOrderStatus } from "@/server/payments/transitions";

export interface RecordPaymentResult {
  outcome: WebhookOutcome;
  orderId: string | null;
  detail: string | null;
}

interface LockedOrder {
  id: string;
  status: "PENDING" | "PAID" | "NEEDS_REVIEW" | "EXPIRED" | "FAILED";
  readerId: string;
  productId: string;
}

/**
 * Records one authenticated HandCash payment webhook in a single transaction: the delivery
 * (WebhookEvent), the Payment, the order's move to PAID and the reader's entitlement. Safe to
 * call any number of times, concurrently, with the same payload: the order row is locked, and
 * `Payment.transactionId` is unique, so a transaction is recorded and fulfilled exactly once.
 * `payload` must already have had `appSecret` removed; it is stored as given.
 */
export async function recordHandCashPayment(payload: HandCashWebhookPayload): Promise<RecordPaymentResult> {
  try {
    return await db.$transaction((tx) => recordInTransaction(tx, payload));
  } catch (error) {
    // Two deliveries of one transactionId for two different orders race past the lookup and
    // one insert hits the unique index; running again sees the committed payment.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return db.$transaction((tx) => recordInTransaction(tx, payload));
    }
    throw error;
  }
}

async function recordInTransaction(tx: TransactionClient, payload: HandCashWebhookPayload): Promise<RecordPaymentResult> {
  const [order] = await tx.$queryRaw<LockedOrder[]>`
    SELECT "id", "status"::text AS "status", "readerId", "productId"
    FROM "Order" WHERE "paymentRequestId" = ${payload.paymentRequestId}
    FOR UPDATE`;

  const finish = async (outcome: WebhookOutcome, detail: string | null): Promise<RecordPaymentResult> => {
    await tx.webhookEvent.create({
      data: {
        paymentRequestId: payload.paymentRequestId,
        transactionId: payload.transactionId,
        orderId: order?.id ?? null,
        outcome,
        detail,
        payload: payload as Prisma.InputJsonValue,
      },
    });
    return { outcome, orderId: order?.id ?? null, detail };
  };

  if (!order) return finish("ORPHAN", "No order has this paymentRequestId; kept for review.");

  const claimedOrderId = payload.customParameters.orderId;
  if (claimedOrderId !== undefined && claimedOrderId !== order.id) {
    return finish("MISMATCH", `customParameters.orderId names ${String(claimedOrderId).slice(0, 64)}, but the payment request belongs to ${order.id}.`);
  }

  const existing = await tx.payment.findUnique({ where: { transactionId: payload.transactionId }, select: { orderId: true } });
  if (existing) {
    return existing.orderId === order.id
      ? finish("DUPLICATE", null)
      : finish("MISMATCH", `This transactionId was already recorded for order ${existing.orderId}.`);
  }

  await tx.payment.create({
    data: {
      orderId: order.id,
      transactionId: payload.transactionId,
      paymentRequestId: payload.paymentRequestId,
      payerId: payload.userData.id ?? null,
      payerPaymail: payload.userData.paymail ?? null,
      payerEmail: payload.userData.email ?? null,
      userData: payload.userData as Prisma.InputJsonValue,
      paymentMethod: payload.paymentMethod ?? null,
    },
  });

  const paid = nextOrderStatus(order.status, "PAYMENT_CONFIRMED");
  if (!paid) return finish("EXTRA_PAYMENT", "The order was already paid by another transaction; this payment needs a refund or review.");

  await tx.order.update({ where: { id: order.id }, data: { status: paid, paidAt: new Date() } });
  await recordOrderEvent({ tx, orderId: order.id, type: "PAID", actor: "webhook", detail: { transactionId: payload.transactionId, previousStatus: order.status } });
  await grantEntitlement({ tx, readerId: order.readerId, productId: order.productId, orderId: order.id, actor: "webhook" });
  return finish("RECORDED", order.status === "PENDING" ? null : `Paid after the order was ${order.status.toLowerCase()}.`);
}
