import { env } from "@/server/env";
import { jsonError, toHttpResponse } from "@/server/errors";
import { handcashWebhookPayloadSchema } from "@/server/handcash/schemas";
import { describeFirstIssue, parseJsonText, readBodyText } from "@/server/http/read-json-body";
import { clientIp } from "@/server/http/client-ip";
import { log } from "@/server/log";
import { recordHandCashPayment } from "@/server/payments/record-handcash-payment";
import { isSameSecret } from "@/server/security/compare-secret";

const WEBHOOK_MAX_BYTES = 64 * 1024;

// POST /api/webhooks/handcash: HandCash's payment notification. 200 only once it is committed.
export async function POST(req: Request): Promise<Response> {
  const startedAt = performance.now();
  try {
    const json = parseJsonText(await readBodyText(req, WEBHOOK_MAX_BYTES));
    if (typeof json !== "object" || json === null || Array.isArray(json)) return jsonError(400, "The body must be a JSON object.");
    const { appSecret, ...unsecretPayload } = json as Record<string, unknown>;
    if (!isSameSecret(appSecret, env.HANDCASH_APP_SECRET)) {
      log.warn({ event: "webhook.handcash.rejected", reason: appSecret === undefined ? "missing_secret" : "wrong_secret", ip: clientIp(req) }, "webhook rejected");
      return jsonError(401, "Invalid or missing appSecret.");
    }
    const parsed = handcashWebhookPayloadSchema.safeParse(unsecretPayload);
    if (!parsed.success) {
      log.warn({ event: "webhook.handcash.invalid", issue: describeFirstIssue(parsed.error) }, "webhook with an unexpected shape");
      return jsonError(400, describeFirstIssue(parsed.error));
    }
    const { outcome, orderId, detail } = await recordHandCashPayment(parsed.data);
    const { paymentRequestId, transactionId } = parsed.data;
    log.info({ event: "webhook.handcash.processed", outcome, orderId, paymentRequestId, transactionId, ms: Math.round(performance.now() - startedAt) }, detail ?? "webhook processed");
    return Response.json({ received: true, outcome: outcome.toLowerCase() });
  } catch (error) {
    log.warn({ event: "webhook.handcash.failed", ms: Math.round(performance.now() - startedAt) }, "webhook not recorded");
    return toHttpResponse(error);
  }
}
