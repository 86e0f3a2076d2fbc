import { afterEach, describe, expect, it, vi } from "vitest";
import type { EmulatorConfig } from "@/emulator/config";
import { buildCreateBody, type RunningEmulator, startTestEmulator, TEST_APP_SECRET } from "@/emulator/testing/fixtures";
import { type Responder, startWebhookReceiver, type WebhookReceiver } from "@/emulator/testing/webhook-receiver";
import { TEST_USERS } from "@/emulator/test-wallet";
import type { DeliveryView } from "@/emulator/views";

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(config: Partial<EmulatorConfig> = {}, responder?: Responder) {
  const receiver = await startWebhookReceiver(responder);
  cleanups.push(() => receiver.close());
  const emulator = await startTestEmulator({ retryInitialMs: 20, ...config });
  cleanups.push(() => emulator.server.close());
  return { receiver, emulator };
}

async function createWithWebhook(emulator: RunningEmulator, receiver: WebhookReceiver, overrides: Record<string, unknown> = {}) {
  const response = await emulator.call("/v3/paymentRequests", {
    method: "POST",
    json: buildCreateBody({ notifications: { webhook: { webhookUrl: receiver.url, customParameters: { orderId: "ord_42" } } }, ...overrides }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { id: string }).id;
}

async function pay(emulator: RunningEmulator, id: string, body: Record<string, unknown> = {}) {
  const response = await emulator.call(`/_emulator/paymentRequests/${id}/pay`, { method: "POST", json: body });
  expect(response.status).toBe(200);
  return (await response.json()) as { transactionId: string; redirectUrl: string | null; deliveryId: string | null };
}

async function listDeliveries(emulator: RunningEmulator, query = ""): Promise<DeliveryView[]> {
  const response = await emulator.call(`/_emulator/deliveries${query}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { deliveries: DeliveryView[] }).deliveries;
}

async function waitForDeliveryState(emulator: RunningEmulator, deliveryId: string, state: DeliveryView["state"], timeout = 3_000) {
  return vi.waitFor(
    async () => {
      const response = await emulator.call(`/_emulator/deliveries/${deliveryId}`);
      const delivery = (await response.json()) as DeliveryView;
      expect(delivery.state).toBe(state);
      return delivery;
    },
    { timeout, interval: 10 },
  );
}

describe("webhook payload", () => {
  it("is exactly the documented body, with only the requested user data", async () => {
    const { receiver, emulator } = await setUp();
    const id = await createWithWebhook(emulator, receiver, {
      requestedUserData: ["paymail", "email"],
      notifications: { webhook: { webhookUrl: receiver.url, customParameters: { orderId: "ord_42", attempt: 1 } } },
    });
    const bob = TEST_USERS[1];
    const { transactionId } = await pay(emulator, id, { userId: bob?.id, email: "bob@reader.test" });

    const [webhook] = await receiver.waitForCount(1);
    expect(webhook?.method).toBe("POST");
    expect(webhook?.path).toBe("/webhooks/handcash");
    expect(webhook?.headers["content-type"]).toBe("application/json");
    expect(webhook?.body).toEqual({
      appSecret: TEST_APP_SECRET,
      paymentRequestId: id,
      transactionId,
      customParameters: { orderId: "ord_42", attempt: 1 },
      userData: { id: bob?.id, paymail: bob?.paymail, email: "bob@reader.test" },
      paymentMethod: "onChain",
    });
  });

  it("sends userData with only the payer id and {} customParameters when nothing was requested", async () => {
    const { receiver, emulator } = await setUp();
    const id = await createWithWebhook(emulator, receiver, { notifications: { webhook: { webhookUrl: receiver.url } } });
    await pay(emulator, id, { userId: "carol" });
    const [webhook] = await receiver.waitForCount(1);
    expect(webhook?.body).toMatchObject({ customParameters: {}, userData: { id: TEST_USERS[2]?.id } });
    expect(Object.keys((webhook!.body as { userData: object }).userData)).toEqual(["id"]);
  });

  it("does not hold the payer's redirect back while the webhook is slow", async () => {
    const { receiver, emulator } = await setUp({}, () => ({ status: 200, delayMs: 1_500 }));
    const id = await createWithWebhook(emulator, receiver, { redirectUrl: "https://app.test/back" });
    const startedAt = Date.now();
    const response = await emulator.call(`/pay/${id}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `userId=${TEST_USERS[0]?.id}`,
    });
    expect(response.status).toBe(303);
    expect(Date.now() - startedAt).toBeLessThan(1_000);
    await receiver.waitForCount(1);
    expect(receiver.inFlight).toBe(1);
  });
});

