import { z } from "zod";
import { CURRENCIES } from "@/lib/money";
import { ORDER_STATUSES, type OrderStatusName } from "@/lib/order-statuses";

/**
 * Shapes of the orders API: what the route handlers accept and answer. The paywall checks the
 * answers with lib/order-responses.ts instead, which is held to these schemas by its tests, so
 * zod stays out of the browser.
 */

export type { OrderStatusName };

export const createOrderBodySchema = z.object({
  productId: z.string().min(1).max(64),
});
export type CreateOrderBody = z.infer<typeof createOrderBodySchema>;

export const orderStatusSchema = z.enum(ORDER_STATUSES);

export const moneySchema = z.object({ amount: z.number().int(), currency: z.enum(CURRENCIES) });

export const createdOrderSchema = z.object({
  orderId: z.string(),
  status: orderStatusSchema,
  // The browser follows and loads these: web addresses only, never javascript: or data:.
  paymentRequestUrl: z.url({ protocol: /^https?$/ }),
  paymentRequestQrCodeUrl: z.url({ protocol: /^https?$/ }),
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
