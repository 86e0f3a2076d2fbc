import "server-only";
import type { z } from "zod";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { type IncomingAnswer, sendRequest } from "@/server/http/send-request";
import {
  type CreatePaymentRequestBody,
  handcashErrorBodySchema,
  type PaymentRequest,
  type PaymentRequestPublicInfo,
  type PaymentRequestStats,
  paymentRequestListSchema,
  paymentRequestPublicInfoSchema,
  paymentRequestSchema,
  paymentRequestStatsSchema,
} from "@/server/handcash/schemas";

/**
 * HandCash's payment-request REST API (v3). @handcash/handcash-connect 0.8.11 has no
 * payment-request methods, so this is a plain HTTP client; the only module that knows
 * HandCash's URLs and headers. Every failure becomes a HandCashError.
 *
 * Calls go through server/http/send-request.ts (node:http with keep-alive), not fetch: every new
 * payment's webhook waits for one of them.
 *
 * HandCash's answers are taken as HTTP means them: 404 is "no such request"; another 4xx is a
 * refusal that repeating would not change; 429 and 5xx are "later". Those two are retried here
 * with a short backoff (a POST only on 429, when HandCash says it did nothing), and a Retry-After
 * HandCash sends is honoured by every call of this process until it has passed, so a rate limit
 * or an announced outage is not hammered by the reconciler.
 */

const REQUEST_TIMEOUT_MS = 10_000;
/** Far larger than any answer HandCash gives. */
const MAX_RESPONSE_BYTES = 1024 * 1024;
const MAX_ATTEMPTS = 3;
const RETRY_BASE_DELAY_MS = 250;
/** A caller (a webhook, a reader's click) waits at most this long in one retry; a longer Retry-After is left to the caller's own retry. */
const MAX_RETRY_WAIT_MS = 2_000;
/** However long a Retry-After HandCash sends, calls pause at most this long. */
const MAX_PAUSE_MS = 5 * 60_000;

export type HandCashErrorKind = "unreachable" | "rate_limited" | "unavailable" | "rejected" | "not_found" | "invalid_response";

export class HandCashError extends AppError {
  constructor(
    readonly kind: HandCashErrorKind,
    message: string,
    readonly httpStatus?: number,
    cause?: unknown,
    /** How long HandCash asked us to wait (429, 503 with Retry-After). */
    readonly retryAfterMs?: number,
  ) {
    super("PAYMENT_PROVIDER_ERROR", message, { cause });
    this.name = "HandCashError";
  }

  /** HandCash answered and refused: the request itself is wrong, so sending it again cannot succeed. */
  get isRefusal(): boolean {
    return this.kind === "rejected";
  }
}

/** Set from a Retry-After: until then, calls fail at once instead of adding to HandCash's load. */
let pause: { until: number; kind: "rate_limited" | "unavailable" } | null = null;

interface CallOptions<T> {
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  body?: unknown;
  isAuthenticated: boolean;
  responseSchema: z.ZodType<T> | null;
}

async function callHandCash<T>(options: CallOptions<T>): Promise<T> {
  const where = `${options.method} ${options.path}`;
  for (let attempt = 1; ; attempt++) {
    // A retry below has already waited out the pause it met.
    if (attempt === 1 && pause && Date.now() < pause.until) {
      const waitMs = pause.until - Date.now();
      throw new HandCashError(pause.kind, `HandCash asked us to wait ${Math.ceil(waitMs / 1000)} s more; ${where} was not sent`, undefined, undefined, waitMs);
    }
    const response = await exchange(options, where);
    if (response.status >= 200 && response.status <= 299) return parseAnswer(options.responseSchema, response, where);

    const error = toHttpError(response, where);
    if (error.retryAfterMs !== undefined)
      pause = { until: Date.now() + Math.min(error.retryAfterMs, MAX_PAUSE_MS), kind: error.kind === "rate_limited" ? "rate_limited" : "unavailable" };
    // A POST that met a 5xx may have been carried out; only a 429 says HandCash did nothing.
    const isRetryable = error.kind === "rate_limited" || (error.kind === "unavailable" && options.method !== "POST");
    const delayMs = error.retryAfterMs ?? RETRY_BASE_DELAY_MS * 2 ** (attempt - 1) * (1 + Math.random());
    if (!isRetryable || attempt >= MAX_ATTEMPTS || delayMs > MAX_RETRY_WAIT_MS) throw error;
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
}

async function exchange({ method, path, body, isAuthenticated }: CallOptions<unknown>, where: string): Promise<IncomingAnswer> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (isAuthenticated) {
    headers["app-id"] = env.HANDCASH_APP_ID;
    headers["app-secret"] = env.HANDCASH_APP_SECRET;
  }
  try {
    return await sendRequest({
      method,
      url: new URL(`${env.HANDCASH_API_BASE}${path}`),
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      timeoutMs: REQUEST_TIMEOUT_MS,
      maxResponseBytes: MAX_RESPONSE_BYTES,
    });
  } catch (error) {
    throw new HandCashError("unreachable", `HandCash could not be reached (${where}): ${(error as Error).message}`, undefined, error);
  }
}

