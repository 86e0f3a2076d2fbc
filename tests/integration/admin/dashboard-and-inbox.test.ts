import { describe, expect, it } from "vitest";
import { createProduct } from "@/prisma/factories";
import { getOrderFunnel } from "@/server/orders/get-order-funnel";
import { getRevenueByDay } from "@/server/orders/get-revenue-by-day";
import { getRevenueByProduct } from "@/server/orders/get-revenue-by-product";
import { countUnresolvedOrphans } from "@/server/webhooks/count-unresolved-orphans";
import { countWebhookDeliveries } from "@/server/webhooks/count-webhook-deliveries";
import { getLastWebhook } from "@/server/webhooks/get-last-webhook";
import { listRejectedWebhooks } from "@/server/webhooks/list-rejected-webhooks";
import { listWebhookEvents } from "@/server/webhooks/list-webhook-events";
import { db, randomHex } from "../helpers";
import { insertOrder } from "./admin-fixtures";

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

describe("dashboard figures", () => {
  it("revenue per UTC day is kept per currency, zero-filled, never summed across currencies", async () => {
    const product = await createProduct(db);
    const now = new Date();
    const today = now.toISOString().slice(0, 10);
    const yesterday = new Date(now.getTime() - DAY_MS).toISOString().slice(0, 10);
    await insertOrder({ productId: product.id, status: "PAID", amount: 250, currency: "USD", createdAt: new Date(now.getTime() - 2 * HOUR_MS), paidAt: now });
    await insertOrder({
      productId: product.id,
      status: "PAID",
      amount: 100,
      currency: "USD",
      createdAt: new Date(now.getTime() - DAY_MS),
      paidAt: new Date(now.getTime() - DAY_MS),
    });
    await insertOrder({ productId: product.id, status: "PAID", amount: 300, currency: "EUR", createdAt: now, paidAt: now });
    await insertOrder({ productId: product.id, status: "PENDING", amount: 999, currency: "USD", createdAt: now });
    await insertOrder({
      productId: product.id,
      status: "PAID",
      amount: 777,
      currency: "USD",
      createdAt: new Date(now.getTime() - 40 * DAY_MS),
      paidAt: new Date(now.getTime() - 40 * DAY_MS),
    });

    const revenue = await getRevenueByDay({ days: 30, now });
    expect(revenue.map((series) => [series.currency, series.total])).toEqual([
      ["EUR", 300],
      ["USD", 350],
    ]);
    const usd = revenue.find((series) => series.currency === "USD")!;
    expect(usd.days).toHaveLength(30);
    expect(usd.days.at(-1)).toEqual({ day: today, amount: 250, orders: 1 });
    expect(usd.days.at(-2)).toEqual({ day: yesterday, amount: 100, orders: 1 });
    expect(usd.days.slice(0, -2).every((day) => day.amount === 0)).toBe(true);
  });

  it("revenue per product, recent and all-time, per currency", async () => {
    const essays = await createProduct(db, { title: "Essays" });
    const poems = await createProduct(db, { title: "Poems" });
    const now = Date.now();
    await insertOrder({ productId: essays.id, status: "PAID", amount: 200, createdAt: new Date(now) });
    await insertOrder({ productId: essays.id, status: "PAID", amount: 200, createdAt: new Date(now - 60 * DAY_MS), paidAt: new Date(now - 60 * DAY_MS) });
    await insertOrder({ productId: poems.id, status: "PAID", amount: 50, currency: "GBP", createdAt: new Date(now) });
    await insertOrder({ productId: poems.id, status: "EXPIRED", amount: 50, currency: "GBP", createdAt: new Date(now) });

    const rows = await getRevenueByProduct({ since: new Date(now - 30 * DAY_MS) });
    expect(rows).toEqual([
      { productId: essays.id, title: "Essays", currency: "USD", recentAmount: 200, recentOrders: 1, totalAmount: 400, totalOrders: 2 },
      { productId: poems.id, title: "Poems", currency: "GBP", recentAmount: 50, recentOrders: 1, totalAmount: 50, totalOrders: 1 },
    ]);
  });

  it("orders by status, conversion to paid, and the median time from order to payment", async () => {
    const product = await createProduct(db);
    const start = Date.now() - 5 * DAY_MS;
    for (const minutes of [1, 2, 10]) {
      await insertOrder({ productId: product.id, status: "PAID", createdAt: new Date(start), paidAt: new Date(start + minutes * 60_000) });
    }
    await insertOrder({ productId: product.id, status: "EXPIRED", createdAt: new Date(start) });
    await insertOrder({ productId: product.id, status: "PENDING", createdAt: new Date(start) });
    await insertOrder({ productId: product.id, status: "PAID", createdAt: new Date(start - 60 * DAY_MS), paidAt: new Date(start) });

    const funnel = await getOrderFunnel({ since: new Date(start - DAY_MS) });
    expect(funnel.created).toBe(5);
    expect(funnel.byStatus).toEqual({ PENDING: 1, PAID: 3, NEEDS_REVIEW: 0, EXPIRED: 1, FAILED: 0 });
    expect(funnel.conversion).toBeCloseTo(3 / 5);
    expect(funnel.medianSecondsToPay).toBeCloseTo(120);
    expect(await getOrderFunnel({ since: new Date() })).toMatchObject({ created: 0, conversion: null, medianSecondsToPay: null });
  });
});

