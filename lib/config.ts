/** Site-wide settings that are data, not secrets. */
export const SITE = {
  name: "Tollgate",
  tagline: "Independent writing, unlocked with HandCash.",
} as const;

/** How long a reader has to pay an order before it expires (HandCash may keep the request payable; a late payment is still honoured). */
export const PAYMENT_WINDOW_MINUTES = 15;

/** Status polling while an order is pending. */
export const ORDER_POLL_INTERVAL_MS = 2_000;
