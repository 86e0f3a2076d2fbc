import "server-only";
import { AppError } from "@/server/errors";
import { HandCashError } from "@/server/handcash/client";
import { log } from "@/server/log";
import { failOrder } from "@/server/ledger/fail-order";
import { recordPaymentRequestUncertain } from "@/server/ledger/record-payment-request-uncertain";

export interface RecordPaymentRequestFailureOptions {
  orderId: string;
  error: unknown;
}

/**
 * Settles an order whose payment request could not be created, and returns the error to show the
 * reader. Only an answer in which HandCash refused the request (a 4xx, 429 included) proves that
 * nothing exists at HandCash, so only then is the order FAILED. A timeout, a lost connection, a 5xx
 * or an answer we could not read may have followed a request HandCash did create: the order stays
 * PENDING without a link and the reconciler looks the request up by its orderId
 * (recoverPaymentRequest), adopting it or failing the order once HandCash shows it has none.
 */
export async function recordPaymentRequestFailure({ orderId, error }: RecordPaymentRequestFailureOptions): Promise<Error> {
  const reason = (error instanceof HandCashError ? error.message : "Unexpected error while creating the payment request").slice(0, 500);
  const isRefused = error instanceof HandCashError && (error.isRefusal || error.kind === "rate_limited");
  if (isRefused) await failOrder({ orderId, reason });
  else await recordPaymentRequestUncertain({ orderId, reason });
  log.error({ event: isRefused ? "order.payment_request_failed" : "order.payment_request_uncertain", orderId, err: error }, "payment request creation failed");
  if (!(error instanceof HandCashError)) return error instanceof Error ? error : new Error(String(error));
  return new AppError(
    "PAYMENT_PROVIDER_ERROR",
    error.kind === "rate_limited"
      ? "HandCash is busy right now. Please try again in a minute."
      : "HandCash could not create the payment request. Please try again in a moment.",
    { cause: error },
  );
}
