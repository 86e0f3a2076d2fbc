import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { WebhookOutcome } from "@/generated/prisma/enums";
import { db, type TransactionClient } from "@/server/db";
import type { HandCashWebhookPayload } from "@/server/handcash/schemas";
import { lockOrder } from "@/server/orders/lock-order";
import { recordPayment, recordUnconfirmedPayment } from "@/server/payments/record-payment";
import { type PaymentVerification, verifyPayment } from "@/server/payments/verify-payment";

export interface WebhookResult {
  outcome: WebhookOutcome;
  orderId: string | null;
  detail: string | null;
}

const NEEDS_VERIFICATION = Symbol("needs verification");
const MAX_PASSES = 4;

/**
 * Handles one authenticated HandCash payment webhook (appSecret already checked and removed).
 * Verify, then trust: a transaction we have not recorded becomes a payment only once HandCash's
 * own record of the payment request names it. HandCash is asked outside any transaction, so no
 * row lock is held across the network; the decision is then taken again under the order's lock.
 * Safe for any number of concurrent copies: one payment, one entitlement, one RECORDED event.
 * Throws (→ 503, HandCash retries) when HandCash or the database cannot answer.
 */
export async function processHandCashWebhook(payload: HandCashWebhookPayload): Promise<WebhookResult> {
  // The delivery's time is its arrival, so on a timeline it comes before what it caused.
  const receivedAt = new Date();
  let verification = (await isVerificationLikelyNeeded(payload))
    ? await verifyPayment({ paymentRequestId: payload.paymentRequestId, claimedTransactionId: payload.transactionId })
    : null;
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    try {
      const result = await db.$transaction((tx) => recordDelivery(tx, payload, verification, receivedAt));
      if (result !== NEEDS_VERIFICATION) return result;
    } catch (error) {
      // Two copies raced past the duplicate check and one hit the unique index: run again.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002" && pass < MAX_PASSES) continue;
      throw error;
    }
    verification = await verifyPayment({ paymentRequestId: payload.paymentRequestId, claimedTransactionId: payload.transactionId });
  }
  throw new Error(`Webhook for ${payload.paymentRequestId} not settled after ${MAX_PASSES} passes`);
}

/**
 * A lock-free first look, so a new payment is verified before its one transaction rather than
 * between two. Only an optimisation: the decision is taken again under the order's lock.
 */
async function isVerificationLikelyNeeded({ paymentRequestId, transactionId, customParameters }: HandCashWebhookPayload): Promise<boolean> {
  const [order, payment] = await Promise.all([
    db.order.findUnique({ where: { paymentRequestId }, select: { id: true } }),
    db.payment.findUnique({ where: { transactionId }, select: { id: true } }),
  ]);
  return order !== null && payment === null && (customParameters.orderId === undefined || customParameters.orderId === order.id);
}

async function recordDelivery(
  tx: TransactionClient,
  payload: HandCashWebhookPayload,
  verification: PaymentVerification | null,
  receivedAt: Date,
): Promise<WebhookResult | typeof NEEDS_VERIFICATION> {
  const order = await lockOrder(tx, { paymentRequestId: payload.paymentRequestId });

  const finish = async (outcome: WebhookOutcome, detail: string | null): Promise<WebhookResult> => {
    await tx.webhookEvent.create({
      data: {
        paymentRequestId: payload.paymentRequestId,
        transactionId: payload.transactionId,
        orderId: order?.id ?? null,
        outcome,
        detail,
        payload: payload as Prisma.InputJsonValue,
        receivedAt,
      },
    });
    return { outcome, orderId: order?.id ?? null, detail };
  };

  if (!order) return finish("ORPHAN", "No order has this paymentRequestId; kept for review and re-matched by the reconciler.");

  const claimedOrderId = payload.customParameters.orderId;
  if (claimedOrderId !== undefined && claimedOrderId !== order.id) {
    return finish("MISMATCH", `customParameters.orderId names ${String(claimedOrderId).slice(0, 64)}, but the payment request belongs to ${order.id}.`);
  }

  const alreadyRecorded = await tx.payment.findUnique({ where: { transactionId: payload.transactionId }, select: { orderId: true } });
  if (alreadyRecorded) {
    return alreadyRecorded.orderId === order.id
      ? finish("DUPLICATE", null)
      : finish("MISMATCH", `This transactionId was already recorded for order ${alreadyRecorded.orderId}.`);
  }
  if (!verification) return NEEDS_VERIFICATION;
  if (!verification.isConfirmed) return finish("UNCONFIRMED", await recordUnconfirmedPayment({ tx, order, verification, actor: "webhook" }));

  const { outcome, detail } = await recordPayment({
    tx,
    order,
    paymentRequestId: payload.paymentRequestId,
    transactionId: payload.transactionId,
    userData: payload.userData,
    paymentMethod: payload.paymentMethod ?? null,
    verification,
    actor: "webhook",
  });
  return finish(outcome, detail);
}
