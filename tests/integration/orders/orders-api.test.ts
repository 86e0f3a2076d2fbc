import { inject } from "vitest";
import { describe, expect, it } from "vitest";
import { GET as getOrder } from "@/app/api/orders/[orderId]/route";
import { POST as createOrder } from "@/app/api/orders/route";
import { GET as listProducts } from "@/app/api/products/route";
import { createProduct } from "@/prisma/factories";
import { TEST_APP_URL, TEST_HANDCASH_APP_ID, TEST_HANDCASH_APP_SECRET, TEST_RECEIVER } from "../../setup/test-config";
import { listOrdersToReconcile } from "@/server/payments/list-orders-to-reconcile";
import { reconcileOrder } from "@/server/payments/reconcile-order";
import { db, jsonRequest, payInEmulator, setHandCashOutage, runQueuedJobs } from "../helpers";

const emulatorUrl = inject("emulatorUrl");
const ORDERS_URL = `${TEST_APP_URL}/api/orders`;

function cookieFrom(response: Response): string {
  const setCookie = response.headers.get("set-cookie") ?? "";
  return setCookie.split(";")[0]!;
}

async function postOrder(body: unknown, cookie?: string, rawBody?: string) {
  const response = await createOrder(jsonRequest(ORDERS_URL, body, { headers: cookie ? { cookie } : {}, rawBody }));
  return { response, json: (await response.json()) as Record<string, unknown> };
}

async function readOrder(orderId: string, cookie?: string) {
  const response = await getOrder(new Request(`${ORDERS_URL}/${orderId}`, { headers: cookie ? { cookie } : {} }), { params: Promise.resolve({ orderId }) });
  return { response, json: (await response.json()) as Record<string, unknown> };
}

