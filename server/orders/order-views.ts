import "server-only";
import type { OrderStatus } from "@/generated/prisma/enums";
import type { CreatedOrder, OrderStatusName } from "@/lib/schemas/orders";

export function toOrderStatusName(status: OrderStatus): OrderStatusName {
  return status.toLowerCase() as OrderStatusName;
}

export interface PendingOrderRow {
  id: string;
  status: OrderStatus;
  paymentRequestUrl: string | null;
  paymentRequestQrCodeUrl: string | null;
  expiresAt: Date;
  amount: number;
  currency: CreatedOrder["price"]["currency"];
}

export function toCreatedOrder(order: PendingOrderRow): CreatedOrder {
  if (!order.paymentRequestUrl || !order.paymentRequestQrCodeUrl) {
    throw new Error(`Order ${order.id} has no payment request yet`);
  }
  return {
    orderId: order.id,
    status: toOrderStatusName(order.status),
    paymentRequestUrl: order.paymentRequestUrl,
    paymentRequestQrCodeUrl: order.paymentRequestQrCodeUrl,
    expiresAt: order.expiresAt.toISOString(),
    price: { amount: order.amount, currency: order.currency },
  };
}

export const PENDING_ORDER_SELECT = {
  id: true,
  status: true,
  paymentRequestUrl: true,
  paymentRequestQrCodeUrl: true,
  expiresAt: true,
  amount: true,
  currency: true,
} as const;
