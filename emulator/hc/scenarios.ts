import crypto from "node:crypto";
import { type ControlAttempt, type ControlClient, type ControlDelivery, type ControlPaymentRequest, HcError } from "./control-client";

/**
 * The `hc` scenarios: each reproduces one way HandCash's webhook can reach (or miss) the app,
 * so the app's handling can be watched by hand. They only drive the control API.
 */

export interface ScenarioOptions {
  client: ControlClient;
  targets: string[];
  copies: number | null;
  delayMs: number | null;
  print: (line: string) => void;
}

const POLL_INTERVAL_MS = 250;
// Covers the emulator's default 10 s per-attempt timeout plus slack.
const FIRST_ATTEMPT_TIMEOUT_MS = 15_000;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function getOrderId(request: ControlPaymentRequest): string | null {
  const orderId = request.customParameters.orderId;
  return typeof orderId === "string" ? orderId : null;
}

function describeRequest(request: ControlPaymentRequest): string {
  const orderId = getOrderId(request);
  return `${request.id}${orderId ? ` (order ${orderId})` : ""} "${request.product.name}"`;
}

function formatAmount(request: ControlPaymentRequest): string {
  return `${request.paymentAmount.denominatedIn} ${request.paymentAmount.amount}`;
}

function formatTime(iso: string): string {
  return new Date(iso).toLocaleTimeString();
}

function describeAttempt(attempt: ControlAttempt): string {
  const outcome = attempt.httpStatus !== null ? `HTTP ${attempt.httpStatus}` : `no response (${attempt.error ?? "unknown error"})`;
  const body = attempt.responseBody ? ` ${JSON.stringify(attempt.responseBody.slice(0, 120))}` : "";
  return `attempt ${attempt.attempt} at ${formatTime(attempt.startedAt)}: ${outcome}${body}`;
}

function describeNext(delivery: ControlDelivery): string {
  if (delivery.state === "pending" && delivery.nextAttemptAt) {
    const seconds = Math.max(0, Math.round((Date.parse(delivery.nextAttemptAt) - Date.now()) / 1000));
    return `next retry at ${formatTime(delivery.nextAttemptAt)} (in ${seconds}s)`;
  }
  return delivery.state;
}

/** Finds a request by its id, by customParameters.orderId, or by any other customParameters value. */
function findTarget(requests: ControlPaymentRequest[], reference: string): ControlPaymentRequest {
  const match =
    requests.find((request) => request.id === reference) ??
    requests.find((request) => getOrderId(request) === reference) ??
    requests.find((request) => Object.values(request.customParameters).some((value) => value === reference));
  if (!match)
    throw new HcError(`No payment request matches "${reference}" (tried payment request id and customParameters.orderId). Try \`npm run hc -- list\`.`);
  return match;
}

async function resolveTargets(options: ScenarioOptions, count: { min: number; max: number }): Promise<ControlPaymentRequest[]> {
  const requests = await options.client.listPaymentRequests();
  if (options.targets.length > 0) return options.targets.map((reference) => findTarget(requests, reference));
  const pending = requests.filter((request) => request.status === "pending").slice(0, count.max);
  if (pending.length < count.min) {
    throw new HcError(
      pending.length === 0
        ? "No pending payment request. Start a purchase in the app first, or pass an id."
        : `Need at least ${count.min} pending payment requests, found ${pending.length}.`,
    );
  }
  return pending;
}

async function resolveTarget(options: ScenarioOptions): Promise<ControlPaymentRequest> {
  const [target] = await resolveTargets(options, { min: 1, max: 1 });
  if (!target) throw new HcError("No payment request to act on");
  return target;
}

function assertWebhook(request: ControlPaymentRequest): void {
  if (!request.notifications?.webhook) throw new HcError(`${describeRequest(request)} has no notifications.webhook, so there is nothing to deliver.`);
}

/** Polls until every delivery has finished its first attempt (or reached a terminal state). */
async function waitForFirstAttempts(client: ControlClient, deliveryIds: string[], timeoutMs: number): Promise<ControlDelivery[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const deliveries = await Promise.all(deliveryIds.map((deliveryId) => client.getDelivery(deliveryId)));
    if (deliveries.every((delivery) => delivery.attempts.length > 0 || delivery.state !== "pending")) return deliveries;
    if (Date.now() > deadline) throw new HcError(`Timed out waiting for the webhook's first attempt (${deliveryIds.join(", ")})`);
    await sleep(POLL_INTERVAL_MS);
  }
}

