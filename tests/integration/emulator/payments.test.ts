import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCreateBody, type RunningEmulator, startTestEmulator } from "@/emulator/testing/fixtures";
import { TEST_USERS } from "@/emulator/test-wallet";

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});

afterAll(async () => {
  await emulator.server.close();
});

async function createPaymentRequest(overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await emulator.call("/v3/paymentRequests", { method: "POST", json: buildCreateBody(overrides) });
  expect(response.status).toBe(200);
  return ((await response.json()) as { id: string }).id;
}

async function getPublicInfo(id: string) {
  const response = await emulator.call(`/v3/paymentRequests/public/${id}`, { isAnonymous: true });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

async function payThroughControl(id: string, body: Record<string, unknown> = {}) {
  return emulator.call(`/_emulator/paymentRequests/${id}/pay`, { method: "POST", isAnonymous: true, json: body });
}

describe("public info", () => {
  it("moves from pending to completed with the transactionId once a single-use request is paid", async () => {
    const id = await createPaymentRequest({ redirectUrl: "https://app.test/back?from=emulator" });
    const before = await getPublicInfo(id);
    expect(before).toMatchObject({ id, status: "pending", paymentsCount: 0, redirectUrl: "https://app.test/back?from=emulator" });
    expect(before).not.toHaveProperty("transactionId");

    const paid = await payThroughControl(id, { userId: "bob" });
    expect(paid.status).toBe(200);
    const { transactionId, redirectUrl } = (await paid.json()) as { transactionId: string; redirectUrl: string };
    expect(transactionId).toMatch(/^[0-9a-f]{64}$/);
    // The existing query parameter survives; transactionId is appended.
    expect(redirectUrl).toBe(`https://app.test/back?from=emulator&transactionId=${transactionId}`);

    expect(await getPublicInfo(id)).toMatchObject({ status: "completed", transactionId, paymentsCount: 1 });
    const privateView = (await (await emulator.call(`/v3/paymentRequests/${id}`)).json()) as { isEnabled: boolean };
    expect(privateView.isEnabled).toBe(false);

    const again = await payThroughControl(id);
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ message: "This payment request has already been paid" });
  });

  it("keeps a reusable request pending after payments, reporting the latest one and the stats", async () => {
    const id = await createPaymentRequest({ expirationType: "never" });
    const first = (await (await payThroughControl(id, { userId: "alice" })).json()) as { transactionId: string };
    const second = (await (await payThroughControl(id, { userId: "carol" })).json()) as { transactionId: string };
    await payThroughControl(id, { userId: "carol" });

    const info = await getPublicInfo(id);
    expect(info).toMatchObject({ status: "pending", paymentsCount: 3 });
    expect(info.transactionId).not.toBe(first.transactionId);
    expect(info.transactionId).not.toBe(second.transactionId);

    const stats = await emulator.call(`/v3/paymentRequests/public/stats/${id}`, { isAnonymous: true });
    expect(await stats.json()).toEqual({ totalPayments: 3, totalVolume: 7.5, uniqueUsers: 2 });
  });

  it("completes a limit request when its units run out", async () => {
    const id = await createPaymentRequest({ expirationType: "limit", totalUnits: 2 });
    expect(await getPublicInfo(id)).toMatchObject({ status: "pending", totalUnits: 2, remainingUnits: 2 });
    await payThroughControl(id);
    expect(await getPublicInfo(id)).toMatchObject({ status: "pending", remainingUnits: 1, paymentsCount: 1 });
    await payThroughControl(id);
    expect(await getPublicInfo(id)).toMatchObject({ status: "completed", remainingUnits: 0, paymentsCount: 2 });
    expect((await payThroughControl(id)).status).toBe(409);
  });

  it("reports an unpaid request past expiresAt as expired and refuses to pay it", async () => {
    const id = await createPaymentRequest({ expiresAt: new Date(Date.now() - 1_000).toISOString() });
    expect(await getPublicInfo(id)).toMatchObject({ status: "expired", paymentsCount: 0 });
    const refused = await payThroughControl(id);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({ message: "This payment request has expired" });

    const page = await emulator.call(`/pay/${id}`);
    const html = await page.text();
    expect(html).toContain("This payment request has expired");
    expect(html).not.toContain("<form");
  });

  it("rejects an unknown test user", async () => {
    const id = await createPaymentRequest();
    const response = await payThroughControl(id, { userId: "mallory" });
    expect(response.status).toBe(400);
    expect(await getPublicInfo(id)).toMatchObject({ status: "pending", paymentsCount: 0 });
  });
});

