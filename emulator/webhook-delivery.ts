import crypto from "node:crypto";
import http from "node:http";
import https from "node:https";
import type { EmulatorConfig } from "./config";
import type { DeliveryKind, DeliveryRecord, EmulatorStore, PaymentRecord, StoredPaymentRequest } from "./store";

/**
 * Sends payment webhooks the way Cloud documents them (contract §3): a JSON POST carrying the
 * app secret in the body, retried with exponential backoff until the receiver answers exactly
 * 200 or the retry window closes. Each delivery keeps its own schedule and attempt log.
 */

const RESPONSE_BODY_LIMIT = 500;
const RESPONSE_READ_LIMIT = 64 * 1024;
const USER_AGENT = "HandCash-Emulator/1.0";

export interface WebhookPayload {
  appSecret: string;
  paymentRequestId: string;
  transactionId: string;
  customParameters: Record<string, unknown>;
  userData: Record<string, string>;
  paymentMethod: "onChain";
}

export function buildWebhookPayload(
  record: StoredPaymentRequest,
  payment: Pick<PaymentRecord, "transactionId" | "userData">,
  appSecret: string,
): WebhookPayload {
  return {
    appSecret,
    paymentRequestId: record.id,
    transactionId: payment.transactionId,
    customParameters: record.notifications?.webhook?.customParameters ?? {},
    userData: payment.userData,
    paymentMethod: "onChain",
  };
}

export interface StartDeliveryOptions {
  record: StoredPaymentRequest;
  webhookUrl: string;
  payload: WebhookPayload;
  kind: DeliveryKind;
  /** "lost" records the delivery but never sends it; "delayed" holds the first attempt back by delayMs. */
  mode: "normal" | "lost" | "delayed";
  delayMs?: number;
  isRetryEnabled: boolean;
}

interface AttemptOutcome {
  httpStatus: number | null;
  error: string | null;
  responseBody: string | null;
}

export class DeliveryConflictError extends Error {}

function describeNetworkError(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return error.errors.map(describeNetworkError).join("; ");
  }
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return error.message || code || error.name;
  }
  return String(error);
}

