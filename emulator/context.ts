import type { EmulatorConfig } from "./config";
import { buildCreatePaymentRequestBodySchema, buildUpdatePaymentRequestBodySchema } from "./schemas";
import type { EmulatorStore } from "./store";
import type { WebhookDispatcher } from "./webhook-delivery";

/** Everything a route needs, built once per server. */
export interface EmulatorContext {
  config: EmulatorConfig;
  store: EmulatorStore;
  dispatcher: WebhookDispatcher;
  /** Known only once the server listens (port 0 picks a free port). */
  getPublicUrl: () => string;
  log: (line: string) => void;
  faults: {
    /** Emulated HandCash outage: while set, every /v3 API call answers its status (PUT /_emulator/outage). */
    apiOutage: { status: number; retryAfterSeconds: number | null; remaining: number | null; isAfterCreating: boolean } | null;
    /** Optional fields of the public view left out, as the spec allows Cloud to. */
    publicViewOmits: { transactionId: boolean; paymentsCount: boolean };
  };
  createBodySchema: ReturnType<typeof buildCreatePaymentRequestBodySchema>;
  updateBodySchema: ReturnType<typeof buildUpdatePaymentRequestBodySchema>;
}

export function createEmulatorContext(options: Pick<EmulatorContext, "config" | "store" | "dispatcher" | "getPublicUrl" | "log">): EmulatorContext {
  return {
    ...options,
    faults: { apiOutage: null, publicViewOmits: { transactionId: false, paymentsCount: false } },
    createBodySchema: buildCreatePaymentRequestBodySchema(options.config.isStrictValidation),
    updateBodySchema: buildUpdatePaymentRequestBodySchema(options.config.isStrictValidation),
  };
}