describe("pay page", () => {
  it("escapes every interpolated value and offers the test wallet form", async () => {
    const id = await createPaymentRequest({
      product: { name: "<script>alert(1)</script>", description: 'Say "hi" & <b>bye</b>', imageUrl: 'https://img.test/a.png?x="><script>' },
      redirectUrl: "https://app.test/articles/x?a=1&b=2",
    });
    const response = await emulator.call(`/pay/${id}`, { isAnonymous: true });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    const html = await response.text();

    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("Say &quot;hi&quot; &amp; &lt;b&gt;bye&lt;/b&gt;");
    expect(html).not.toContain('"><script>');
    expect(html).toContain("Emulator — no real money");
    expect(html).toContain("USD 2.50");
    expect(html).toMatch(/<label for="userId">Pay as<\/label>/);
    expect(html).toMatch(/<label for="email">Email<\/label>/);
    for (const user of TEST_USERS) expect(html).toContain(`value="${user.id}"`);
    expect(html).toContain(`value="${TEST_USERS[0]?.email}"`);
    expect(html).toMatch(/<button type="submit">Pay USD 2\.50<\/button>/);
    expect(html).toContain('href="https://app.test/articles/x?a=1&amp;b=2">Cancel</a>');
  });

  it("pays on form post and redirects 303 to redirectUrl with the transactionId", async () => {
    const id = await createPaymentRequest({ redirectUrl: "https://app.test/articles/x?ref=mail" });
    const bob = TEST_USERS[1];
    const response = await emulator.call(`/pay/${id}`, {
      method: "POST",
      isAnonymous: true,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ userId: bob?.id ?? "", email: "bob@elsewhere.test" }).toString(),
    });
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.origin + location.pathname).toBe("https://app.test/articles/x");
    expect(location.searchParams.get("ref")).toBe("mail");
    const transactionId = location.searchParams.get("transactionId");
    expect(transactionId).toMatch(/^[0-9a-f]{64}$/);

    expect(await getPublicInfo(id)).toMatchObject({ status: "completed", transactionId });
    const control = (await (await emulator.call(`/_emulator/paymentRequests/${id}`)).json()) as { payments: { userId: string }[] };
    expect(control.payments.map((payment) => payment.userId)).toEqual([bob?.id]);

    const page = await (await emulator.call(`/pay/${id}`)).text();
    expect(page).toContain("This payment request has already been paid");
    expect(page).not.toContain("<form");
  });

  it("shows a Payment sent page when there is no redirectUrl", async () => {
    const id = await createPaymentRequest();
    const response = await emulator.call(`/pay/${id}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `userId=${TEST_USERS[0]?.id}&email=`,
    });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Payment sent");
    const { transactionId } = await getPublicInfo(id);
    expect(html).toContain(String(transactionId));
  });

  it("answers 404 for an unknown request", async () => {
    const response = await emulator.call("/pay/0123456789abcdef01234567");
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Payment request not found");
  });
});

describe("QR code", () => {
  it("serves a PNG for a known request and JSON 404 otherwise", async () => {
    const id = await createPaymentRequest();
    const response = await emulator.call(`/api/paymentPreview/qr/${id}`, { isAnonymous: true });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.length).toBeGreaterThan(200);

    const missing = await emulator.call("/api/paymentPreview/qr/0123456789abcdef01234567");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ message: "Payment request not found" });
  });
});

describe("control API", () => {
  it("lists requests newest first with status, transactionIds and customParameters, and resets", async () => {
    const older = await createPaymentRequest({ notifications: { webhook: { webhookUrl: "http://localhost:9/hook", customParameters: { orderId: "o-1" } } } });
    const newer = await createPaymentRequest();
    const { transactionId } = (await (await payThroughControl(older, { delivery: "lost" })).json()) as { transactionId: string };

    const { items } = (await (await emulator.call("/_emulator/paymentRequests")).json()) as {
      items: { id: string; status: string; transactionIds: string[]; customParameters: Record<string, unknown> }[];
    };
    expect(items[0]?.id).toBe(newer);
    expect(items.find((item) => item.id === older)).toMatchObject({
      status: "completed",
      transactionIds: [transactionId],
      customParameters: { orderId: "o-1" },
    });
    expect(items.find((item) => item.id === newer)).toMatchObject({ status: "pending", transactionIds: [], customParameters: {} });

    expect(await (await emulator.call("/_emulator/health")).json()).toEqual({ status: "ok" });
    expect((await emulator.call("/_emulator/reset", { method: "POST" })).status).toBe(200);
    expect(await (await emulator.call("/_emulator/paymentRequests")).json()).toEqual({ items: [] });
    expect(await (await emulator.call("/_emulator/deliveries")).json()).toEqual({ deliveries: [] });
  });
});
