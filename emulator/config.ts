import { z } from "zod";

/**
 * The emulator's configuration, read from EMULATOR_* variables. Every value has a default so
 * `npm run emulator` works on a fresh clone; the retry schedule is configurable so tests can
 * squeeze HandCash's 24-hour retry window into milliseconds.
 */

const DEFAULT_PORT = 4010;

const booleanFromEnvSchema = z.enum(["true", "false", "1", "0", "yes", "no"]).transform((value) => value === "true" || value === "1" || value === "yes");

const nonEmptySchema = z.string().min(1);
const positiveIntFromEnvSchema = z.coerce.number().int().positive();

export const emulatorEnvSchema = z.object({
  EMULATOR_HOST: nonEmptySchema.default("127.0.0.1"),
  EMULATOR_PORT: z.coerce.number().int().min(0).max(65_535).default(DEFAULT_PORT),
  EMULATOR_PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .transform((value) => value.replace(/\/+$/, ""))
    .optional(),
  EMULATOR_APP_ID: nonEmptySchema.default("tollgate-dev-app-id"),
  EMULATOR_APP_SECRET: nonEmptySchema.default("tollgate-dev-app-secret"),
  EMULATOR_RETRY_INITIAL_MS: positiveIntFromEnvSchema.default(5_000),
  EMULATOR_RETRY_FACTOR: z.coerce.number().min(1).default(2),
  EMULATOR_RETRY_MAX_DELAY_MS: positiveIntFromEnvSchema.default(3_600_000),
  EMULATOR_RETRY_WINDOW_MS: positiveIntFromEnvSchema.default(86_400_000),
  EMULATOR_DELIVERY_TIMEOUT_MS: positiveIntFromEnvSchema.default(10_000),
  EMULATOR_DEFAULT_EXPIRY_SECONDS: positiveIntFromEnvSchema.default(86_400),
  // Cloud's docs only promise that a 200 stops the retries, so anything else is a failure unless this is set.
  EMULATOR_ACCEPT_ANY_2XX: booleanFromEnvSchema.default(false),
  // On by default: HandCash's spec sets additionalProperties: false on every body, so Cloud refuses unknown keys.
  EMULATOR_STRICT_VALIDATION: booleanFromEnvSchema.default(true),
});

export const emulatorConfigSchema = z.object({
  host: nonEmptySchema,
  port: z.number().int().min(0).max(65_535),
  /** Base of the URLs shown to browsers; null means "http://localhost:<listening port>". */
  publicUrl: z.string().nullable(),
  appId: nonEmptySchema,
  appSecret: nonEmptySchema,
  retryInitialMs: z.number().positive(),
  retryFactor: z.number().min(1),
  retryMaxDelayMs: z.number().positive(),
  retryWindowMs: z.number().positive(),
  deliveryTimeoutMs: z.number().positive(),
  defaultExpirySeconds: z.number().positive(),
  isAny2xxAccepted: z.boolean(),
  isStrictValidation: z.boolean(),
});
export type EmulatorConfig = z.infer<typeof emulatorConfigSchema>;

export const DEFAULT_EMULATOR_CONFIG: EmulatorConfig = {
  host: "127.0.0.1",
  port: DEFAULT_PORT,
  publicUrl: null,
  appId: "tollgate-dev-app-id",
  appSecret: "tollgate-dev-app-secret",
  retryInitialMs: 5_000,
  retryFactor: 2,
  retryMaxDelayMs: 3_600_000,
  retryWindowMs: 86_400_000,
  deliveryTimeoutMs: 10_000,
  defaultExpirySeconds: 86_400,
  isAny2xxAccepted: false,
  isStrictValidation: true,
};

export class EmulatorConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid emulator configuration:\n${problems.map((problem) => `  ${problem}`).join("\n")}`);
    this.name = "EmulatorConfigError";
  }
}

/** Reads EMULATOR_* variables; empty strings count as unset, so `EMULATOR_PORT=` keeps the default. */
export function readEmulatorConfig(env: Readonly<Record<string, string | undefined>> = process.env): EmulatorConfig {
  const raw = Object.fromEntries(
    Object.keys(emulatorEnvSchema.shape).flatMap((name) => {
      const value = env[name];
      return value === undefined || value.trim() === "" ? [] : [[name, value.trim()]];
    }),
  );
  const parsed = emulatorEnvSchema.safeParse(raw);
  if (!parsed.success) {
    throw new EmulatorConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`));
  }
  const values = parsed.data;
  return {
    host: values.EMULATOR_HOST,
    port: values.EMULATOR_PORT,
    publicUrl: values.EMULATOR_PUBLIC_URL ?? null,
    appId: values.EMULATOR_APP_ID,
    appSecret: values.EMULATOR_APP_SECRET,
    retryInitialMs: values.EMULATOR_RETRY_INITIAL_MS,
    retryFactor: values.EMULATOR_RETRY_FACTOR,
    retryMaxDelayMs: values.EMULATOR_RETRY_MAX_DELAY_MS,
    retryWindowMs: values.EMULATOR_RETRY_WINDOW_MS,
    deliveryTimeoutMs: values.EMULATOR_DELIVERY_TIMEOUT_MS,
    defaultExpirySeconds: values.EMULATOR_DEFAULT_EXPIRY_SECONDS,
    isAny2xxAccepted: values.EMULATOR_ACCEPT_ANY_2XX,
    isStrictValidation: values.EMULATOR_STRICT_VALIDATION,
  };
}

/** Fills in defaults for the in-process use in tests: `resolveEmulatorConfig({ port: 0 })`. */
export function resolveEmulatorConfig(overrides: Partial<EmulatorConfig> = {}): EmulatorConfig {
  const parsed = emulatorConfigSchema.safeParse({ ...DEFAULT_EMULATOR_CONFIG, ...overrides });
  if (!parsed.success) {
    throw new EmulatorConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  return parsed.data;
}
