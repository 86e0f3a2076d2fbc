import { describe, expect, it } from "vitest";
import { POST as createOrderRoute } from "@/app/api/orders/route";
import { createProduct } from "@/prisma/factories";
import { db, jsonRequest } from "../helpers";

const ORDERS_URL = "http://localhost:3999/api/orders";

async function post(productId: string, headers: Record<string, string>) {
  return createOrderRoute(jsonRequest(ORDERS_URL, { productId }, { headers }));
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
