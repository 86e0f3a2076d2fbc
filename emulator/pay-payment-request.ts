import { getPayability } from "./payment-request-state";
import type { DeliveryMode } from "./schemas";
import { createTransactionId, type EmulatorStore, type PaymentRecord, type StoredPaymentRequest, sumReceivers } from "./store";
import { findTestUser, type TestUser } from "./test-wallet";
import { buildWebhookPayload, type WebhookDispatcher } from "./webhook-delivery";

/** Default hold-back for `delivery: "delayed"` when no delayMs is given, matching `hc delayed`. */
export const DEFAULT_DELAY_MS = 10_000;

export class PaymentError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
    this.name = "PaymentError";
  }
}

export interface PayPaymentRequestOptions {
  store: EmulatorStore;
  dispatcher: WebhookDispatcher;
  log: (line: string) => void;
  appSecret: string;
  paymentRequestId: string;
  userId?: string;
  email?: string;
  delivery: DeliveryMode;
  delayMs?: number;
}

export interface PaymentResult {
  record: StoredPaymentRequest;
  payment: PaymentRecord;
  /** redirectUrl with `transactionId` appended, as Cloud redirects the payer; null when the request has none. */
  redirectUrl: string | null;
  deliveryId: string | null;
}

function buildUserData(record: StoredPaymentRequest, user: TestUser, email: string): Record<string, string> {
  const userData: Record<string, string> = { id: user.id };
  for (const field of record.requestedUserData ?? []) {
    if (field === "paymail") userData.paymail = user.paymail;
    if (field === "email") userData.email = email;
    if (field === "phoneNumber") userData.phoneNumber = user.phoneNumber;
  }
  return userData;
}

export function appendTransactionId(redirectUrl: string, transactionId: string): string {
  const url = new URL(redirectUrl);
  url.searchParams.set("transactionId", transactionId);
  return url.toString();
}

/**
 * What happens when a HandCash user pays: the payment is recorded first, then the webhook is
 * started but not awaited, so a slow or failing receiver never delays the payer's redirect.
 */
export function payPaymentRequest(options: PayPaymentRequestOptions): PaymentResult {
  const { store, dispatcher, paymentRequestId } = options;
  const record = store.getPaymentRequest(paymentRequestId);
  if (!record) throw new PaymentError(404, "Payment request not found");
  const user = findTestUser(options.userId ?? "alice");
  if (!user) throw new PaymentError(400, `"userId" must be one of the test users (alice, bob, carol or their ids)`);
  const now = new Date();
  const payability = getPayability(record, now);
  if (!payability.isPayable) throw new PaymentError(409, payability.message);

  const email = options.email?.trim() || user.email;
  const payment: PaymentRecord = {
    transactionId: createTransactionId(),
    userId: user.id,
    userData: buildUserData(record, user, email),
    amount: sumReceivers(record.receivers),
    paidAt: now,
  };
  store.recordPayment(record, payment);

  const webhook = record.notifications?.webhook;
  const delivery = webhook
    ? dispatcher.startDelivery({
        record,
        webhookUrl: webhook.webhookUrl,
        payload: buildWebhookPayload(record, payment, options.appSecret),
        kind: "payment",
        mode: options.delivery,
        delayMs: options.delivery === "delayed" ? (options.delayMs ?? DEFAULT_DELAY_MS) : 0,
        isRetryEnabled: true,
      })
    : null;

  options.log(
    `payment request ${record.id} paid by $${user.handle}: transaction ${payment.transactionId}` +
      (delivery ? `, webhook ${delivery.deliveryId} (${options.delivery})` : ", no webhook configured"),
  );
  return {
    record,
    payment,
    redirectUrl: record.redirectUrl ? appendTransactionId(record.redirectUrl, payment.transactionId) : null,
    deliveryId: delivery?.deliveryId ?? null,
  };
}
