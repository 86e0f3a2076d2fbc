import { describe, expect, it } from "vitest";
import { DEFAULT_EMULATOR_CONFIG, EmulatorConfigError, readEmulatorConfig } from "@/emulator/config";

describe("readEmulatorConfig", () => {
  it("falls back to the documented defaults, treating empty values as unset", () => {
    expect(readEmulatorConfig({ EMULATOR_PORT: "", EMULATOR_HOST: "  " })).toEqual(DEFAULT_EMULATOR_CONFIG);
    expect(DEFAULT_EMULATOR_CONFIG).toMatchObject({
      host: "127.0.0.1",
      port: 4010,
      appId: "tollgate-dev-app-id",
      appSecret: "tollgate-dev-app-secret",
      retryInitialMs: 5_000,
      retryFactor: 2,
      retryMaxDelayMs: 3_600_000,
      retryWindowMs: 86_400_000,
      deliveryTimeoutMs: 10_000,
      defaultExpirySeconds: 86_400,
    });
  });

  it("reads every variable", () => {
    const config = readEmulatorConfig({
      EMULATOR_HOST: "0.0.0.0",
      EMULATOR_PORT: "0",
      EMULATOR_PUBLIC_URL: "https://emulator.test/",
      EMULATOR_APP_ID: "id",
      EMULATOR_APP_SECRET: "secret",
      EMULATOR_RETRY_INITIAL_MS: "20",
      EMULATOR_RETRY_FACTOR: "1.5",
      EMULATOR_RETRY_MAX_DELAY_MS: "100",
      EMULATOR_RETRY_WINDOW_MS: "1000",
      EMULATOR_DELIVERY_TIMEOUT_MS: "50",
      EMULATOR_DEFAULT_EXPIRY_SECONDS: "60",
      EMULATOR_ACCEPT_ANY_2XX: "true",
      EMULATOR_STRICT_VALIDATION: "0",
    });
    expect(config).toEqual({
      host: "0.0.0.0",
      port: 0,
      publicUrl: "https://emulator.test",
      appId: "id",
      appSecret: "secret",
      retryInitialMs: 20,
      retryFactor: 1.5,
      retryMaxDelayMs: 100,
      retryWindowMs: 1000,
      deliveryTimeoutMs: 50,
      defaultExpirySeconds: 60,
      isAny2xxAccepted: true,
      isStrictValidation: false,
    });
  });

  it.each([
    ["EMULATOR_PORT", "not-a-port"],
    ["EMULATOR_PORT", "70000"],
    ["EMULATOR_RETRY_INITIAL_MS", "-5"],
    ["EMULATOR_PUBLIC_URL", "ftp://emulator.test"],
    ["EMULATOR_ACCEPT_ANY_2XX", "maybe"],
  ])("names %s when its value %s is invalid", (name, value) => {
    expect(() => readEmulatorConfig({ [name]: value })).toThrow(EmulatorConfigError);
    expect(() => readEmulatorConfig({ [name]: value })).toThrow(new RegExp(`${name}:`));
  });
});
