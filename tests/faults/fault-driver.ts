/**
 * What the fault tests do to the stack, from the outside: HTTP to the app's public API, the
 * emulator's control API, the stack's control server, and a Prisma client of their own on the
 * same database for assertions (never the app's).
 */
import crypto from "node:crypto";
import http from "node:http";
import { PrismaPg } from "@prisma/adapter-pg";
import { expect, inject } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { createProduct } from "@/prisma/factories";
import { TEST_HANDCASH_APP_SECRET } from "../setup/test-config";

export const appUrl = inject("appUrl");
export const emulatorUrl = inject("emulatorUrl");
export const webhookUrl = `${appUrl}/api/webhooks/handcash`;

export function openTestDatabase(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: inject("databaseUrl"), max: 4 }) });
}

export async function controlStack(action: "app/kill" | "app/start" | "worker/stop" | "worker/start" | "postgres/stop" | "postgres/start"): Promise<void> {
  const response = await fetch(`${inject("controlUrl")}/${action}`, { method: "POST" });
  if (!response.ok) throw new Error(`stack control ${action} failed: ${await response.text()}`);
}

/**
 * Puts back whatever an earlier test may have left broken (a stopped worker, a killed app), so
 * one failure does not cascade; that test has already reported it.
 */
export async function restoreStack(): Promise<void> {
  await controlStack("postgres/start");
  await controlStack("app/start");
  await controlStack("worker/start");
}

export async function readStackStatus(): Promise<{ isAppRunning: boolean; isWorkerRunning: boolean; isPostgresRunning: boolean; unexpectedExits: string[] }> {
  const response = await fetch(`${inject("controlUrl")}/status`, { method: "POST" });
  return response.json();
}

export interface ApiOrder {
  orderId: string;
  /** The reader's cookie (`tg_reader=…`), as a browser would send it back. */
  cookie: string;
  paymentRequestId: string;
}

/** Orders for `count` new readers of one new product, created through POST /api/orders. */
export async function createOrdersThroughApi(db: PrismaClient, count: number, { concurrency = 4 } = {}): Promise<ApiOrder[]> {
  const product = await createProduct(db);
  const created = await mapWithConcurrency(Array.from({ length: count }), concurrency, async () => {
    const response = await fetch(`${appUrl}/api/orders`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ productId: product.id }),
    });
    const body = (await response.json()) as { orderId?: string; error?: string };
    if (response.status !== 201 || !body.orderId) throw new Error(`POST /api/orders answered ${response.status}: ${JSON.stringify(body)}`);
    const cookie = response.headers.get("set-cookie")?.split(";")[0];
    if (!cookie) throw new Error("POST /api/orders set no reader cookie");
    return { orderId: body.orderId, cookie };
  });
  const rows = await db.order.findMany({ where: { id: { in: created.map((order) => order.orderId) } }, select: { id: true, paymentRequestId: true } });
  const requestIds = new Map(rows.map((row) => [row.id, row.paymentRequestId]));
  return created.map((order) => {
    const paymentRequestId = requestIds.get(order.orderId);
    if (!paymentRequestId) throw new Error(`Order ${order.orderId} has no payment request`);
    return { ...order, paymentRequestId };
  });
}

/** Each order's status as its reader's paywall sees it: GET /api/orders/{id} with the reader's cookie. */
export async function readStatusesThroughApi(orders: ApiOrder[]): Promise<Record<string, string>> {
  const entries = await mapWithConcurrency(orders, 8, async ({ orderId, cookie }) => {
    const response = await fetch(`${appUrl}/api/orders/${orderId}`, { headers: { cookie } });
    const body = (await response.json()) as { status?: string };
    return [orderId, response.status === 200 ? String(body.status) : `HTTP ${response.status}`] as const;
  });
  return Object.fromEntries(entries);
}

/** Every order's paywall shows "paid" (given the time for PostgreSQL's change notices to arrive). */
export async function expectAllPaidThroughApi(orders: ApiOrder[]): Promise<void> {
  const statuses = await pollUntil(
    () => readStatusesThroughApi(orders),
    (seen) => Object.values(seen).every((status) => status === "paid"),
    { timeoutMs: 10_000 },
  );
  expect(statuses).toEqual(Object.fromEntries(orders.map(({ orderId }) => [orderId, "paid"])));
}

export interface RawRequest {
  method: string;
  /** Sent exactly as given: no normalising or re-encoding, unlike fetch. */
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** Send without Content-Length, in chunks, so only the bytes actually read can trip a size limit. */
  isChunked?: boolean;
}

