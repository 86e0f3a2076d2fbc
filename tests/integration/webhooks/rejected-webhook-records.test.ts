import { afterEach, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/webhooks/handcash/route";
import { deleteOldRejectedWebhooks, REJECTED_WEBHOOK_RETENTION_MS, REJECTED_WEBHOOKS_KEPT_PER_MINUTE } from "@/server/payments/record-rejected-webhook";
import { countUnlistedRejectedWebhooks } from "@/server/webhooks/list-rejected-webhooks";
import { TEST_APP_URL } from "../../setup/test-config";
import { db, jsonRequest } from "../helpers";

// Anyone can POST to the webhook URL: refused deliveries are listed for the owner, but a flood of
// forgeries must not grow the database without bound.

const WEBHOOK_URL = `${TEST_APP_URL}/api/webhooks/handcash`;

async function forge(): Promise<number> {
  const response = await POST(
    jsonRequest(WEBHOOK_URL, { appSecret: "guessed", paymentRequestId: "pr", transactionId: "tx", customParameters: {}, userData: {} }),
  );
  return response.status;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("refused webhook deliveries", () => {
  it("keeps the first of each minute one by one and only counts the rest", async () => {
    // Only the clock the counter reads is set, so the whole burst falls in one minute.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-28T10:00:05Z"));
    const extra = 7;
    for (let i = 0; i < REJECTED_WEBHOOKS_KEPT_PER_MINUTE + extra; i++) expect(await forge()).toBe(401);
    expect(await db.rejectedWebhook.count()).toBe(REJECTED_WEBHOOKS_KEPT_PER_MINUTE);
    expect(await countUnlistedRejectedWebhooks()).toBe(extra);

    vi.setSystemTime(new Date("2026-11-28T10:01:05Z"));
    expect(await forge()).toBe(401);
    expect(await db.rejectedWebhook.count()).toBe(REJECTED_WEBHOOKS_KEPT_PER_MINUTE + 1);
    expect(await countUnlistedRejectedWebhooks()).toBe(extra);
  });

  it("are deleted by the sweep once older than their retention", async () => {
    const now = Date.now();
    await db.rejectedWebhook.create({
      data: { httpStatus: 401, reason: "wrong_secret", ip: "192.0.2.1", receivedAt: new Date(now - REJECTED_WEBHOOK_RETENTION_MS - 60_000) },
    });
    const recent = await db.rejectedWebhook.create({
      data: { httpStatus: 401, reason: "wrong_secret", ip: "192.0.2.1", receivedAt: new Date(now - REJECTED_WEBHOOK_RETENTION_MS + 60_000) },
    });
    expect(await deleteOldRejectedWebhooks(new Date(now - REJECTED_WEBHOOK_RETENTION_MS))).toBe(1);
    expect((await db.rejectedWebhook.findMany({ select: { id: true } })).map((row) => row.id)).toEqual([recent.id]);
  });
});
