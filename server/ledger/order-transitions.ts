import type { OrderStatus } from "@/generated/prisma/enums";

/**
 * The order state machine, as one table of edges:
 *
 *   PENDING ──payment confirmed──▶ PAID (final)
 *      ├──window elapsed, closed by the owner, or replaced──▶ EXPIRED ──payment confirmed (late)──▶ PAID
 *      ├──HandCash refused the request──▶ FAILED ──payment confirmed──▶ PAID
 *      └──payment not confirmed by HandCash──▶ NEEDS_REVIEW ──confirmed──▶ PAID
 *                                    EXPIRED ──not confirmed──▶ NEEDS_REVIEW ──closed by the owner──▶ EXPIRED
 *
 * A confirmed payment always wins: money that arrived is honoured even after expiry. PAID is final.
 *
 * PostgreSQL holds the same table (`tollgate_order_transitions()` in
 * prisma/routines/010-order-state-machine.sql): its functions move orders by it, and a trigger refuses
 * any other change of status from any writer. tests/integration/ledger/order-state-machine.test.ts
 * checks that the two tables are equal.
 */
export type OrderTransitionEvent =
  | "PAYMENT_CONFIRMED"
  | "PAYMENT_UNCONFIRMED"
  | "PAYMENT_WINDOW_ELAPSED"
  | "PAYMENT_REQUEST_FAILED"
  | "CLOSED_BY_OWNER"
  | "REPLACED_BY_NEW_ORDER";

export interface OrderTransition {
  event: OrderTransitionEvent;
  from: OrderStatus;
  to: OrderStatus;
}

export const ORDER_TRANSITIONS: readonly OrderTransition[] = [
  { event: "PAYMENT_CONFIRMED", from: "PENDING", to: "PAID" },
  { event: "PAYMENT_CONFIRMED", from: "NEEDS_REVIEW", to: "PAID" },
  { event: "PAYMENT_CONFIRMED", from: "EXPIRED", to: "PAID" },
  { event: "PAYMENT_CONFIRMED", from: "FAILED", to: "PAID" },
  { event: "PAYMENT_UNCONFIRMED", from: "PENDING", to: "NEEDS_REVIEW" },
  { event: "PAYMENT_UNCONFIRMED", from: "EXPIRED", to: "NEEDS_REVIEW" },
  { event: "PAYMENT_WINDOW_ELAPSED", from: "PENDING", to: "EXPIRED" },
  { event: "PAYMENT_REQUEST_FAILED", from: "PENDING", to: "FAILED" },
  { event: "CLOSED_BY_OWNER", from: "PENDING", to: "EXPIRED" },
  { event: "CLOSED_BY_OWNER", from: "NEEDS_REVIEW", to: "EXPIRED" },
  { event: "REPLACED_BY_NEW_ORDER", from: "PENDING", to: "EXPIRED" },
];

/** The status after `event`, or null when the event does not apply to `current`. */
export function nextOrderStatus(current: OrderStatus, event: OrderTransitionEvent): OrderStatus | null {
  return ORDER_TRANSITIONS.find((transition) => transition.event === event && transition.from === current)?.to ?? null;
}
