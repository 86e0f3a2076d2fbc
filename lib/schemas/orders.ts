import { z } from "zod";
import { CURRENCIES } from "@/lib/money";

/** Shapes of the orders API, shared by the route handlers and the paywall in the browser. */

export const createOrderBodySchema = z.object({
  productId: z.string().min(1).max(64),
});
export type CreateOrderBody = z.infer<typeof createOrderBodySchema>;

export const ORDER_STATUSES = ["pending", "paid", "needs_review", "expired", "failed"] as const;
export const orderStatusSchema = z.enum(ORDER_STATUSES);
export type OrderStatusName = z.infer<typeof orderStatusSchema>;

export const TERMINAL_ORDER_STATUS_NAMES: ReadonlySet<OrderStatusName> = new Set(["paid", "expired", "failed"]);

export const moneySchema = z.object({ amount: z.number().int(), currency: z.enum(CURRENCIES) });

export const createdOrderSchema = z.object({
  orderId: z.string(),
  status: orderStatusSchema,
  paymentRequestUrl: z.url(),
  paymentRequestQrCodeUrl: z.url(),
  expiresAt: z.iso.datetime(),
  price: moneySchema,
});
export type CreatedOrder = z.infer<typeof createdOrderSchema>;

export const orderStatusViewSchema = z.object({
  orderId: z.string(),
  status: orderStatusSchema,
  productSlug: z.string(),
  paidAt: z.iso.datetime().nullable(),
  expiresAt: z.iso.datetime(),
});
export type OrderStatusView = z.infer<typeof orderStatusViewSchema>;
