import type { EmulatorContext } from "./context";
import { getPayability, getPaymentRequestStatus } from "./payment-request-state";
import { type DeliveryRecord, type StoredPaymentRequest, sumReceivers } from "./store";

/**
 * The JSON shapes Cloud returns: exactly the properties HandCash's spec declares (it sets
 * `additionalProperties: false` on each), with every field it marks required. Optional fields are
 * left out rather than sent as null, as the generated client's `?` types suggest.
 * tests/integration/emulator/generated-client.test.ts checks every answer against the spec.
 */

type ViewContext = Pick<EmulatorContext, "getPublicUrl" | "config" | "faults">;

export function buildPaymentRequestUrls(publicUrl: string, id: string) {
  return {
    paymentRequestUrl: `${publicUrl}/pay/${id}`,
    paymentRequestQrCodeUrl: `${publicUrl}/api/paymentPreview/qr/${id}`,
  };
}

function toPaymentAmount(record: StoredPaymentRequest) {
  return {
    currencyCode: record.instrumentCurrencyCode,
    amount: sumReceivers(record.receivers),
    denominatedIn: record.denominationCurrencyCode ?? record.instrumentCurrencyCode,
  };
}

function toUnits(record: StoredPaymentRequest) {
  return {
    ...(record.totalUnits !== null && { totalUnits: record.totalUnits }),
    ...(record.remainingUnits !== null && { remainingUnits: record.remainingUnits }),
  };
}

/** The spec's `shop` answer carries the app's id beside what was sent. */
function toShop(record: StoredPaymentRequest, context: ViewContext) {
  return record.shop ? { shop: { ...record.shop, appId: context.config.appId } } : {};
}

export function toPrivateView(record: StoredPaymentRequest, context: ViewContext, now: Date) {
  return {
    id: record.id,
    ...buildPaymentRequestUrls(context.getPublicUrl(), record.id),
    isEnabled: getPayability(record, now).isPayable,
    product: record.product,
    currencyCode: record.instrumentCurrencyCode,
    receivers: record.receivers.map(({ sendAmount, destination }) => ({ sendAmount, destination })),
    ...toUnits(record),
    ...(record.priceBeforeDiscount !== null && { priceBeforeDiscount: record.priceBeforeDiscount }),
    paymentAmount: toPaymentAmount(record),
    ...(record.notifications && { notifications: record.notifications }),
    ...toShop(record, context),
    ...(record.requestedUserData && { requestedUserData: record.requestedUserData }),
    ...(record.redirectUrl !== null && { redirectUrl: record.redirectUrl }),
    expiresAt: record.expiresAt.toISOString(),
    createdAt: record.createdAt.toISOString(),
    enabledAt: record.enabledAt.toISOString(),
  };
}

/**
 * `redirectUrl` and `product.imageUrl` are required in the spec's public view even though both are
 * optional on create; without one, the emulator answers an empty string. `transactionId` is the
 * latest payment's; it and `paymentsCount` are optional in the spec, and the control API can leave
 * them out (PUT /_emulator/public-view) to show what an app does when Cloud does.
 */
export function toPublicView(record: StoredPaymentRequest, context: ViewContext, now: Date) {
  const latestPayment = record.payments.at(-1);
  return {
    id: record.id,
    ...buildPaymentRequestUrls(context.getPublicUrl(), record.id),
    status: getPaymentRequestStatus(record, now),
    ...(latestPayment && !context.faults.publicViewOmits.transactionId && { transactionId: latestPayment.transactionId }),
    redirectUrl: record.redirectUrl ?? "",
    expiresAt: record.expiresAt.toISOString(),
    enabledAt: record.enabledAt.toISOString(),
    product: { ...record.product, imageUrl: record.product.imageUrl ?? "" },
    paymentAmount: toPaymentAmount(record),
    ...(!context.faults.publicViewOmits.paymentsCount && { paymentsCount: record.payments.length }),
    ...toShop(record, context),
    ...toUnits(record),
    ...(record.priceBeforeDiscount !== null && { priceBeforeDiscount: record.priceBeforeDiscount }),
  };
}

export function toStatsView(record: StoredPaymentRequest) {
  const totalVolume = record.payments.reduce((sum, payment) => sum + payment.amount, 0);
  return {
    totalPayments: record.payments.length,
    totalVolume: Number(totalVolume.toFixed(8)),
    uniqueUsers: new Set(record.payments.map((payment) => payment.userId)).size,
  };
}

/** The control API's view: what a test needs to find "its" request and see what happened to it. */
export function toControlView(record: StoredPaymentRequest, context: ViewContext, now: Date) {
  return {
    ...toPrivateView(record, context, now),
    expirationType: record.expirationType,
    status: getPaymentRequestStatus(record, now),
    transactionIds: record.payments.map((payment) => payment.transactionId),
    customParameters: record.notifications?.webhook?.customParameters ?? {},
    payments: record.payments.map((payment) => ({
      transactionId: payment.transactionId,
      userId: payment.userId,
      amount: payment.amount,
      paidAt: payment.paidAt.toISOString(),
    })),
  };
}
export type ControlPaymentRequestView = ReturnType<typeof toControlView>;

export function toDeliveryView(delivery: DeliveryRecord) {
  return {
    deliveryId: delivery.deliveryId,
    paymentRequestId: delivery.paymentRequestId,
    transactionId: delivery.transactionId,
    kind: delivery.kind,
    state: delivery.state,
    webhookUrl: delivery.webhookUrl,
    isRetryEnabled: delivery.isRetryEnabled,
    createdAt: delivery.createdAt.toISOString(),
    nextAttemptAt: delivery.nextAttemptAt?.toISOString() ?? null,
    attemptCount: delivery.attempts.length,
    attempts: delivery.attempts,
  };
}
export type DeliveryView = ReturnType<typeof toDeliveryView>;