function printDeliveryOutcome(print: ScenarioOptions["print"], delivery: ControlDelivery, label = "webhook"): void {
  const last = delivery.attempts.at(-1);
  print(`  ${label} ${delivery.deliveryId}: ${last ? describeAttempt(last) : "not sent"} → ${describeNext(delivery)}`);
}

async function payAndReport(options: ScenarioOptions, target: ControlPaymentRequest, payOptions: Parameters<ControlClient["pay"]>[1]) {
  const result = await options.client.pay(target.id, payOptions);
  options.print(`Paid ${describeRequest(target)}, ${formatAmount(target)}`);
  options.print(`  transactionId ${result.transactionId}`);
  if (result.redirectUrl) options.print(`  payer redirected to ${result.redirectUrl}`);
  return result;
}

async function runPaid(options: ScenarioOptions): Promise<void> {
  const target = await resolveTarget(options);
  const result = await payAndReport(options, target, { delivery: "normal" });
  if (!result.deliveryId) {
    options.print("  no webhook configured on this request");
    return;
  }
  const [delivery] = await waitForFirstAttempts(options.client, [result.deliveryId], FIRST_ATTEMPT_TIMEOUT_MS);
  if (!delivery) return;
  printDeliveryOutcome(options.print, delivery);
  if (delivery.state === "pending") options.print("  the emulator keeps retrying; `npm run hc -- down-then-up` shows a delivery attempt by attempt");
}

