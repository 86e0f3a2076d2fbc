import type { PaymentRequestStatus, StoredPaymentRequest } from "./store";

/**
 * Status as the public-info endpoint reports it. Reusable requests (`never`, `limit` with
 * units left) stay "pending" after a payment because they can still be paid.
 */
export function getPaymentRequestStatus(record: StoredPaymentRequest, now: Date): PaymentRequestStatus {
  const hasPayment = record.payments.length > 0;
  if (record.expirationType === "onPaymentCompleted" && hasPayment) return "completed";
  if (record.expirationType === "limit" && record.remainingUnits !== null && record.remainingUnits <= 0) return "completed";
  if (now.getTime() >= record.expiresAt.getTime()) return "expired";
  return "pending";
}

export type Payability = { isPayable: true } | { isPayable: false; reason: "completed" | "expired" | "not_enabled"; message: string };

export function getPayability(record: StoredPaymentRequest, now: Date): Payability {
  const status = getPaymentRequestStatus(record, now);
  if (status === "completed") return { isPayable: false, reason: "completed", message: "This payment request has already been paid" };
  if (status === "expired") return { isPayable: false, reason: "expired", message: "This payment request has expired" };
  if (now.getTime() < record.enabledAt.getTime()) {
    return { isPayable: false, reason: "not_enabled", message: `This payment request opens at ${record.enabledAt.toISOString()}` };
  }
  return { isPayable: true };
}
