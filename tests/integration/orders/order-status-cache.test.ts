import { afterEach, describe, expect, it } from "vitest";
import { GET as getOrder } from "@/app/api/orders/[orderId]/route";
import { POST as createOrder } from "@/app/api/orders/route";
import { createProduct } from "@/prisma/factories";
import { TEST_APP_URL } from "../../setup/test-config";
import { db, jsonRequest } from "../helpers";

// The order status cache (server/orders/order-status-cache.ts) against the real database: with the
// notify trigger switched off, a status served unchanged proves it came from memory.

const ORDERS_URL = `${TEST_APP_URL}/api/orders`;
const LISTENER = "tollgate-order-status-listener";

async function newOrder() {
  const product = await createProduct(db);
  const response = await createOrder(jsonRequest(ORDERS_URL, { productId: product.id }));
  const { orderId } = (await response.json()) as { orderId: string };
  return { orderId, productId: product.id, cookie: (response.headers.get("set-cookie") ?? "").split(";")[0]! };
}

async function poll(orderId: string, cookie: string) {
  const response = await getOrder(new Request(`${ORDERS_URL}/${orderId}`, { headers: { cookie } }), { params: Promise.resolve({ orderId }) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function eventually<T>(read: () => Promise<T>, isDone: (value: T) => boolean, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (isDone(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function listenerPids(): Promise<number[]> {
  const rows = await db.$queryRaw<{ pid: number }[]>`
    SELECT pid FROM pg_stat_activity
    WHERE application_name = ${LISTENER} AND query ILIKE 'LISTEN%' AND state = 'idle' AND datname = current_database()`;
  return rows.map((row) => row.pid);
}

/** Polls once so the listener starts, and waits until it hears notices. */
async function cacheReady(orderId: string, cookie: string): Promise<void> {
  await poll(orderId, cookie);
  expect(await eventually(listenerPids, (pids) => pids.length === 1)).toHaveLength(1);
  // The server has answered LISTEN; give the client a moment to read that answer.
  await new Promise((resolve) => setTimeout(resolve, 50));
  await poll(orderId, cookie);
}

async function setNotifyTrigger(isEnabled: boolean): Promise<void> {
  await db.$executeRawUnsafe(`ALTER TABLE "Order" ${isEnabled ? "ENABLE" : "DISABLE"} TRIGGER "Order_notify_changed"`);
}

afterEach(async () => {
  await setNotifyTrigger(true);
});

describe("the order status cache", () => {
  it("answers repeat polls from memory", async () => {
    const order = await newOrder();
    await cacheReady(order.orderId, order.cookie);
    await setNotifyTrigger(false);
    await db.order.update({ where: { id: order.orderId }, data: { status: "PAID", paidAt: new Date() } });
    expect((await poll(order.orderId, order.cookie)).json.status).toBe("pending");
  });

  it("forgets an order as soon as PostgreSQL reports it changed, whoever changed it", async () => {
    const order = await newOrder();
    await cacheReady(order.orderId, order.cookie);
    await db.order.update({ where: { id: order.orderId }, data: { status: "PAID", paidAt: new Date() } });
    const { json } = await eventually(
      () => poll(order.orderId, order.cookie),
      ({ json }) => json.status === "paid",
      2_000,
    );
    expect(json).toMatchObject({ status: "paid", paidAt: expect.any(String) });
  });

  it("serves a cached status to its own reader only", async () => {
    const order = await newOrder();
    const stranger = await newOrder();
    await cacheReady(order.orderId, order.cookie);
    expect((await poll(order.orderId, stranger.cookie)).status).toBe(404);
    expect((await poll(order.orderId, order.cookie)).status).toBe(200);
  });

  it("forgets every order when a product's slug changes", async () => {
    const order = await newOrder();
    await cacheReady(order.orderId, order.cookie);
    await db.product.update({ where: { id: order.productId }, data: { slug: `renamed-${order.productId}` } });
    const { json } = await eventually(
      () => poll(order.orderId, order.cookie),
      ({ json }) => json.productSlug === `renamed-${order.productId}`,
      2_000,
    );
    expect(json.productSlug).toBe(`renamed-${order.productId}`);
  });

  it("still expires a pending order whose window passes while it is cached", async () => {
    const order = await newOrder();
    await db.order.update({ where: { id: order.orderId }, data: { expiresAt: new Date(Date.now() + 500) } });
    await cacheReady(order.orderId, order.cookie);
    expect((await poll(order.orderId, order.cookie)).json.status).toBe("pending");
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await poll(order.orderId, order.cookie)).json.status).toBe("expired");
    expect((await db.order.findUniqueOrThrow({ where: { id: order.orderId } })).status).toBe("EXPIRED");
  });

  it("stops serving from memory while it cannot hear PostgreSQL, and listens again", async () => {
    const order = await newOrder();
    await cacheReady(order.orderId, order.cookie);
    const [listener] = await listenerPids();
    await setNotifyTrigger(false);
    await db.$queryRaw`SELECT pg_terminate_backend(${listener}::int)`;
    await db.order.update({ where: { id: order.orderId }, data: { status: "PAID", paidAt: new Date() } });
    // No notice can come (the trigger is off): only forgetting everything on the lost connection
    // shows the change, and it shows before a new connection is made (the first retry waits 500 ms).
    const { json } = await eventually(
      () => poll(order.orderId, order.cookie),
      ({ json }) => json.status === "paid",
      2_000,
    );
    expect(json.status).toBe("paid");
    expect(await listenerPids()).toEqual([]);
    const pids = await eventually(listenerPids, (pids) => pids.length === 1 && pids[0] !== listener);
    expect(pids).toHaveLength(1);
    expect(pids[0]).not.toBe(listener);
  });
});
