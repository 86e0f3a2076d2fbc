import { describe, expect, it } from "vitest";
import { parseCreatedOrder, parseOrderStatusView } from "@/lib/order-responses";
import { createdOrderSchema, orderStatusViewSchema } from "@/lib/schemas/orders";

/** The browser's checks must say what the API's zod schemas say, for good answers and for every way of being wrong. */

const createdOrder = {
  orderId: "cmx5q1w2e0001",
  status: "pending",
  paymentRequestUrl: "https://pay.handcash.io/66f0a1b2c3d4e5f6a7b8c901",
  paymentRequestQrCodeUrl: "https://cloud.handcash.io/v3/paymentRequests/66f0a1b2c3d4e5f6a7b8c901/qr",
  expiresAt: "2026-12-02T14:15:00.000Z",
  price: { amount: 250, currency: "USD" },
};

const statusView = {
  orderId: "cmx5q1w2e0001",
  status: "paid",
  productSlug: "the-quiet-economics",
  paidAt: "2026-12-02T14:03:12.345Z",
  expiresAt: "2026-12-02T14:15:00Z",
};

const badDateTimes = [
  "2026-12-02T14:15Z",
  "2026-12-02T14:15:00+01:00",
  "2026-12-02 14:15:00Z",
  "2026-02-30T10:00:00Z",
  "2026-12-02T24:00:00Z",
  "2026-12-02T14:15:60Z",
  "",
  1_764_684_900_000,
];
const badUrls = ["javascript:alert(1)", "data:image/png;base64,AAAA", "/pay/relative", "not a url", "https://", 42];

const createdOrderCases: Array<[string, unknown]> = [
  ["a good answer", createdOrder],
  ["a good answer with extra fields", { ...createdOrder, debug: true }],
  [
    "an http emulator answer",
    { ...createdOrder, paymentRequestUrl: "http://localhost:4010/pay/abc", paymentRequestQrCodeUrl: "http://localhost:4010/qr/abc.png" },
  ],
  ...(["pending", "paid", "needs_review", "expired", "failed"] as const).map((status): [string, unknown] => [`status ${status}`, { ...createdOrder, status }]),
  ["an unknown status", { ...createdOrder, status: "PAID" }],
  ["a missing id", { ...createdOrder, orderId: undefined }],
  ["a numeric id", { ...createdOrder, orderId: 7 }],
  ...badUrls.map((url): [string, unknown] => [`payment URL ${String(url)}`, { ...createdOrder, paymentRequestUrl: url }]),
  ...badUrls.map((url): [string, unknown] => [`QR URL ${String(url)}`, { ...createdOrder, paymentRequestQrCodeUrl: url }]),
  ...badDateTimes.map((value): [string, unknown] => [`expiry ${String(value)}`, { ...createdOrder, expiresAt: value }]),
  ["a fractional amount", { ...createdOrder, price: { amount: 2.5, currency: "USD" } }],
  ["an amount as text", { ...createdOrder, price: { amount: "250", currency: "USD" } }],
  ["an unknown currency", { ...createdOrder, price: { amount: 250, currency: "XYZ" } }],
  ["a BSV price", { ...createdOrder, price: { amount: 50_000, currency: "BSV" } }],
  ["no price", { ...createdOrder, price: null }],
  ["an array", [createdOrder]],
  ["null", null],
  ["a proxy's HTML page", "<html>Bad gateway</html>"],
];

const statusViewCases: Array<[string, unknown]> = [
  ["a paid order", statusView],
  ["a pending order", { ...statusView, status: "pending", paidAt: null }],
  ["extra fields", { ...statusView, internal: "x" }],
  ["no paidAt at all", { ...statusView, paidAt: undefined }],
  ["an unknown status", { ...statusView, status: "refunded" }],
  ["a missing slug", { ...statusView, productSlug: undefined }],
  ...badDateTimes.map((value): [string, unknown] => [`paidAt ${String(value)}`, { ...statusView, paidAt: value }]),
  ...badDateTimes.map((value): [string, unknown] => [`expiresAt ${String(value)}`, { ...statusView, expiresAt: value }]),
  ["a leap day", { ...statusView, paidAt: "2028-02-29T00:00:00Z" }],
  ["no leap day", { ...statusView, paidAt: "2027-02-29T00:00:00Z" }],
  ["an array", []],
  ["a number", 200],
];

describe("the paywall's checks of the orders API", () => {
  it.each(createdOrderCases)("POST /api/orders answer: %s", (_label, value) => {
    const expected = createdOrderSchema.safeParse(value);
    expect(parseCreatedOrder(value)).toEqual(expected.success ? expected.data : null);
  });

  it.each(statusViewCases)("GET /api/orders/{id} answer: %s", (_label, value) => {
    const expected = orderStatusViewSchema.safeParse(value);
    expect(parseOrderStatusView(value)).toEqual(expected.success ? expected.data : null);
  });

  it("accepts the good answers and refuses a script URL (so the cases above test both ways)", () => {
    expect(parseCreatedOrder(createdOrder)).toEqual(createdOrder);
    expect(parseOrderStatusView(statusView)).toEqual(statusView);
    expect(parseCreatedOrder({ ...createdOrder, paymentRequestUrl: "javascript:alert(1)" })).toBeNull();
  });
});
