import { describe, expect, it } from "vitest";
import { handcashWebhookPayloadSchema } from "@/server/handcash/schemas";

const VALID = {
  paymentRequestId: "66a2a051d2f2ae72b1f9dd89",
  transactionId: "a".repeat(64),
  customParameters: { orderId: "ord_1" },
  userData: { id: "64f0c0ffee0000000000abcd", paymail: "alice@handcash.io", email: "alice@example.com" },
  paymentMethod: "onChain",
};

describe("handcashWebhookPayloadSchema", () => {
  it("accepts the documented payload and keeps unknown fields", () => {
    const parsed = handcashWebhookPayloadSchema.parse({ ...VALID, somethingNew: 1 });
    expect(parsed.userData.paymail).toBe("alice@handcash.io");
    expect((parsed as Record<string, unknown>).somethingNew).toBe(1);
  });

  it("defaults missing customParameters and userData to empty objects", () => {
    const parsed = handcashWebhookPayloadSchema.parse({ paymentRequestId: VALID.paymentRequestId, transactionId: VALID.transactionId });
    expect(parsed.customParameters).toEqual({});
    expect(parsed.userData).toEqual({});
  });

  it.each([
    ["no paymentRequestId", { ...VALID, paymentRequestId: undefined }],
    ["a numeric transactionId", { ...VALID, transactionId: 12345 }],
    ["a transactionId with spaces", { ...VALID, transactionId: "abc def" }],
    ["an over-long transactionId", { ...VALID, transactionId: "a".repeat(129) }],
    ["customParameters as an array", { ...VALID, customParameters: ["x"] }],
    ["userData as a string", { ...VALID, userData: "alice" }],
    ["a huge email", { ...VALID, userData: { email: "x".repeat(10_000) } }],
  ])("rejects %s", (_label, payload) => {
    expect(handcashWebhookPayloadSchema.safeParse(payload).success).toBe(false);
  });
});
