import "server-only";
import { z } from "zod";

/**
 * The one place that reads configuration. Parsed once at start-up (instrumentation.ts and
 * scripts/start.ts import it), so a missing or malformed variable stops the app with a message
 * naming it. Development falls back to the local emulator; production accepts no defaults for
 * credentials and refuses the development ones.
 */

export const DEV_HANDCASH_APP_ID = "tollgate-dev-app-id";
export const DEV_HANDCASH_APP_SECRET = "tollgate-dev-app-secret";
export const DEV_HANDCASH_API_BASE = "http://127.0.0.1:4010";
export const HANDCASH_CLOUD_API_BASE = "https://cloud.handcash.io";
export const DEV_ADMIN_EMAIL = "owner@tollgate.local";
export const DEV_ADMIN_PASSWORD = "tollgate-owner";

const secretSchema = z
  .string()
  .min(1)
  .refine((value) => value.trim() === value, "must not start or end with whitespace (a pasted newline?)");

const httpUrlSchema = z.url({ protocol: /^https?$/ }).transform((value) => value.replace(/\/+$/, ""));

const baseEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  HANDCASH_APP_ID: secretSchema.optional(),
  HANDCASH_APP_SECRET: secretSchema.optional(),
  HANDCASH_API_BASE: httpUrlSchema.optional(),
  HANDCASH_RECEIVER: z
    .string()
    .regex(/^\$?[A-Za-z0-9._-]+(@[A-Za-z0-9.-]+\.[A-Za-z]{2,})?$/, "must be a HandCash handle ($name) or a paymail")
    .optional(),
  APP_URL: httpUrlSchema.optional(),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  ADMIN_EMAIL: z.email().optional(),
  /** Plain password, hashed with scrypt at boot; or ADMIN_PASSWORD_HASH (`npm run admin:hash-password`). */
  ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  ADMIN_PASSWORD_HASH: z
    .string()
    .regex(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/, "must be the output of npm run admin:hash-password")
    .optional(),
  /** Orders a reader (cookie) may start per window; bounds the payment requests anyone can make us create. */
  ORDER_RATE_LIMIT_PER_READER: z.coerce.number().int().min(1).default(10),
  /** Orders one IP address may start per window (several readers behind one NAT share it). */
  ORDER_RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).default(30),
  /** Orders the whole site may start per window: the hard ceiling on payment requests we create. */
  ORDER_RATE_LIMIT_GLOBAL: z.coerce.number().int().min(1).default(1000),
  ORDER_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(600),
  /**
   * Reverse proxies in front of the app that append the client address to X-Forwarded-For. 0 (no
   * proxy): the address that connected counts, and whatever a client sends in the header is ignored.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** How often the worker re-checks pending orders with HandCash. */
  RECONCILE_INTERVAL_SECONDS: z.coerce.number().int().min(5).default(60),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

type RawEnv = z.infer<typeof baseEnvSchema>;

const PRODUCTION_REQUIRED = ["DATABASE_URL", "HANDCASH_APP_ID", "HANDCASH_APP_SECRET", "HANDCASH_RECEIVER", "APP_URL", "ADMIN_EMAIL"] as const;

function checkProduction(raw: RawEnv, context: z.RefinementCtx): void {
  for (const name of PRODUCTION_REQUIRED) {
    if (!raw[name]) context.addIssue({ code: "custom", path: [name], message: "is required in production" });
  }
  if (raw.HANDCASH_APP_ID === DEV_HANDCASH_APP_ID) {
    context.addIssue({ code: "custom", path: ["HANDCASH_APP_ID"], message: "is the development placeholder; set your HandCash app id" });
  }
  if (raw.HANDCASH_APP_SECRET === DEV_HANDCASH_APP_SECRET) {
    context.addIssue({ code: "custom", path: ["HANDCASH_APP_SECRET"], message: "is the development placeholder; set your HandCash app secret" });
  }
  if (!raw.ADMIN_PASSWORD && !raw.ADMIN_PASSWORD_HASH) {
    context.addIssue({ code: "custom", path: ["ADMIN_PASSWORD"], message: "or ADMIN_PASSWORD_HASH is required in production" });
  }
  if (raw.ADMIN_PASSWORD === DEV_ADMIN_PASSWORD) {
    context.addIssue({ code: "custom", path: ["ADMIN_PASSWORD"], message: "is the development placeholder; choose your own" });
  }
}

/**
 * HandCash's spec only accepts `webhookUrl` and `redirectUrl` that are https, or plain http on
 * `localhost` (not 127.0.0.1): any other APP_URL would make every payment request fail.
 */
function checkAppUrl(raw: RawEnv, context: z.RefinementCtx): void {
  if (!raw.APP_URL) return;
  const url = new URL(raw.APP_URL);
  if (url.protocol !== "https:" && url.hostname !== "localhost") {
    context.addIssue({
      code: "custom",
      path: ["APP_URL"],
      message: "must be https, or http://localhost (HandCash refuses any other http URL for the webhook and the return link)",
    });
  }
}

export const envSchema = baseEnvSchema
  .superRefine((raw, context) => {
    if (raw.NODE_ENV === "production") checkProduction(raw, context);
    checkAppUrl(raw, context);
  })
  .transform((raw) => {
    const isProduction = raw.NODE_ENV === "production";
    const appUrl = raw.APP_URL ?? `http://localhost:${raw.PORT}`;
    return {
      ...raw,
      HANDCASH_APP_ID: raw.HANDCASH_APP_ID ?? DEV_HANDCASH_APP_ID,
      HANDCASH_APP_SECRET: raw.HANDCASH_APP_SECRET ?? DEV_HANDCASH_APP_SECRET,
      HANDCASH_API_BASE: raw.HANDCASH_API_BASE ?? (isProduction ? HANDCASH_CLOUD_API_BASE : DEV_HANDCASH_API_BASE),
      HANDCASH_RECEIVER: raw.HANDCASH_RECEIVER ?? "$tollgate-dev",
      ADMIN_EMAIL: (raw.ADMIN_EMAIL ?? DEV_ADMIN_EMAIL).toLowerCase(),
      ADMIN_PASSWORD: raw.ADMIN_PASSWORD_HASH ? undefined : (raw.ADMIN_PASSWORD ?? DEV_ADMIN_PASSWORD),
      APP_URL: appUrl,
      /** Cookies are Secure whenever the site is served over https. */
      isSecureOrigin: appUrl.startsWith("https://"),
      isProduction,
    };
  });

export type Env = z.infer<typeof envSchema>;

export class InvalidConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "InvalidConfigurationError";
  }
}

/** Empty strings count as unset, so `FOO=` in a .env file behaves like a missing line. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new InvalidConfigurationError(result.error.issues.map((issue) => `${issue.path.join(".") || "environment"} ${issue.message}`));
  }
  return result.data;
}

/**
 * `next build` imports every route to collect its settings, without the deployment's secrets;
 * the build is checked with development rules and the real values are checked when the server
 * starts. Every page and route is dynamic, so nothing read during the build reaches a response.
 */
const isNextBuild = process.env.NEXT_PHASE === "phase-production-build";

export const env: Env = parseEnv(isNextBuild ? { ...process.env, NODE_ENV: "development" } : process.env);
