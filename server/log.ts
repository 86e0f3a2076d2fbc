import "server-only";
import pino from "pino";
import { env } from "@/server/env";

/**
 * Structured JSON lines. Secrets, payer emails and premium bodies are redacted wherever they
 * appear in a logged object, so a careless `log.info({ payload })` cannot leak them.
 */
export const log = pino({
  level: env.LOG_LEVEL,
  base: { service: "tollgate" },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  redact: {
    paths: [
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
      "headers['app-secret']",
      "*.headers['app-secret']",
    ],
    censor: "[redacted]",
  },
});
