import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCreateBody, type RunningEmulator, startTestEmulator, TEST_APP_ID, TEST_APP_SECRET } from "@/emulator/testing/fixtures";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ publicUrl: "http://pay.test:4010" });
});

afterAll(async () => {
  await emulator.server.close();
});

/** node:http keeps header names exactly as written (fetch lowercases them), so the casing really reaches the server. */
function postWithRawHeaders(path: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${emulator.baseUrl}${path}`, { method: "POST", headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
    });
    request.on("error", reject);
    request.end(body);
  });
}

async function createPaymentRequest(overrides: Record<string, unknown> = {}) {
  const response = await emulator.call("/v3/paymentRequests", { method: "POST", json: buildCreateBody(overrides) });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown> & { id: string };
}

describe("POST /v3/paymentRequests", () => {
  it("returns the private view, accepting credential headers in any case and a trailing slash", async () => {
    const before = Date.now();
    const response = await postWithRawHeaders(
      "/v3/paymentRequests/",
      { "App-Id": TEST_APP_ID, "APP-SECRET": TEST_APP_SECRET, "Content-Type": "application/json" },
      JSON.stringify(
        buildCreateBody({
          receivers: [
            { sendAmount: 0.1, destination: "$alice" },
            { sendAmount: 0.2, destination: "bob@handcash.io" },
          ],
          redirectUrl: "https://app.test/articles/one",
          requestedUserData: ["email"],
          notifications: { webhook: { webhookUrl: "https://app.test/api/webhooks/handcash", customParameters: { orderId: "ord_1" } } },
          expirationInSeconds: 900,
        }),
      ),
    );
    expect(response.status).toBe(200);
    const view = JSON.parse(response.body) as Record<string, unknown> & { id: string; expiresAt: string; createdAt: string };

    expect(view.id).toMatch(/^[0-9a-f]{24}$/);
    expect(view).toMatchObject({
      paymentRequestUrl: `http://pay.test:4010/pay/${view.id}`,
      paymentRequestQrCodeUrl: `http://pay.test:4010/api/paymentPreview/qr/${view.id}`,
      isEnabled: true,
      product: { name: "Premium article", description: "The full text" },
      currencyCode: "BSV",
      // 0.1 + 0.2 must not leak float noise into the total.
      paymentAmount: { currencyCode: "BSV", amount: 0.3, denominatedIn: "USD" },
      redirectUrl: "https://app.test/articles/one",
      requestedUserData: ["email"],
      notifications: { webhook: { webhookUrl: "https://app.test/api/webhooks/handcash", customParameters: { orderId: "ord_1" } } },
    });
    // Neither is a property of the spec's private view, which allows no others.
    expect(view).not.toHaveProperty("status");
    expect(view).not.toHaveProperty("expirationType");
    for (const field of ["expiresAt", "createdAt", "enabledAt"] as const) expect(view[field]).toMatch(ISO_DATE);
    const createdAt = Date.parse(view.createdAt);
    expect(createdAt).toBeGreaterThanOrEqual(before - 1);
    expect(Date.parse(view.expiresAt) - createdAt).toBe(900_000);
  });

  it("reads a JSON body sent as text/plain or with no content-type", async () => {
    for (const contentType of ["text/plain;charset=UTF-8", undefined]) {
      const response = await emulator.call("/v3/paymentRequests", {
        method: "POST",
        headers: contentType ? { "content-type": contentType } : {},
        body: new TextEncoder().encode(JSON.stringify(buildCreateBody())),
      });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { product: { name: string } }).product.name).toBe("Premium article");
    }
  });

  it("defaults to expirationType never and a 24 h expiry", async () => {
    const view = await createPaymentRequest({ expirationType: undefined });
    const control = (await (await emulator.call(`/_emulator/paymentRequests/${view.id as string}`)).json()) as { expirationType: string };
    expect(control.expirationType).toBe("never");
    expect(Date.parse(view.expiresAt as string) - Date.parse(view.createdAt as string)).toBe(86_400_000);
    expect(view.paymentAmount).toEqual({ currencyCode: "BSV", amount: 2.5, denominatedIn: "USD" });
  });

  it.each([
    ["a missing product name", { product: { description: "x" } }, '"product.name" is required'],
    ["no receivers", { receivers: [] }, '"receivers" must contain at least 1 items'],
    ["an unknown instrument", { instrumentCurrencyCode: "SAT" }, '"instrumentCurrencyCode" must be one of [BSV, MNEE]'],
    ["a zero amount", { receivers: [{ sendAmount: 0, destination: "$a" }] }, '"receivers[0].sendAmount" must be a positive number'],
    ["an empty destination", { receivers: [{ sendAmount: 1, destination: "" }] }, '"receivers[0].destination" is not allowed to be empty'],
    ["a webhook without a URL", { notifications: { webhook: {} } }, '"notifications.webhook.webhookUrl" is required'],
    // The spec's URL pattern: https, or http only on localhost.
    [
      "a plain-http webhook URL off localhost",
      { notifications: { webhook: { webhookUrl: "http://127.0.0.1:3000/hook" } } },
      '"notifications.webhook.webhookUrl" must be a valid uri',
    ],
    ["a plain-http redirect URL off localhost", { redirectUrl: "http://example.com/back" }, '"redirectUrl" must be a valid uri'],
    [
      "a product name over 25 characters",
      { product: { name: "The Quiet Economics of Tide" } },
      '"product.name" length must be less than or equal to 25 characters long',
    ],
    [
      "a description over 200 characters",
      { product: { name: "A", description: "x".repeat(201) } },
      '"product.description" length must be less than or equal to 200 characters long',
    ],
    ["BSV as a denomination", { denominationCurrencyCode: "BSV" }, '"denominationCurrencyCode" must be one of ['],
    ["SAT as a denomination", { denominationCurrencyCode: "SAT" }, '"denominationCurrencyCode" must be one of ['],
    ["an unknown key", { currency: "USD" }, '"currency" is not allowed'],
    ["an unknown product key", { product: { name: "A", title: "A" } }, '"product.title" is not allowed'],
    [
      "a receiver's currency (v2 only)",
      { receivers: [{ sendAmount: 1, destination: "$a", currencyCode: "USD" }] },
      '"receivers[0].currencyCode" is not allowed',
    ],
    ["a priceBeforeDiscount under 0.01", { priceBeforeDiscount: 0 }, '"priceBeforeDiscount" must be greater than or equal to 0.01'],
    ["limit without totalUnits", { expirationType: "limit" }, '"totalUnits" is required'],
    ["a denomination with MNEE", { instrumentCurrencyCode: "MNEE" }, '"denominationCurrencyCode" is not allowed'],
    ["unknown requested user data", { requestedUserData: ["address"] }, '"requestedUserData[0]" must be one of [paymail, email, phoneNumber]'],
  ])("rejects %s with 400 and a Joi-style message", async (_label, overrides, message) => {
    const response = await emulator.call("/v3/paymentRequests", { method: "POST", json: buildCreateBody(overrides) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain(message);
  });

  it("accepts an app scheme and http://localhost, as the spec's URL pattern does", async () => {
    for (const url of ["myapp://paid", "http://localhost:3000/back", "https://app.test/back"]) {
      const response = await emulator.call("/v3/paymentRequests", { method: "POST", json: buildCreateBody({ redirectUrl: url }) });
      expect(response.status).toBe(200);
    }
  });

  it("rejects malformed JSON with 400", async () => {
    const response = await emulator.call("/v3/paymentRequests", { method: "POST", body: "{not json" });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/^Invalid JSON body/);
  });

  it("accepts unknown keys only when strict validation is turned off", async () => {
    expect((await emulator.call("/v3/paymentRequests", { method: "POST", json: buildCreateBody({ currency: "USD" }) })).status).toBe(400);

    const lenient = await startTestEmulator({ isStrictValidation: false });
    try {
      const response = await lenient.call("/v3/paymentRequests", { method: "POST", json: buildCreateBody({ currency: "USD" }) });
      expect(response.status).toBe(200);
    } finally {
      await lenient.server.close();
    }
  });

  it("answers 413 to a body over 1 MiB", async () => {
    const body = JSON.stringify(buildCreateBody({ padding: "x".repeat(1024 * 1024) }));
    const response = await emulator.call("/v3/paymentRequests", { method: "POST", body });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { message: string }).message).toMatch(/1 MiB/);
  });
});

