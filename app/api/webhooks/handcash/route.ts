import { env } from "@/server/env";
import { AppError, jsonError, toHttpResponse } from "@/server/errors";
import { HandCashError } from "@/server/handcash/client";
import { handcashWebhookPayloadSchema } from "@/server/handcash/schemas";
import { clientIp } from "@/server/http/client-ip";
import { describeFirstIssue, parseJsonText, readBodyText } from "@/server/http/read-json-body";
import { log } from "@/server/log";
import { processHandCashWebhook } from "@/server/payments/process-handcash-webhook";
import { recordRejectedWebhook } from "@/server/payments/record-rejected-webhook";
import { isSameSecret } from "@/server/security/compare-secret";

const WEBHOOK_MAX_BYTES = 64 * 1024;

// POST /api/webhooks/handcash: HandCash's payment notification. 200 only once it is committed.
export async function POST(req: Request): Promise<Response> {
  const startedAt = performance.now();
  const reject = async (status: number, reason: string, message: string) => {
    const ip = clientIp(req);
    log.warn(
      { event: "webhook.handcash.rejected", outcome: "rejected", status, reason, ip, ms: Math.round(performance.now() - startedAt) },
      "webhook rejected",
    );
    await recordRejectedWebhook({ httpStatus: status, reason, ip, userAgent: req.headers.get("user-agent") });
    return jsonError(status, message);
  };
  try {
    const json = parseJsonText(await readBodyText(req, WEBHOOK_MAX_BYTES));
    if (typeof json !== "object" || json === null || Array.isArray(json)) return reject(400, "not_an_object", "The body must be a JSON object.");
    const { appSecret, ...unsecretPayload } = json as Record<string, unknown>;
    if (!isSameSecret(appSecret, env.HANDCASH_APP_SECRET)) {
      return reject(401, appSecret === undefined ? "missing_secret" : "wrong_secret", "Invalid or missing appSecret.");
    }
    const parsed = handcashWebhookPayloadSchema.safeParse(unsecretPayload);
    if (!parsed.success) return reject(400, "invalid_shape", describeFirstIssue(parsed.error));

    const { outcome, orderId, detail } = await processHandCashWebhook(parsed.data);
    const { paymentRequestId, transactionId } = parsed.data;
    log.info(
      { event: "webhook.handcash.processed", outcome, orderId, paymentRequestId, transactionId, ms: Math.round(performance.now() - startedAt) },
      detail ?? "webhook processed",
    );
    return Response.json({ received: true, outcome: outcome.toLowerCase() });
  } catch (error) {
    if (error instanceof AppError && (error.code === "INVALID_INPUT" || error.code === "PAYLOAD_TOO_LARGE")) {
      const reason = error.code === "PAYLOAD_TOO_LARGE" ? "too_large" : error.details?.reason === "unstorable_text" ? "unstorable_text" : "not_json";
      return reject(error.code === "INVALID_INPUT" ? 400 : 413, reason, error.message);
    }
    log.warn({ event: "webhook.handcash.failed", err: error, ms: Math.round(performance.now() - startedAt) }, "webhook not recorded");
    // Verification could not reach HandCash: nothing recorded, and a retry can succeed.
    // HandCash's own wait, when it named one (429 or 503 with Retry-After), is passed on.
    if (error instanceof HandCashError) {
      const retryAfterSeconds = Math.max(1, Math.ceil((error.retryAfterMs ?? 30_000) / 1000));
      return jsonError(503, "HandCash could not confirm this payment right now; retry later.", undefined, { "retry-after": String(retryAfterSeconds) });
    }
    return toHttpResponse(error);
  }
}
