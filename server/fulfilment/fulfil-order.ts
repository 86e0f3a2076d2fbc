import "server-only";
import { db } from "@/server/db";
import type { FulfilmentHandler, PaidOrder } from "@/server/fulfilment/fulfilment-handlers";
import { recordOrderFulfilled } from "@/server/ledger/record-order-fulfilled";
import { log } from "@/server/log";

async function getPaidOrder(orderId: string): Promise<PaidOrder | null> {
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: { id: true, readerId: true, productId: true, productTitle: true, amount: true, currency: true, status: true, paidAt: true },
  });
  if (order?.status !== "PAID" || !order.paidAt) return null;
  const { status: _status, paidAt, ...rest } = order;
  return { ...rest, paidAt };
}

export interface PlanOrderFulfilmentOptions {
  orderId: string;
  handlers: readonly FulfilmentHandler[];
  /** Queues the job of one kind for this order (idempotent: a job key per order and kind). */
  queueFulfilment: (kind: string) => Promise<void>;
}

/**
 * The `fulfil-order` job, queued by the payment's own transaction: decides which kinds of fulfilment
 * the order needs, records them as open Fulfilment rows and queues one job per kind, so each retries
 * on its own. Safe to run again: rows and jobs are keyed by order and kind.
 */
export async function planOrderFulfilment({ orderId, handlers, queueFulfilment }: PlanOrderFulfilmentOptions): Promise<string[]> {
  const order = await getPaidOrder(orderId);
  if (!order) {
    log.warn({ event: "fulfilment.order_not_paid", orderId }, "a fulfilment job named an order that is not paid; nothing to do");
    return [];
  }
  const kinds: string[] = [];
  for (const handler of handlers) if (await handler.appliesTo(order)) kinds.push(handler.kind);
  if (kinds.length === 0) {
    await recordOrderFulfilled({ orderId, kinds });
    return kinds;
  }
  await db.fulfilment.createMany({ data: kinds.map((kind) => ({ orderId, kind })), skipDuplicates: true });
  for (const kind of kinds) await queueFulfilment(kind);
  return kinds;
}

export interface RunFulfilmentOptions {
  orderId: string;
  kind: string;
  handlers: readonly FulfilmentHandler[];
}

/**
 * The job of one kind for one order: runs its handler unless its row says it is done, then records
 * it done; the last kind to finish marks the order fulfilled. A crash after the handler's effect and
 * before the bookkeeping runs the handler again, which is why handlers are idempotent.
 */
export async function runFulfilment({ orderId, kind, handlers }: RunFulfilmentOptions): Promise<"done" | "already_done"> {
  const handler = handlers.find((candidate) => candidate.kind === kind);
  if (!handler) throw new Error(`No fulfilment handler has kind ${kind}`);
  const fulfilment = await db.fulfilment.findUnique({ where: { orderId_kind: { orderId, kind } }, select: { id: true, completedAt: true } });
  if (!fulfilment) throw new Error(`Order ${orderId} has no ${kind} fulfilment planned`);
  if (fulfilment.completedAt) return "already_done";
  const order = await getPaidOrder(orderId);
  if (!order) throw new Error(`Order ${orderId} is not paid`);

  await db.fulfilment.update({ where: { id: fulfilment.id }, data: { attempts: { increment: 1 } } });
  try {
    await handler.fulfil(order);
  } catch (error) {
    await db.fulfilment.update({ where: { id: fulfilment.id }, data: { lastError: (error instanceof Error ? error.message : String(error)).slice(0, 500) } });
    throw error;
  }
  await db.fulfilment.update({ where: { id: fulfilment.id }, data: { completedAt: new Date(), lastError: null } });
  log.info({ event: "fulfilment.done", orderId, kind }, "fulfilment done");

  const planned = await db.fulfilment.findMany({ where: { orderId }, select: { kind: true, completedAt: true } });
  if (planned.every((row) => row.completedAt !== null)) await recordOrderFulfilled({ orderId, kinds: planned.map((row) => row.kind) });
  return "done";
}
