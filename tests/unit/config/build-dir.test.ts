import { afterEach, describe, expect, it, vi } from "vitest";
import { TEST_BUILD_DIR, TEST_BUILD_ENV } from "@/scripts/lib/test-build";
import { buildAppEnv } from "@/tests/faults/production-app";

async function loadDistDir(): Promise<string | undefined> {
  vi.resetModules();
  const { default: config } = (await import("@/next.config.js")) as { default: { distDir?: string } };
  return config.distDir;
}

describe("where builds go", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("is .next for `npm run build` and `npm run dev`, and the test folder when a test stack asks for it", async () => {
    vi.stubEnv("TOLLGATE_BUILD_DIR", undefined);
    expect(await loadDistDir()).toBe(".next");
    vi.stubEnv("TOLLGATE_BUILD_DIR", TEST_BUILD_ENV.TOLLGATE_BUILD_DIR);
    expect(await loadDistDir()).toBe(TEST_BUILD_DIR);
    expect(TEST_BUILD_DIR).not.toMatch(/^\.next(\/|$)/);
  });

  it("is the test folder for the fault suite's and the benchmark's `next start` too, so it serves what they built", () => {
    const env = buildAppEnv({
      appUrl: "http://localhost:3200",
      port: 3200,
      databaseUrl: "postgresql://x@127.0.0.1:1/x",
      emulatorUrl: "http://127.0.0.1:4210",
      logLevel: "info",
    });
    expect(env.TOLLGATE_BUILD_DIR).toBe(TEST_BUILD_DIR);
  });
});
