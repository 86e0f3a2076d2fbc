import type { EmulatorConfig } from "../config";
import { createEmulatorServer, type EmulatorServer, type EmulatorServerOptions } from "../server";

/** Shared set-up for the emulator's own tests: an in-process emulator and authenticated calls to it. */

export const TEST_APP_ID = "emulator-test-app-id";
export const TEST_APP_SECRET = "emulator-test-app-secret";

export interface RunningEmulator {
  server: EmulatorServer;
  baseUrl: string;
  /** fetch against the emulator; `headers` default to valid app credentials unless `isAnonymous`. */
  call: (path: string, init?: RequestInit & { isAnonymous?: boolean; json?: unknown }) => Promise<Response>;
}

export async function startTestEmulator(overrides: Partial<EmulatorConfig> = {}, options: EmulatorServerOptions = {}): Promise<RunningEmulator> {
  const server = createEmulatorServer({ port: 0, appId: TEST_APP_ID, appSecret: TEST_APP_SECRET, ...overrides }, options);
  const baseUrl = await server.listen();
  return {
    server,
    baseUrl,
    call: (path, { isAnonymous = false, json, headers, ...init } = {}) =>
      fetch(`${baseUrl}${path}`, {
        ...init,
        headers: {
          ...(isAnonymous ? {} : { "app-id": TEST_APP_ID, "app-secret": TEST_APP_SECRET }),
          ...(json !== undefined && { "content-type": "application/json" }),
          ...headers,
        },
        body: json !== undefined ? JSON.stringify(json) : init.body,
        redirect: "manual",
      }),
  };
}

export function buildCreateBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    product: { name: "Premium article", description: "The full text" },
    instrumentCurrencyCode: "BSV",
    denominationCurrencyCode: "USD",
    receivers: [{ sendAmount: 2.5, destination: "$tollgate" }],
    expirationType: "onPaymentCompleted",
    ...overrides,
  };
}