function toHttpError({ status, text, retryAfter }: IncomingAnswer, where: string): HandCashError {
  const vendorMessage = parseVendorMessage(text);
  const kind: HandCashErrorKind = status === 404 ? "not_found" : status === 429 ? "rate_limited" : status >= 500 ? "unavailable" : "rejected";
  const retryAfterMs = kind === "rate_limited" || kind === "unavailable" ? parseRetryAfter(retryAfter) : undefined;
  return new HandCashError(kind, `HandCash answered ${status} to ${where}${vendorMessage ? `: ${vendorMessage}` : ""}`, status, undefined, retryAfterMs);
}

function parseAnswer<T>(responseSchema: z.ZodType<T> | null, { status, text }: IncomingAnswer, where: string): T {
  if (responseSchema === null) return undefined as T;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new HandCashError("invalid_response", `HandCash answered ${where} with a body that is not JSON`, status, error);
  }
  const parsed = responseSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HandCashError(
      "invalid_response",
      `HandCash answered ${where} with an unexpected shape (${issue?.path.join(".") || "body"}: ${issue?.message})`,
      status,
      parsed.error,
    );
  }
  return parsed.data;
}

/** Retry-After is either seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (header === null) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

function parseVendorMessage(text: string): string | null {
  try {
    const parsed = handcashErrorBodySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.message.slice(0, 300) : null;
  } catch {
    return null;
  }
}

function paymentRequestPath(paymentRequestId: string): string {
  return `/v3/paymentRequests/${encodeURIComponent(paymentRequestId)}`;
}

export async function createPaymentRequest(body: CreatePaymentRequestBody): Promise<PaymentRequest> {
  return callHandCash({ method: "POST", path: "/v3/paymentRequests", body, isAuthenticated: true, responseSchema: paymentRequestSchema });
}

export async function getPaymentRequest(paymentRequestId: string): Promise<PaymentRequest> {
  return callHandCash({ method: "GET", path: paymentRequestPath(paymentRequestId), isAuthenticated: true, responseSchema: paymentRequestSchema });
}

/** Every payment request of the app (the spec has no filter or paging); entries we cannot read are skipped. */
export async function listPaymentRequests(): Promise<PaymentRequest[]> {
  const { items } = await callHandCash({ method: "GET", path: "/v3/paymentRequests", isAuthenticated: true, responseSchema: paymentRequestListSchema });
  return items.flatMap((item) => {
    const parsed = paymentRequestSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Moves the request's expiry (PUT is partial: nothing else changes); an expired request can no longer be paid. */
export async function updatePaymentRequestExpiry(paymentRequestId: string, expiresAt: Date): Promise<PaymentRequest> {
  return callHandCash({
    method: "PUT",
    path: paymentRequestPath(paymentRequestId),
    body: { expiresAt: expiresAt.toISOString() },
    isAuthenticated: true,
    responseSchema: paymentRequestSchema,
  });
}

/** HandCash answers DELETE with 200 and an empty body, so nothing is parsed. */
export async function deletePaymentRequest(paymentRequestId: string): Promise<void> {
  await callHandCash({ method: "DELETE", path: paymentRequestPath(paymentRequestId), isAuthenticated: true, responseSchema: null });
}

/** Unauthenticated view with `status` and, optionally, `transactionId` and `paymentsCount`. */
export async function getPaymentRequestPublicInfo(paymentRequestId: string): Promise<PaymentRequestPublicInfo> {
  return callHandCash({
    method: "GET",
    path: `/v3/paymentRequests/public/${encodeURIComponent(paymentRequestId)}`,
    isAuthenticated: false,
    responseSchema: paymentRequestPublicInfoSchema,
  });
}

/** Unauthenticated counts: `totalPayments` is required in the spec. */
export async function getPaymentRequestStats(paymentRequestId: string): Promise<PaymentRequestStats> {
  return callHandCash({
    method: "GET",
    path: `/v3/paymentRequests/public/stats/${encodeURIComponent(paymentRequestId)}`,
    isAuthenticated: false,
    responseSchema: paymentRequestStatsSchema,
  });
}