describe("app credentials", () => {
  it.each([
    ["no headers", {}],
    ["a wrong secret", { "app-id": TEST_APP_ID, "app-secret": `${TEST_APP_SECRET}x` }],
    ["a wrong app id", { "app-id": "someone-else", "app-secret": TEST_APP_SECRET }],
    ["only the id", { "app-id": TEST_APP_ID }],
  ])("answers 401 with %s", async (_label, headers) => {
    for (const [method, path] of [
      ["POST", "/v3/paymentRequests"],
      ["GET", "/v3/paymentRequests"],
      ["GET", "/v3/paymentRequests/0123456789abcdef01234567"],
      ["DELETE", "/v3/paymentRequests/0123456789abcdef01234567"],
    ] as const) {
      const response = await emulator.call(path, {
        method,
        isAnonymous: true,
        headers,
        body: method === "POST" ? JSON.stringify(buildCreateBody()) : undefined,
      });
      expect(response.status, `${method} ${path}`).toBe(401);
      expect(await response.json()).toEqual({ message: "Invalid app credentials" });
    }
  });

  it("does not need them for public info and stats", async () => {
    const { id } = await createPaymentRequest();
    expect((await emulator.call(`/v3/paymentRequests/public/${id}`, { isAnonymous: true })).status).toBe(200);
    expect((await emulator.call(`/v3/paymentRequests/public/stats/${id}`, { isAnonymous: true })).status).toBe(200);
  });
});