async function runDuplicate(options: ScenarioOptions): Promise<void> {
  const target = await resolveTarget(options);
  assertWebhook(target);
  const copies = options.copies ?? 5;
  const result = await payAndReport(options, target, { delivery: "lost" });
  const { deliveryIds } = await options.client.deliver(target.id, { transactionId: result.transactionId, copies });
  options.print(`Sent ${copies} copies of the webhook at once`);
  const deliveries = await waitForFirstAttempts(options.client, deliveryIds, FIRST_ATTEMPT_TIMEOUT_MS);
  const tally = new Map<string, number>();
  for (const delivery of deliveries) {
    const last = delivery.attempts.at(-1);
    const key = last?.httpStatus != null ? `HTTP ${last.httpStatus}` : (last?.error ?? "not sent");
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  options.print(`  answers: ${[...tally].map(([key, count]) => `${key} ×${count}`).join(", ")}`);
  options.print("  the app should hold exactly one payment for this transactionId");
}

async function runWrongSecret(options: ScenarioOptions): Promise<void> {
  const target = await resolveTarget(options);
  assertWebhook(target);
  // Unpaid requests get an invented transactionId: that is what a forger would send.
  const transactionId = target.transactionIds.at(-1) ?? crypto.randomBytes(32).toString("hex");
  const { deliveryIds } = await options.client.deliver(target.id, {
    transactionId,
    appSecret: `forged-${crypto.randomBytes(8).toString("hex")}`,
    retry: false,
  });
  options.print(`Sent a forged webhook (wrong appSecret) for ${describeRequest(target)}`);
  const [delivery] = await waitForFirstAttempts(options.client, deliveryIds, FIRST_ATTEMPT_TIMEOUT_MS);
  const attempt = delivery?.attempts.at(-1);
  if (!attempt) throw new HcError("The forged webhook was not sent");
  options.print(
    `  app answered: ${attempt.httpStatus !== null ? `HTTP ${attempt.httpStatus}` : `no response (${attempt.error})`}${attempt.responseBody ? ` ${JSON.stringify(attempt.responseBody.slice(0, 200))}` : ""}`,
  );
  options.print("  expected: HTTP 401, and the order must stay unpaid");
}

async function runDelayed(options: ScenarioOptions): Promise<void> {
  const target = await resolveTarget(options);
  assertWebhook(target);
  const delayMs = options.delayMs ?? 10_000;
  const result = await payAndReport(options, target, { delivery: "delayed", delayMs });
  options.print(`  webhook held back until ${new Date(Date.now() + delayMs).toLocaleTimeString()} (${delayMs} ms); waiting…`);
  if (!result.deliveryId) return;
  const [delivery] = await waitForFirstAttempts(options.client, [result.deliveryId], delayMs + FIRST_ATTEMPT_TIMEOUT_MS);
  if (delivery) printDeliveryOutcome(options.print, delivery);
}

async function runLost(options: ScenarioOptions): Promise<void> {
  const target = await resolveTarget(options);
  await payAndReport(options, target, { delivery: "lost" });
  options.print("  webhook lost: it will never be sent. Public info shows the payment, so only polling can notice it.");
}

async function runOutOfOrder(options: ScenarioOptions): Promise<void> {
  const targets = await resolveTargets(options, { min: 1, max: 3 });
  targets.forEach(assertWebhook);
  const payments: { target: ControlPaymentRequest; transactionId: string }[] = [];
  for (const target of targets) {
    const result = await options.client.pay(target.id, { delivery: "lost" });
    payments.push({ target, transactionId: result.transactionId });
    options.print(`Paid ${describeRequest(target)} (webhook held)`);
  }
  const first = payments[0];
  const order = [...payments].reverse();
  if (first) order.push(first);
  for (const [index, payment] of order.entries()) {
    const { deliveryIds } = await options.client.deliver(payment.target.id, { transactionId: payment.transactionId });
    const [delivery] = await waitForFirstAttempts(options.client, deliveryIds, FIRST_ATTEMPT_TIMEOUT_MS);
    const label = index === order.length - 1 ? "re-delivered" : "delivered";
    if (delivery) printDeliveryOutcome(options.print, delivery, `${label} ${payment.target.id}`);
  }
}

async function runDownThenUp(options: ScenarioOptions): Promise<void> {
  const target = await resolveTarget(options);
  assertWebhook(target);
  const result = await payAndReport(options, target, { delivery: "normal" });
  if (!result.deliveryId) return;
  options.print("  following the delivery log (Ctrl-C to stop; start the app again to see it delivered)…");
  let printed = 0;
  let lastWaitKey = "";
  for (;;) {
    const delivery = await options.client.getDelivery(result.deliveryId);
    for (const attempt of delivery.attempts.slice(printed)) {
      options.print(`  ${describeAttempt(attempt)}`);
      printed++;
    }
    if (delivery.state !== "pending") {
      options.print(`  delivery ${delivery.state} after ${delivery.attempts.length} attempt(s)`);
      if (delivery.state === "failed") process.exitCode = 1;
      return;
    }
    if (delivery.nextAttemptAt && printed > 0) {
      // Once per scheduled attempt, not on every poll.
      const key = `${printed}:${delivery.nextAttemptAt}`;
      if (key !== lastWaitKey) {
        options.print(`    ${describeNext(delivery)}`);
        lastWaitKey = key;
      }
    }
    await sleep(500);
  }
}

async function runList(options: ScenarioOptions): Promise<void> {
  const requests = await options.client.listPaymentRequests();
  if (requests.length === 0) {
    options.print("No payment requests.");
    return;
  }
  for (const request of requests) {
    const orderId = getOrderId(request) ?? "-";
    const payments = request.transactionIds.length;
    options.print(
      `${request.id}  order ${orderId}  ${request.status.padEnd(9)}  ${formatAmount(request)}  ${payments} payment${payments === 1 ? "" : "s"}  "${request.product.name}"`,
    );
  }
}

export const SCENARIOS = {
  paid: { run: runPaid, summary: "pay normally; the webhook is delivered (with retries)" },
  duplicate: { run: runDuplicate, summary: "pay, then send --copies N (default 5) identical webhooks at once" },
  "wrong-secret": { run: runWrongSecret, summary: "send one forged webhook with a wrong appSecret, no retry; print the app's answer" },
  delayed: { run: runDelayed, summary: "pay; the first webhook attempt waits --delay ms (default 10000)" },
  lost: { run: runLost, summary: "pay; the webhook is never sent" },
  "out-of-order": { run: runOutOfOrder, summary: "pay up to 3 requests, deliver them newest-first, then the first one again" },
  "down-then-up": { run: runDownThenUp, summary: "pay, then follow every retry until delivered or failed" },
  list: { run: runList, summary: "list payment requests (id, orderId, status, amount)" },
} satisfies Record<string, { run: (options: ScenarioOptions) => Promise<void>; summary: string }>;

export type ScenarioName = keyof typeof SCENARIOS;

export function isScenarioName(value: string): value is ScenarioName {
  return Object.hasOwn(SCENARIOS, value);
}