describe("webhook inbox", () => {
  async function delivery(outcome: "RECORDED" | "ORPHAN" | "DUPLICATE", receivedAt: Date, resolvedAt: Date | null = null) {
    return db.webhookEvent.create({
      data: {
        paymentRequestId: randomHex(12),
        transactionId: randomHex(32),
        outcome,
        payload: { paymentRequestId: "x" },
        receivedAt,
        resolvedAt,
        resolvedBy: resolvedAt ? "reconciler" : null,
      },
    });
  }

  it("counts deliveries per day by outcome, refused ones included, zero-filled", async () => {
    const now = new Date();
    await delivery("RECORDED", now);
    await delivery("RECORDED", now);
    await delivery("ORPHAN", new Date(now.getTime() - DAY_MS));
    await db.rejectedWebhook.create({ data: { httpStatus: 401, reason: "wrong_secret", ip: "192.0.2.1", receivedAt: now } });
    await delivery("DUPLICATE", new Date(now.getTime() - 20 * DAY_MS));

    const buckets = await countWebhookDeliveries({ range: "14d", now });
    expect(buckets).toHaveLength(14);
    expect(buckets.at(-1)!.start).toBe(`${now.toISOString().slice(0, 10)}T00:00:00.000Z`);
    expect(buckets.at(-1)!.counts).toMatchObject({ RECORDED: 2, REJECTED: 1, ORPHAN: 0 });
    expect(buckets.at(-2)!.counts).toMatchObject({ ORPHAN: 1, RECORDED: 0 });
    expect(buckets.reduce((sum, bucket) => sum + bucket.counts.DUPLICATE, 0)).toBe(0);

    const hourly = await countWebhookDeliveries({ range: "24h", now });
    expect(hourly).toHaveLength(24);
    expect(hourly.at(-1)!.counts).toMatchObject({ RECORDED: 2, REJECTED: 1 });
  });

  it("lists deliveries by outcome, unresolved orphans, and refused deliveries, newest first", async () => {
    const now = Date.now();
    const older = await delivery("RECORDED", new Date(now - HOUR_MS));
    const newer = await delivery("RECORDED", new Date(now));
    const orphan = await delivery("ORPHAN", new Date(now));
    await delivery("ORPHAN", new Date(now), new Date(now));
    await db.rejectedWebhook.create({ data: { httpStatus: 413, reason: "too_large", ip: "192.0.2.1", userAgent: "curl/8" } });

    expect((await listWebhookEvents({ outcome: "RECORDED", page: 1 })).rows.map((row) => row.id)).toEqual([newer.id, older.id]);
    expect((await listWebhookEvents({ isUnresolvedOrphansOnly: true, page: 1 })).rows.map((row) => row.id)).toEqual([orphan.id]);
    expect(await countUnresolvedOrphans()).toBe(1);
    expect((await listWebhookEvents({ page: 1 })).total).toBe(4);
    expect((await listRejectedWebhooks({ page: 1 })).rows).toEqual([expect.objectContaining({ httpStatus: 413, ip: "192.0.2.1", userAgent: "curl/8" })]);
    expect(await getLastWebhook()).toMatchObject({ accepted: { outcome: expect.any(String) }, rejected: { httpStatus: 413 } });
  });
});
