import type { EmulatorContext } from "../context";
import { parseWithSchema, readBody, replyHtml, replyRedirect } from "../http";
import { renderIndexPage, renderMessagePage, renderPayPage, renderPaymentSentPage } from "../pay-page";
import { PaymentError, payPaymentRequest } from "../pay-payment-request";
import type { Route } from "../router";
import { payFormSchema } from "../schemas";

/** The browser side: the page paymentRequestUrl points at, and the form post that pays. */

function renderMissingPage(context: EmulatorContext, id: string) {
  const message = context.store.isDeleted(id) ? "This payment request no longer exists: the merchant deleted it." : "There is no payment request with this id.";
  return replyHtml(404, renderMessagePage("Payment request not found", message));
}

export function buildPayPageRoutes(context: EmulatorContext): Route[] {
  const { config, store, dispatcher } = context;
  return [
    { method: "GET", path: "/", handle: () => replyHtml(200, renderIndexPage(store.listPaymentRequests(), new Date())) },
    {
      method: "GET",
      path: "/pay/:id",
      handle: ({ params }) => {
        const id = params.id ?? "";
        const record = store.getPaymentRequest(id);
        if (!record) return renderMissingPage(context, id);
        return replyHtml(200, renderPayPage(record, new Date()));
      },
    },
    {
      method: "POST",
      path: "/pay/:id",
      handle: async ({ request, params }) => {
        const id = params.id ?? "";
        if (!store.getPaymentRequest(id)) return renderMissingPage(context, id);
        const form = parseWithSchema(payFormSchema, Object.fromEntries(new URLSearchParams((await readBody(request)).toString("utf8"))));
        try {
          const result = payPaymentRequest({
            store,
            dispatcher,
            appSecret: config.appSecret,
            log: context.log,
            paymentRequestId: id,
            userId: form.userId,
            email: form.email,
            delivery: "normal",
          });
          if (result.redirectUrl) return replyRedirect(result.redirectUrl);
          return replyHtml(200, renderPaymentSentPage(result.record, result.payment.transactionId));
        } catch (error) {
          if (!(error instanceof PaymentError)) throw error;
          const heading = error.status === 409 ? "Payment not possible" : "Payment failed";
          return replyHtml(error.status, renderMessagePage(heading, error.message));
        }
      },
    },
  ];
}
