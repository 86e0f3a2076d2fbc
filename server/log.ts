import "server-only";
import pino, { type DestinationStream, type Logger } from "pino";
import { env } from "@/server/env";

/**
 * Paths redacted wherever they appear in a logged object, so a careless `log.info({ payload })`
 * cannot leak the HandCash secret, a payer's email or a premium body.
 */
const REDACTED_PATHS = [
  "appSecret",
  "*.appSecret",
  "*.*.appSecret",
  "email",
  "*.email",
  "*.*.email",
  "payerEmail",
  "*.payerEmail",
  "body",
  "*.body",
  'headers["app-secret"]',
  '*.headers["app-secret"]',
];

const MAX_LOGGED_DEPTH = 8;

/**
 * What a logged value is written as: plain data only. An error keeps its type, message, stack and
 * own fields (pg's code and severity, Node's errno and syscall, our details) and its causes; any
 * other object that is not a plain object or an array (a pg client or pool, a socket, an HTTP
 * request) is written as its class name alone. Those objects hold connection secrets (pg's
 * cancellation key, passwords, headers), and they ride along unasked: pg-pool attaches the whole
 * client to the error it emits when an idle connection drops.
 */
function toLoggableValue(value: unknown, depth = 0, ancestors = new Set<object>()): unknown {
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "function" || typeof value === "symbol") return undefined;
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Date) return value;
  if (ancestors.has(value)) return "[Circular]";
  if (depth >= MAX_LOGGED_DEPTH) return "[Nested too deep]";
  const prototype = Object.getPrototypeOf(value) as object | null;
  const isPlain = prototype === Object.prototype || prototype === null || Array.isArray(value);
  if (!isPlain && !(value instanceof Error)) return `[${value.constructor?.name || "object"}]`;
  ancestors.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => toLoggableValue(item, depth + 1, ancestors));
    const loggable: Record<string, unknown> = {};
    if (value instanceof Error) {
      loggable.type = value.constructor?.name || value.name;
      loggable.message = value.message;
      loggable.stack = value.stack;
      if (value.cause !== undefined) loggable.cause = toLoggableValue(value.cause, depth + 1, ancestors);
      if (value instanceof AggregateError) loggable.errors = toLoggableValue(value.errors, depth + 1, ancestors);
    }
    for (const [key, field] of Object.entries(value)) {
      if (key in loggable) continue;
      const loggableField = toLoggableValue(field, depth + 1, ancestors);
      if (loggableField !== undefined) loggable[key] = loggableField;
    }
    return loggable;
  } finally {
    ancestors.delete(value);
  }
}

/** Structured JSON lines: `{ level, time, service, event, …ids, msg }`. */
export function createLogger({ destination, level = env.LOG_LEVEL }: { destination?: DestinationStream; level?: string } = {}): Logger {
  return pino(
    {
      level,
      base: { service: "tollgate" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }), log: (object) => toLoggableValue(object) as Record<string, unknown> },
      // Errors are already plain data (toLoggableValue); pino's own serializer would copy their fields back unfiltered.
      serializers: { err: (error: unknown) => error },
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    },
    destination,
  );
}

export const log = createLogger();
