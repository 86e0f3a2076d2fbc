import crypto from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { EmulatorConfig } from "../config";
import type { EmulatorContext } from "../context";
import { getHeader, HttpError, parseJsonBody, parseWithSchema, readBody, replyEmpty, replyJson } from "../http";
import { formatAmount } from "../pay-page";
import type { Route } from "../router";
import type { EmulatorStore, StoredPaymentRequest } from "../store";
import { formatValidationMessage, paymentRequestIdSchema } from "../schemas";
import { toPrivateView, toPublicView, toStatsView } from "../views";

/** HandCash Cloud's v3 payment-request REST API (contract §1.1). */

function isSameSecret(received: string | undefined, expected: string): boolean {
  if (!received) return false;
  // Hashing first gives equal-length buffers, so timingSafeEqual leaks neither content nor length.
  const receivedDigest = crypto.createHash("sha256").update(received, "utf8").digest();
  const expectedDigest = crypto.createHash("sha256").update(expected, "utf8").digest();
  return crypto.timingSafeEqual(receivedDigest, expectedDigest);
}

function assertAppCredentials(request: IncomingMessage, config: EmulatorConfig): void {
  const isAppIdValid = isSameSecret(getHeader(request, "app-id"), config.appId);
  const isAppSecretValid = isSameSecret(getHeader(request, "app-secret"), config.appSecret);
  if (!isAppIdValid || !isAppSecretValid) throw new HttpError(401, "Invalid app credentials");
}

export function getPaymentRequestOrThrow(store: EmulatorStore, id: string): StoredPaymentRequest {
  const record = store.getPaymentRequest(id);
  if (!record) throw new HttpError(404, "Payment request not found");
  return record;
}

/** The /v3 routes check the id's shape first, as Cloud does: `"id" must be a valid MongoDB ObjectId` is a 400, not a 404. */
function findByPathId(store: EmulatorStore, params: Record<string, string>): StoredPaymentRequest {
  const id = params.id ?? "";
  const parsed = paymentRequestIdSchema.safeParse(id, { reportInput: true });
  if (!parsed.success) throw new HttpError(400, formatValidationMessage(parsed.error.issues.map((issue) => ({ ...issue, path: ["id"] }))));
  return getPaymentRequestOrThrow(store, id);
}

export function buildPaymentRequestRoutes(context: EmulatorContext): Route[] {
  const { config, store } = context;
  return [
    {
      method: "POST",
      path: "/v3/paymentRequests",
      handle: async ({ request }) => {
        assertAppCredentials(request, config);
        const body = parseWithSchema(context.createBodySchema, parseJsonBody(await readBody(request)));
        const now = new Date();
        const record = store.createPaymentRequest(body, now, config.defaultExpirySeconds);
        context.log(`payment request ${record.id} created: ${JSON.stringify(record.product.name)}, ${formatAmount(record)}`);
        return replyJson(200, toPrivateView(record, context, now));
      },
    },
    {
      method: "GET",
      path: "/v3/paymentRequests",
      handle: ({ request }) => {
        assertAppCredentials(request, config);
        const now = new Date();
        const items = store.listPaymentRequests().map((record) => toPrivateView(record, context, now));
        return replyJson(200, { items });
      },
    },
    {
      method: "GET",
      path: "/v3/paymentRequests/public/stats/:id",
      handle: ({ params }) => replyJson(200, toStatsView(findByPathId(store, params))),
    },
    {
      method: "GET",
      path: "/v3/paymentRequests/public/:id",
      handle: ({ params }) => {
        const record = findByPathId(store, params);
        return replyJson(200, toPublicView(record, context, new Date()));
      },
    },
    {
      method: "GET",
      path: "/v3/paymentRequests/:id",
      handle: ({ request, params }) => {
        assertAppCredentials(request, config);
        const record = findByPathId(store, params);
        return replyJson(200, toPrivateView(record, context, new Date()));
      },
    },
    {
      method: "PUT",
      path: "/v3/paymentRequests/:id",
      handle: async ({ request, params }) => {
        assertAppCredentials(request, config);
        const record = findByPathId(store, params);
        const patch = parseWithSchema(context.updateBodySchema, parseJsonBody(await readBody(request)) ?? {});
        if (patch.id !== undefined && patch.id !== record.id) throw new HttpError(400, '"id" must match the payment request in the path');
        if (patch.decreaseRemainingUnits !== undefined && record.expirationType !== "limit") {
          throw new HttpError(400, '"decreaseRemainingUnits" is not allowed unless "expirationType" is limit');
        }
        if (patch.notifications?.webhook && !patch.notifications.webhook.webhookUrl && !record.notifications?.webhook) {
          throw new HttpError(400, '"notifications.webhook.webhookUrl" is required');
        }
        const now = new Date();
        store.updatePaymentRequest(record, patch, now);
        return replyJson(200, toPrivateView(record, context, now));
      },
    },
    {
      method: "DELETE",
      path: "/v3/paymentRequests/:id",
      handle: ({ request, params }) => {
        assertAppCredentials(request, config);
        const record = findByPathId(store, params);
        store.deletePaymentRequest(record.id);
        // Cloud answers 200 with no body at all; clients that call response.json() on it break (contract §1.5).
        return replyEmpty(200);
      },
    },
  ];
}
