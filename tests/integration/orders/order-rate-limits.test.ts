import { describe, expect, it } from "vitest";
import { POST as createOrderRoute } from "@/app/api/orders/route";
import { createProduct } from "@/prisma/factories";
import { SITE_WIDE_ORDERS_KEY } from "@/server/orders/enforce-order-rate-limits";
import { db, jsonRequest } from "../helpers";

const ORDERS_URL = "http://localhost:3999/api/orders";

async function post(productId: string, headers: Record<string, string>) {
  return createOrderRoute(jsonRequest(ORDERS_URL, { productId }, { headers }));
}

/** Hits the site-wide ceiling has counted, summed over its windows. */
async function countSiteWideHits(): Promise<number> {
  const { _sum } = await db.rateLimitCounter.aggregate({ where: { key: SITE_WIDE_ORDERS_KEY }, _sum: { count: true } });
  return _sum.count ?? 0;
}

describe("POST /api/orders rate limits", () => {
  it("refuses a reader's 11th order in the window with 429 and Retry-After, creating no payment request", async () => {
    const products = await Promise.all(Array.from({ length: 11 }, () => createProduct(db)));
    const first = await post(products[0]!.id, { "x-forwarded-for": "203.0.113.7" });
    const cookie = (first.headers.get("set-cookie") ?? "").split(";")[0]!;
    for (const product of products.slice(1, 10)) {
      expect((await post(product.id, { cookie, "x-forwarded-for": "203.0.113.7" })).status).toBe(201);
    }

    const refused = await post(products[10]!.id, { cookie, "x-forwarded-for": "203.0.113.7" });

    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.json()).toEqual({ error: expect.stringMatching(/Too many payment attempts/) });
    expect(await db.order.count()).toBe(10);
  });

  it("limits one address that rotates cookies", async () => {
    const product = await createProduct(db);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 31; attempt++) statuses.push((await post(product.id, { "x-forwarded-for": "198.51.100.9" })).status);
    expect(statuses.slice(0, 30).every((status) => status === 201)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it("counts the address our proxy saw, not the one the client claims first", async () => {
    const product = await createProduct(db);
    for (let attempt = 0; attempt < 30; attempt++) await post(product.id, { "x-forwarded-for": `10.0.0.${attempt}, 192.0.2.44` });
    expect((await post(product.id, { "x-forwarded-for": "10.9.9.9, 192.0.2.44" })).status).toBe(429);
  });
});

describe("the site-wide order ceiling counts only orders about to be created", () => {
  it("does not count requests the per-address limit refused", async () => {
    const product = await createProduct(db);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 40; attempt++) statuses.push((await post(product.id, { "x-forwarded-for": "198.51.100.20" })).status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(30);
    expect(statuses.filter((status) => status === 429)).toHaveLength(10);
    expect(await countSiteWideHits()).toBe(30);
  });

  it("does not count requests the per-reader limit refused", async () => {
    const products = await Promise.all(Array.from({ length: 14 }, () => createProduct(db)));
    const first = await post(products[0]!.id, { "x-forwarded-for": "198.51.100.21" });
    const cookie = (first.headers.get("set-cookie") ?? "").split(";")[0]!;
    const statuses = [first.status];
    for (const product of products.slice(1)) statuses.push((await post(product.id, { cookie, "x-forwarded-for": "198.51.100.21" })).status);
    expect(statuses.filter((status) => status === 429)).toHaveLength(4);
    expect(await countSiteWideHits()).toBe(10);
  });

  it("does not count requests for a product that does not exist, nor a pending order handed back", async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await post(`cm${"0".repeat(20)}${attempt}`, { "x-forwarded-for": "198.51.100.22" })).status).toBe(404);
    }
    const product = await createProduct(db);
    const first = await post(product.id, { "x-forwarded-for": "198.51.100.22" });
    const cookie = (first.headers.get("set-cookie") ?? "").split(";")[0]!;
    expect((await post(product.id, { cookie, "x-forwarded-for": "198.51.100.22" })).status).toBe(200);
    expect(await countSiteWideHits()).toBe(1);
  });

  it("still refuses orders once the site-wide ceiling is reached, before anything is written", async () => {
    const product = await createProduct(db);
    // The ceiling (1000 in tests) already reached in this window and the next, so the test cannot straddle a boundary.
    const windowMs = 600 * 1000;
    const windowStart = Math.floor(Date.now() / windowMs) * windowMs;
    await db.rateLimitCounter.createMany({
      data: [windowStart, windowStart + windowMs].map((start) => ({ key: SITE_WIDE_ORDERS_KEY, windowStart: new Date(start), count: 1000 })),
    });
    const refused = await post(product.id, { "x-forwarded-for": "198.51.100.23" });
    expect(refused.status).toBe(429);
    expect(await db.order.count()).toBe(0);
  });
});
