import { toHttpResponse } from "@/server/errors";
import { readCookie } from "@/server/http/cookies";
import { getOrderStatus } from "@/server/orders/get-order-status";
import { reconcileOnReturn } from "@/server/payments/reconcile-on-return";
import { READER_COOKIE } from "@/server/readers/reader-session";
import { hashBearerToken } from "@/server/security/bearer-token";

const TRANSACTION_HINT = /^[A-Za-z0-9_-]{1,128}$/;

// GET /api/orders/{orderId}[?transactionId=…]: the reader's own order status, polled by the paywall.
// With the transactionId HandCash appends on its redirect, HandCash is asked right away (rate-limited).
export async function GET(req: Request, { params }: { params: Promise<{ orderId: string }> }): Promise<Response> {
  try {
    const { orderId } = await params;
    const readerTokenHash = hashBearerToken(readCookie(req, READER_COOKIE));
    let status = await getOrderStatus({ orderId, readerTokenHash });
    const hint = new URL(req.url).searchParams.get("transactionId");
    if (hint && TRANSACTION_HINT.test(hint) && status.status !== "paid" && status.status !== "failed") {
      await reconcileOnReturn({ orderId: status.orderId });
      status = await getOrderStatus({ orderId, readerTokenHash, isFresh: true });
    }
    return Response.json(status, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toHttpResponse(error);
  }
}
