import { createOrderBodySchema } from "@/lib/schemas/orders";
import { toHttpResponse } from "@/server/errors";
import { readCookie } from "@/server/http/cookies";
import { readJsonBody } from "@/server/http/read-json-body";
import { clientIp } from "@/server/http/client-ip";
import { createOrder } from "@/server/orders/create-order";
import { enforceOrderRateLimitsForClient, enforceOrderRateLimitsForReader } from "@/server/orders/enforce-order-rate-limits";
import { createReader, getReaderIdByToken, READER_COOKIE } from "@/server/readers/reader-session";

// POST /api/orders: start buying a product; answers with the HandCash payment link and QR code.
export async function POST(req: Request): Promise<Response> {
  try {
    const { productId } = await readJsonBody(req, createOrderBodySchema);
    await enforceOrderRateLimitsForClient({ ip: clientIp(req) });
    let readerId = await getReaderIdByToken(readCookie(req, READER_COOKIE));
    let setCookie: string | null = null;
    if (!readerId) ({ readerId, setCookieHeader: setCookie } = await createReader());
    await enforceOrderRateLimitsForReader({ readerId });
    const { order, isExisting } = await createOrder({ readerId, productId });
    const headers: HeadersInit = { "cache-control": "no-store", ...(setCookie ? { "set-cookie": setCookie } : {}) };
    return Response.json(order, { status: isExisting ? 200 : 201, headers });
  } catch (error) {
    return toHttpResponse(error);
  }
}
