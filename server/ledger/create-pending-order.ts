import "server-only";
import type { Currency } from "@/generated/prisma/enums";
import { db } from "@/server/db";

export interface CreatePendingOrderOptions {
  readerId: string;
  productId: string;
  /** The price snapshot: later product edits never change what this order costs. */
  amount: number;
  currency: Currency;
  productTitle: string;
  expiresAt: Date;
}

/** A new PENDING order with the first step of its timeline, before HandCash is asked for a payment request. */
export async function createPendingOrder({
  readerId,
  productId,
  amount,
  currency,
  productTitle,
  expiresAt,
}: CreatePendingOrderOptions): Promise<{ id: string; expiresAt: Date }> {
  return db.order.create({
    data: {
      readerId,
      productId,
      amount,
      currency,
      productTitle,
      expiresAt,
      events: { create: { type: "CREATED", actor: "system", detail: { amount, currency } } },
    },
    select: { id: true, expiresAt: true },
  });
}
