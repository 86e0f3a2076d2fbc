import crypto from "node:crypto";
import { Logger, runOnce } from "graphile-worker";
import { inject } from "vitest";
import { createProduct, type ProductInput } from "@/prisma/factories";
import { db } from "@/server/db";
import { createTaskList } from "@/server/jobs/worker";
import { createOrder } from "@/server/orders/create-order";
import { TEST_HANDCASH_APP_SECRET } from "../setup/test-config";

export { db };

/**
 * Runs every worker job that is due now (a payment's fulfilment, an expired order's close at
 * HandCash), with the worker's own task list, then returns; a job that fails is left for its retry.
 */
export async function runQueuedJobs(): Promise<void> {
  await runOnce({ connectionString: inject("databaseUrl"), taskList: createTaskList(), logger: new Logger(() => () => {}) });
}

export function randomHex(bytes: number): string {
  return crypto.randomBytes(bytes).toString("hex");
}

export interface PendingOrderFixture {
  orderId: string;
  readerId: string;
  productId: string;
  paymentRequestId: string;
}

/** A published product and a reader with a pending order, whose payment request exists in the emulator. */
export async function createPendingOrder(options: { product?: ProductInput } = {}): Promise<PendingOrderFixture> {
  const product = await createProduct(db, options.product);
  const reader = await db.reader.create({ data: { tokenHash: randomHex(32) } });
  const { order } = await createOrder({ readerId: reader.id, productId: product.id });
  const { paymentRequestId } = await db.order.findUniqueOrThrow({ where: { id: order.orderId }, select: { paymentRequestId: true } });
  return { orderId: order.orderId, readerId: reader.id, productId: product.id, paymentRequestId: paymentRequestId! };
}

/** Emulator control API: pay the request as a HandCash user would, with or without its webhook. */
export async function payInEmulator(paymentRequestId: string, delivery: "lost" | "normal" = "lost"): Promise<string> {
  const response = await fetch(`${inject("emulatorUrl")}/_emulator/paymentRequests/${paymentRequestId}/pay`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ delivery }),
  });
  if (response.status !== 200) throw new Error(`emulator refused to pay ${paymentRequestId}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { transactionId: string }).transactionId;
}

/** A pending order that HandCash (the emulator) reports paid, its webhook not yet delivered. */
export async function createPaidOrder(options: { product?: ProductInput } = {}): Promise<PendingOrderFixture & { transactionId: string }> {
  const order = await createPendingOrder(options);
  return { ...order, transactionId: await payInEmulator(order.paymentRequestId) };
}

export interface HandCashOutageOptions {
  retryAfterSeconds?: number;
  /** The outage ends by itself after this many answers. */
  count?: number;
  /** A create call is carried out, then answered with the status. */
  isAfterCreating?: boolean;
}

/** Every /v3 call to the emulator answers `status` (null ends it). */
export async function setHandCashOutage(status: number | null, options: HandCashOutageOptions = {}): Promise<void> {
  await controlEmulator("/_emulator/outage", { status, ...options });
}

/** The emulator's public view leaves out fields HandCash's spec makes optional. */
export async function setPublicViewOmits(omits: { transactionId?: boolean; paymentsCount?: boolean }): Promise<void> {
  await controlEmulator("/_emulator/public-view", omits);
}

async function controlEmulator(path: string, body: unknown): Promise<void> {
  const response = await fetch(`${inject("emulatorUrl")}${path}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`emulator refused ${path}: ${response.status} ${await response.text()}`);
}

export function webhookBody(
  order: Pick<PendingOrderFixture, "orderId" | "paymentRequestId"> & { transactionId?: string },
  overrides: Record<string, unknown> = {},
) {
  return {
    appSecret: TEST_HANDCASH_APP_SECRET,
    paymentRequestId: order.paymentRequestId,
    transactionId: order.transactionId ?? randomHex(32),
    customParameters: { orderId: order.orderId },
    userData: { id: randomHex(12), paymail: "alice@handcash.io", email: "alice@example.com" },
    paymentMethod: "onChain",
    ...overrides,
  };
}

export function jsonRequest(url: string, body: unknown, init: { method?: string; headers?: Record<string, string>; rawBody?: string } = {}): Request {
  return new Request(url, {
    method: init.method ?? "POST",
    headers: { "content-type": "application/json", ...init.headers },
    body: init.rawBody ?? JSON.stringify(body),
  });
}

export async function countRows() {
  const [payments, entitlements, events, paidOrders] = await Promise.all([
    db.payment.count(),
    db.entitlement.count(),
    db.webhookEvent.count(),
    db.order.count({ where: { status: "PAID" } }),
  ]);
  return { payments, entitlements, events, paidOrders };
}

/** Every table of ours whose rows, as text, contain `needle` (a secret must never be found). */
export async function tablesContaining(needle: string): Promise<string[]> {
  const tables = await db.$queryRaw<{ tablename: string }[]>`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`;
  const found: string[] = [];
  for (const { tablename } of tables) {
    const [row] = await db.$queryRawUnsafe<{ hits: bigint }[]>(`SELECT count(*) AS hits FROM "${tablename}" t WHERE t::text LIKE '%' || $1 || '%'`, needle);
    if (row && row.hits > 0n) found.push(tablename);
  }
  return found;
}
