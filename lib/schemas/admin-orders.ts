import { z } from "zod";

export const ORDER_STATUS_VALUES = ["PENDING", "PAID", "NEEDS_REVIEW", "EXPIRED", "FAILED"] as const;
export type OrderStatusValue = (typeof ORDER_STATUS_VALUES)[number];

export const ORDER_STATUS_LABELS: Record<OrderStatusValue, string> = {
  PENDING: "Pending",
  PAID: "Paid",
  NEEDS_REVIEW: "Needs review",
  EXPIRED: "Expired",
  FAILED: "Failed",
};

export const ORDER_SORT_KEYS = ["createdAt", "paidAt", "amount", "status", "product"] as const;
export type OrderSortKey = (typeof ORDER_SORT_KEYS)[number];

const isoDate = z.iso.date().optional().catch(undefined);

/**
 * The orders table's filters, from the URL. Shared by the page and the CSV export so the export
 * holds exactly the rows the owner is looking at. Anything malformed falls back to "no filter":
 * these come from hand-edited URLs, not from a form that could show an error.
 */
export const orderListQuerySchema = z.object({
  status: z.enum(ORDER_STATUS_VALUES).optional().catch(undefined),
  /** "due": orders with a payment flagged for a refund and not yet refunded. */
  refund: z.enum(["due"]).optional().catch(undefined),
  product: z.string().trim().max(64).optional().catch(undefined),
  from: isoDate,
  to: isoDate,
  q: z.string().trim().max(200).optional().catch(undefined),
  sort: z.enum(ORDER_SORT_KEYS).catch("createdAt"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type OrderListQuery = z.infer<typeof orderListQuerySchema>;

/** The filter part of the query (no sort or page), as URL parameters. */
export function orderFilterParams(query: OrderListQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ["status", "refund", "product", "from", "to", "q"] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  return params;
}

const reasonSchema = z
  .string()
  .trim()
  .min(1, "Give a reason; it is kept in the audit log and on the order's timeline.")
  .max(1000, "Keep the reason under 1000 characters.");

/** Every owner action on an order names the order and says why. */
export const orderActionFormSchema = z.object({
  orderId: z.string().trim().min(1, "Missing order id.").max(64),
  reason: reasonSchema,
});
export type OrderActionForm = z.infer<typeof orderActionFormSchema>;

export const WEBHOOK_OUTCOME_VALUES = ["RECORDED", "DUPLICATE", "ORPHAN", "MISMATCH", "EXTRA_PAYMENT", "UNCONFIRMED"] as const;
export type WebhookOutcomeValue = (typeof WEBHOOK_OUTCOME_VALUES)[number];

export const WEBHOOK_VIEWS = ["all", "orphans", "rejected"] as const;

export const webhookInboxQuerySchema = z.object({
  view: z.enum(WEBHOOK_VIEWS).catch("all"),
  outcome: z.enum(WEBHOOK_OUTCOME_VALUES).optional().catch(undefined),
  range: z.enum(["24h", "14d", "30d"]).catch("14d"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type WebhookInboxQuery = z.infer<typeof webhookInboxQuerySchema>;

export const matchOrphanFormSchema = z.object({
  webhookEventId: z.string().trim().min(1, "Missing delivery id.").max(64),
  orderId: z.string().trim().min(1, "Enter the id of the order this payment belongs to.").max(64, "That is not an order id."),
  reason: reasonSchema,
});
export type MatchOrphanForm = z.infer<typeof matchOrphanFormSchema>;
