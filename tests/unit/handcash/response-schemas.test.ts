import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "@/server/handcash/client";
import { paymentRequestPublicInfoSchema, paymentRequestSchema } from "@/server/handcash/schemas";

const PRIVATE_VIEW = {
  id: "66a2a051d2f2ae72b1f9dd89",
  paymentRequestUrl: "https://pay.handcash.io/66a2a051d2f2ae72b1f9dd89",
  paymentRequestQrCodeUrl: "https://pay.handcash.io/api/paymentPreview/qr/66a2a051d2f2ae72b1f9dd89",
};

describe("HandCash's times, read leniently", () => {
  it.each([
    ["an ISO string (the spec)", "2026-12-02T10:00:00.000Z", "2026-12-02T10:00:00.000Z"],
    ["an offset ISO string", "2026-12-02T11:00:00+01:00", "2026-12-02T10:00:00.000Z"],
    ["unix seconds (older docs)", 1_650_558_683, "2022-04-21T16:31:23.000Z"],
    ["unix milliseconds", 1_650_558_683_000, "2022-04-21T16:31:23.000Z"],
    ["unix seconds as a string", "1650558683", "2022-04-21T16:31:23.000Z"],
    ["something unreadable, as absent", "soon", undefined],
    ["a number no Date can hold, as absent", 1e20, undefined],
    ["null, as absent", null, undefined],
  ])("expiresAt as %s", (_label, expiresAt, expected) => {
    expect(paymentRequestSchema.parse({ ...PRIVATE_VIEW, expiresAt }).expiresAt).toBe(expected);
  });
});

describe("a private view", () => {
  it("may leave its times out", () => {
    const parsed = paymentRequestSchema.parse(PRIVATE_VIEW);
    expect(parsed.expiresAt).toBeUndefined();
    expect(parsed.createdAt).toBeUndefined();
  });
});

describe("the public view", () => {
  it("keeps an answer whose optional evidence is malformed, treating it as absent", () => {
    const parsed = paymentRequestPublicInfoSchema.parse({
      id: PRIVATE_VIEW.id,
      status: "completed",
      transactionId: "",
      paymentsCount: "one",
      paymentAmount: "2.5",
    });
    expect(parsed).toMatchObject({ id: PRIVATE_VIEW.id, status: "completed" });
    expect(parsed.transactionId).toBeUndefined();
    expect(parsed.paymentsCount).toBeUndefined();
    expect(parsed.paymentAmount).toBeUndefined();
  });

  it("still requires status, the one field it always has", () => {
    expect(paymentRequestPublicInfoSchema.safeParse({ id: PRIVATE_VIEW.id }).success).toBe(false);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-12-02T10:00:00Z");
  it.each([
    ["seconds", "30", 30_000],
    ["an HTTP date", "Wed, 02 Dec 2026 10:01:00 GMT", 60_000],
    ["a date already past, as no wait", "Wed, 02 Dec 2026 09:00:00 GMT", 0],
    ["garbage, as unknown", "later", undefined],
    ["no header", null, undefined],
  ])("reads %s", (_label, header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });
});
