import "server-only";
import { getPaymentRequestPublicInfo, HandCashError } from "@/server/handcash/client";

/** What HandCash said about a payment request when we asked; stored on the order as evidence. */
export interface PaymentVerification {
  isConfirmed: boolean;
  checkedAt: string;
  /** HandCash's `status` for the request, or "not_found". */
  handcashStatus: string;
  /** The transaction HandCash reports for the request, if any. */
  handcashTransactionId: string | null;
  claimedTransactionId: string | null;
  paymentAmount: { amount: number; currencyCode: string; denominatedIn?: string } | null;
}

/**
 * Asks HandCash (public info of the payment request) whether `claimedTransactionId` paid it.
 * With no claim, reports whatever transaction HandCash knows (reconciliation). A request HandCash
 * does not know is "not confirmed"; an unreachable or failing HandCash throws HandCashError, so
 * callers answer 503 and the webhook is retried. The amount needs no comparison: we created the
 * request ourselves, with our price, over the authenticated API.
 */
export async function verifyPayment({ paymentRequestId, claimedTransactionId }: { paymentRequestId: string; claimedTransactionId: string | null }): Promise<PaymentVerification> {
  const checkedAt = new Date().toISOString();
  try {
    const info = await getPaymentRequestPublicInfo(paymentRequestId);
    const handcashTransactionId = info.transactionId ?? null;
    return {
      isConfirmed: handcashTransactionId !== null && (claimedTransactionId === null || handcashTransactionId === claimedTransactionId),
      checkedAt,
      handcashStatus: info.status,
      handcashTransactionId,
      claimedTransactionId,
      paymentAmount: info.paymentAmount ?? null,
    };
  } catch (error) {
    if (error instanceof HandCashError && error.kind === "not_found") {
      return { isConfirmed: false, checkedAt, handcashStatus: "not_found", handcashTransactionId: null, claimedTransactionId, paymentAmount: null };
    }
    throw error;
  }
}
