import { describe, expect, it } from "vitest";
import { DEV_HANDCASH_API_BASE, DEV_HANDCASH_APP_SECRET, HANDCASH_CLOUD_API_BASE, InvalidConfigurationError, parseEnv } from "@/server/env";

const PRODUCTION = {
  NODE_ENV: "production",
  DATABASE_URL: "postgresql://app:pw@db.example.com:5432/tollgate",
  HANDCASH_APP_ID: "64f0c0ffee",
  HANDCASH_APP_SECRET: "a-real-looking-secret",
  HANDCASH_RECEIVER: "$publisher",
  APP_URL: "https://news.example.com/",
  ADMIN_EMAIL: "owner@news.example.com",
  ADMIN_PASSWORD: "correct horse battery staple",
};

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof InvalidConfigurationError) return error.problems;
    throw error;
  }
  return [];
}

describe("parseEnv", () => {
  it("points development at the emulator with placeholder credentials", () => {
    const env = parseEnv({ NODE_ENV: "development" });
    expect(env.HANDCASH_API_BASE).toBe(DEV_HANDCASH_API_BASE);
    expect(env.HANDCASH_APP_SECRET).toBe(DEV_HANDCASH_APP_SECRET);
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("accepts a complete production configuration and defaults to HandCash Cloud", () => {
    const env = parseEnv(PRODUCTION);
    expect(env.HANDCASH_API_BASE).toBe(HANDCASH_CLOUD_API_BASE);
    expect(env.APP_URL).toBe("https://news.example.com");
    expect(env.isSecureOrigin).toBe(true);
  });

  it.each(["DATABASE_URL", "HANDCASH_APP_ID", "HANDCASH_APP_SECRET", "HANDCASH_RECEIVER", "APP_URL", "ADMIN_EMAIL"])(
    "names %s when production lacks it",
    (name) => {
      const problems = problemsOf({ ...PRODUCTION, [name]: undefined });
      expect(problems).toEqual([`${name} is required in production`]);
    },
  );

  it("treats an empty value as missing", () => {
    expect(problemsOf({ ...PRODUCTION, HANDCASH_APP_SECRET: "" })).toEqual(["HANDCASH_APP_SECRET is required in production"]);
  });

  it("refuses the development secret in production", () => {
    expect(problemsOf({ ...PRODUCTION, HANDCASH_APP_SECRET: DEV_HANDCASH_APP_SECRET })[0]).toMatch(/^HANDCASH_APP_SECRET is the development placeholder/);
  });

  it("refuses a secret with a pasted newline", () => {
    expect(problemsOf({ ...PRODUCTION, HANDCASH_APP_SECRET: "secret\n" })[0]).toMatch(/^HANDCASH_APP_SECRET must not start or end with whitespace/);
  });

  it("refuses a plain-http public URL but allows http://localhost, as HandCash's URL rule does", () => {
    expect(problemsOf({ ...PRODUCTION, APP_URL: "http://news.example.com" })[0]).toMatch(/^APP_URL must be https, or http:\/\/localhost/);
    expect(problemsOf({ ...PRODUCTION, APP_URL: "http://localhost:3100" })).toEqual([]);
    // HandCash's pattern names localhost, not the loopback address.
    expect(problemsOf({ ...PRODUCTION, APP_URL: "http://127.0.0.1:3100" })[0]).toMatch(/^APP_URL must be https/);
    expect(problemsOf({ NODE_ENV: "development", APP_URL: "http://127.0.0.1:3000" })[0]).toMatch(/^APP_URL must be https/);
  });

  it.each([
    ["DATABASE_URL", "mysql://x@y/z"],
    ["HANDCASH_API_BASE", "ftp://example.com"],
    ["PORT", "70000"],
    ["HANDCASH_RECEIVER", "not a handle!"],
  ])("names %s when it is malformed", (name, value) => {
    expect(problemsOf({ NODE_ENV: "development", [name]: value })[0]).toMatch(new RegExp(`^${name} `));
  });
});
