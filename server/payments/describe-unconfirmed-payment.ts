import "server-only";
import type { PaymentVerification } from "@/server/payments/verify-payment";

/** Why an order is flagged when HandCash does not confirm the transaction a delivery claimed. */
export function describeUnconfirmedPayment(verification: PaymentVerification): string {
  return verification.handcashStatus === "not_found"
    ? "HandCash does not know this payment request."
    : `HandCash reports ${verification.handcashTransactionId ? `transaction ${verification.handcashTransactionId}` : "no payment"} (status ${verification.handcashStatus}), not ${verification.claimedTransactionId}.`;
}
