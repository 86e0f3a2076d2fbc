import { getPayability, getPaymentRequestStatus } from "./payment-request-state";
import { type DeliveryRecord, type StoredPaymentRequest, sumReceivers } from "./store";

/**
 * The JSON shapes Cloud returns (contract §1.4). Optional fields are left out rather than
 * sent as null, as the generated client's `?` types suggest.
 */

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

export function toPrivateView(record: StoredPaymentRequest, publicUrl: string, now: Date) {
  return {
    id: record.id,
    ...buildPaymentRequestUrls(publicUrl, record.id),
    isEnabled: getPayability(record, now).isPayable,
    product: record.product,
    currencyCode: record.instrumentCurrencyCode,
    receivers: record.receivers,
    ...toUnits(record),
    ...(record.priceBeforeDiscount !== null && { priceBeforeDiscount: record.priceBeforeDiscount }),
    paymentAmount: toPaymentAmount(record),
    ...(record.notifications && { notifications: record.notifications }),
    ...(record.shop && { shop: record.shop }),
    ...(record.requestedUserData && { requestedUserData: record.requestedUserData }),
    ...(record.redirectUrl !== null && { redirectUrl: record.redirectUrl }),
    expirationType: record.expirationType,
    expiresAt: record.expiresAt.toISOString(),
    createdAt: record.createdAt.toISOString(),
    enabledAt: record.enabledAt.toISOString(),
  };
}

export function toPublicView(record: StoredPaymentRequest, publicUrl: string, now: Date) {
  const latestPayment = record.payments.at(-1);
  return {
    id: record.id,
    ...buildPaymentRequestUrls(publicUrl, record.id),
    status: getPaymentRequestStatus(record, now),
    ...(latestPayment && { transactionId: latestPayment.transactionId }),
    ...(record.redirectUrl !== null && { redirectUrl: record.redirectUrl }),
    expiresAt: record.expiresAt.toISOString(),
    enabledAt: record.enabledAt.toISOString(),
    product: record.product,
    paymentAmount: toPaymentAmount(record),
    paymentsCount: record.payments.length,
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
export function toControlView(record: StoredPaymentRequest, publicUrl: string, now: Date) {
  return {
    ...toPrivateView(record, publicUrl, now),
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
