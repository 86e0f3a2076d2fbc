import "server-only";
import { db } from "@/server/db";

/**
 * Payments we have recorded against one HandCash payment request. A count from HandCash can
 * confirm only the payments beyond these (verifyPayment), so one counted payment never confirms
 * two claimed transactions. Read outside any transaction: the recording itself re-checks under
 * the order's lock (a duplicate is caught there), and two different claims racing past this read
 * at worst leave the second as an EXTRA_PAYMENT for the owner to review.
 */
export async function countRecordedPayments(paymentRequestId: string): Promise<number> {
  return db.payment.count({ where: { paymentRequestId } });
}
