import "server-only";
import { PAYMENT_WINDOW_MINUTES } from "@/lib/config";
import type { CreatedOrder } from "@/lib/schemas/orders";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { AppError, isUniqueViolation } from "@/server/errors";
import { hasEntitlement } from "@/server/fulfilment/has-entitlement";
import { buildPaymentRequestBody } from "@/server/handcash/build-payment-request-body";
import { createPaymentRequest } from "@/server/handcash/client";
import type { PaymentRequest } from "@/server/handcash/schemas";
import { attachPaymentRequest } from "@/server/ledger/attach-payment-request";
import { createPendingOrder } from "@/server/ledger/create-pending-order";
import { recordOrderExpiry } from "@/server/ledger/record-order-expiry";
import { log } from "@/server/log";
import { enforceSiteWideOrderRateLimit } from "@/server/orders/enforce-order-rate-limits";
import { PENDING_ORDER_SELECT, type PendingOrderRow, toCreatedOrder } from "@/server/orders/order-views";
import { recordPaymentRequestFailure } from "@/server/orders/record-payment-request-failure";
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
/** How long a request waits for a concurrent one of the same reader to finish creating the order (HandCash's timeout, and a margin). */
const CONCURRENT_CREATION_WAIT_MS = 15_000;
const CONCURRENT_CREATION_POLL_MS = 200;

interface OrderedProduct {
  id: string;
  title: string;
  priceAmount: number;
  currency: PendingOrderRow["currency"];
}

type PendingOrderClaim = { isExisting: true; order: PendingOrderRow } | { isExisting: false; order: { id: string; expiresAt: Date } };

/**
 * Creates an order and its HandCash payment request. The Order row is written first, so a
 * webhook can never arrive for a request we have no record of; the request id is stored after.
 * A reader has at most one pending order per product, enforced by a unique index: clicking twice
 * or ordering from two tabs hands back the same order (waiting for the other request to finish
 * creating it), so a reader is never asked to pay twice for one article.
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

  const buildBody = (orderId: string) =>
    buildPaymentRequestBody({
      orderId,
      product,
      price: { amount: product.priceAmount, currency: product.currency },
      receiver: env.HANDCASH_RECEIVER,
      webhookUrl: webhookUrl(),
      redirectUrl: articleUrl(product.slug),
    });
  // Built once before anything is written: a body HandCash's rules refuse (our bug, or APP_URL) must not leave a failed order behind.
  buildBody("not-yet-created");

  const claim = await claimPendingOrder(readerId, product);
  if (claim.isExisting) return { order: toCreatedOrder(claim.order), isExisting: true };
  const { order } = claim;

  let paymentRequest: PaymentRequest;
  try {
    paymentRequest = await createPaymentRequest(buildBody(order.id));
  } catch (error) {
    throw await recordPaymentRequestFailure({ orderId: order.id, error });
  }

  const updated = await attachPaymentRequest({ orderId: order.id, paymentRequest, windowEndsAt: order.expiresAt });
  if (!updated) throw new Error(`Order ${order.id} got another payment request while HandCash created ${paymentRequest.id}`);
  log.info({ event: "order.created", orderId: order.id, paymentRequestId: paymentRequest.id, productId }, "order created");
  return { order: toCreatedOrder(updated), isExisting: false };
}

/**
 * The reader's one pending order for the product: the existing one when it can still be paid at
 * today's price, else a new one, after the old is closed (REPLACED_BY_NEW_ORDER). The unique index
 * on pending orders decides races: the request that loses waits for the winner's payment request.
 */
async function claimPendingOrder(readerId: string, product: OrderedProduct): Promise<PendingOrderClaim> {
  const deadline = Date.now() + CONCURRENT_CREATION_WAIT_MS;
  let isCounted = false;
  while (Date.now() < deadline) {
    const pending = await db.order.findFirst({
      where: { readerId, productId: product.id, status: "PENDING" },
      select: { ...PENDING_ORDER_SELECT, paymentRequestId: true, createdAt: true, failureReason: true },
    });
    if (pending) {
      // No link yet and no failure noted: another request of this reader is asking HandCash right now.
      const isBeingCreated =
        pending.paymentRequestId === null && pending.failureReason === null && pending.createdAt.getTime() > Date.now() - CONCURRENT_CREATION_WAIT_MS;
      if (isBeingCreated) {
        await sleep(CONCURRENT_CREATION_POLL_MS);
        continue;
      }
      const isReusable =
        pending.paymentRequestId !== null &&
        pending.expiresAt.getTime() > Date.now() + MIN_REUSABLE_WINDOW_MS &&
        pending.amount === product.priceAmount &&
        pending.currency === product.currency;
      if (isReusable) return { isExisting: true, order: pending };
      // Its pay link may still be open in another tab: the expiry queues the job that closes it at HandCash.
      await recordOrderExpiry({ orderId: pending.id, event: "REPLACED_BY_NEW_ORDER", actor: "system", reason: describeReplacement(pending, product) });
      continue;
    }
    // Counted once, and only now: a real product, no order to hand back (issue 9: refused or bogus
    // requests must not use up the site-wide budget).
    if (!isCounted) {
      await enforceSiteWideOrderRateLimit();
      isCounted = true;
    }
    try {
      const order = await createPendingOrder({
        readerId,
        productId: product.id,
        amount: product.priceAmount,
        currency: product.currency,
        productTitle: product.title,
        expiresAt: new Date(Date.now() + PAYMENT_WINDOW_MINUTES * 60_000),
      });
      return { isExisting: false, order };
    } catch (error) {
      // Another request of this reader created the pending order first: hand that one back.
      if (isUniqueViolation(error)) continue;
      throw error;
    }
  }
  throw new AppError("CONFLICT", "Your order for this article is still being prepared. Please try again in a moment.");
}

function describeReplacement(pending: { paymentRequestId: string | null; amount: number; currency: string }, product: OrderedProduct): string {
  if (pending.paymentRequestId === null) return "HandCash never gave this order a link the reader could pay; the reader ordered again.";
  if (pending.amount !== product.priceAmount || pending.currency !== product.currency) return "The price changed; the reader ordered again at the new price.";
  return "Too little of its payment window was left; the reader ordered again.";
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
