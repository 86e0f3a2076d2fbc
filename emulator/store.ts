import crypto from "node:crypto";
import type { CreatePaymentRequestBody, DeliveryState, RequestedUserDataField, UpdatePaymentRequestBody } from "./schemas";

/**
 * In-memory state of the emulator: payment requests, the payments made against them and the
 * webhook deliveries. Nothing survives a restart, which is what a test double should do.
 */

export type ExpirationType = "never" | "onPaymentCompleted" | "limit";
export type PaymentRequestStatus = "pending" | "completed" | "expired";

export interface Product {
  name: string;
  description?: string;
  longDescription?: string;
  imageUrl?: string;
}

export interface Receiver {
  sendAmount: number;
  destination: string;
  tags?: string[];
}

export interface WebhookNotification {
  webhookUrl: string;
  customParameters?: Record<string, unknown>;
}

export interface Notifications {
  webhook?: WebhookNotification;
  email?: string;
}

export interface PaymentRecord {
  transactionId: string;
  userId: string;
  userData: Record<string, string>;
  amount: number;
  paidAt: Date;
}

export interface StoredPaymentRequest {
  id: string;
  /** Breaks ties between requests created within the same millisecond when sorting newest first. */
  sequence: number;
  product: Product;
  instrumentCurrencyCode: "BSV" | "MNEE";
  denominationCurrencyCode: string | null;
  receivers: Receiver[];
  requestedUserData: RequestedUserDataField[] | null;
  paymentMethods: string[] | null;
  redirectUrl: string | null;
  notifications: Notifications | null;
  expirationType: ExpirationType;
  totalUnits: number | null;
  remainingUnits: number | null;
  priceBeforeDiscount: number | null;
  shop: Record<string, unknown> | null;
  createdAt: Date;
  enabledAt: Date;
  expiresAt: Date;
  payments: PaymentRecord[];
}

export type DeliveryKind = "payment" | "replay" | "forgery";

export interface DeliveryAttempt {
  deliveryId: string;
  paymentRequestId: string;
  transactionId: string;
  attempt: number;
  scheduledAt: string;
  startedAt: string;
  finishedAt: string;
  httpStatus: number | null;
  error: string | null;
  responseBody: string | null;
}

export interface DeliveryRecord {
  deliveryId: string;
  sequence: number;
  paymentRequestId: string;
  transactionId: string;
  kind: DeliveryKind;
  state: DeliveryState;
  webhookUrl: string;
  /** Serialised once, so every attempt and retry sends the same bytes. */
  payload: string;
  isRetryEnabled: boolean;
  createdAt: Date;
  firstAttemptAt: Date | null;
  nextAttemptAt: Date | null;
  isInFlight: boolean;
  attempts: DeliveryAttempt[];
}

export interface DeliveryFilter {
  paymentRequestId?: string;
  transactionId?: string;
  state?: DeliveryState;
}

/** Mongo-like ObjectId: 4 bytes of seconds then 8 random bytes, so ids sort roughly by creation time. */
export function createObjectId(now: Date): string {
  const seconds = Math.floor(now.getTime() / 1000)
    .toString(16)
    .padStart(8, "0");
  return `${seconds}${crypto.randomBytes(8).toString("hex")}`;
}

export function createTransactionId(): string {
  return crypto.randomBytes(32).toString("hex");
}

export function sumReceivers(receivers: readonly Receiver[]): number {
  const total = receivers.reduce((sum, receiver) => sum + receiver.sendAmount, 0);
  // Eight decimals is satoshi precision; it hides float noise such as 0.1 + 0.2.
  return Number(total.toFixed(8));
}

export class EmulatorStore {
  private readonly paymentRequests = new Map<string, StoredPaymentRequest>();
  private readonly deletedIds = new Set<string>();
  private readonly deliveries = new Map<string, DeliveryRecord>();
  private sequence = 0;

