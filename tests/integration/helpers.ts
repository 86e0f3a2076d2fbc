import crypto from "node:crypto";
import { createProduct, type ProductInput } from "@/prisma/factories";
import { db } from "@/server/db";
import { TEST_HANDCASH_APP_SECRET } from "../setup/test-config";

export { db };

export function randomHex(bytes: number): string {
  return crypto.randomBytes(bytes).toString("hex");
}

export interface PendingOrderFixture {
  orderId: string;
  readerId: string;
  productId: string;
  paymentRequestId: string;
}

/** A published product and a reader with a pending order whose payment request id is known. */
export async function createPendingOrder(options: { product?: ProductInput; expiresAt?: Date; status?: "PENDING" | "EXPIRED" | "FAILED" } = {}): Promise<PendingOrderFixture> {
  const product = await createProduct(db, options.product);
  const reader = await db.reader.create({ data: { tokenHash: randomHex(32) } });
  const paymentRequestId = randomHex(12);
  const order = await db.order.create({
    data: {
      readerId: reader.id,
      productId: product.id,
      amount: product.priceAmount,
      currency: product.currency,
      productTitle: product.title,
      paymentRequestId,
      paymentRequestUrl: `https://pay.example/${paymentRequestId}`,
      paymentRequestQrCodeUrl: `https://pay.example/qr/${paymentRequestId}`,
      expiresAt: options.expiresAt ?? new Date(Date.now() + 15 * 60_000),
      status: options.status ?? "PENDING",
    },
  });
  return { orderId: order.id, readerId: reader.id, productId: product.id, paymentRequestId };
}

export function webhookBody(order: Pick<PendingOrderFixture, "orderId" | "paymentRequestId">, overrides: Record<string, unknown> = {}) {
  return {
    appSecret: TEST_HANDCASH_APP_SECRET,
    paymentRequestId: order.paymentRequestId,
    transactionId: randomHex(32),
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
