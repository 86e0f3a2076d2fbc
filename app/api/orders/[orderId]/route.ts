import { toHttpResponse } from "@/server/errors";
import { readCookie } from "@/server/http/cookies";
import { getOrderStatus } from "@/server/orders/get-order-status";
import { getReaderIdByToken, READER_COOKIE } from "@/server/readers/reader-session";

// GET /api/orders/{orderId}: the reader's own order status, polled by the paywall.
export async function GET(req: Request, { params }: { params: Promise<{ orderId: string }> }): Promise<Response> {
  try {
    const { orderId } = await params;
    const readerId = await getReaderIdByToken(readCookie(req, READER_COOKIE));
    const status = await getOrderStatus({ orderId, readerId });
    return Response.json(status, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toHttpResponse(error);
  }
}