  createPaymentRequest(body: CreatePaymentRequestBody, now: Date, defaultExpirySeconds: number): StoredPaymentRequest {
    const expiresAt = body.expiresAt ? new Date(body.expiresAt) : new Date(now.getTime() + (body.expirationInSeconds ?? defaultExpirySeconds) * 1000);
    const totalUnits = body.expirationType === "limit" ? (body.totalUnits ?? null) : null;
    const record: StoredPaymentRequest = {
      id: createObjectId(now),
      sequence: ++this.sequence,
      product: { ...body.product },
      instrumentCurrencyCode: body.instrumentCurrencyCode,
      denominationCurrencyCode: body.denominationCurrencyCode ?? null,
      receivers: body.receivers.map((receiver) => ({ ...receiver })),
      requestedUserData: body.requestedUserData ? [...new Set(body.requestedUserData)] : null,
      paymentMethods: body.paymentMethods ?? null,
      redirectUrl: body.redirectUrl ?? null,
      notifications: body.notifications ? structuredClone(body.notifications) : null,
      expirationType: body.expirationType,
      totalUnits,
      remainingUnits: totalUnits,
      priceBeforeDiscount: body.priceBeforeDiscount ?? null,
      shop: body.shop ?? null,
      createdAt: now,
      enabledAt: body.enabledAt ? new Date(body.enabledAt) : now,
      expiresAt,
      payments: [],
    };
    this.paymentRequests.set(record.id, record);
    return record;
  }

  getPaymentRequest(id: string): StoredPaymentRequest | null {
    return this.paymentRequests.get(id) ?? null;
  }

  isDeleted(id: string): boolean {
    return this.deletedIds.has(id);
  }

  listPaymentRequests(): StoredPaymentRequest[] {
    return [...this.paymentRequests.values()].sort((a, b) => b.sequence - a.sequence);
  }

  /** Partial update: omitted fields stay as they are (contract §1.5). */
  updatePaymentRequest(record: StoredPaymentRequest, patch: UpdatePaymentRequestBody, now: Date): void {
    const webhookPatch = patch.notifications?.webhook;
    if (patch.product) {
      const { name, description, longDescription, imageUrl } = patch.product;
      record.product = {
        ...record.product,
        ...(name !== undefined && { name }),
        ...(description !== undefined && { description }),
        ...(longDescription !== undefined && { longDescription }),
        ...(imageUrl !== undefined && { imageUrl }),
      };
    }
    if (patch.redirectUrl !== undefined) record.redirectUrl = patch.redirectUrl;
    if (patch.notifications) {
      const notifications: Notifications = { ...record.notifications };
      if (patch.notifications.email !== undefined) notifications.email = patch.notifications.email;
      if (webhookPatch) {
        const previous = notifications.webhook;
        notifications.webhook = {
          webhookUrl: webhookPatch.webhookUrl ?? previous?.webhookUrl ?? "",
          ...(previous?.customParameters && { customParameters: previous.customParameters }),
          ...(webhookPatch.customParameters && { customParameters: structuredClone(webhookPatch.customParameters) }),
        };
      }
      record.notifications = notifications;
    }
    if (patch.expiresAt !== undefined) record.expiresAt = new Date(patch.expiresAt);
    if (patch.expirationInSeconds !== undefined) record.expiresAt = new Date(now.getTime() + patch.expirationInSeconds * 1000);
    if (patch.decreaseRemainingUnits !== undefined && record.remainingUnits !== null) {
      record.remainingUnits = Math.max(0, record.remainingUnits - patch.decreaseRemainingUnits);
    }
    if (patch.priceBeforeDiscount !== undefined) record.priceBeforeDiscount = patch.priceBeforeDiscount;
    if (patch.shop !== undefined) record.shop = patch.shop;
  }

  deletePaymentRequest(id: string): boolean {
    const isDeleted = this.paymentRequests.delete(id);
    if (isDeleted) this.deletedIds.add(id);
    return isDeleted;
  }

  recordPayment(record: StoredPaymentRequest, payment: PaymentRecord): void {
    record.payments.push(payment);
    if (record.remainingUnits !== null) record.remainingUnits = Math.max(0, record.remainingUnits - 1);
  }

  addDelivery(delivery: Omit<DeliveryRecord, "sequence">): DeliveryRecord {
    const record: DeliveryRecord = { ...delivery, sequence: ++this.sequence };
    this.deliveries.set(record.deliveryId, record);
    return record;
  }

  getDelivery(deliveryId: string): DeliveryRecord | null {
    return this.deliveries.get(deliveryId) ?? null;
  }

  /** Oldest first, the order a log is read in. */
  listDeliveries(filter: DeliveryFilter = {}): DeliveryRecord[] {
    return [...this.deliveries.values()]
      .filter(
        (delivery) =>
          (filter.paymentRequestId === undefined || delivery.paymentRequestId === filter.paymentRequestId) &&
          (filter.transactionId === undefined || delivery.transactionId === filter.transactionId) &&
          (filter.state === undefined || delivery.state === filter.state),
      )
      .sort((a, b) => a.sequence - b.sequence);
  }

  clear(): void {
    this.paymentRequests.clear();
    this.deletedIds.clear();
    this.deliveries.clear();
  }
}
