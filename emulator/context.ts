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
  /** Emulated HandCash outage: while set, every /v3 API call answers this HTTP status. */
  faults: { apiOutageStatus: number | null };
  createBodySchema: ReturnType<typeof buildCreatePaymentRequestBodySchema>;
  updateBodySchema: ReturnType<typeof buildUpdatePaymentRequestBodySchema>;
}

export function createEmulatorContext(
  options: Pick<EmulatorContext, "config" | "store" | "dispatcher" | "getPublicUrl" | "log">,
): EmulatorContext {
  return {
    ...options,
    faults: { apiOutageStatus: null },
    createBodySchema: buildCreatePaymentRequestBodySchema(options.config.isStrictValidation),
    updateBodySchema: buildUpdatePaymentRequestBodySchema(options.config.isStrictValidation),
  };
}