describe("retries", () => {
  it("retries until the receiver answers exactly 200, backing off exponentially", async () => {
    const answers = [500, 204, 200];
    const { receiver, emulator } = await setUp({ retryInitialMs: 20, retryFactor: 2 }, (webhook) => ({
      status: answers[webhook.index] ?? 200,
      body: `answer ${webhook.index}`,
    }));
    const id = await createWithWebhook(emulator, receiver);
    const { deliveryId, transactionId } = await pay(emulator, id);

    const delivery = await waitForDeliveryState(emulator, deliveryId ?? "", "delivered");
    expect(delivery).toMatchObject({ paymentRequestId: id, transactionId, kind: "payment", nextAttemptAt: null, attemptCount: 3 });
    expect(delivery.attempts.map((attempt) => attempt.httpStatus)).toEqual([500, 204, 200]);
    expect(delivery.attempts.map((attempt) => attempt.attempt)).toEqual([1, 2, 3]);
    // A 204 cannot carry a body, so its logged response body is empty.
    expect(delivery.attempts.map((attempt) => attempt.responseBody)).toEqual(["answer 0", "", "answer 2"]);
    expect(delivery.attempts.every((attempt) => attempt.error === null)).toBe(true);

    const [first, second, third] = delivery.attempts;
    const gap = (from?: { finishedAt: string }, to?: { startedAt: string }) => Date.parse(to?.startedAt ?? "") - Date.parse(from?.finishedAt ?? "");
    expect(gap(first, second)).toBeGreaterThanOrEqual(19);
    expect(gap(second, third)).toBeGreaterThanOrEqual(39);

    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((webhook) => webhook.rawBody)).size).toBe(1);
  });

  it("marks the delivery failed once the next attempt would fall outside the retry window", async () => {
    // Attempts near 0, 50 and 150 ms; the fourth would be near 350 ms, past the 300 ms window.
    const { receiver, emulator } = await setUp({ retryInitialMs: 50, retryFactor: 2, retryWindowMs: 300 }, () => ({ status: 503 }));
    const id = await createWithWebhook(emulator, receiver);
    const { deliveryId } = await pay(emulator, id);

    const delivery = await waitForDeliveryState(emulator, deliveryId ?? "", "failed");
    expect(delivery.attempts.map((attempt) => attempt.httpStatus)).toEqual([503, 503, 503]);
    expect(delivery.nextAttemptAt).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(receiver.received).toHaveLength(3);
  });

  it("caps the backoff at the maximum delay", async () => {
    const { receiver, emulator } = await setUp({ retryInitialMs: 20, retryFactor: 10, retryMaxDelayMs: 40 }, (webhook) => ({
      status: webhook.index < 3 ? 500 : 200,
    }));
    const id = await createWithWebhook(emulator, receiver);
    const { deliveryId } = await pay(emulator, id);
    // Uncapped, the third gap would be 2 s and the wait would time out.
    const delivery = await waitForDeliveryState(emulator, deliveryId ?? "", "delivered", 1_500);
    expect(delivery.attemptCount).toBe(4);
  });

  it("records network errors and timeouts as failed attempts", async () => {
    const { receiver, emulator } = await setUp({ deliveryTimeoutMs: 100 }, () => ({ status: 200, delayMs: 400 }));
    const id = await createWithWebhook(emulator, receiver);
    await pay(emulator, id, { delivery: "lost" });
    const response = await emulator.call(`/_emulator/paymentRequests/${id}/deliveries`, { method: "POST", json: { retry: false } });
    const { deliveryIds } = (await response.json()) as { deliveryIds: string[] };
    const timedOut = await waitForDeliveryState(emulator, deliveryIds[0] ?? "", "failed");
    expect(timedOut.attempts).toHaveLength(1);
    expect(timedOut.attempts[0]).toMatchObject({ httpStatus: null, error: "timed out after 100 ms" });

    const closed = await startWebhookReceiver();
    const closedUrl = closed.url;
    await closed.close();
    const unreachable = await createWithWebhook(emulator, receiver, { notifications: { webhook: { webhookUrl: closedUrl } } });
    const { deliveryId } = await pay(emulator, unreachable);
    await vi.waitFor(async () => {
      const [delivery] = await listDeliveries(emulator, `?paymentRequestId=${unreachable}`);
      expect(delivery?.deliveryId).toBe(deliveryId);
      expect(delivery?.attempts[0]?.error).toMatch(/ECONNREFUSED/);
      expect(delivery?.state).toBe("pending");
    });
  });

  it("fires the next attempt at once on retry-now", async () => {
    let status = 500;
    const { receiver, emulator } = await setUp({ retryInitialMs: 60_000 }, () => ({ status }));
    const id = await createWithWebhook(emulator, receiver);
    const { deliveryId } = await pay(emulator, id);
    const waiting = await vi.waitFor(async () => {
      const [delivery] = await listDeliveries(emulator, `?paymentRequestId=${id}&state=pending`);
      expect(delivery?.attemptCount).toBe(1);
      return delivery;
    });
    expect(Date.parse(waiting?.nextAttemptAt ?? "") - Date.now()).toBeGreaterThan(50_000);

    status = 200;
    const retried = await emulator.call(`/_emulator/deliveries/${deliveryId}/retry-now`, { method: "POST" });
    expect(retried.status).toBe(202);
    const delivered = await waitForDeliveryState(emulator, deliveryId ?? "", "delivered");
    expect(delivered.attempts.map((attempt) => attempt.httpStatus)).toEqual([500, 200]);
    expect((await emulator.call(`/_emulator/deliveries/${deliveryId}/retry-now`, { method: "POST" })).status).toBe(409);
  });

  it("stops retrying once the emulator is closed", async () => {
    const { receiver, emulator } = await setUp({ retryInitialMs: 100 }, () => ({ status: 500 }));
    const id = await createWithWebhook(emulator, receiver);
    await pay(emulator, id);
    await vi.waitFor(async () => {
      const [delivery] = await listDeliveries(emulator, `?paymentRequestId=${id}`);
      expect(delivery?.attemptCount).toBeGreaterThanOrEqual(1);
      expect(delivery?.nextAttemptAt).not.toBeNull();
    });
    await emulator.server.close();
    const receivedAtClose = receiver.received.length;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receivedAtClose).toBeGreaterThanOrEqual(1);
    expect(receiver.received).toHaveLength(receivedAtClose);
  });
});

