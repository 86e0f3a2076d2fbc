import "server-only";
import type { Currency } from "@/generated/prisma/enums";

/** What a handler is told about the paid order it fulfils. */
export interface PaidOrder {
  id: string;
  readerId: string;
  productId: string;
  productTitle: string;
  amount: number;
  currency: Currency;
  paidAt: Date;
}

/**
 * One kind of fulfilment beyond access (an email with download links, a shipping confirmation, a
 * merchant webhook). Access itself is granted inside the payment's transaction, so a reader is never
 * charged without it; everything else runs after the commit, in worker jobs (ADR 010).
 */
export interface FulfilmentHandler {
  /** Stable and unique: names the job and the order's Fulfilment row. */
  kind: string;
  /** Whether this kind has work for the order (its product's kind, the buyer's email, …). */
  appliesTo(order: PaidOrder): boolean | Promise<boolean>;
  /**
   * Does the work. It may run again for the same order after a crash between its effect and the
   * bookkeeping that records it done, so it must be idempotent (a stable key for every side effect).
   * Throwing retries the job with graphile-worker's backoff.
   */
  fulfil(order: PaidOrder): Promise<void>;
}

/**
 * The handlers every paid order goes through, in order. Articles need none: their access is the
 * entitlement. A new kind of fulfilment is a new entry here, not a change to the payment's SQL.
 */
export const FULFILMENT_HANDLERS: readonly FulfilmentHandler[] = [];
