import "server-only";
import { getPaymentRequestPublicInfo, getPaymentRequestStats, HandCashError } from "@/server/handcash/client";
import { HANDCASH_ID_PATTERN } from "@/server/handcash/schemas";
import { countRecordedPayments } from "@/server/payments/count-recorded-payments";

/** What HandCash said about a payment request when we asked; stored on the order as evidence. */
export interface PaymentVerification {
  isConfirmed: boolean;
  checkedAt: string;
  /** HandCash's `status` for the request, or "not_found" / "refused" when HandCash has no such request. */
  handcashStatus: string;
  /** The transaction HandCash reports for the request, if any (optional in HandCash's spec). */
  handcashTransactionId: string | null;
  claimedTransactionId: string | null;
  paymentAmount: { amount: number; currencyCode: string; denominatedIn?: string } | null;
  /** What confirmed it: HandCash named the transaction, or counted a payment without naming one. */
  confirmedBy?: "transaction_id" | "payment_count" | null;
  /** Payments HandCash counts for the request (public `paymentsCount`, else its stats), asked only when it names no transaction. */
  paymentsCount?: number | null;
  /** When HandCash will stop accepting payment for the request, as it reports it. */
  handcashExpiresAt?: string | null;
}

/**
 * Asks HandCash whether `claimedTransactionId` paid the request (ADR 007). With no claim, reports
 * whatever payment HandCash knows (reconciliation).
 *
 * * HandCash names a transaction: it must be the claimed one.
 * * HandCash names none (`transactionId` is optional in its spec): its count of payments decides
 *   (public `paymentsCount`, else the stats endpoint's required `totalPayments`). Our requests are
 *   single-use and made for one order, so a counted payment is that order's; a count confirms at
 *   most as many transactions as it counts, so a second claim on a once-paid request is refused.
 * * HandCash does not know the request (404, or a 400 for an id it would never issue): not confirmed.
 *
 * An unreachable HandCash, a 429 or a 5xx throws HandCashError: callers answer 503 and are retried.
 * The amount needs no comparison: we created the request ourselves, with our price, over the
 * authenticated API.
 */
export async function verifyPayment({
  paymentRequestId,
  claimedTransactionId,
}: {
  paymentRequestId: string;
  claimedTransactionId: string | null;
}): Promise<PaymentVerification> {
  const checkedAt = new Date().toISOString();
  const unknownRequest = (handcashStatus: string): PaymentVerification => ({
    isConfirmed: false,
    checkedAt,
    handcashStatus,
    handcashTransactionId: null,
    claimedTransactionId,
    paymentAmount: null,
    confirmedBy: null,
  });
  if (!HANDCASH_ID_PATTERN.test(paymentRequestId)) return unknownRequest("not_found");
  // HandCash no longer (or never) knowing the request is an answer; anything else is thrown for a retry.
  const ask = async <T>(call: () => Promise<T>): Promise<{ answer: T } | { unknown: PaymentVerification }> => {
    try {
      return { answer: await call() };
    } catch (error) {
      if (error instanceof HandCashError && error.kind === "not_found") return { unknown: unknownRequest("not_found") };
      if (error instanceof HandCashError && error.isRefusal) return { unknown: unknownRequest("refused") };
      throw error;
    }
  };
  const publicInfo = await ask(() => getPaymentRequestPublicInfo(paymentRequestId));
  if ("unknown" in publicInfo) return publicInfo.unknown;
  const info = publicInfo.answer;
  const evidence = {
    checkedAt,
    handcashStatus: info.status,
    claimedTransactionId,
    paymentAmount: info.paymentAmount ?? null,
    handcashExpiresAt: info.expiresAt ?? null,
  };

  const handcashTransactionId = info.transactionId ?? null;
  if (handcashTransactionId !== null) {
    const isConfirmed = claimedTransactionId === null || handcashTransactionId === claimedTransactionId;
    return { ...evidence, isConfirmed, handcashTransactionId, confirmedBy: isConfirmed ? "transaction_id" : null };
  }

  let paymentsCount = info.paymentsCount;
  if (paymentsCount === undefined) {
    const stats = await ask(() => getPaymentRequestStats(paymentRequestId));
    if ("unknown" in stats) return stats.unknown;
    paymentsCount = stats.answer.totalPayments;
  }
  const isCounted = paymentsCount > 0 && (claimedTransactionId === null || (await countRecordedPayments(paymentRequestId)) < paymentsCount);
  return { ...evidence, isConfirmed: isCounted, handcashTransactionId: null, confirmedBy: isCounted ? "payment_count" : null, paymentsCount };
}