async function emulatorPaymentRequest(id: string) {
  const response = await fetch(`${emulatorUrl}/v3/paymentRequests/${id}`, {
    headers: { "app-id": TEST_HANDCASH_APP_ID, "app-secret": TEST_HANDCASH_APP_SECRET },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown> & { notifications: { webhook: unknown }; product: { name: string; description?: string } };
}

/** The emulator's own record: what was sent, including what the private view does not show. */
async function emulatorRecord(id: string) {
  const response = await fetch(`${emulatorUrl}/_emulator/paymentRequests/${id}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

async function emulatorRequestsFor(orderId: string) {
  const { items } = (await (await fetch(`${emulatorUrl}/_emulator/paymentRequests`)).json()) as {
    items: { id: string; customParameters: Record<string, unknown> }[];
  };
  return items.filter((item) => item.customParameters.orderId === orderId);
}

describe("GET /api/products", () => {
  it("lists published products with their price, never drafts or bodies", async () => {
    const published = await createProduct(db, { priceAmount: 199, currency: "EUR" });
    await createProduct(db, { published: false });
    const response = await listProducts();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([{ id: published.id, slug: published.slug, title: published.title, price: { amount: 199, currency: "EUR" } }]);
  });
});

describe("POST /api/orders", () => {
  it("creates the order and a HandCash payment request with the documented body", async () => {
    const product = await createProduct(db, { title: "On Lighthouses", priceAmount: 250, currency: "USD" });
    const { response, json } = await postOrder({ productId: product.id });

    expect(response.status).toBe(201);
    expect(response.headers.get("set-cookie")).toMatch(/^tg_reader=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/);
    expect(json).toMatchObject({ status: "pending", price: { amount: 250, currency: "USD" } });
    expect(json.paymentRequestUrl).toMatch(/\/pay\/[0-9a-f]{24}$/);
    expect(Date.parse(json.expiresAt as string)).toBeGreaterThan(Date.now());

    const order = await db.order.findUniqueOrThrow({ where: { id: json.orderId as string } });
    expect(order).toMatchObject({ status: "PENDING", amount: 250, currency: "USD", productTitle: "On Lighthouses" });
    const request = await emulatorPaymentRequest(order.paymentRequestId!);
    expect(request.product).toMatchObject({ name: "On Lighthouses" });
    expect(request.receivers).toEqual([{ sendAmount: 2.5, destination: TEST_RECEIVER }]);
    expect(request.paymentAmount).toEqual({ amount: 2.5, currencyCode: "BSV", denominatedIn: "USD" });
    expect(request.requestedUserData).toEqual(["paymail", "email"]);
    expect((await emulatorRecord(order.paymentRequestId!)).expirationType).toBe("onPaymentCompleted");
    expect(request.notifications.webhook).toEqual({ webhookUrl: `${TEST_APP_URL}/api/webhooks/handcash`, customParameters: { orderId: order.id } });
    expect(request.redirectUrl).toBe(`${TEST_APP_URL}/articles/${product.slug}`);
  });

  it("hands back the same pending order instead of a second payment request", async () => {
    const product = await createProduct(db);
    const first = await postOrder({ productId: product.id });
    const cookie = cookieFrom(first.response);
    const second = await postOrder({ productId: product.id }, cookie);
    expect(second.response.status).toBe(200);
    expect(second.json.orderId).toBe(first.json.orderId);
    expect(await db.order.count()).toBe(1);
  });

  it("keeps the price snapshot when the product's price changes later", async () => {
    const product = await createProduct(db, { priceAmount: 250 });
    const { json } = await postOrder({ productId: product.id });
    await db.product.update({ where: { id: product.id }, data: { priceAmount: 900 } });
    expect((await db.order.findUniqueOrThrow({ where: { id: json.orderId as string } })).amount).toBe(250);
  });

  it("answers 409 without a new payment request when the reader already has access", async () => {
    const product = await createProduct(db);
    const first = await postOrder({ productId: product.id });
    const cookie = cookieFrom(first.response);
    const order = await db.order.findUniqueOrThrow({ where: { id: first.json.orderId as string } });
    await db.entitlement.create({ data: { readerId: order.readerId, productId: product.id, orderId: order.id } });
    const requestsBefore = ((await (await fetch(`${emulatorUrl}/_emulator/paymentRequests`)).json()) as unknown[]).length;

    const { response, json } = await postOrder({ productId: product.id }, cookie);

    expect(response.status).toBe(409);
    expect(json.error).toMatch(/already have access/);
    expect(((await (await fetch(`${emulatorUrl}/_emulator/paymentRequests`)).json()) as unknown[]).length).toBe(requestsBefore);
  });

  it.each([
    ["an unknown product", { productId: "does-not-exist" }, undefined, 404],
    ["a missing productId", {}, undefined, 400],
    ["a numeric productId", { productId: 7 }, undefined, 400],
    ["malformed JSON", undefined, "{productId:", 400],
  ])("answers %s with %i and a JSON error, creating nothing", async (_label, body, rawBody, status) => {
    await createProduct(db);
    const { response, json } = await postOrder(body, undefined, rawBody);
    expect(response.status).toBe(status);
    expect(typeof json.error).toBe("string");
    expect(await db.order.count()).toBe(0);
  });

  it("refuses a body that is not sent as JSON", async () => {
    const product = await createProduct(db);
    const response = await createOrder(jsonRequest(ORDERS_URL, { productId: product.id }, { headers: { "content-type": "text/plain" } }));
    expect(response.status).toBe(415);
    expect(await db.order.count()).toBe(0);
  });

  it("does not sell unpublished products", async () => {
    const draft = await createProduct(db, { published: false });
    const { response } = await postOrder({ productId: draft.id });
    expect(response.status).toBe(404);
  });

  it("fits a title longer than HandCash's 25 characters into the name and gives it whole in the description", async () => {
    const title = "The Quiet Economics of Tide Pools and Harbour Towns";
    const product = await createProduct(db, { title, summary: "What the sea asks of the towns that live beside it." });
    const { response, json } = await postOrder({ productId: product.id });

    expect(response.status).toBe(201);
    const order = await db.order.findUniqueOrThrow({ where: { id: json.orderId as string } });
    const { product: sent } = await emulatorPaymentRequest(order.paymentRequestId!);
    expect(sent.name).toBe("The Quiet Economics of…");
    expect(sent.name.length).toBeLessThanOrEqual(25);
    expect(sent.description).toBe(`${title}. What the sea asks of the towns that live beside it.`);
    // Our own records keep the real title.
    expect(order.productTitle).toBe(title);
  });

  it("leaves the denomination out for a BSV price, sending the amount in BSV", async () => {
    const product = await createProduct(db, { priceAmount: 125_000, currency: "BSV" });
    const { response, json } = await postOrder({ productId: product.id });

    expect(response.status).toBe(201);
    const order = await db.order.findUniqueOrThrow({ where: { id: json.orderId as string } });
    const request = await emulatorPaymentRequest(order.paymentRequestId!);
    expect(request.receivers).toEqual([{ sendAmount: 0.00125, destination: TEST_RECEIVER }]);
    expect(request.paymentAmount).toEqual({ amount: 0.00125, currencyCode: "BSV", denominatedIn: "BSV" });
  });

  it("marks the order failed and answers 502 when HandCash refuses the request", async () => {
    const product = await createProduct(db);
    await setHandCashOutage(400, { count: 1 });
    const { response, json } = await postOrder({ productId: product.id });
    expect(response.status).toBe(502);
    expect(json.error).toMatch(/HandCash could not create the payment request/);
    const order = await db.order.findFirstOrThrow();
    expect(order.status).toBe("FAILED");
    expect(order.failureReason).toMatch(/HandCash answered 400/);
  });

  it("retries a create call HandCash answered with 429, since HandCash then did nothing", async () => {
    const product = await createProduct(db);
    await setHandCashOutage(429, { count: 1 });
    const { response, json } = await postOrder({ productId: product.id });
    expect(response.status).toBe(201);
    expect(await emulatorRequestsFor(json.orderId as string)).toHaveLength(1);
  });

  it("keeps the order pending, not failed, when HandCash's answer is lost, and adopts the request HandCash did make", async () => {
    const product = await createProduct(db);
    await setHandCashOutage(503, { count: 1, isAfterCreating: true });
    const { response } = await postOrder({ productId: product.id });

    expect(response.status).toBe(502);
    const order = await db.order.findFirstOrThrow({ include: { events: true } });
    expect(order).toMatchObject({ status: "PENDING", paymentRequestId: null });
    expect(order.failureReason).toMatch(/HandCash/);
    expect(order.events.map((event) => event.type)).toEqual(["CREATED", "PAYMENT_REQUEST_UNCERTAIN"]);
    // A 5xx to a POST is not repeated: HandCash may have made the request, and did.
    const [made] = await emulatorRequestsFor(order.id);
    expect(await emulatorRequestsFor(order.id)).toHaveLength(1);

    // Too early: the create call could still be under way at HandCash.
    expect(await reconcileOrder({ orderId: order.id, actor: "reconciler" })).toMatchObject({ status: "PENDING", outcome: "no_payment_request" });
    await db.order.update({ where: { id: order.id }, data: { createdAt: new Date(Date.now() - 2 * 60_000) } });
    expect(await listOrdersToReconcile({ now: new Date(), pendingCheckEveryMs: 60_000, limit: 10 })).toContain(order.id);
    await payInEmulator(made!.id);

    expect(await reconcileOrder({ orderId: order.id, actor: "reconciler" })).toMatchObject({ status: "PAID", outcome: "paid" });
    const adopted = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { entitlement: true } });
    expect(adopted.paymentRequestId).toBe(made!.id);
    expect(adopted.entitlement).not.toBeNull();
  });

  it("gives a reader who orders again after an unanswered create call a new order at once, closing the uncertain one", async () => {
    // A reader known by their cookie (an earlier order of another article gave it).
    const cookie = cookieFrom((await postOrder({ productId: (await createProduct(db)).id })).response);
    const product = await createProduct(db);
    await setHandCashOutage(503, { count: 1, isAfterCreating: true });
    const { response: first } = await postOrder({ productId: product.id }, cookie);
    expect(first.status).toBe(502);
    const uncertain = await db.order.findFirstOrThrow({ where: { productId: product.id } });

    const { response: second, json } = await postOrder({ productId: product.id }, cookie);
    expect(second.status).toBe(201);
    expect(json.orderId).not.toBe(uncertain.id);
    const closed = await db.order.findUniqueOrThrow({ where: { id: uncertain.id }, include: { events: { where: { type: "EXPIRED" } } } });
    expect(closed.status).toBe("EXPIRED");
    expect(closed.events[0]).toMatchObject({ detail: { event: "REPLACED_BY_NEW_ORDER" } });
    expect(closed.events[0]?.reason).toMatch(/never gave this order a link/);
  });

  it("fails an order whose create call went unanswered only once HandCash shows it has no request for it", async () => {
    const product = await createProduct(db);
    await setHandCashOutage(503, { count: 1 });
    await postOrder({ productId: product.id });
    const order = await db.order.findFirstOrThrow();
    expect(order.status).toBe("PENDING");

    await db.order.update({ where: { id: order.id }, data: { createdAt: new Date(Date.now() - 2 * 60_000) } });
    expect(await reconcileOrder({ orderId: order.id, actor: "reconciler" })).toMatchObject({ status: "FAILED", outcome: "no_payment_request" });
    const failed = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { events: true } });
    expect(failed.status).toBe("FAILED");
    expect(failed.events.map((event) => event.type)).toEqual(["CREATED", "PAYMENT_REQUEST_UNCERTAIN", "PAYMENT_REQUEST_FAILED"]);
  });
});

describe("GET /api/orders/{id}", () => {
  it("reports the status to the reader who owns the order, uncached", async () => {
    const product = await createProduct(db);
    const created = await postOrder({ productId: product.id });
    const cookie = cookieFrom(created.response);

    const { response, json } = await readOrder(created.json.orderId as string, cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(json).toMatchObject({ orderId: created.json.orderId, status: "pending", productSlug: product.slug, paidAt: null });
  });

  it("hides the order from anyone else", async () => {
    const product = await createProduct(db);
    const created = await postOrder({ productId: product.id });
    const stranger = cookieFrom((await postOrder({ productId: (await createProduct(db)).id })).response);

    expect((await readOrder(created.json.orderId as string)).response.status).toBe(404);
    expect((await readOrder(created.json.orderId as string, stranger)).response.status).toBe(404);
    expect((await readOrder(created.json.orderId as string, "tg_reader=forged")).response.status).toBe(404);
  });

  it("expires a pending order whose window has passed, and closes its HandCash request so the old link cannot be paid", async () => {
    const product = await createProduct(db);
    const created = await postOrder({ productId: product.id });
    await db.order.update({ where: { id: created.json.orderId as string }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    // HandCash is down: the poll that crosses the window answers at once, and leaves the close to a job.
    await setHandCashOutage(503);
    const { json } = await readOrder(created.json.orderId as string, cookieFrom(created.response));
    expect(json.status).toBe("expired");
    const [queued] = await db.$queryRaw<
      { count: bigint }[]
    >`SELECT count(*) FROM graphile_worker.jobs WHERE key = ${`close-payment-request:${created.json.orderId}`}`;
    expect(queued?.count).toBe(1n);
    await setHandCashOutage(null);
    await runQueuedJobs();
    const order = await db.order.findUniqueOrThrow({ where: { id: created.json.orderId as string }, include: { events: true } });
    expect(order.status).toBe("EXPIRED");
    expect(order.events.map((event) => event.type)).toContain("PAYMENT_REQUEST_CLOSED");
    expect(await emulatorRecord(order.paymentRequestId!)).toMatchObject({ status: "expired", isEnabled: false });
    const pay = await fetch(`${emulatorUrl}/_emulator/paymentRequests/${order.paymentRequestId}/pay`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(pay.status).toBe(409);
  });
});
