import type { OrderStatus } from "@/generated/prisma/enums";

/**
 * The order state machine, pure so it can be tested exhaustively.
 *
 *   PENDING ──payment confirmed──▶ PAID
 *      │ ├──window elapsed──▶ EXPIRED ──payment confirmed (late)──▶ PAID
 *      │ └──HandCash refused the request──▶ FAILED ──payment confirmed──▶ PAID
 *      └──payment not confirmed by HandCash──▶ NEEDS_REVIEW ──payment confirmed──▶ PAID
 *
 * A confirmed payment always wins: money that arrived is honoured even after expiry.
 * PAID is final.
 *
 * PAYMENT_CONFIRMED and PAYMENT_UNCONFIRMED are applied inside PostgreSQL by the payment-recording
 * functions (migration 20261127234408, see ADR 009); tests/integration/payments/
 * payment-transitions-in-sql.test.ts holds them to this function for every status.
 */
export type OrderEvent = "PAYMENT_CONFIRMED" | "PAYMENT_UNCONFIRMED" | "PAYMENT_WINDOW_ELAPSED" | "PAYMENT_REQUEST_FAILED";

/** The status after `event`, or null when the event does not apply to `current`. */
export function nextOrderStatus(current: OrderStatus, event: OrderEvent): OrderStatus | null {
  switch (event) {
    case "PAYMENT_CONFIRMED":
      return current === "PAID" ? null : "PAID";
    case "PAYMENT_UNCONFIRMED":
      return current === "PENDING" || current === "EXPIRED" ? "NEEDS_REVIEW" : null;
    case "PAYMENT_WINDOW_ELAPSED":
      return current === "PENDING" ? "EXPIRED" : null;
    case "PAYMENT_REQUEST_FAILED":
      return current === "PENDING" ? "FAILED" : null;
    default: {
      const unhandled: never = event;
      throw new Error(`Unhandled order event ${String(unhandled)}`);
    }
  }
}

export const TERMINAL_ORDER_STATUSES: ReadonlySet<OrderStatus> = new Set(["PAID", "EXPIRED", "FAILED"]);
