import "server-only";
import { PAYMENT_WINDOW_MINUTES } from "@/lib/config";
import { toMajorUnits } from "@/lib/money";
import type { CreatedOrder } from "@/lib/schemas/orders";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { hasEntitlement } from "@/server/fulfilment/has-entitlement";
import { createPaymentRequest, HandCashError } from "@/server/handcash/client";
import { log } from "@/server/log";
import { enforceSiteWideOrderRateLimit } from "@/server/orders/enforce-order-rate-limits";
import { PENDING_ORDER_SELECT, toCreatedOrder } from "@/server/orders/order-views";
import { articleUrl, webhookUrl } from "@/server/urls";

export interface CreateOrderOptions {
  readerId: string;
  productId: string;
}

export interface CreateOrderResult {
  order: CreatedOrder;
  /** True when an unexpired pending order was handed back instead of a new one. */
  isExisting: boolean;
}

/** A pending order with less than this left is not reused: the reader needs time to pay. */
const MIN_REUSABLE_WINDOW_MS = 60_000;

/**
 * Creates an order and its HandCash payment request. The Order row is written first, so a
 * webhook can never arrive for a request we have no record of; the request id is stored after.
 * A reader clicking twice gets the same pending order back rather than a second request, which
 * also means they can never be asked to pay twice for one article.
 */
export async function createOrder({ readerId, productId }: CreateOrderOptions): Promise<CreateOrderResult> {
  const product = await db.product.findFirst({
    where: { id: productId, published: true },
    select: { id: true, slug: true, title: true, summary: true, coverImageUrl: true, priceAmount: true, currency: true },
  });
  if (!product) throw new AppError("NOT_FOUND", "No published product has this id.");
  if (await hasEntitlement({ readerId, productId })) {
    throw new AppError("CONFLICT", "You already have access to this article.");
  }

  const reusable = await db.order.findFirst({
    where: {
      readerId,
      productId,
      status: "PENDING",
      paymentRequestId: { not: null },
      expiresAt: { gt: new Date(Date.now() + MIN_REUSABLE_WINDOW_MS) },
      // A price change makes the old request stale.
      amount: product.priceAmount,
      currency: product.currency,
    },
    orderBy: { createdAt: "desc" },
    select: PENDING_ORDER_SELECT,
  });
  if (reusable) return { order: toCreatedOrder(reusable), isExisting: true };
  await enforceSiteWideOrderRateLimit();

  const order = await db.order.create({
    data: {
      readerId,
      productId,
      amount: product.priceAmount,
      currency: product.currency,
      productTitle: product.title,
      expiresAt: new Date(Date.now() + PAYMENT_WINDOW_MINUTES * 60_000),
      events: { create: { type: "CREATED", actor: "system", detail: { amount: product.priceAmount, currency: product.currency } } },
    },
    select: { id: true, expiresAt: true },
  });

  let paymentRequest;
  try {
    paymentRequest = await createPaymentRequest({
      product: {
        name: product.title,
        description: product.summary,
        ...(product.coverImageUrl?.startsWith("https://") ? { imageUrl: product.coverImageUrl } : {}),
      },
      instrumentCurrencyCode: "BSV",
      denominationCurrencyCode: product.currency,
      receivers: [{ sendAmount: toMajorUnits({ amount: product.priceAmount, currency: product.currency }), destination: env.HANDCASH_RECEIVER }],
      requestedUserData: ["paymail", "email"],
      notifications: { webhook: { webhookUrl: webhookUrl(), customParameters: { orderId: order.id } } },
      expirationType: "onPaymentCompleted",
      redirectUrl: articleUrl(product.slug),
    });
  } catch (error) {
    const reason = error instanceof HandCashError ? error.message : "Unexpected error while creating the payment request";
    await db.order.update({
      where: { id: order.id },
      data: {
        status: "FAILED",
        failureReason: reason.slice(0, 500),
        events: { create: { type: "PAYMENT_REQUEST_FAILED", actor: "system", reason: reason.slice(0, 500) } },
      },
    });
    log.error({ event: "order.payment_request_failed", orderId: order.id, err: error }, "payment request creation failed");
    if (error instanceof HandCashError) {
      throw new AppError("PAYMENT_PROVIDER_ERROR", "HandCash could not create the payment request. Please try again in a moment.", { cause: error });
    }
    throw error;
  }

  const handcashExpiry = paymentRequest.expiresAt ? new Date(paymentRequest.expiresAt) : null;
  const expiresAt = handcashExpiry && handcashExpiry < order.expiresAt ? handcashExpiry : order.expiresAt;
  const updated = await db.order.update({
    where: { id: order.id },
    data: {
      paymentRequestId: paymentRequest.id,
      paymentRequestUrl: paymentRequest.paymentRequestUrl,
      paymentRequestQrCodeUrl: paymentRequest.paymentRequestQrCodeUrl,
      expiresAt,
      events: {
        create: {
          type: "PAYMENT_REQUEST_CREATED",
          actor: "system",
          detail: { paymentRequestId: paymentRequest.id, paymentRequestUrl: paymentRequest.paymentRequestUrl, expiresAt: expiresAt.toISOString() },
        },
      },
    },
    select: PENDING_ORDER_SELECT,
  });
  log.info({ event: "order.created", orderId: order.id, paymentRequestId: paymentRequest.id, productId }, "order created");
  return { order: toCreatedOrder(updated), isExisting: false };
}
