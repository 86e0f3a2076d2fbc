import "server-only";
import type { OrderEventType, WebhookOutcome } from "@/generated/prisma/enums";
import { db } from "@/server/db";

export interface GetOrderForAdminOptions {
  orderId: string;
}

export type OrderTimelineItem =
  | { kind: "event"; id: string; at: Date; type: OrderEventType; actor: string; reason: string | null; detail: unknown }
  | {
      kind: "webhook";
      id: string;
      at: Date;
      outcome: WebhookOutcome;
      detail: string | null;
      transactionId: string;
      payload: unknown;
      resolvedAt: Date | null;
      resolvedBy: string | null;
    }
  | { kind: "payment"; id: string; at: Date; transactionId: string; payerPaymail: string | null; payerEmail: string | null; paymentMethod: string | null };

/**
 * An order with everything an owner needs to understand it: the order itself, whether its reader
 * has access, and one timeline merging the order's events, every webhook delivery about it and
 * its payments, oldest first. Also the owner actions taken on it (audit log).
 */
export async function getOrderForAdmin({ orderId }: GetOrderForAdminOptions) {
  const order = await db.order.findUnique({
    where: { id: orderId },
    include: {
      product: { select: { id: true, slug: true, title: true } },
      events: { orderBy: { createdAt: "asc" } },
      webhookEvents: { orderBy: { receivedAt: "asc" } },
      payments: { orderBy: { createdAt: "asc" } },
    },
  });
  if (!order) return null;

  const [readerAccess, auditLog] = await Promise.all([
    db.entitlement.findUnique({
      where: { readerId_productId: { readerId: order.readerId, productId: order.productId } },
      select: { id: true, orderId: true, grantedAt: true },
    }),
    db.auditLog.findMany({ where: { targetType: "order", targetId: order.id }, orderBy: { createdAt: "asc" } }),
  ]);

  const timeline: OrderTimelineItem[] = [
    ...order.events.map((event) => ({
      kind: "event" as const,
      id: event.id,
      at: event.createdAt,
      type: event.type,
      actor: event.actor,
      reason: event.reason,
      detail: event.detail,
    })),
    ...order.webhookEvents.map((delivery) => ({
      kind: "webhook" as const,
      id: delivery.id,
      at: delivery.receivedAt,
      outcome: delivery.outcome,
      detail: delivery.detail,
      transactionId: delivery.transactionId,
      payload: delivery.payload,
      resolvedAt: delivery.resolvedAt,
      resolvedBy: delivery.resolvedBy,
    })),
    ...order.payments.map((payment) => ({
      kind: "payment" as const,
      id: payment.id,
      at: payment.createdAt,
      transactionId: payment.transactionId,
      payerPaymail: payment.payerPaymail,
      payerEmail: payment.payerEmail,
      paymentMethod: payment.paymentMethod,
    })),
  ];
  // Rows written in one transaction can share a timestamp: keep payments before the events they caused.
  const kindRank = { webhook: 0, payment: 1, event: 2 } as const;
  timeline.sort((a, b) => a.at.getTime() - b.at.getTime() || kindRank[a.kind] - kindRank[b.kind]);

  const { events: _events, webhookEvents: _webhookEvents, ...rest } = order;
  return { order: rest, readerAccess, auditLog, timeline };
}

export type AdminOrderDetail = NonNullable<Awaited<ReturnType<typeof getOrderForAdmin>>>;