/** node:http rather than fetch: any method, raw paths and bytes, chunked bodies and headers fetch would rewrite. */
export function sendRawRequest(request: RawRequest): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(appUrl);
    const body = request.body === undefined ? undefined : Buffer.from(request.body);
    const headers = { ...request.headers, ...(body && !request.isChunked && { "content-length": String(body.length) }) };
    const outgoing = http.request({ hostname, port, path: request.path, method: request.method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
      response.on("error", reject);
    });
    outgoing.on("error", (error) => {
      // The server may answer 413 and close before a large upload is finished; the answer still counts.
      if ((error as NodeJS.ErrnoException).code === "EPIPE" || (error as NodeJS.ErrnoException).code === "ECONNRESET") return;
      reject(error);
    });
    if (body && request.isChunked) {
      for (let offset = 0; offset < body.length; offset += 8 * 1024) outgoing.write(body.subarray(offset, offset + 8 * 1024));
      outgoing.end();
    } else {
      outgoing.end(body);
    }
  });
}

/** Pays the request as a HandCash user would; returns the transaction HandCash recorded. */
export async function payInEmulator(paymentRequestId: string, delivery: "lost" | "normal" | "delayed"): Promise<string> {
  const response = await fetch(`${emulatorUrl}/_emulator/paymentRequests/${paymentRequestId}/pay`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ delivery }),
  });
  if (response.status !== 200) throw new Error(`emulator refused to pay ${paymentRequestId}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { transactionId: string }).transactionId;
}

export interface EmulatorDelivery {
  deliveryId: string;
  paymentRequestId: string;
  state: "pending" | "delivered" | "failed" | "lost";
  attemptCount: number;
  attempts: Array<{ httpStatus: number | null; error: string | null }>;
}

export async function listEmulatorDeliveries(paymentRequestId: string): Promise<EmulatorDelivery[]> {
  const response = await fetch(`${emulatorUrl}/_emulator/deliveries?paymentRequestId=${encodeURIComponent(paymentRequestId)}`);
  if (!response.ok) throw new Error(`emulator delivery log: ${response.status}`);
  return ((await response.json()) as { deliveries: EmulatorDelivery[] }).deliveries;
}

/** The body HandCash sends for this payment, as the emulator builds it. */
export function buildGenuineWebhook(order: ApiOrder, transactionId: string): Record<string, unknown> {
  return {
    appSecret: TEST_HANDCASH_APP_SECRET,
    paymentRequestId: order.paymentRequestId,
    transactionId,
    customParameters: { orderId: order.orderId },
    userData: { id: "65f0a1b2c3d4e5f6a7b8c901", paymail: "alice@handcash.io", email: "alice@handcash.io" },
    paymentMethod: "onChain",
  };
}

export interface PostedWebhook {
  status: number;
  body: string;
  retryAfter?: string | null;
  startedAt: number;
  finishedAt: number;
}

export async function postWebhook(body: unknown): Promise<PostedWebhook> {
  const startedAt = Date.now();
  const response = await fetch(webhookUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.text(), retryAfter: response.headers.get("retry-after"), startedAt, finishedAt: Date.now() };
}

/** One delivery attempt as HandCash sees it: a connection that fails is an answer of status 0, not an exception. */
export async function attemptWebhook(body: unknown): Promise<PostedWebhook> {
  return postWebhook(body).catch((error: unknown) => ({ status: 0, body: String(error), startedAt: Date.now(), finishedAt: Date.now() }));
}

export interface OrderOutcome {
  orderId: string;
  status: string;
  payments: string[];
  hasEntitlement: boolean;
  paidEvents: number;
}

/** Per order: its status, the transactions recorded for it, its entitlement and how often it was marked paid. */
export async function readOrderOutcomes(db: PrismaClient, orderIds: string[]): Promise<OrderOutcome[]> {
  const orders = await db.order.findMany({
    where: { id: { in: orderIds } },
    select: {
      id: true,
      status: true,
      payments: { select: { transactionId: true } },
      entitlement: { select: { id: true } },
      _count: { select: { events: { where: { type: "PAID" } } } },
    },
  });
  return orders.map((order) => ({
    orderId: order.id,
    status: order.status,
    payments: order.payments.map((payment) => payment.transactionId),
    hasEntitlement: order.entitlement !== null,
    paidEvents: order._count.events,
  }));
}

/** Polls `read` until `isDone` holds for its result; returns the last result either way. */
export async function pollUntil<T>(
  read: () => Promise<T>,
  isDone: (value: T) => boolean,
  { timeoutMs, intervalMs = 250 }: { timeoutMs: number; intervalMs?: number },
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (isDone(value) || Date.now() >= deadline) return value;
    await sleep(intervalMs);
  }
}

export async function mapWithConcurrency<T, R>(items: T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  });
  await Promise.all(lanes);
  return results;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function randomHex(bytes: number): string {
  return crypto.randomBytes(bytes).toString("hex");
}

/** A seeded generator (xorshift32) of numbers in [0, 1), so a failing run can be replayed exactly. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}
