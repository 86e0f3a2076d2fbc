/** An order's status as our API names it; kept free of zod so the paywall can use it in the browser. */
export const ORDER_STATUSES = ["pending", "paid", "needs_review", "expired", "failed"] as const;
export type OrderStatusName = (typeof ORDER_STATUSES)[number];

export const TERMINAL_ORDER_STATUS_NAMES: ReadonlySet<OrderStatusName> = new Set(["paid", "expired", "failed"]);
