import { type ChildProcess, spawn } from "node:child_process";
import { expect, test } from "@playwright/test";
import { SERVE_APP_ARGS } from "../../scripts/lib/local-stack";
import { TEST_BUILD_ENV } from "../../scripts/lib/test-build";
import { TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD, TEST_HANDCASH_APP_ID, TEST_HANDCASH_APP_SECRET, TEST_RECEIVER } from "../setup/test-config";

/**
 * The production build started beside the main stack with a database that does not answer:
 * HandCash must get a 503 (so it retries) rather than a 200 or a 4xx, and health must say so.
 */
const OUTAGE_PORT = 3190;
const outageUrl = `http://127.0.0.1:${OUTAGE_PORT}`;
let app: ChildProcess;

test.beforeAll(async () => {
  app = spawn(process.execPath, [...SERVE_APP_ARGS, "--port", String(OUTAGE_PORT)], {
    env: {
      ...process.env,
      // The build the e2e stack made, in the test build folder.
      ...TEST_BUILD_ENV,
      NODE_ENV: "production",
      DATABASE_URL: "postgresql://nobody:nothing@127.0.0.1:9/absent",
      HANDCASH_APP_ID: TEST_HANDCASH_APP_ID,
      HANDCASH_APP_SECRET: TEST_HANDCASH_APP_SECRET,
      HANDCASH_API_BASE: "http://127.0.0.1:9",
      HANDCASH_RECEIVER: TEST_RECEIVER,
      ADMIN_EMAIL: TEST_ADMIN_EMAIL,
      ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
      // HandCash (and the app's configuration check) accepts plain http only for localhost.
      APP_URL: `http://localhost:${OUTAGE_PORT}`,
      LOG_LEVEL: "silent",
    },
    stdio: "ignore",
  });
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      await fetch(`${outageUrl}/api/health`);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error("the outage app did not start");
});

test.afterAll(() => {
  app.kill("SIGTERM");
});

test("a genuine webhook gets 503 while the database is down, so HandCash retries", async ({ request }) => {
  const response = await request.post(`${outageUrl}/api/webhooks/handcash`, {
    data: {
      appSecret: TEST_HANDCASH_APP_SECRET,
      paymentRequestId: "66a2a051d2f2ae72b1f9dd89",
      transactionId: "b".repeat(64),
      customParameters: { orderId: "order-1" },
      userData: { id: "u1", paymail: "alice@handcash.io" },
    },
  });
  expect(response.status()).toBe(503);
  expect(response.headers()["retry-after"]).toBeDefined();
  expect(await response.json()).toEqual({ error: expect.stringMatching(/temporarily unavailable/) });
});

test("a forged webhook is still refused with 401 during the outage", async ({ request }) => {
  const response = await request.post(`${outageUrl}/api/webhooks/handcash`, {
    data: { appSecret: "guess", paymentRequestId: "x", transactionId: "y" },
  });
  expect(response.status()).toBe(401);
});

test("health reports the outage while liveness still answers", async ({ request }) => {
  expect((await request.get(`${outageUrl}/api/health`)).status()).toBe(503);
  expect((await request.get(`${outageUrl}/api/ping`)).status()).toBe(200);
});
