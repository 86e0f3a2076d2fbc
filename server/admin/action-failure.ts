import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import type { ActionFailure } from "@/lib/schemas/action-result";
import { APP_ERROR_STATUS, AppError, isDatabaseUnavailableError } from "@/server/errors";
import { log } from "@/server/log";

/** Invalid form input: errors next to each field, and one line for the live region. */
export function validationFailure(error: z.ZodError): ActionFailure {
  return { ok: false, status: 400, message: "Check the highlighted fields.", fieldErrors: z.flattenError(error).fieldErrors };
}

/**
 * Turns what an admin action's domain call threw into form state. Next's redirect and not-found
 * signals are re-thrown; unexpected errors are logged and reported without their details.
 */
export function actionFailure(error: unknown, event: string): ActionFailure {
  unstable_rethrow(error);
  if (error instanceof z.ZodError) return validationFailure(error);
  if (error instanceof AppError) {
    const fieldErrors = (error.details?.fieldErrors ?? {}) as ActionFailure["fieldErrors"];
    return { ok: false, status: APP_ERROR_STATUS[error.code], message: error.message, fieldErrors };
  }
  if (isDatabaseUnavailableError(error)) {
    log.error({ event, err: error }, "database unavailable during an admin action");
    return { ok: false, status: 503, message: "The database is not answering; nothing was changed. Try again in a moment.", fieldErrors: {} };
  }
  log.error({ event, err: error }, "admin action failed");
  return { ok: false, status: 500, message: "Something went wrong on our side. Try again; if it keeps failing, check the server logs.", fieldErrors: {} };
}