export class WebhookDispatcher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly inFlightRequests = new Set<http.ClientRequest>();
  /** Bumped by cancelAll so attempts still in flight from before a reset don't write into the new state. */
  private generation = 0;

  constructor(
    private readonly config: EmulatorConfig,
    private readonly store: EmulatorStore,
    private readonly log: (line: string) => void,
  ) {}

  startDelivery(options: StartDeliveryOptions): DeliveryRecord {
    const now = new Date();
    const delivery = this.store.addDelivery({
      deliveryId: `dlv_${crypto.randomBytes(8).toString("hex")}`,
      paymentRequestId: options.record.id,
      transactionId: options.payload.transactionId,
      kind: options.kind,
      state: options.mode === "lost" ? "lost" : "pending",
      webhookUrl: options.webhookUrl,
      payload: JSON.stringify(options.payload),
      isRetryEnabled: options.isRetryEnabled,
      createdAt: now,
      firstAttemptAt: null,
      nextAttemptAt: null,
      isInFlight: false,
      attempts: [],
    });
    if (options.mode === "lost") {
      this.log(`webhook ${delivery.deliveryId} for ${delivery.paymentRequestId} marked lost: it will never be sent`);
    } else {
      const delayMs = options.mode === "delayed" ? (options.delayMs ?? 0) : 0;
      this.scheduleAttempt(delivery, new Date(now.getTime() + delayMs));
    }
    return delivery;
  }

  /** Runs the next attempt now; a failed delivery gets one more manual attempt but no new schedule. */
  retryNow(deliveryId: string): DeliveryRecord {
    const delivery = this.store.getDelivery(deliveryId);
    if (!delivery) throw new DeliveryConflictError("Delivery not found");
    if (delivery.isInFlight) throw new DeliveryConflictError("An attempt is already in flight");
    if (delivery.state === "delivered") throw new DeliveryConflictError("Delivery already succeeded");
    if (delivery.state === "lost") throw new DeliveryConflictError("Delivery is lost; send copies through /deliveries instead");
    delivery.nextAttemptAt = new Date();
    void this.runAttempt(delivery, this.generation);
    return delivery;
  }

  cancelAll(): void {
    this.generation++;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const request of this.inFlightRequests) request.destroy();
    this.inFlightRequests.clear();
  }

  private scheduleAttempt(delivery: DeliveryRecord, at: Date): void {
    delivery.nextAttemptAt = at;
    const generation = this.generation;
    const timer = setTimeout(() => void this.runAttempt(delivery, generation), Math.max(0, at.getTime() - Date.now()));
    this.timers.set(delivery.deliveryId, timer);
  }

  private async runAttempt(delivery: DeliveryRecord, generation: number): Promise<void> {
    const timer = this.timers.get(delivery.deliveryId);
    if (timer) clearTimeout(timer);
    this.timers.delete(delivery.deliveryId);
    const isManualRetryOfFailed = delivery.state === "failed";
    const scheduledAt = delivery.nextAttemptAt ?? new Date();
    const startedAt = new Date();
    delivery.nextAttemptAt = null;
    delivery.isInFlight = true;
    delivery.firstAttemptAt ??= startedAt;

    const outcome = await this.postWebhook(delivery);
    if (generation !== this.generation) return;

    const finishedAt = new Date();
    delivery.isInFlight = false;
    delivery.attempts.push({
      deliveryId: delivery.deliveryId,
      paymentRequestId: delivery.paymentRequestId,
      transactionId: delivery.transactionId,
      attempt: delivery.attempts.length + 1,
      scheduledAt: scheduledAt.toISOString(),
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      ...outcome,
    });
    const attemptNumber = delivery.attempts.length;
    const result = outcome.httpStatus !== null ? `HTTP ${outcome.httpStatus}` : (outcome.error ?? "no response");

    if (this.isSuccess(outcome.httpStatus)) {
      delivery.state = "delivered";
      this.log(`webhook ${delivery.deliveryId} attempt ${attemptNumber}: ${result}, delivered`);
      return;
    }
    const nextAt = new Date(finishedAt.getTime() + this.getRetryDelayMs(attemptNumber));
    const windowEndsAt = delivery.firstAttemptAt.getTime() + this.config.retryWindowMs;
    if (!delivery.isRetryEnabled || isManualRetryOfFailed || nextAt.getTime() > windowEndsAt) {
      delivery.state = "failed";
      this.log(`webhook ${delivery.deliveryId} attempt ${attemptNumber}: ${result}, giving up`);
      return;
    }
    this.log(`webhook ${delivery.deliveryId} attempt ${attemptNumber}: ${result}, retrying at ${nextAt.toISOString()}`);
    this.scheduleAttempt(delivery, nextAt);
  }

  private isSuccess(httpStatus: number | null): boolean {
    if (httpStatus === 200) return true;
    return this.config.isAny2xxAccepted && httpStatus !== null && httpStatus >= 200 && httpStatus < 300;
  }

  private getRetryDelayMs(attemptNumber: number): number {
    const delay = this.config.retryInitialMs * this.config.retryFactor ** (attemptNumber - 1);
    return Math.min(delay, this.config.retryMaxDelayMs);
  }

  private postWebhook(delivery: DeliveryRecord): Promise<AttemptOutcome> {
    return new Promise((resolve) => {
      const url = new URL(delivery.webhookUrl);
      const body = Buffer.from(delivery.payload, "utf8");
      const transport = url.protocol === "https:" ? https : http;
      let isSettled = false;
      const settle = (outcome: AttemptOutcome) => {
        if (isSettled) return;
        isSettled = true;
        clearTimeout(timeout);
        this.inFlightRequests.delete(request);
        resolve(outcome);
      };
      // A fresh connection per attempt: concurrent copies really are concurrent, and close() leaves no pooled sockets.
      const request = transport.request(
        url,
        {
          method: "POST",
          agent: false,
          headers: {
            "content-type": "application/json",
            "content-length": body.length,
            "user-agent": USER_AGENT,
            accept: "*/*",
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          response.on("data", (chunk: Buffer) => {
            if (size >= RESPONSE_READ_LIMIT) return;
            chunks.push(chunk);
            size += chunk.length;
          });
          const readBody = () => Buffer.concat(chunks).toString("utf8").slice(0, RESPONSE_BODY_LIMIT);
          response.on("end", () => settle({ httpStatus: response.statusCode ?? null, error: null, responseBody: readBody() }));
          response.on("error", (error) => settle({ httpStatus: response.statusCode ?? null, error: describeNetworkError(error), responseBody: readBody() }));
        },
      );
      const timeout = setTimeout(() => {
        settle({ httpStatus: null, error: `timed out after ${this.config.deliveryTimeoutMs} ms`, responseBody: null });
        request.destroy();
      }, this.config.deliveryTimeoutMs);
      request.on("error", (error) => settle({ httpStatus: null, error: describeNetworkError(error), responseBody: null }));
      request.on("close", () => settle({ httpStatus: null, error: "connection closed before a response", responseBody: null }));
      this.inFlightRequests.add(request);
      request.end(body);
    });
  }
}
