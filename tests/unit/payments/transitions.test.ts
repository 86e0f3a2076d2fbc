import { describe, expect, it } from "vitest";
import type { OrderStatus } from "@/generated/prisma/enums";
import { nextOrderStatus, type OrderEvent } from "@/server/payments/transitions";

const STATUSES: OrderStatus[] = ["PENDING", "PAID", "NEEDS_REVIEW", "EXPIRED", "FAILED"];
const EVENTS: OrderEvent[] = ["PAYMENT_CONFIRMED", "PAYMENT_UNCONFIRMED", "PAYMENT_WINDOW_ELAPSED", "PAYMENT_REQUEST_FAILED"];

const EXPECTED: Record<OrderStatus, Record<OrderEvent, OrderStatus | null>> = {
  PENDING: { PAYMENT_CONFIRMED: "PAID", PAYMENT_UNCONFIRMED: "NEEDS_REVIEW", PAYMENT_WINDOW_ELAPSED: "EXPIRED", PAYMENT_REQUEST_FAILED: "FAILED" },
  PAID: { PAYMENT_CONFIRMED: null, PAYMENT_UNCONFIRMED: null, PAYMENT_WINDOW_ELAPSED: null, PAYMENT_REQUEST_FAILED: null },
  NEEDS_REVIEW: { PAYMENT_CONFIRMED: "PAID", PAYMENT_UNCONFIRMED: null, PAYMENT_WINDOW_ELAPSED: null, PAYMENT_REQUEST_FAILED: null },
  EXPIRED: { PAYMENT_CONFIRMED: "PAID", PAYMENT_UNCONFIRMED: "NEEDS_REVIEW", PAYMENT_WINDOW_ELAPSED: null, PAYMENT_REQUEST_FAILED: null },
  FAILED: { PAYMENT_CONFIRMED: "PAID", PAYMENT_UNCONFIRMED: null, PAYMENT_WINDOW_ELAPSED: null, PAYMENT_REQUEST_FAILED: null },
};

describe("nextOrderStatus", () => {
  for (const status of STATUSES) {
    for (const event of EVENTS) {
      it(`${status} + ${event} → ${EXPECTED[status][event] ?? "not applicable"}`, () => {
        expect(nextOrderStatus(status, event)).toBe(EXPECTED[status][event]);
      });
    }
  }

  it("never leaves PAID, whatever happens next", () => {
    for (const event of EVENTS) expect(nextOrderStatus("PAID", event)).toBeNull();
  });

  it("rejects an unknown event loudly", () => {
    expect(() => nextOrderStatus("PENDING", "REFUNDED" as OrderEvent)).toThrow(/Unhandled order event/);
  });
});
