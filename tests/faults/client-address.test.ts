import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { createProduct } from "@/prisma/factories";
import { appUrl, openTestDatabase, restoreStack } from "./fault-driver";

/**
 * The production server with no proxy in front (TRUSTED_PROXY_HOPS unset): the client is the
 * address that connected, whatever X-Forwarded-For it sends, so it can neither dodge the per-address
 * limits nor make a rate-limit key of its own text. Before serve-app.ts, `next start` passed the
 * client's header through as the last hop.
 */
let db: PrismaClient;
let productId: string;

beforeAll(async () => {
  await restoreStack();
  db = openTestDatabase();
  productId = (await createProduct(db)).id;
});

afterAll(async () => {
  await db.$disconnect();
});

async function orderWithForwardedFor(forwardedFor: string): Promise<number> {
  const response = await fetch(`${appUrl}/api/orders`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
    body: JSON.stringify({ productId }),
  });
  await response.arrayBuffer();
  return response.status;
}

async function readAddressCounters(): Promise<Map<string, number>> {
  const rows = await db.rateLimitCounter.findMany({ where: { key: { startsWith: "orders:ip:" } }, select: { key: true, count: true } });
  const counts = new Map<string, number>();
  for (const { key, count } of rows) counts.set(key, (counts.get(key) ?? 0) + count);
  return counts;
}

describe("the client address behind no proxy", () => {
  test("is the connected peer, not what X-Forwarded-For claims, however often the claim changes", async () => {
    const before = await readAddressCounters();
    const statuses = [];
    for (let attempt = 0; attempt < 12; attempt++) statuses.push(await orderWithForwardedFor(`203.0.113.${attempt + 1}`));
    expect(statuses.every((status) => status === 201)).toBe(true);

    const after = await readAddressCounters();
    const grown = [...after].filter(([key, count]) => count !== (before.get(key) ?? 0));
    // One key, the loopback address this test connects from, took all twelve.
    expect(grown).toHaveLength(1);
    const [[key, count]] = grown as [[string, number]];
    expect(key).toMatch(/^orders:ip:(127\.0\.0\.1|0:0:0:0::\/64)$/);
    expect(count - (before.get(key) ?? 0)).toBe(12);
    expect([...after.keys()].some((counted) => counted.includes("203.0.113."))).toBe(false);
  });

  test("a header of kilobytes is neither an error nor a key", async () => {
    const status = await orderWithForwardedFor(crypto.randomBytes(3_000).toString("hex"));
    expect(status).toBe(201);
    const keys = await db.rateLimitCounter.findMany({ select: { key: true } });
    expect(Math.max(...keys.map(({ key }) => key.length))).toBeLessThanOrEqual(200);
  });
});
