import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { log } from "@/server/log";

/** The closed set of failures the app reports to callers. */
export const APP_ERROR_STATUS = {
  /** The body was not JSON, or not the expected shape. */
  INVALID_INPUT: 400,
  /** A secret or credential was missing or wrong. */
  UNAUTHORIZED: 401,
  /** The caller is known but may not do this. */
  FORBIDDEN: 403,
  /** The thing asked for does not exist, or is not the caller's to see. */
  NOT_FOUND: 404,
  /** The request conflicts with current state (e.g. already entitled). */
  CONFLICT: 409,
  /** The body is larger than the route accepts. */
  PAYLOAD_TOO_LARGE: 413,
  /** The body is not sent as application/json. */
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** Too many requests; retry after the given delay. */
  RATE_LIMITED: 429,
  /** HandCash failed, was unreachable or answered something unexpected. */
  PAYMENT_PROVIDER_ERROR: 502,
  /** A dependency (the database) is down; retrying later can succeed. */
  SERVICE_UNAVAILABLE: 503,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    options?: { cause?: unknown; details?: Record<string, unknown> },
  ) {
    super(message, { cause: options?.cause });
    this.name = "AppError";
    this.details = options?.details;
  }
  readonly details?: Record<string, unknown>;
}

/**
 * Signs that the database is not answering, at every layer an error passes through: PostgreSQL
 * SQLSTATEs (class 08 connection exceptions, shutdowns, too many connections), Node socket errors,
 * adapter-pg's error kinds and Prisma's codes (can't reach, closed, timed out, no pool connection,
 * no transaction could start).
 */
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
const UNAVAILABLE_SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND"]);
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
const UNAVAILABLE_ADAPTER_KINDS = new Set(["ConnectionClosed", "DatabaseNotReachable", "SocketTimeout", "TooManyConnections", "TlsConnectionError"]);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Can't reach database|terminating connection|database system is (shutting down|starting up)|Unable to start a transaction|connection error and is not queryable/i;

/** True for errors that mean "the database is not answering" (a retry can help), as opposed to a bad query. */
export function isDatabaseUnavailableError(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 8; depth++) {
    if (current instanceof Prisma.PrismaClientInitializationError) return true;
    const { code, kind, message } = current as { code?: unknown; kind?: unknown; message?: unknown };
    if (typeof code === "string") {
      if (code.startsWith("08") || UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code) || UNAVAILABLE_PRISMA_CODES.has(code)) return true;
    }
    if (typeof kind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(kind)) return true;
    if (typeof message === "string" && UNAVAILABLE_MESSAGE.test(message)) return true;
    // Prisma wraps adapter failures (P2039 and others) with the original under meta.driverAdapterError.
    const { meta, cause } = current as { meta?: { driverAdapterError?: unknown }; cause?: unknown };
    current = meta?.driverAdapterError ?? cause;
  }
  return false;
}

/** A unique index refused a row (SQLSTATE 23505 from pg, P2002 from Prisma): someone else wrote it first. */
export function isUniqueViolation(error: unknown): boolean {
  const { code } = (error ?? {}) as { code?: unknown };
  return code === "23505" || code === "P2002";
}

export function jsonError(status: number, message: string, extra?: Record<string, unknown>, headers?: HeadersInit): Response {
  return Response.json({ error: message, ...extra }, { status, headers: { "cache-control": "no-store", ...headers } });
}

/** Maps any thrown value to a JSON error response; unexpected errors are logged, not echoed. */
export function toHttpResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const headers = typeof error.details?.retryAfterSeconds === "number" ? { "retry-after": String(error.details.retryAfterSeconds) } : undefined;
    return jsonError(APP_ERROR_STATUS[error.code], error.message, undefined, headers);
  }
  if (error instanceof z.ZodError) {
    // Well-formed but of the wrong shape: 400, like a body that is not JSON (docs/api.md, Errors).
    return jsonError(400, "Invalid request", { issues: z.flattenError(error).fieldErrors });
  }
  if (isDatabaseUnavailableError(error)) {
    log.error({ event: "db.unavailable", err: error }, "database unavailable");
    return jsonError(503, "The service is temporarily unavailable; try again shortly.", undefined, { "retry-after": "5" });
  }
  log.error({ event: "http.unhandled_error", err: error }, "unhandled error");
  return jsonError(500, "Something went wrong on our side.");
}
