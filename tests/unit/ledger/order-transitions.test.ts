import { describe, expect, it } from "vitest";
import { OrderStatus } from "@/generated/prisma/enums";
import { nextOrderStatus, ORDER_TRANSITIONS, type OrderTransitionEvent } from "@/server/ledger/order-transitions";

const STATUSES = Object.values(OrderStatus);
const EVENTS: OrderTransitionEvent[] = [
  "PAYMENT_CONFIRMED",
  "PAYMENT_UNCONFIRMED",
  "PAYMENT_WINDOW_ELAPSED",
  "PAYMENT_REQUEST_FAILED",
  "CLOSED_BY_OWNER",
  "REPLACED_BY_NEW_ORDER",
];

// Written out by hand, apart from the table it checks, so a changed edge has to be changed twice.
const EXPECTED: Record<OrderStatus, Record<OrderTransitionEvent, OrderStatus | null>> = {
  PENDING: {
    PAYMENT_CONFIRMED: "PAID",
    PAYMENT_UNCONFIRMED: "NEEDS_REVIEW",
    PAYMENT_WINDOW_ELAPSED: "EXPIRED",
    PAYMENT_REQUEST_FAILED: "FAILED",
    CLOSED_BY_OWNER: "EXPIRED",
    REPLACED_BY_NEW_ORDER: "EXPIRED",
  },
  PAID: {
    PAYMENT_CONFIRMED: null,
    PAYMENT_UNCONFIRMED: null,
    PAYMENT_WINDOW_ELAPSED: null,
    PAYMENT_REQUEST_FAILED: null,
    CLOSED_BY_OWNER: null,
    REPLACED_BY_NEW_ORDER: null,
  },
  NEEDS_REVIEW: {
    PAYMENT_CONFIRMED: "PAID",
    PAYMENT_UNCONFIRMED: null,
    PAYMENT_WINDOW_ELAPSED: null,
    PAYMENT_REQUEST_FAILED: null,
    CLOSED_BY_OWNER: "EXPIRED",
    REPLACED_BY_NEW_ORDER: null,
  },
  EXPIRED: {
    PAYMENT_CONFIRMED: "PAID",
    PAYMENT_UNCONFIRMED: "NEEDS_REVIEW",
    PAYMENT_WINDOW_ELAPSED: null,
    PAYMENT_REQUEST_FAILED: null,
    CLOSED_BY_OWNER: null,
    REPLACED_BY_NEW_ORDER: null,
  },
  FAILED: {
    PAYMENT_CONFIRMED: "PAID",
    PAYMENT_UNCONFIRMED: null,
    PAYMENT_WINDOW_ELAPSED: null,
    PAYMENT_REQUEST_FAILED: null,
    CLOSED_BY_OWNER: null,
    REPLACED_BY_NEW_ORDER: null,
  },
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

  it("has one edge per status and event at most, and none that stays put", () => {
    const keys = ORDER_TRANSITIONS.map(({ event, from }) => `${event}:${from}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const transition of ORDER_TRANSITIONS) expect(transition.to).not.toBe(transition.from);
  });
});
