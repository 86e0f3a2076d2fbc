import { describe, expect, it } from "vitest";
import { POST as postWebhook } from "@/app/api/webhooks/handcash/route";
import { getPaymentRequestPublicInfo, HandCashError } from "@/server/handcash/client";
import { createPaidOrder, createPendingOrder, db, jsonRequest, setHandCashOutage, webhookBody } from "../helpers";

/** HandCash's 400, 429 and 5xx, each taken as HandCash means it (server/handcash/client.ts). */

async function deliver(body: unknown) {
  const response = await postWebhook(jsonRequest("http://localhost:3999/api/webhooks/handcash", body));
  return { status: response.status, retryAfter: response.headers.get("retry-after"), json: (await response.json()) as Record<string, unknown> };
}

async function rejectionOf(promise: Promise<unknown>): Promise<HandCashError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof HandCashError)) throw new Error(`expected a HandCashError, got ${String(error)}`);
  return error;
}

/** Until the pause a Retry-After started has passed, calls are refused before they are sent. */
async function waitOutPause(paymentRequestId: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const error = await getPaymentRequestPublicInfo(paymentRequestId).then(
      () => null,
      (reason: unknown) => reason,
    );
    if (error === null) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the pause never ended");
}

describe("HandCash's answers", () => {
  it("retries a read that met a 5xx, and gets HandCash's answer", async () => {
    const { paymentRequestId } = await createPendingOrder();
    await setHandCashOutage(503, { count: 1 });
    expect(await getPaymentRequestPublicInfo(paymentRequestId)).toMatchObject({ id: paymentRequestId, status: "pending" });
  });

  it("gives up on a read after three 5xx answers, as unavailable", async () => {
    const { paymentRequestId } = await createPendingOrder();
    await setHandCashOutage(502, { count: 3 });
    expect(await rejectionOf(getPaymentRequestPublicInfo(paymentRequestId))).toMatchObject({ kind: "unavailable", httpStatus: 502 });
    // The outage ran out with the third answer: the next call gets through.
    expect(await getPaymentRequestPublicInfo(paymentRequestId)).toMatchObject({ id: paymentRequestId });
  });

  it("honours a 429's Retry-After: no call reaches HandCash until it has passed, and the webhook passes it on", async () => {
    const order = await createPaidOrder();
    await setHandCashOutage(429, { retryAfterSeconds: 4, count: 1 });

    const limited = await rejectionOf(getPaymentRequestPublicInfo(order.paymentRequestId));
    expect(limited).toMatchObject({ kind: "rate_limited", httpStatus: 429, retryAfterMs: 4000 });
    // HandCash would answer now (the outage is over), but we were asked to wait.
    const held = await rejectionOf(getPaymentRequestPublicInfo(order.paymentRequestId));
    expect(held.kind).toBe("rate_limited");
    expect(held.message).toMatch(/was not sent/);
    const webhook = await deliver(webhookBody(order));
    expect(webhook.status).toBe(503);
    expect(Number(webhook.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(webhook.retryAfter)).toBeLessThanOrEqual(4);
    expect(await db.payment.count()).toBe(0);

    await waitOutPause(order.paymentRequestId);
    expect((await deliver(webhookBody(order))).json.outcome).toBe("recorded");
  });

  it("takes a 400 during verification as a refusal: the webhook gets 200 and the order is flagged, not retried for a day", async () => {
    const order = await createPaidOrder();
    await setHandCashOutage(400, { count: 1 });

    const { status, json } = await deliver(webhookBody(order));

    expect(status).toBe(200);
    expect(json.outcome).toBe("unconfirmed");
    expect(await db.order.findUniqueOrThrow({ where: { id: order.orderId } })).toMatchObject({
      status: "NEEDS_REVIEW",
      verification: { handcashStatus: "refused" },
    });
  });
});
