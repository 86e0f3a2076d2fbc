import type { EmulatorContext } from "../context";
import { HttpError, parseJsonBody, parseWithSchema, readBody, replyJson } from "../http";
import { PaymentError, payPaymentRequest } from "../pay-payment-request";
import type { Route } from "../router";
import { deliveriesControlBodySchema, deliveriesQuerySchema, outageControlBodySchema, payControlBodySchema, publicViewControlBodySchema } from "../schemas";
import { DEFAULT_TEST_USER } from "../test-wallet";
import { toControlView, toDeliveryView } from "../views";
import { buildWebhookPayload, DeliveryConflictError } from "../webhook-delivery";
import { getPaymentRequestOrThrow } from "./payment-requests";

/**
 * The test-only control API under /_emulator: pay without a browser, replay or forge webhooks,
 * read the delivery log. Real Cloud has nothing like it, and the app must never call it.
 */
export function buildControlRoutes(context: EmulatorContext): Route[] {
  const { config, store, dispatcher } = context;
  return [
    { method: "GET", path: "/_emulator/health", handle: () => replyJson(200, { status: "ok" }) },
    {
      method: "GET",
      path: "/_emulator/paymentRequests",
      handle: () => {
        const now = new Date();
        return replyJson(200, { items: store.listPaymentRequests().map((record) => toControlView(record, context, now)) });
      },
    },
    {
      method: "GET",
      path: "/_emulator/paymentRequests/:id",
      handle: ({ params }) => {
        const record = getPaymentRequestOrThrow(store, params.id ?? "");
        return replyJson(200, toControlView(record, context, new Date()));
      },
    },
    {
      method: "POST",
      path: "/_emulator/paymentRequests/:id/pay",
      handle: async ({ request, params }) => {
        const body = parseWithSchema(payControlBodySchema, parseJsonBody(await readBody(request)) ?? {});
        try {
          const result = payPaymentRequest({
            store,
            dispatcher,
            appSecret: config.appSecret,
            log: context.log,
            paymentRequestId: params.id ?? "",
            userId: body.userId,
            email: body.email,
            delivery: body.delivery,
            delayMs: body.delayMs,
          });
          return replyJson(200, {
            transactionId: result.payment.transactionId,
            redirectUrl: result.redirectUrl,
            deliveryId: result.deliveryId,
          });
        } catch (error) {
          if (error instanceof PaymentError) throw new HttpError(error.status, error.message);
          throw error;
        }
      },
    },
    {
      method: "POST",
      path: "/_emulator/paymentRequests/:id/deliveries",
      handle: async ({ request, params }) => {
        const record = getPaymentRequestOrThrow(store, params.id ?? "");
        const body = parseWithSchema(deliveriesControlBodySchema, parseJsonBody(await readBody(request)) ?? {});
        const webhook = record.notifications?.webhook;
        if (!webhook) throw new HttpError(409, "Payment request has no notifications.webhook");
        const transactionId = body.transactionId ?? record.payments.at(-1)?.transactionId;
        if (!transactionId) throw new HttpError(409, "Payment request has no payment yet; pay it first or pass a transactionId");
        // A replay of a known payment carries that payer; an invented transactionId borrows the default test user.
        const payment = record.payments.find((candidate) => candidate.transactionId === transactionId) ?? {
          transactionId,
          userData: { id: DEFAULT_TEST_USER.id },
        };
        const appSecret = body.appSecret ?? config.appSecret;
        const payload = buildWebhookPayload(record, { ...payment, transactionId }, appSecret);
        const kind = appSecret === config.appSecret ? "replay" : "forgery";
        const deliveryIds = Array.from(
          { length: body.copies },
          () => dispatcher.startDelivery({ record, webhookUrl: webhook.webhookUrl, payload, kind, mode: "normal", isRetryEnabled: body.retry }).deliveryId,
        );
        return replyJson(202, { deliveryIds, transactionId });
      },
    },
    {
      method: "GET",
      path: "/_emulator/deliveries",
      handle: ({ url }) => {
        const filter = parseWithSchema(deliveriesQuerySchema, Object.fromEntries(url.searchParams));
        return replyJson(200, { deliveries: store.listDeliveries(filter).map(toDeliveryView) });
      },
    },
    {
      method: "GET",
      path: "/_emulator/deliveries/:deliveryId",
      handle: ({ params }) => {
        const delivery = store.getDelivery(params.deliveryId ?? "");
        if (!delivery) throw new HttpError(404, "Delivery not found");
        return replyJson(200, toDeliveryView(delivery));
      },
    },
    {
      method: "POST",
      path: "/_emulator/deliveries/:deliveryId/retry-now",
      handle: ({ params }) => {
        if (!store.getDelivery(params.deliveryId ?? "")) throw new HttpError(404, "Delivery not found");
        try {
          return replyJson(202, toDeliveryView(dispatcher.retryNow(params.deliveryId ?? "")));
        } catch (error) {
          if (error instanceof DeliveryConflictError) throw new HttpError(409, error.message);
          throw error;
        }
      },
    },
    {
      method: "POST",
      path: "/_emulator/reset",
      handle: () => {
        dispatcher.cancelAll();
        store.clear();
        context.faults.apiOutage = null;
        context.faults.publicViewOmits = { transactionId: false, paymentsCount: false };
        return replyJson(200, { status: "reset" });
      },
    },
    {
      method: "PUT",
      path: "/_emulator/outage",
      handle: async ({ request }) => {
        const { status, retryAfterSeconds, count, isAfterCreating } = parseWithSchema(outageControlBodySchema, parseJsonBody(await readBody(request)) ?? {});
        context.faults.apiOutage = status === null ? null : { status, retryAfterSeconds: retryAfterSeconds ?? null, remaining: count ?? null, isAfterCreating };
        context.log(status === null ? "API outage ended" : `API outage started: ${count ? `the next ${count}` : "every"} /v3 call answers ${status}`);
        return replyJson(200, { apiOutageStatus: status });
      },
    },
    {
      method: "PUT",
      path: "/_emulator/public-view",
      handle: async ({ request }) => {
        const omits = parseWithSchema(publicViewControlBodySchema, parseJsonBody(await readBody(request)) ?? {});
        context.faults.publicViewOmits = omits;
        context.log(
          `public view leaves out: ${
            Object.entries(omits)
              .filter(([, isOmitted]) => isOmitted)
              .map(([field]) => field)
              .join(", ") || "nothing"
          }`,
        );
        return replyJson(200, { omits });
      },
    },
  ];
}
