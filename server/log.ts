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

/** Structured JSON lines: `{ level, time, service, event, …ids, msg }`. */
export function createLogger({ destination, level = env.LOG_LEVEL }: { destination?: DestinationStream; level?: string } = {}): Logger {
  return pino(
    {
      level,
      base: { service: "tollgate" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    },
    destination,
  );
}

export const log = createLogger();
