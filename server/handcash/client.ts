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
  paymentRequestPublicInfoSchema,
  paymentRequestSchema,
} from "@/server/handcash/schemas";

/**
 * HandCash's payment-request REST API (v3). @handcash/handcash-connect 0.8.11 has no
 * payment-request methods, so this is a plain HTTP client; the only module that knows
 * HandCash's URLs and headers. Every failure becomes a HandCashError.
 *
 * Calls go through server/http/send-request.ts (node:http with keep-alive), not fetch: every new
 * payment's webhook waits for one of them.
 */

const REQUEST_TIMEOUT_MS = 10_000;
/** Far larger than any answer HandCash gives. */
const MAX_RESPONSE_BYTES = 1024 * 1024;

export type HandCashErrorKind = "unreachable" | "rejected" | "not_found" | "invalid_response";

export class HandCashError extends AppError {
  constructor(
    readonly kind: HandCashErrorKind,
    message: string,
    readonly httpStatus?: number,
    cause?: unknown,
  ) {
    super("PAYMENT_PROVIDER_ERROR", message, { cause });
    this.name = "HandCashError";
  }
}

interface CallOptions<T> {
  method: "GET" | "POST" | "DELETE";
  path: string;
  body?: unknown;
  isAuthenticated: boolean;
  responseSchema: z.ZodType<T> | null;
}

async function callHandCash<T>({ method, path, body, isAuthenticated, responseSchema }: CallOptions<T>): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (isAuthenticated) {
    headers["app-id"] = env.HANDCASH_APP_ID;
    headers["app-secret"] = env.HANDCASH_APP_SECRET;
  }
  const where = `${method} ${path}`;
  let response: IncomingAnswer;
  try {
    response = await sendRequest({
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
  const { status, text } = response;
  if (status < 200 || status > 299) {
    const vendorMessage = parseVendorMessage(text);
    const kind = status === 404 ? "not_found" : "rejected";
    throw new HandCashError(kind, `HandCash answered ${status} to ${where}${vendorMessage ? `: ${vendorMessage}` : ""}`, status);
  }
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

function parseVendorMessage(text: string): string | null {
  try {
    const parsed = handcashErrorBodySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.message.slice(0, 300) : null;
  } catch {
    return null;
  }
}

export async function createPaymentRequest(body: CreatePaymentRequestBody): Promise<PaymentRequest> {
  return callHandCash({
    method: "POST",
    path: "/v3/paymentRequests",
    body,
    isAuthenticated: true,
    responseSchema: paymentRequestSchema,
  });
}

export async function getPaymentRequest(paymentRequestId: string): Promise<PaymentRequest> {
  return callHandCash({
    method: "GET",
    path: `/v3/paymentRequests/${encodeURIComponent(paymentRequestId)}`,
    isAuthenticated: true,
    responseSchema: paymentRequestSchema,
  });
}

/** HandCash answers DELETE with 200 and an empty body, so nothing is parsed. */
export async function deletePaymentRequest(paymentRequestId: string): Promise<void> {
  await callHandCash({
    method: "DELETE",
    path: `/v3/paymentRequests/${encodeURIComponent(paymentRequestId)}`,
    isAuthenticated: true,
    responseSchema: null,
  });
}

/** Unauthenticated view with `status` and, once paid, `transactionId`. */
export async function getPaymentRequestPublicInfo(paymentRequestId: string): Promise<PaymentRequestPublicInfo> {
  return callHandCash({
    method: "GET",
    path: `/v3/paymentRequests/public/${encodeURIComponent(paymentRequestId)}`,
    isAuthenticated: false,
    responseSchema: paymentRequestPublicInfoSchema,
  });
}