describe("fault injection", () => {
  it("never sends a lost webhook, though the payment is public", async () => {
    const { receiver, emulator } = await setUp();
    const id = await createWithWebhook(emulator, receiver);
    const { transactionId, deliveryId } = await pay(emulator, id, { delivery: "lost" });

    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.received).toHaveLength(0);
    const [delivery] = await listDeliveries(emulator, `?paymentRequestId=${id}`);
    expect(delivery).toMatchObject({ deliveryId, state: "lost", attemptCount: 0, nextAttemptAt: null });
    const info = (await (await emulator.call(`/v3/paymentRequests/public/${id}`)).json()) as Record<string, unknown>;
    expect(info).toMatchObject({ status: "completed", transactionId });
  });

  it("holds a delayed webhook back by delayMs", async () => {
    const { receiver, emulator } = await setUp();
    const id = await createWithWebhook(emulator, receiver);
    const paidAt = Date.now();
    await pay(emulator, id, { delivery: "delayed", delayMs: 250 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.received).toHaveLength(0);
    const [webhook] = await receiver.waitForCount(1);
    expect((webhook?.receivedAt ?? 0) - paidAt).toBeGreaterThanOrEqual(240);
  });

  it("sends 20 copies concurrently, each its own delivery", async () => {
    // Every answer waits 300 ms, so 20 requests open at once proves they were not sent one by one.
    const { receiver, emulator } = await setUp({}, () => ({ status: 200, delayMs: 300 }));
    const id = await createWithWebhook(emulator, receiver);
    const { transactionId } = await pay(emulator, id, { delivery: "lost" });

    const startedAt = Date.now();
    const response = await emulator.call(`/_emulator/paymentRequests/${id}/deliveries`, { method: "POST", json: { copies: 20 } });
    expect(response.status).toBe(202);
    expect(Date.now() - startedAt).toBeLessThan(250);
    const { deliveryIds } = (await response.json()) as { deliveryIds: string[] };
    expect(new Set(deliveryIds).size).toBe(20);

    const received = await receiver.waitForCount(20, 2_000);
    expect(receiver.maxInFlight).toBe(20);
    expect(received.every((webhook) => (webhook.body as { transactionId: string }).transactionId === transactionId)).toBe(true);
    await vi.waitFor(async () => {
      const delivered = await listDeliveries(emulator, `?paymentRequestId=${id}&state=delivered`);
      expect(delivered.map((delivery) => delivery.deliveryId).sort()).toEqual([...deliveryIds].sort());
      expect(delivered.every((delivery) => delivery.kind === "replay")).toBe(true);
    });
  });

  it("forges a webhook with another appSecret, without retrying the rejection", async () => {
    const { receiver, emulator } = await setUp({}, (webhook) => ({
      status: (webhook.body as { appSecret: string }).appSecret === TEST_APP_SECRET ? 200 : 401,
    }));
    const id = await createWithWebhook(emulator, receiver);
    const invented = "ab".repeat(32);
    const response = await emulator.call(`/_emulator/paymentRequests/${id}/deliveries`, {
      method: "POST",
      json: { transactionId: invented, appSecret: "not-the-secret", retry: false },
    });
    const { deliveryIds } = (await response.json()) as { deliveryIds: string[] };
    const delivery = await waitForDeliveryState(emulator, deliveryIds[0] ?? "", "failed");
    expect(delivery).toMatchObject({ kind: "forgery", transactionId: invented, attemptCount: 1 });
    expect(delivery.attempts[0]?.httpStatus).toBe(401);
    expect(receiver.received[0]?.body).toMatchObject({ appSecret: "not-the-secret", transactionId: invented, paymentRequestId: id });
  });

  it("refuses to replay a request with no payment and no transactionId", async () => {
    const { receiver, emulator } = await setUp();
    const id = await createWithWebhook(emulator, receiver);
    const response = await emulator.call(`/_emulator/paymentRequests/${id}/deliveries`, { method: "POST", json: {} });
    expect(response.status).toBe(409);
    expect(((await response.json()) as { message: string }).message).toMatch(/no payment/);
    const tooMany = await emulator.call(`/_emulator/paymentRequests/${id}/deliveries`, { method: "POST", json: { copies: 1001, transactionId: "x" } });
    expect(tooMany.status).toBe(400);
  });
});