describe("reading, updating and deleting", () => {
  it("gets one request and lists it, newest first", async () => {
    const first = await createPaymentRequest({ product: { name: "First" } });
    const second = await createPaymentRequest({ product: { name: "Second" } });

    const one = await emulator.call(`/v3/paymentRequests/${first.id}/`);
    expect(one.status).toBe(200);
    expect(await one.json()).toEqual(first);

    const list = (await (await emulator.call("/v3/paymentRequests")).json()) as { items: { id: string }[] };
    const ids = list.items.map((item) => item.id);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
    expect(ids.indexOf(second.id)).toBeGreaterThanOrEqual(0);
  });

  it("updates only the fields given", async () => {
    const created = await createPaymentRequest({
      notifications: { webhook: { webhookUrl: "https://app.test/hook", customParameters: { orderId: "a" } } },
    });
    const response = await emulator.call(`/v3/paymentRequests/${created.id}`, {
      method: "PUT",
      json: { product: { name: "Renamed" }, redirectUrl: "https://app.test/back", notifications: { webhook: { customParameters: { orderId: "b" } } } },
    });
    expect(response.status).toBe(200);
    const updated = (await response.json()) as Record<string, unknown>;
    expect(updated).toMatchObject({
      id: created.id,
      product: { name: "Renamed", description: "The full text" },
      redirectUrl: "https://app.test/back",
      notifications: { webhook: { webhookUrl: "https://app.test/hook", customParameters: { orderId: "b" } } },
      paymentAmount: created.paymentAmount,
    });
  });

  it("deletes with 200 and an empty body, then answers 404 everywhere", async () => {
    const { id } = await createPaymentRequest();
    const response = await emulator.call(`/v3/paymentRequests/${id}`, { method: "DELETE" });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");

    for (const path of [`/v3/paymentRequests/${id}`, `/v3/paymentRequests/public/${id}`, `/v3/paymentRequests/public/stats/${id}`]) {
      const gone = await emulator.call(path);
      expect(gone.status, path).toBe(404);
      expect(await gone.json()).toEqual({ message: "Payment request not found" });
    }
    expect((await emulator.call(`/v3/paymentRequests/${id}`, { method: "DELETE" })).status).toBe(404);
    expect((await emulator.call(`/v3/paymentRequests/${id}`, { method: "PUT", json: {} })).status).toBe(404);

    const page = await emulator.call(`/pay/${id}`);
    expect(page.status).toBe(404);
    expect(await page.text()).toContain("no longer exists");
  });

  it("answers 400 to an id that is not a MongoDB ObjectId, on every path with an id", async () => {
    for (const [method, path] of [
      ["GET", "/v3/paymentRequests/pr_123"],
      ["PUT", "/v3/paymentRequests/pr_123"],
      ["DELETE", "/v3/paymentRequests/0123456789abcdef0123456z"],
      ["GET", "/v3/paymentRequests/public/0123456789abcdef0123456"],
      ["GET", "/v3/paymentRequests/public/stats/pr_123"],
    ] as const) {
      const response = await emulator.call(path, { method, json: method === "PUT" ? {} : undefined });
      expect(response.status, `${method} ${path}`).toBe(400);
      expect(await response.json()).toEqual({ message: '"id" must be a valid MongoDB ObjectId' });
    }
  });

  it("stops taking payments once PUT moves expiresAt to now, and keeps answering its public view", async () => {
    const { id } = await createPaymentRequest();
    const response = await emulator.call(`/v3/paymentRequests/${id}`, { method: "PUT", json: { expiresAt: new Date().toISOString() } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id, isEnabled: false });

    const publicView = (await (await emulator.call(`/v3/paymentRequests/public/${id}`, { isAnonymous: true })).json()) as { status: string };
    expect(publicView.status).toBe("expired");
    const pay = await emulator.call(`/_emulator/paymentRequests/${id}/pay`, { method: "POST", json: {} });
    expect(pay.status).toBe(409);
  });

  it("refuses an update body whose id differs from the path's", async () => {
    const { id } = await createPaymentRequest();
    const response = await emulator.call(`/v3/paymentRequests/${id}`, {
      method: "PUT",
      json: { id: "0123456789abcdef01234567", redirectUrl: "https://app.test/x" },
    });
    expect(response.status).toBe(400);
    expect((await emulator.call(`/v3/paymentRequests/${id}`, { method: "PUT", json: { id, redirectUrl: "https://app.test/x" } })).status).toBe(200);
  });

  it("answers 405 to a wrong method and 404 to an unknown path", async () => {
    const wrongMethod = await emulator.call("/v3/paymentRequests", { method: "PATCH" });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toContain("POST");
    expect(await wrongMethod.json()).toEqual({ message: "Method PATCH not allowed" });

    expect((await emulator.call("/v4/nothing")).status).toBe(404);
  });
});
